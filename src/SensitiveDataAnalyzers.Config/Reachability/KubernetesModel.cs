using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>Any Kubernetes object: kind, name, labels, annotations, and the rules it suppresses.</summary>
    public class KubernetesObject
    {
        public const string IgnoreAnnotation = "sensitivedata.io/ignore";

        private static readonly HashSet<string> WorkloadKinds = new(StringComparer.Ordinal)
        {
            "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
        };

        protected KubernetesObject(ConfigFile file, ConfigMapping root, string kind)
        {
            File = file;
            Root = root;
            Kind = kind;
            Metadata = root.Mapping("metadata");
            Name = Metadata?.Text("name") ?? "(unnamed)";
            Namespace = Metadata?.Text("namespace") ?? "default";
            Labels = StringMap(Metadata?.Mapping("labels"));
            Annotations = StringMap(Metadata?.Mapping("annotations"));
            IgnoredRules = ParseIgnored(Annotations.TryGetValue(IgnoreAnnotation, out var ignore) ? ignore : null);
        }

        public ConfigFile File { get; }

        public ConfigMapping Root { get; }

        public string Kind { get; }

        public ConfigMapping? Metadata { get; }

        public string Name { get; }

        public string Namespace { get; }

        public IReadOnlyDictionary<string, string?> Labels { get; }

        public IReadOnlyDictionary<string, string?> Annotations { get; }

        /// <summary>Ids named in <c>sensitivedata.io/ignore: "SDA5103=reason, SDA1101=reason"</c>.</summary>
        public IReadOnlyCollection<string> IgnoredRules { get; }

        /// <summary>Typed objects from a document: one object, or the items of a <c>kind: List</c>.</summary>
        public static IEnumerable<KubernetesObject> Read(ConfigFile file, ConfigMapping root)
        {
            if (root.Text("apiVersion") is null || root.Text("kind") is not { } kind)
            {
                yield break;
            }

            if (kind.EndsWith("List", StringComparison.Ordinal) && root.Sequence("items") is { } items)
            {
                foreach (var item in items.Items.OfType<ConfigMapping>())
                {
                    foreach (var nested in Read(file, item))
                    {
                        yield return nested;
                    }
                }

                yield break;
            }

            yield return kind switch
            {
                "Service" => new KubernetesService(file, root),
                "Ingress" => new KubernetesIngress(file, root),
                _ when WorkloadKinds.Contains(kind) => new KubernetesWorkload(file, root, kind),
                _ => new KubernetesObject(file, root, kind),
            };
        }

        /// <summary>True when every key of <paramref name="selector"/> has the same value in <paramref name="labels"/>.</summary>
        public static bool Selects(IReadOnlyDictionary<string, string?> selector, IReadOnlyDictionary<string, string?> labels) =>
            selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

        protected static IReadOnlyDictionary<string, string?> StringMap(ConfigMapping? mapping)
        {
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in mapping?.Entries ?? Array.Empty<ConfigEntry>())
            {
                map[entry.Name] = (entry.Value as ConfigScalar)?.Value;
            }

            return map;
        }

        private static IReadOnlyCollection<string> ParseIgnored(string? annotation)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in (annotation ?? string.Empty).Split(new[] { ',', ';', '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var id = part.Split('=')[0].Trim().ToUpperInvariant();
                if (id.StartsWith("SDA", StringComparison.Ordinal))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }

    /// <summary>A container of a Kubernetes workload.</summary>
    public sealed class KubernetesContainer : Workload
    {
        public KubernetesContainer(KubernetesWorkload owner, ConfigMapping container)
            : base(container.Text("name") ?? "(unnamed)", container.Text("image"), ReadEnvironment(container["env"]), container)
        {
            Owner = owner;
            Node = container;
            Ports = (container.Sequence("ports")?.Items ?? Array.Empty<ConfigNode>()).OfType<ConfigMapping>().ToList();
            MountPaths = (container.Sequence("volumeMounts")?.Items ?? Array.Empty<ConfigNode>())
                .OfType<ConfigMapping>()
                .Select(m => m.Text("mountPath"))
                .Where(p => p is not null)
                .Select(p => p!)
                .ToList();
        }

        public KubernetesWorkload Owner { get; }

        public ConfigMapping Node { get; }

        /// <summary>The <c>ports:</c> entries (containerPort, hostPort, name, protocol).</summary>
        public IReadOnlyList<ConfigMapping> Ports { get; }

        public IReadOnlyList<string> MountPaths { get; }

        public override IEnumerable<string> DescriptiveText =>
            new[] { Name, Owner.Name }
                .Concat(Owner.PodLabels.Select(l => l.Key + "=" + l.Value))
                .Concat(Owner.Labels.Select(l => l.Key + "=" + l.Value))
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
        public KubernetesWorkload(ConfigFile file, ConfigMapping root, string kind)
            : base(file, root, kind)
        {
            var template = kind switch
            {
                "Pod" => root,
                "CronJob" => root.Mapping("spec")?.Mapping("jobTemplate")?.Mapping("spec")?.Mapping("template"),
                _ => root.Mapping("spec")?.Mapping("template"),
            };
            PodSpec = template?.Mapping("spec");
            PodLabels = kind == "Pod" ? Labels : StringMap(template?.Mapping("metadata")?.Mapping("labels"));
            HostNetwork = PodSpec?.Scalar("hostNetwork");
            Containers = (PodSpec?.Sequence("containers")?.Items ?? Array.Empty<ConfigNode>())
                .OfType<ConfigMapping>()
                .Select(c => new KubernetesContainer(this, c))
                .ToList();
        }

        public ConfigMapping? PodSpec { get; }

        /// <summary>The labels Services select on.</summary>
        public IReadOnlyDictionary<string, string?> PodLabels { get; }

        public ConfigScalar? HostNetwork { get; }

        public IReadOnlyList<KubernetesContainer> Containers { get; }
    }

    /// <summary>A Service: how pods are reached.</summary>
    public sealed class KubernetesService : KubernetesObject
    {
        public KubernetesService(ConfigFile file, ConfigMapping root)
            : base(file, root, "Service")
        {
            Spec = root.Mapping("spec");
            Type = Spec?.Scalar("type");
            Selector = StringMap(Spec?.Mapping("selector"));
            Ports = (Spec?.Sequence("ports")?.Items ?? Array.Empty<ConfigNode>()).OfType<ConfigMapping>().ToList();
            ExternalIps = Spec?.Sequence("externalIPs");
        }

        public ConfigMapping? Spec { get; }

        public ConfigScalar? Type { get; }

        public IReadOnlyDictionary<string, string?> Selector { get; }

        public IReadOnlyList<ConfigMapping> Ports { get; }

        public ConfigSequence? ExternalIps { get; }

        /// <summary>
        /// The container port a Service port forwards to: a numeric targetPort, a named one resolved through the
        /// selected containers' ports, or the Service port itself when targetPort is not written. Null when unknown.
        /// </summary>
        public static int? TargetPort(ConfigMapping servicePort, IEnumerable<KubernetesContainer> containers)
        {
            var target = servicePort.Text("targetPort");
            if (target is null)
            {
                return ComposeService.Port(servicePort.Text("port"));
            }

            if (ComposeService.Port(target) is int number)
            {
                return number;
            }

            return containers
                .SelectMany(c => c.Ports)
                .Where(p => string.Equals(p.Text("name"), target, StringComparison.Ordinal))
                .Select(p => ComposeService.Port(p.Text("containerPort")))
                .FirstOrDefault(p => p is not null);
        }

        /// <summary>LoadBalancer and NodePort reach beyond the cluster; so do external IPs.</summary>
        public bool IsExternal =>
            Type?.Value is "LoadBalancer" or "NodePort" || ExternalIps is { Items.Count: > 0 };
    }

    /// <summary>An Ingress: HTTP routes from outside the cluster to Services.</summary>
    public sealed class KubernetesIngress : KubernetesObject
    {
        public KubernetesIngress(ConfigFile file, ConfigMapping root)
            : base(file, root, "Ingress")
        {
            Spec = root.Mapping("spec");
            Tls = Spec?.Sequence("tls");
            TlsHosts = new HashSet<string>(
                (Tls?.Items ?? Array.Empty<ConfigNode>()).OfType<ConfigMapping>()
                    .SelectMany(t => t.Sequence("hosts")?.Items ?? Array.Empty<ConfigNode>())
                    .OfType<ConfigScalar>()
                    .Select(h => h.Value ?? string.Empty),
                StringComparer.OrdinalIgnoreCase);
            Rules = (Spec?.Sequence("rules")?.Items ?? Array.Empty<ConfigNode>()).OfType<ConfigMapping>().ToList();
        }

        public ConfigMapping? Spec { get; }

        public ConfigSequence? Tls { get; }

        public IReadOnlyCollection<string> TlsHosts { get; }

        public IReadOnlyList<ConfigMapping> Rules { get; }

        /// <summary>Names of the Services the Ingress routes to (default backend and every path).</summary>
        public IEnumerable<string> BackendServices
        {
            get
            {
                if (Spec?.Mapping("defaultBackend")?.Mapping("service")?.Text("name") is { } defaultBackend)
                {
                    yield return defaultBackend;
                }

                foreach (var rule in Rules)
                {
                    foreach (var path in rule.Mapping("http")?.Sequence("paths")?.Items.OfType<ConfigMapping>() ?? Enumerable.Empty<ConfigMapping>())
                    {
                        if ((path.Mapping("backend")?.Mapping("service")?.Text("name") ?? path.Mapping("backend")?.Text("serviceName")) is { } name)
                        {
                            yield return name;
                        }
                    }
                }
            }
        }

        /// <summary>TLS covers a host when a tls entry lists it, or a wildcard entry covers its first label.</summary>
        public bool CoversHost(string host) =>
            TlsHosts.Contains(host)
            || (host.IndexOf('.') is var dot and > 0 && TlsHosts.Contains("*" + host.Substring(dot)));
    }
}
