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
            if (root.Text("apiVersion") is null || root.Text("kind") is not { } kind)
            {
                yield break;
            }

            if (kind.EndsWith("List", StringComparison.Ordinal) && root.Sequence("items") is { } items)
            {
                foreach (var item in items.Items.OfType<ConfigMapping>())
                {
                    foreach (var nested in Read(path, item, pool))
                    {
                        yield return nested;
                    }
                }

                yield break;
            }

            yield return kind switch
            {
                "Service" => new KubernetesService(path, root, pool),
                "Ingress" => new KubernetesIngress(path, root, pool),
                "ConfigMap" => new KubernetesConfigMap(path, root, pool),
                "NetworkPolicy" => new KubernetesNetworkPolicy(path, root, pool),
                _ when WorkloadKinds.Contains(kind) => new KubernetesWorkload(path, root, kind, pool),
                _ => new KubernetesObject(path, root, kind, pool),
            };
        }

        /// <summary>True when every key of <paramref name="selector"/> has the same value in <paramref name="labels"/>.</summary>
        public static bool Selects(StringMap selector, StringMap labels) => selector.Selects(labels);

        /// <summary>The items of a sequence under <paramref name="key"/> that are mappings.</summary>
        internal static IEnumerable<ConfigMapping> Mappings(ConfigMapping? parent, string key) =>
            (parent?.Sequence(key)?.Items ?? Array.Empty<ConfigNode>()).OfType<ConfigMapping>();

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
            Ports = KubernetesObject.Mappings(container, "ports").Select(p => new ContainerPort(p, pool)).ToArray();
            MountPaths = KubernetesObject.Mappings(container, "volumeMounts")
                .Select(m => pool.Intern(m.Text("mountPath")))
                .Where(p => p is not null)
                .Select(p => p!)
                .ToArray();
        }

        public KubernetesWorkload Owner { get; }

        public IReadOnlyList<ContainerPort> Ports { get; }

        public IReadOnlyList<string> MountPaths { get; }

        public override IEnumerable<string> DescriptiveText =>
            new[] { Name, Owner.Name }
                .Concat(Words(Owner.PodLabels))
                .Concat(Words(Owner.Labels))
                .Concat(MountPaths);

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
            Containers = Mappings(podSpec, "containers").Select(c => new KubernetesContainer(this, c, pool)).ToArray();
            var configMaps = Mappings(podSpec, "volumes")
                .Select(v => pool.Intern(v.Mapping("configMap")?.Text("name")))
                .Where(n => n is not null)
                .Select(n => n!)
                .ToArray();
            ConfigMapVolumes = configMaps.Length == 0 ? Array.Empty<string>() : configMaps;
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
            Ports = Mappings(spec, "ports").Select(p => new ServicePort(p, pool)).ToArray();
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

            return containers
                .SelectMany(c => c.Ports)
                .Where(p => string.Equals(p.Name, target, StringComparison.Ordinal))
                .Select(p => p.Number)
                .FirstOrDefault(p => p is not null);
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
            var tls = Mappings(spec, "tls").ToList();
            HasTls = spec?.Sequence("tls") is { Items.Count: > 0 };
            TlsHosts = tls.SelectMany(t => t.Sequence("hosts")?.Items ?? Array.Empty<ConfigNode>())
                .OfType<ConfigScalar>()
                .Select(h => pool.Intern(h.Value) ?? string.Empty)
                .ToArray();
            var rules = Mappings(spec, "rules").ToList();
            RuleHosts = rules
                .Select(rule => rule.Scalar("host"))
                .Where(host => host?.Value is not null)
                .Select(host => (host!.Value!, host.Location))
                .ToArray();

            var backends = new List<ConfigMapping>();
            if (spec?.Mapping("defaultBackend") is { } defaultBackend)
            {
                backends.Add(defaultBackend);
            }

            if (spec?.Mapping("backend") is { } legacyDefault)
            {
                backends.Add(legacyDefault);
            }

            backends.AddRange(rules.SelectMany(rule => Mappings(rule.Mapping("http"), "paths")).Select(p => p.Mapping("backend")).Where(b => b is not null).Select(b => b!));
            Backends = backends.Select(backend => Backend(backend, pool)).Where(b => b is not null).Select(b => b!.Value).ToArray();
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
        public bool TerminatesTls =>
            HasTls
            && RuleHosts.All(rule => CoversHost(rule.Host))
            && !RedirectAnnotations.Any(key => Annotations.TryGetValue(key, out var value) && ConfigScalar.ParseBoolean(value) == false);

        /// <summary>TLS covers a host when a tls entry lists it, or a wildcard entry covers its first label.</summary>
        public bool CoversHost(string host) =>
            TlsHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            || (host.IndexOf('.') is var dot and > 0 && TlsHosts.Contains("*" + host.Substring(dot), StringComparer.OrdinalIgnoreCase));

        private static IngressBackend? Backend(ConfigMapping backend, StringPool pool)
        {
            if (backend.Mapping("service") is { } service && service.Text("name") is { } name)
            {
                return new IngressBackend(pool.Intern(name)!, pool.Intern(service.Mapping("port")?.Text("number") ?? service.Mapping("port")?.Text("name")));
            }

            return backend.Text("serviceName") is { } legacyName ? new IngressBackend(pool.Intern(legacyName)!, pool.Intern(backend.Text("servicePort"))) : null;
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
            var json = (root.Mapping("data")?.Entries ?? Array.Empty<ConfigEntry>())
                .Where(entry => entry.Value is ConfigScalar { Value: { } text } && LooksLikeJsonObject(text))
                .ToList();
            HoldsJson = json.Count > 0;
            OrthancEntries = json
                .Where(entry => OrthancInstance.MentionsOrthancKey(((ConfigScalar)entry.Value).Value!))
                .Select(entry => new ConfigMapJson(entry.Name, ((ConfigScalar)entry.Value).Value!, entry.Value.Location))
                .ToArray();
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
            GovernsIngress = spec?.Sequence("policyTypes")?.Items.OfType<ConfigScalar>().Any(t => t.Value == "Ingress") ?? spec?.Entry("ingress") is not null;
            var rules = spec?.Sequence("ingress")?.Items.OfType<ConfigMapping>().ToList();
            EveryRuleNamesSources = rules is null || rules.All(rule => rule.Sequence("from") is { Items.Count: > 0 });
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
    }
}
