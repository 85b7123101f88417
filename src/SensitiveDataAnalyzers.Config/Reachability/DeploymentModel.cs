using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Typed views of every recognised document of one deployment (all files of a run), recognised by content:
    /// compose files by a top-level <c>services</c> mapping, Kubernetes objects by <c>apiVersion</c> and <c>kind</c>,
    /// ASP.NET Core settings by name or a <c>Kestrel</c> section. Checks read these views, never raw text.
    /// </summary>
    public sealed class DeploymentModel
    {
        private DeploymentModel(IReadOnlyList<ConfigFile> files)
        {
            Files = files;
            var compose = new List<ComposeService>();
            var kubernetes = new List<KubernetesObject>();
            var settings = new List<AppSettings>();
            foreach (var file in files)
            {
                foreach (var document in file.Documents)
                {
                    if (document.Root is not ConfigMapping root)
                    {
                        continue;
                    }

                    compose.AddRange(ComposeService.Read(file, root));
                    kubernetes.AddRange(KubernetesObject.Read(file, root));
                    if (file.Format == ConfigFormat.Json && Reachability.AppSettings.Read(file, root) is { } appSettings)
                    {
                        settings.Add(appSettings);
                    }
                }
            }

            ComposeServices = compose;
            KubernetesObjects = kubernetes;
            AppSettings = settings;

            // Typed lists and indexes, built once: checks join Services, workloads and Ingresses across files, and a
            // rescan per lookup made large deployments quadratic.
            KubernetesWorkloads = kubernetes.OfType<KubernetesWorkload>().ToList();
            KubernetesServices = kubernetes.OfType<KubernetesService>().ToList();
            Ingresses = kubernetes.OfType<KubernetesIngress>().ToList();
            Workloads = compose.Cast<Workload>().Concat(KubernetesWorkloads.SelectMany(w => w.Containers)).ToList();
            _workloadsByNamespace = KubernetesWorkloads.GroupBy(w => w.Namespace).ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesWorkload>)g.ToList());
            _servicesByNamespace = KubernetesServices.GroupBy(s => s.Namespace).ToDictionary(g => g.Key, g => g.ToList());
            _servicesByName = KubernetesServices.GroupBy(s => (s.Namespace, s.Name)).ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesService>)g.ToList());
            _objectsByKind = kubernetes.GroupBy(o => (o.Kind, o.Namespace)).ToDictionary(g => g.Key, g => (IReadOnlyList<KubernetesObject>)g.ToList());
            _filesByName = files.GroupBy(f => f.Path.Replace('\\', '/').Split('/').Last(), System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ConfigFile>)g.ToList(), System.StringComparer.Ordinal);
        }

        private readonly Dictionary<string, IReadOnlyList<ConfigFile>> _filesByName;

        private readonly Dictionary<string, IReadOnlyList<KubernetesWorkload>> _workloadsByNamespace;
        private readonly Dictionary<string, List<KubernetesService>> _servicesByNamespace;
        private readonly Dictionary<(string Namespace, string Name), IReadOnlyList<KubernetesService>> _servicesByName;
        private readonly Dictionary<(string Kind, string Namespace), IReadOnlyList<KubernetesObject>> _objectsByKind;
        private readonly Dictionary<KubernetesService, IReadOnlyList<KubernetesWorkload>> _selectedBy = new();
        private readonly Dictionary<KubernetesWorkload, IReadOnlyList<KubernetesService>> _servicesSelecting = new();
        private IReadOnlyList<OrthancInstance>? _orthancs;

        public IReadOnlyList<ConfigFile> Files { get; }

        public IReadOnlyList<ComposeService> ComposeServices { get; }

        public IReadOnlyList<KubernetesObject> KubernetesObjects { get; }

        public IReadOnlyList<AppSettings> AppSettings { get; }

        public IReadOnlyList<KubernetesWorkload> KubernetesWorkloads { get; }

        public IReadOnlyList<KubernetesService> KubernetesServices { get; }

        public IReadOnlyList<KubernetesIngress> Ingresses { get; }

        /// <summary>Compose services and Kubernetes containers alike.</summary>
        public IReadOnlyList<Workload> Workloads { get; }

        /// <summary>The Orthanc servers of the deployment, merged once and shared by every PACS check.</summary>
        public IReadOnlyList<OrthancInstance> Orthancs => _orthancs ??= OrthancInstance.Find(this);

        /// <summary>The workloads a Service routes to (same namespace, selector matches the pod labels); computed once per Service.</summary>
        public IReadOnlyList<KubernetesWorkload> SelectedBy(KubernetesService service)
        {
            if (!_selectedBy.TryGetValue(service, out var selected))
            {
                selected = WorkloadsIn(service.Namespace).Where(w => KubernetesObject.Selects(service.Selector, w.PodLabels)).ToList();
                _selectedBy[service] = selected;
            }

            return selected;
        }

        /// <summary>The Services that route to a workload; computed once per workload.</summary>
        public IReadOnlyList<KubernetesService> ServicesSelecting(KubernetesWorkload workload)
        {
            if (!_servicesSelecting.TryGetValue(workload, out var services))
            {
                services = (_servicesByNamespace.TryGetValue(workload.Namespace, out var candidates) ? candidates : new List<KubernetesService>())
                    .Where(s => KubernetesObject.Selects(s.Selector, workload.PodLabels))
                    .ToList();
                _servicesSelecting[workload] = services;
            }

            return services;
        }

        public IReadOnlyList<KubernetesService> ServicesNamed(string name, string @namespace) =>
            _servicesByName.TryGetValue((@namespace, name), out var services) ? services : (IReadOnlyList<KubernetesService>)System.Array.Empty<KubernetesService>();

        /// <summary>Objects of one kind in one namespace (ConfigMaps, NetworkPolicies), indexed once.</summary>
        public IReadOnlyList<KubernetesObject> ObjectsOfKind(string kind, string @namespace) =>
            _objectsByKind.TryGetValue((kind, @namespace), out var objects) ? objects : (IReadOnlyList<KubernetesObject>)System.Array.Empty<KubernetesObject>();

        /// <summary>Files of the run with this file name (any directory), indexed once: compose volumes mount files by path.</summary>
        public IReadOnlyList<ConfigFile> FilesNamed(string fileName) =>
            _filesByName.TryGetValue(fileName, out var files) ? files : (IReadOnlyList<ConfigFile>)System.Array.Empty<ConfigFile>();

        private IReadOnlyList<KubernetesWorkload> WorkloadsIn(string @namespace) =>
            _workloadsByNamespace.TryGetValue(@namespace, out var workloads) ? workloads : (IReadOnlyList<KubernetesWorkload>)System.Array.Empty<KubernetesWorkload>();

        public static DeploymentModel Build(IReadOnlyList<ConfigFile> files) => new(files);
    }
}
