using System;
using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>A JSON object file that is neither ASP.NET Core settings nor a Kubernetes manifest: Orthanc reads such files.</summary>
    public sealed class JsonConfiguration
    {
        public JsonConfiguration(string path, ConfigMapping root, bool looksLikeOrthanc)
        {
            Path = path;
            Root = root;
            LooksLikeOrthanc = looksLikeOrthanc;
        }

        public string Path { get; }

        /// <summary>The path with '/' separators, made once: compose mounts are matched against every file of that name.</summary>
        internal string SlashedPath => _slashedPath ??= Path.Replace('\\', '/');

        private string? _slashedPath;

        /// <summary>The settings the Orthanc checks read, with their positions (the file's other keys are not kept).</summary>
        public ConfigMapping Root { get; }

        /// <summary>At least two keys only Orthanc uses: an Orthanc configuration even when no workload of the run mounts it.</summary>
        public bool LooksLikeOrthanc { get; }
    }

    /// <summary>
    /// Typed views of every recognised document of one deployment (all files of a run), recognised by content:
    /// compose files by a top-level <c>services</c> mapping, Kubernetes objects by <c>apiVersion</c> and <c>kind</c>,
    /// ASP.NET Core settings by name or a <c>Kestrel</c> section. Checks read these views, never raw text.
    /// Files are added one at a time and the views keep only what the checks read, so each file's tree can be
    /// collected as soon as it is added: a large deployment's model stays small and short-lived garbage stays young.
    /// </summary>
    public sealed class DeploymentModel
    {
        private readonly List<ComposeService> _compose = new();
        private readonly List<KubernetesObject> _kubernetes = new();
        private readonly List<AppSettings> _settings = new();
        private readonly List<JsonConfiguration> _json = new();
        private readonly StringPool _pool = new();
        private Indexes? _indexes;

        public IReadOnlyList<ComposeService> ComposeServices => _compose;

        public IReadOnlyList<KubernetesObject> KubernetesObjects => _kubernetes;

        public IReadOnlyList<AppSettings> AppSettings => _settings;

        /// <summary>JSON object files that set Orthanc keys and are not settings or manifests (mounted or stand-alone Orthanc configuration).</summary>
        public IReadOnlyList<JsonConfiguration> JsonConfigurations => _json;

        public IReadOnlyList<KubernetesWorkload> KubernetesWorkloads => Index.Workloads;

        public IReadOnlyList<KubernetesService> KubernetesServices => Index.Services;

        public IReadOnlyList<KubernetesIngress> Ingresses => Index.Ingresses;

        /// <summary>Compose services and Kubernetes containers alike.</summary>
        public IReadOnlyList<Workload> Workloads => Index.AllWorkloads;

        /// <summary>The Orthanc servers of the deployment, merged once and shared by every PACS check.</summary>
        public IReadOnlyList<OrthancInstance> Orthancs => Index.Orthancs ??= OrthancInstance.Find(this);

        public static DeploymentModel Build(IEnumerable<ConfigFile> files)
        {
            var model = new DeploymentModel();
            foreach (var file in files)
            {
                model.Add(file);
            }

            return model;
        }

        /// <summary>Reads the views of one file; the model keeps no reference to the file or its tree.</summary>
        public void Add(ConfigFile file)
        {
            _indexes = null;
            var documents = file.Documents;
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                if (document.Root is not ConfigMapping root)
                {
                    continue;
                }

                var recognised = _compose.Count + _kubernetes.Count;
                ComposeService.Read(file.Path, root, _pool, _compose);
                KubernetesObject.Read(file.Path, root, _pool, _kubernetes);
                if (file.Format != ConfigFormat.Json || _compose.Count + _kubernetes.Count > recognised)
                {
                    continue;
                }

                if (Reachability.AppSettings.Read(file.Path, root, _pool) is { } appSettings)
                {
                    _settings.Add(appSettings);
                }
                else if (document.Index == 0 && OrthancInstance.ReadConfiguration(file.Path, root) is { } orthanc)
                {
                    // Only the Orthanc settings of files Orthanc could read are kept (not package.json or lock files).
                    _json.Add(orthanc);
                }
            }
        }

        /// <summary>The workloads a Service routes to (same namespace, selector matches the pod labels); computed once per Service.</summary>
        public IReadOnlyList<KubernetesWorkload> SelectedBy(KubernetesService service)
        {
            var index = Index;
            if (!index.SelectedBy.TryGetValue(service, out var selected))
            {
                index.SelectedBy[service] = selected = Matching(index.WorkloadsByNamespace, service.Namespace, w => KubernetesObject.Selects(service.Selector, w.PodLabels));
            }

            return selected;
        }

        /// <summary>The Services that route to a workload; computed once per workload.</summary>
        public IReadOnlyList<KubernetesService> ServicesSelecting(KubernetesWorkload workload)
        {
            var index = Index;
            if (!index.ServicesSelecting.TryGetValue(workload, out var services))
            {
                index.ServicesSelecting[workload] = services = Matching(index.ServicesByNamespace, workload.Namespace, s => KubernetesObject.Selects(s.Selector, workload.PodLabels));
            }

            return services;
        }

        /// <summary>The objects of a namespace that match, in model order (most match nothing: no list is made for them).</summary>
        private static IReadOnlyList<T> Matching<T>(Dictionary<string, List<T>> byNamespace, string @namespace, Func<T, bool> matches)
        {
            List<T>? matching = null;
            if (byNamespace.TryGetValue(@namespace, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (matches(candidate))
                    {
                        (matching ??= new List<T>()).Add(candidate);
                    }
                }
            }

            return matching ?? (IReadOnlyList<T>)Array.Empty<T>();
        }

        /// <summary>
        /// The first container an Ingress routes to (its backend Services in its namespace, the workloads they select)
        /// that <paramref name="matches"/>, in route order; null when none does.
        /// </summary>
        internal KubernetesContainer? FirstContainerBehind(KubernetesIngress ingress, Func<KubernetesContainer, bool> matches)
        {
            // Indexed loops: an enumerator over each read-only list of each Ingress was an allocation apiece.
            var backends = ingress.Backends;
            for (var b = 0; b < backends.Count; b++)
            {
                var services = ServicesNamed(backends[b].Service, ingress.Namespace);
                for (var s = 0; s < services.Count; s++)
                {
                    var workloads = SelectedBy(services[s]);
                    for (var w = 0; w < workloads.Count; w++)
                    {
                        var containers = workloads[w].Containers;
                        for (var c = 0; c < containers.Count; c++)
                        {
                            if (matches(containers[c]))
                            {
                                return containers[c];
                            }
                        }
                    }
                }
            }

            return null;
        }

        public IReadOnlyList<KubernetesService> ServicesNamed(string name, string @namespace) =>
            Index.ServicesByName.TryGetValue((@namespace, name), out var services) ? services : Array.Empty<KubernetesService>();

        /// <summary>Objects of one kind in one namespace (ConfigMaps, NetworkPolicies), indexed once per kind asked for.</summary>
        public IReadOnlyList<KubernetesObject> ObjectsOfKind(string kind, string @namespace)
        {
            var index = Index;
            if (!index.ObjectsByKind.TryGetValue(kind, out var byNamespace))
            {
                // Only the kinds asked for are indexed (the checks ask for three): a list per kind and namespace for
                // every object of the run was most of the index.
                index.ObjectsByKind[kind] = byNamespace = new Dictionary<string, List<KubernetesObject>>(StringComparer.Ordinal);
                foreach (var item in _kubernetes)
                {
                    if (item.Kind == kind)
                    {
                        Indexes.Add(byNamespace, item.Namespace, item);
                    }
                }
            }

            return byNamespace.TryGetValue(@namespace, out var objects) ? objects : Array.Empty<KubernetesObject>();
        }

        /// <summary>JSON configuration files of the run with this file name (any directory): compose volumes mount files by path.</summary>
        public IReadOnlyList<JsonConfiguration> JsonConfigurationsNamed(string fileName) =>
            Index.JsonByName.TryGetValue(fileName, out var files) ? files : Array.Empty<JsonConfiguration>();

        // Typed lists and indexes, built once after the last file is added: checks join Services, workloads and
        // Ingresses across files, and a rescan per lookup made large deployments quadratic.
        private Indexes Index => _indexes ??= new Indexes(this);

        private sealed class Indexes
        {
            public Indexes(DeploymentModel model)
            {
                // One pass, no LINQ grouping: the indexes are built once per run, right before the first join.
                foreach (var item in model._kubernetes)
                {
                    switch (item)
                    {
                        case KubernetesWorkload workload:
                            Workloads.Add(workload);
                            Add(WorkloadsByNamespace, workload.Namespace, workload);
                            break;
                        case KubernetesService service:
                            Services.Add(service);
                            Add(ServicesByNamespace, service.Namespace, service);
                            Add(ServicesByName, (service.Namespace, service.Name), service);
                            break;
                        case KubernetesIngress ingress:
                            Ingresses.Add(ingress);
                            break;
                    }
                }

                AllWorkloads.AddRange(model._compose);
                foreach (var workload in Workloads)
                {
                    AllWorkloads.AddRange(workload.Containers);
                }

                foreach (var file in model._json)
                {
                    var path = file.SlashedPath;
                    Add(JsonByName, path.Substring(path.LastIndexOf('/') + 1), file);
                }
            }

            public readonly List<KubernetesWorkload> Workloads = new();
            public readonly List<KubernetesService> Services = new();
            public readonly List<KubernetesIngress> Ingresses = new();
            public readonly List<Workload> AllWorkloads = new();
            public readonly Dictionary<string, List<KubernetesWorkload>> WorkloadsByNamespace = new(StringComparer.Ordinal);
            public readonly Dictionary<string, List<KubernetesService>> ServicesByNamespace = new(StringComparer.Ordinal);
            public readonly Dictionary<(string Namespace, string Name), List<KubernetesService>> ServicesByName = new();

            /// <summary>Kind, then namespace (filled by <see cref="ObjectsOfKind"/> for the kinds asked for).</summary>
            public readonly Dictionary<string, Dictionary<string, List<KubernetesObject>>> ObjectsByKind = new(StringComparer.Ordinal);
            public readonly Dictionary<string, List<JsonConfiguration>> JsonByName = new(StringComparer.Ordinal);
            public readonly Dictionary<KubernetesService, IReadOnlyList<KubernetesWorkload>> SelectedBy = new();
            public readonly Dictionary<KubernetesWorkload, IReadOnlyList<KubernetesService>> ServicesSelecting = new();
            public IReadOnlyList<OrthancInstance>? Orthancs;

            public static void Add<TKey, TItem>(Dictionary<TKey, List<TItem>> index, TKey key, TItem item)
                where TKey : notnull
            {
                if (!index.TryGetValue(key, out var items))
                {
                    index[key] = items = new List<TItem>();
                }

                items.Add(item);
            }
        }
    }
}
