using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Any Kubernetes object: kind, name, labels, annotations, and the rules it suppresses. Like every view of the
    /// deployment model it keeps what the checks read (strings, numbers, positions), never the document's nodes: the
    /// model outlives each file's tree, and holding trees made the garbage collector copy the whole deployment.
    /// </summary>
    public class KubernetesObject
    {
        public const string IgnoreAnnotation = "sensitivedata.io/ignore";

        private static readonly HashSet<string> WorkloadKinds = new(StringComparer.Ordinal)
        {
            "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
        };

        private static readonly IReadOnlyCollection<string> NoIgnoredRules = Array.Empty<string>();

        protected KubernetesObject(string path, ConfigMapping root, string kind, StringPool pool)
        {
            Path = path;
            Kind = pool.Intern(kind)!;
            At = (root.Entry("spec")?.Key ?? (ConfigNode)root).Location;
            var metadata = root.Mapping("metadata");
            Name = pool.Intern(metadata?.Text("name")) ?? "(unnamed)";
            Namespace = pool.Intern(metadata?.Text("namespace")) ?? "default";
            Labels = StringMap.Read(metadata?.Mapping("labels"), pool);
            Annotations = StringMap.Read(metadata?.Mapping("annotations"), pool);
            IgnoredRules = ParseIgnored(Annotations.TryGetValue(IgnoreAnnotation, out var ignore) ? ignore : null);
        }

        /// <summary>The file the object was read from.</summary>
        public string Path { get; }

        public string Kind { get; }

        /// <summary>Where findings about the object as a whole go: its <c>spec</c> key (a missing block is reported on the object that lacks it), else its first line.</summary>
        public SourceLocation At { get; }

        public string Name { get; }

        public string Namespace { get; }

        public StringMap Labels { get; }

        /// <summary>Annotations, with the position of each value.</summary>
        public StringMap Annotations { get; }

        /// <summary>Ids named in <c>sensitivedata.io/ignore: "SDA5103=reason, SDA1101=reason"</c>.</summary>
        public IReadOnlyCollection<string> IgnoredRules { get; }

        /// <summary>Typed objects from a document: one object, or the items of a <c>kind: List</c>.</summary>
        public static IEnumerable<KubernetesObject> Read(string path, ConfigMapping root, StringPool pool)
        {
            var objects = new List<KubernetesObject>();
            Read(path, root, pool, objects);
            return objects;
        }

        /// <summary>Adds the typed objects of a document to <paramref name="into"/> (no iterator per document of the run).</summary>
        internal static void Read(string path, ConfigMapping root, StringPool pool, List<KubernetesObject> into)
        {
            if (root.Text("apiVersion") is null || root.Text("kind") is not { } kind)
            {
                return;
            }

            if (kind.EndsWith("List", StringComparison.Ordinal) && root.Sequence("items") is { } items)
            {
                foreach (var item in items.Items)
                {
                    if (item is ConfigMapping mapping)
                    {
                        Read(path, mapping, pool, into);
                    }
                }

                return;
            }

            into.Add(kind switch
            {
                "Service" => new KubernetesService(path, root, pool),
                "Ingress" => new KubernetesIngress(path, root, pool),
                "ConfigMap" => new KubernetesConfigMap(path, root, pool),
                "NetworkPolicy" => new KubernetesNetworkPolicy(path, root, pool),
                _ when WorkloadKinds.Contains(kind) => new KubernetesWorkload(path, root, kind, pool),
                _ => new KubernetesObject(path, root, kind, pool),
            });
        }

        /// <summary>True when every key of <paramref name="selector"/> has the same value in <paramref name="labels"/>.</summary>
        public static bool Selects(StringMap selector, StringMap labels) => selector.Selects(labels);

        /// <summary>
        /// What <paramref name="convert"/> makes of each mapping in the sequence under <paramref name="key"/>, nulls left
        /// out, as an exact-size array: views are read for every object of a run, so no LINQ pipeline per list.
        /// </summary>
        internal static TResult[] FromMappings<TState, TResult>(ConfigMapping? parent, string key, TState state, Func<ConfigMapping, TState, TResult?> convert)
            where TResult : class
        {
            if (parent?.Sequence(key)?.Items is not { Count: > 0 } items)
            {
                return Array.Empty<TResult>();
            }

            var results = new TResult[items.Count];
            var count = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is ConfigMapping mapping && convert(mapping, state) is { } result)
                {
                    results[count++] = result;
                }
            }

            return Trimmed(results, count);
        }

        /// <summary>The first <paramref name="count"/> items; the array itself when it is full.</summary>
        internal static T[] Trimmed<T>(T[] items, int count)
        {
            if (count == items.Length)
            {
                return items;
            }

            if (count == 0)
            {
                return Array.Empty<T>();
            }

            Array.Resize(ref items, count);
            return items;
        }

        private static IReadOnlyCollection<string> ParseIgnored(string? annotation)
        {
            if (string.IsNullOrEmpty(annotation))
            {
                return NoIgnoredRules;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in annotation!.Split(new[] { ',', ';', '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var id = part.Split('=')[0].Trim().ToUpperInvariant();
                if (id.StartsWith("SDA", StringComparison.Ordinal))
                {
                    ids.Add(id);
                }
            }

            return ids.Count == 0 ? NoIgnoredRules : ids;
        }
    }

    /// <summary>A <c>ports:</c> entry of a container.</summary>
    public sealed class ContainerPort
    {
        public ContainerPort(ConfigMapping port, StringPool pool)
        {
            Name = pool.Intern(port.Text("name"));
            Number = ComposeService.Port(port.Text("containerPort"));
            var hostPort = port.Scalar("hostPort");
            HostPort = ComposeService.Port(hostPort?.Value);
            HostPortAt = hostPort?.Location ?? port.Location;
        }

        public string? Name { get; }

        /// <summary>containerPort; null when missing or not a port number.</summary>
        public int? Number { get; }

        /// <summary>hostPort, which binds the port on the node; null when not set.</summary>
        public int? HostPort { get; }

        public SourceLocation HostPortAt { get; }
    }

    /// <summary>A container of a Kubernetes workload.</summary>
    public sealed class KubernetesContainer : Workload
    {
        public KubernetesContainer(KubernetesWorkload owner, ConfigMapping container, StringPool pool)
            : base(pool.Intern(container.Text("name")) ?? "(unnamed)", pool.Intern(container.Text("image")), ReadEnvironment(container["env"], pool), container.Location, ReadArguments(pool, container["command"], container["args"]))
        {
            Owner = owner;
            Ports = KubernetesObject.FromMappings(container, "ports", pool, static (port, pool) => new ContainerPort(port, pool));
            MountPaths = KubernetesObject.FromMappings(container, "volumeMounts", pool, static (mount, pool) => pool.Intern(mount.Text("mountPath")));
        }

        public KubernetesWorkload Owner { get; }

        public IReadOnlyList<ContainerPort> Ports { get; }

        public IReadOnlyList<string> MountPaths { get; }

        internal override void AddDescriptiveText(List<string> texts)
        {
            texts.Add(Name);
            texts.Add(Owner.Name);
            Owner.PodLabels.AddWords(texts);
            Owner.Labels.AddWords(texts);
            texts.AddRange(MountPaths);
        }

        public override bool? DeclaredPhi =>
            Owner.Annotations.TryGetValue(SensitiveData.PhiKey, out var annotation) ? ConfigScalar.ParseBoolean(annotation)
            : Owner.Labels.TryGetValue(SensitiveData.PhiKey, out var label) ? ConfigScalar.ParseBoolean(label)
            : Owner.PodLabels.TryGetValue(SensitiveData.PhiKey, out var podLabel) ? ConfigScalar.ParseBoolean(podLabel)
            : null;
    }

    /// <summary>A Pod or a controller with a pod template.</summary>
    public sealed class KubernetesWorkload : KubernetesObject
    {
        public KubernetesWorkload(string path, ConfigMapping root, string kind, StringPool pool)
            : base(path, root, kind, pool)
        {
            var template = kind switch
            {
                "Pod" => root,
                "CronJob" => root.Mapping("spec")?.Mapping("jobTemplate")?.Mapping("spec")?.Mapping("template"),
                _ => root.Mapping("spec")?.Mapping("template"),
            };
            var podSpec = template?.Mapping("spec");
            PodLabels = kind == "Pod" ? Labels : StringMap.Read(template?.Mapping("metadata")?.Mapping("labels"), pool);
            HostNetwork = podSpec?.Scalar("hostNetwork");
            Containers = FromMappings(podSpec, "containers", (Owner: this, Pool: pool), static (container, state) => new KubernetesContainer(state.Owner, container, state.Pool));
            ConfigMapVolumes = FromMappings(podSpec, "volumes", pool, static (volume, pool) => pool.Intern(volume.Mapping("configMap")?.Text("name")));
        }

        /// <summary>The labels Services select on.</summary>
        public StringMap PodLabels { get; }

        public ConfigScalar? HostNetwork { get; }

        public IReadOnlyList<KubernetesContainer> Containers { get; }

        /// <summary>Names of the ConfigMaps the pod mounts as volumes.</summary>
        public IReadOnlyList<string> ConfigMapVolumes { get; }
    }

    /// <summary>A <c>ports:</c> entry of a Service.</summary>
    public sealed class ServicePort
    {
        public ServicePort(ConfigMapping port, StringPool pool)
        {
            Port = pool.Intern(port.Text("port"));
            Name = pool.Intern(port.Text("name"));
            TargetPort = pool.Intern(port.Text("targetPort"));
        }

        /// <summary>The port as written (a number).</summary>
        public string? Port { get; }

        public int? Number => ComposeService.Port(Port);

        public string? Name { get; }

        /// <summary>targetPort as written: a number, a container port name, or null.</summary>
        public string? TargetPort { get; }
    }

    /// <summary>A Service: how pods are reached.</summary>
    public sealed class KubernetesService : KubernetesObject
    {
        public KubernetesService(string path, ConfigMapping root, StringPool pool)
            : base(path, root, "Service", pool)
        {
            var spec = root.Mapping("spec");
            var type = spec?.Scalar("type");
            Type = pool.Intern(type?.Value);
            TypeAt = type?.Location;
            Selector = StringMap.Read(spec?.Mapping("selector"), pool);
            Ports = FromMappings(spec, "ports", pool, static (port, pool) => new ServicePort(port, pool));
            var externalIps = spec?.Sequence("externalIPs");
            HasExternalIps = externalIps is { Items.Count: > 0 };
            ExternalIpsAt = externalIps?.Location;
        }

        /// <summary>spec.type as written (null: ClusterIP).</summary>
        public string? Type { get; }

        public SourceLocation? TypeAt { get; }

        public StringMap Selector { get; }

        public IReadOnlyList<ServicePort> Ports { get; }

        public bool HasExternalIps { get; }

        public SourceLocation? ExternalIpsAt { get; }

        /// <summary>
        /// The container port a Service port forwards to: a numeric targetPort, a named one resolved through the
        /// selected containers' ports, or the Service port itself when targetPort is not written. Null when unknown.
        /// </summary>
        public static int? TargetPortOf(ServicePort servicePort, IEnumerable<KubernetesContainer> containers)
        {
            var target = servicePort.TargetPort;
            if (target is null)
            {
                return servicePort.Number;
            }

            if (ComposeService.Port(target) is int number)
            {
                return number;
            }

            foreach (var container in containers)
            {
                var ports = container.Ports;
                for (var i = 0; i < ports.Count; i++)
                {
                    if (ports[i].Number is not null && string.Equals(ports[i].Name, target, StringComparison.Ordinal))
                    {
                        return ports[i].Number;
                    }
                }
            }

            return null;
        }

        /// <summary>LoadBalancer and NodePort reach beyond the cluster; so do external IPs.</summary>
        public bool IsExternal => Type is "LoadBalancer" or "NodePort" || HasExternalIps;
    }

    /// <summary>A Service an Ingress routes to, and the Service port (number or name; null when not written).</summary>
    public readonly struct IngressBackend
    {
        public IngressBackend(string service, string? port)
        {
            Service = service;
            Port = port;
        }

        public string Service { get; }

        public string? Port { get; }
    }

    /// <summary>An Ingress: HTTP routes from outside the cluster to Services.</summary>
    public sealed class KubernetesIngress : KubernetesObject
    {
        public KubernetesIngress(string path, ConfigMapping root, StringPool pool)
            : base(path, root, "Ingress", pool)
        {
            var spec = root.Mapping("spec");
            var tls = spec?.Sequence("tls");
            HasTls = tls is { Items.Count: > 0 };
            List<string>? tlsHosts = null;
            foreach (var entry in tls?.Items ?? Array.Empty<ConfigNode>())
            {
                foreach (var host in (entry as ConfigMapping)?.Sequence("hosts")?.Items ?? Array.Empty<ConfigNode>())
                {
                    if (host is ConfigScalar scalar)
                    {
                        (tlsHosts ??= new List<string>()).Add(pool.Intern(scalar.Value) ?? string.Empty);
                    }
                }
            }

            TlsHosts = tlsHosts?.ToArray() ?? Array.Empty<string>();

            // Default backend, the older default form, then every path's backend, in that order.
            List<(string, SourceLocation)>? ruleHosts = null;
            List<IngressBackend>? backends = null;
            AddBackend(ref backends, spec?.Mapping("defaultBackend"), pool);
            AddBackend(ref backends, spec?.Mapping("backend"), pool);
            foreach (var item in spec?.Sequence("rules")?.Items ?? Array.Empty<ConfigNode>())
            {
                if (item is not ConfigMapping rule)
                {
                    continue;
                }

                if (rule.Scalar("host") is { Value: { } host } hostScalar)
                {
                    (ruleHosts ??= new List<(string, SourceLocation)>()).Add((pool.Intern(host)!, hostScalar.Location));
                }

                foreach (var httpPath in rule.Mapping("http")?.Sequence("paths")?.Items ?? Array.Empty<ConfigNode>())
                {
                    AddBackend(ref backends, (httpPath as ConfigMapping)?.Mapping("backend"), pool);
                }
            }

            RuleHosts = ruleHosts?.ToArray() ?? Array.Empty<(string, SourceLocation)>();
            Backends = backends?.ToArray() ?? Array.Empty<IngressBackend>();
        }

        /// <summary>A tls section with at least one entry.</summary>
        public bool HasTls { get; }

        public IReadOnlyList<string> TlsHosts { get; }

        /// <summary>The host of every rule that names one, with its position.</summary>
        public IReadOnlyList<(string Host, SourceLocation At)> RuleHosts { get; }

        /// <summary>Default backend and every path's backend (networking.k8s.io/v1 and the older serviceName form).</summary>
        public IReadOnlyList<IngressBackend> Backends { get; }

        /// <summary>Names of the Services the Ingress routes to.</summary>
        public IEnumerable<string> BackendServices => Backends.Select(b => b.Service);

        /// <summary>nginx-ingress annotations that, set to "false", keep serving plain HTTP beside TLS.</summary>
        public static readonly IReadOnlyList<string> RedirectAnnotations = new[]
        {
            "nginx.ingress.kubernetes.io/ssl-redirect",
            "nginx.ingress.kubernetes.io/force-ssl-redirect",
        };

        /// <summary>
        /// Clients reach the backends over TLS only: a tls section covers every rule host and no redirect annotation
        /// is turned off. The backends behind it may speak plain HTTP inside the cluster.
        /// </summary>
        public bool TerminatesTls
        {
            get
            {
                if (!HasTls)
                {
                    return false;
                }

                foreach (var rule in RuleHosts)
                {
                    if (!CoversHost(rule.Host))
                    {
                        return false;
                    }
                }

                foreach (var key in RedirectAnnotations)
                {
                    if (Annotations.TryGetValue(key, out var value) && ConfigScalar.ParseBoolean(value) == false)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>TLS covers a host when a tls entry lists it, or a wildcard entry covers its first label.</summary>
        public bool CoversHost(string host)
        {
            var dot = host.IndexOf('.');
            foreach (var tlsHost in TlsHosts)
            {
                // "*" + the host from its first dot, compared without building that string.
                if (string.Equals(tlsHost, host, StringComparison.OrdinalIgnoreCase)
                    || (dot > 0 && tlsHost.Length == host.Length - dot + 1 && tlsHost[0] == '*'
                        && string.Compare(tlsHost, 1, host, dot, host.Length - dot, StringComparison.OrdinalIgnoreCase) == 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddBackend(ref List<IngressBackend>? backends, ConfigMapping? backend, StringPool pool)
        {
            if (backend is null)
            {
                return;
            }

            if (backend.Mapping("service") is { } service && service.Text("name") is { } name)
            {
                (backends ??= new List<IngressBackend>()).Add(new IngressBackend(pool.Intern(name)!, pool.Intern(service.Mapping("port")?.Text("number") ?? service.Mapping("port")?.Text("name"))));
            }
            else if (backend.Text("serviceName") is { } legacyName)
            {
                (backends ??= new List<IngressBackend>()).Add(new IngressBackend(pool.Intern(legacyName)!, pool.Intern(backend.Text("servicePort"))));
            }
        }
    }

    /// <summary>An entry of a ConfigMap's <c>data</c> that holds a JSON object (Orthanc reads such files when mounted).</summary>
    public sealed class ConfigMapJson
    {
        public ConfigMapJson(string key, string text, SourceLocation at)
        {
            Key = key;
            Text = text;
            At = at;
        }

        public string Key { get; }

        public string Text { get; }

        /// <summary>The entry's value: embedded JSON has positions inside the string only, so its settings are reported here.</summary>
        public SourceLocation At { get; }
    }

    /// <summary>A ConfigMap, reduced to what Orthanc would read from it: the JSON entries naming Orthanc settings.</summary>
    public sealed class KubernetesConfigMap : KubernetesObject
    {
        public KubernetesConfigMap(string path, ConfigMapping root, StringPool pool)
            : base(path, root, "ConfigMap", pool)
        {
            List<ConfigMapJson>? orthancEntries = null;
            foreach (var entry in root.Mapping("data")?.Entries ?? Array.Empty<ConfigEntry>())
            {
                if (entry.Value is ConfigScalar { Value: { } text } && LooksLikeJsonObject(text))
                {
                    HoldsJson = true;
                    if (OrthancInstance.MentionsOrthancKey(text))
                    {
                        (orthancEntries ??= new List<ConfigMapJson>()).Add(new ConfigMapJson(entry.Name, text, entry.Value.Location));
                    }
                }
            }

            OrthancEntries = orthancEntries?.ToArray() ?? Array.Empty<ConfigMapJson>();
        }

        /// <summary>Some entry holds a JSON object: mounted over Orthanc's configuration directory, it replaces the image's files.</summary>
        public bool HoldsJson { get; }

        /// <summary>The JSON entries that name an Orthanc setting (the text is kept; other entries are not).</summary>
        public IReadOnlyList<ConfigMapJson> OrthancEntries { get; }

        /// <summary>Starts with <c>{</c>, or with a comment that may precede one (Orthanc's files do).</summary>
        public static bool LooksLikeJsonObject(string text)
        {
            var first = text.TrimStart();
            return first.Length > 0 && (first[0] == '{' || first[0] == '/');
        }
    }

    /// <summary>A NetworkPolicy, reduced to what decides whether it limits the sources of a pod's ingress.</summary>
    public sealed class KubernetesNetworkPolicy : KubernetesObject
    {
        public KubernetesNetworkPolicy(string path, ConfigMapping root, StringPool pool)
            : base(path, root, "NetworkPolicy", pool)
        {
            var spec = root.Mapping("spec");
            var podSelector = spec?.Mapping("podSelector");
            HasPodSelector = podSelector is not null;
            var matchLabels = podSelector?.Mapping("matchLabels");
            MatchLabels = StringMap.Read(matchLabels, pool);
            SelectsAllPods = MatchLabels.Count == 0 && podSelector?.Entry("matchExpressions") is null;
            GovernsIngress = spec?.Sequence("policyTypes") is { } policyTypes ? Names(policyTypes, "Ingress") : spec?.Entry("ingress") is not null;
            EveryRuleNamesSources = true;
            foreach (var rule in spec?.Sequence("ingress")?.Items ?? Array.Empty<ConfigNode>())
            {
                if (rule is ConfigMapping mapping && mapping.Sequence("from") is not { Items.Count: > 0 })
                {
                    EveryRuleNamesSources = false;
                    break;
                }
            }
        }

        /// <summary>A policy without a podSelector is invalid and selects nothing.</summary>
        public bool HasPodSelector { get; }

        public StringMap MatchLabels { get; }

        /// <summary>An empty podSelector selects every pod of the namespace.</summary>
        public bool SelectsAllPods { get; }

        public bool GovernsIngress { get; }

        /// <summary>No ingress rules (deny all), or every rule has a non-empty <c>from</c>: a rule without it admits everyone.</summary>
        public bool EveryRuleNamesSources { get; }

        public bool Selects(KubernetesWorkload workload) =>
            HasPodSelector && (SelectsAllPods || KubernetesObject.Selects(MatchLabels, workload.PodLabels));

        private static bool Names(ConfigSequence sequence, string value)
        {
            foreach (var item in sequence.Items)
            {
                if (item is ConfigScalar scalar && scalar.Value == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
