using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Pacs
{
    /// <summary>
    /// SDA3101 for PACS other than Orthanc (whose configuration the Orthanc checks read): a plaintext DICOM port —
    /// 104, 11112 (dcm4chee) or 4242 — of a PACS image reachable from outside. 2762, DICOM over TLS, is not reported.
    /// SDA4105: an Ingress, or a compose reverse proxy (Traefik, nginx-proxy, caddy-docker-proxy), routing to a PACS with
    /// no login of its own (Orthanc with authentication off, a dcm4chee-arc image without Keycloak) when the route adds
    /// no authentication either.
    /// </summary>
    internal sealed class PacsListenerCheck : IConfigCheck
    {
        private static readonly int[] PlainDicomPorts = { 104, 11112, 4242 };

        private static readonly string[] PacsImages = { "dcm4chee", "dcm4che", "conquest", "dicoogle", "pacs" };

        private static readonly string[] AuthAnnotations =
        {
            "nginx.ingress.kubernetes.io/auth-url",
            "nginx.ingress.kubernetes.io/auth-type",
            "nginx.ingress.kubernetes.io/auth-signin",
            "traefik.ingress.kubernetes.io/router.middlewares",
            "konghq.com/plugins",
            "haproxy.org/auth-type",
            "alb.ingress.kubernetes.io/auth-type",
            "ingress.kubernetes.io/auth-type",
        };

        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.DicomWithoutTls, ConfigRules.IngressToUnauthenticatedPacs };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var workload in deployment.Workloads.Where(IsNonOrthancPacs))
            {
                // One finding per workload (they share a position), naming every reachable plaintext DICOM port.
                var reachable = PlainDicomPorts
                    .Select(port => (Port: port, How: PortReachability.HowReachable(deployment, workload, port)))
                    .Where(p => p.How is not null)
                    .ToList();
                if (reachable.Count > 0)
                {
                    var ports = string.Join(", ", reachable.Select(p => $"{p.Port} (through {p.How})"));
                    var owner = (workload as KubernetesContainer)?.Owner;
                    var restricted = owner is not null && NetworkPolicies.RestrictIngress(deployment, owner);
                    sink.Report(
                        ConfigRules.DicomWithoutTls,
                        workload.At,
                        $"'{workload.Name}' ({workload.Image}) accepts plaintext DICOM on port{(reachable.Count > 1 ? "s" : string.Empty)} {ports}{(restricted ? " (a NetworkPolicy limits who may connect)" : string.Empty)}; publish DICOM over TLS (2762) or keep the port internal",
                        restricted ? Exposure.Exposure.Lower(ConfigRules.DicomWithoutTls.DefaultSeverity) : null,
                        owner?.IgnoredRules);
                }
            }

            // Looked up for every container behind every route: indexed once instead of a scan per container.
            var orthancs = deployment.Orthancs.Where(o => o.Workload is not null).GroupBy(o => o.Workload!).ToDictionary(g => g.Key, g => g.First());
            foreach (var ingress in deployment.Ingresses)
            {
                if (AddsAuthentication(ingress))
                {
                    continue;
                }

                if (deployment.FirstContainerBehind(ingress, container => LacksLogin(container, orthancs)) is { } unauthenticated)
                {
                    sink.Report(
                        ConfigRules.IngressToUnauthenticatedPacs,
                        ingress.At,
                        $"Ingress '{ingress.Name}' routes to '{unauthenticated.Name}' ({unauthenticated.Image}), which has no login, and adds no authentication (auth-url, auth-type, middleware)",
                        suppressedIds: ingress.IgnoredRules);
                }
            }

            foreach (var route in ReverseProxies.Routes(deployment))
            {
                if (!route.Authenticated && LacksLogin(route.Target, orthancs))
                {
                    sink.Report(
                        ConfigRules.IngressToUnauthenticatedPacs,
                        route.At,
                        $"{route.Proxy} publishes '{route.Target.Name}' ({route.Target.Image}), which has no login, and adds no authentication (basic, digest or forward auth)");
                }
            }
        }

        private static bool AddsAuthentication(KubernetesIngress ingress)
        {
            foreach (var key in AuthAnnotations)
            {
                if (ingress.Annotations.ContainsKey(key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNonOrthancPacs(Workload workload) =>
            workload.Image is { } image
            && !SensitiveData.IsOrthancImage(image)
            && PacsImages.Any(name => image.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>A PACS web interface without a login of its own: Orthanc with authentication off, dcm4chee-arc without Keycloak.</summary>
        private static bool LacksLogin(Workload workload, IReadOnlyDictionary<Workload, OrthancInstance> orthancs)
        {
            if (orthancs.TryGetValue(workload, out var orthanc))
            {
                return orthanc.HttpServerEnabled && !orthanc.AuthenticationEnabled;
            }

            var image = workload.Image ?? string.Empty;
            return image.IndexOf("dcm4chee-arc", StringComparison.OrdinalIgnoreCase) >= 0 && image.IndexOf("secure", StringComparison.OrdinalIgnoreCase) < 0;
        }
    }
}
