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
        }

        public IReadOnlyList<ConfigFile> Files { get; }

        public IReadOnlyList<ComposeService> ComposeServices { get; }

        public IReadOnlyList<KubernetesObject> KubernetesObjects { get; }

        public IReadOnlyList<AppSettings> AppSettings { get; }

        public IEnumerable<KubernetesWorkload> KubernetesWorkloads => KubernetesObjects.OfType<KubernetesWorkload>();

        public IEnumerable<KubernetesService> KubernetesServices => KubernetesObjects.OfType<KubernetesService>();

        public IEnumerable<KubernetesIngress> Ingresses => KubernetesObjects.OfType<KubernetesIngress>();

        /// <summary>Compose services and Kubernetes containers alike.</summary>
        public IEnumerable<Workload> Workloads => ComposeServices.Cast<Workload>().Concat(KubernetesWorkloads.SelectMany(w => w.Containers));

        /// <summary>The workloads a Service routes to (same namespace, selector matches the pod labels).</summary>
        public IEnumerable<KubernetesWorkload> SelectedBy(KubernetesService service) =>
            KubernetesWorkloads.Where(w => w.Namespace == service.Namespace && KubernetesObject.Selects(service.Selector, w.PodLabels));

        public IEnumerable<KubernetesService> ServicesNamed(string name, string @namespace) =>
            KubernetesServices.Where(s => s.Name == name && s.Namespace == @namespace);

        public static DeploymentModel Build(IReadOnlyList<ConfigFile> files) => new(files);
    }
}
