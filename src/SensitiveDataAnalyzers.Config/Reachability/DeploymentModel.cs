using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>A JSON object file that is neither ASP.NET Core settings nor a Kubernetes manifest: Orthanc reads such files.</summary>
    public sealed class JsonConfiguration
    {
        public JsonConfiguration(string path, ConfigMapping root)
        {
            Path = path;
            Root = root;
        }

        public string Path { get; }

        public ConfigMapping Root { get; }
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
            foreach (var document in file.Documents)
            {
                if (document.Root is not ConfigMapping root)
                {
                    continue;
                }

                var recognised = _compose.Count + _kubernetes.Count;
                _compose.AddRange(ComposeService.Read(file.Path, root, _pool));
                _kubernetes.AddRange(KubernetesObject.Read(file.Path, root, _pool));
                if (file.Format != ConfigFormat.Json || _compose.Count + _kubernetes.Count > recognised)
                {
                    continue;
                }

                if (Reachability.AppSettings.Read(file.Path, root) is { } appSettings)
                {
                    _settings.Add(appSettings);
                }
                else if (document.Index == 0 && OrthancInstance.OrthancPart(root) is { } orthanc)
                {
                    // Only the Orthanc settings of files Orthanc could read are kept (not package.json or lock files).
                    _json.Add(new JsonConfiguration(file.Path, orthanc));
                }
            }
        }

        /// <summary>The workloads a Service routes to (same namespace, selector matches the pod labels); computed once per Service.</summary>
        public IReadOnlyList<KubernetesWorkload> SelectedBy(KubernetesService service)
        {
            var index = Index;
            if (!index.SelectedBy.TryGetValue(service, out var selected))
            {
                selected = (index.WorkloadsByNamespace.TryGetValue(service.Namespace, out var workloads) ? workloads : new List<KubernetesWorkload>())
                    .Where(w => KubernetesObject.Selects(service.Selector, w.PodLabels))
                    .ToList();
                index.SelectedBy[service] = selected;
            }

            return selected;
        }

        /// <summary>The Services that route to a workload; computed once per workload.</summary>
        public IReadOnlyList<KubernetesService> ServicesSelecting(KubernetesWorkload workload)
        {
            var index = Index;
            if (!index.ServicesSelecting.TryGetValue(workload, out var services))
            {
                services = (index.ServicesByNamespace.TryGetValue(workload.Namespace, out var candidates) ? candidates : new List<KubernetesService>())
                    .Where(s => KubernetesObject.Selects(s.Selector, workload.PodLabels))
                    .ToList();
                index.ServicesSelecting[workload] = services;
            }

            return services;
        }

        public IReadOnlyList<KubernetesService> ServicesNamed(string name, string @namespace) =>
            Index.ServicesByName.TryGetValue((@namespace, name), out var services) ? services : Array.Empty<KubernetesService>();

        /// <summary>Objects of one kind in one namespace (ConfigMaps, NetworkPolicies), indexed once.</summary>
        public IReadOnlyList<KubernetesObject> ObjectsOfKind(string kind, string @namespace) =>
            Index.ObjectsByKind.TryGetValue((kind, @namespace), out var objects) ? objects : Array.Empty<KubernetesObject>();

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
                Workloads = model._kubernetes.OfType<KubernetesWorkload>().ToList();
                Services = model._kubernetes.OfType<KubernetesService>().ToList();
                Ingresses = model._kubernetes.OfType<KubernetesIngress>().ToList();
                AllWorkloads = model._compose.Cast<Workload>().Concat(Workloads.SelectMany(w => w.Containers)).ToList();
                WorkloadsByNamespace = Workloads.GroupBy(w => w.Namespace).ToDictionary(g => g.Key, g => g.ToList());
                ServicesByNamespace = Services.GroupBy(s => s.Namespace).ToDictionary(g => g.Key, g => g.ToList());
                ServicesByName = Services.GroupBy(s => (s.Namespace, s.Name)).ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesService>)g.ToList());
                ObjectsByKind = model._kubernetes.GroupBy(o => (o.Kind, o.Namespace)).ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesObject>)g.ToList());
                JsonByName = model._json.GroupBy(f => f.Path.Replace('\\', '/').Split('/').Last(), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<JsonConfiguration>)g.ToList(), StringComparer.Ordinal);
            }

            public readonly List<KubernetesWorkload> Workloads;
            public readonly List<KubernetesService> Services;
            public readonly List<KubernetesIngress> Ingresses;
            public readonly List<Workload> AllWorkloads;
            public readonly Dictionary<string, List<KubernetesWorkload>> WorkloadsByNamespace;
            public readonly Dictionary<string, List<KubernetesService>> ServicesByNamespace;
            public readonly Dictionary<(string Namespace, string Name), IReadOnlyList<KubernetesService>> ServicesByName;
            public readonly Dictionary<(string Kind, string Namespace), IReadOnlyList<KubernetesObject>> ObjectsByKind;
            public readonly Dictionary<string, IReadOnlyList<JsonConfiguration>> JsonByName;
            public readonly Dictionary<KubernetesService, IReadOnlyList<KubernetesWorkload>> SelectedBy = new();
            public readonly Dictionary<KubernetesWorkload, IReadOnlyList<KubernetesService>> ServicesSelecting = new();
            public IReadOnlyList<OrthancInstance>? Orthancs;
        }
    }
}
