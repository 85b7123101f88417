using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Exposure
{
    /// <summary>
    /// SDA5103: LoadBalancer/NodePort Services and external IPs, judged by the ports they open and the pods they
    /// select (Service → selector → pod labels → containers). SDA5104: container hostPorts.
    /// </summary>
    internal sealed class ClusterExposureCheck : IConfigCheck
    {
        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.ServiceReachableFromOutside, ConfigRules.HostPort };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var service in deployment.KubernetesServices.Where(s => s.IsExternal))
            {
                var containers = deployment.SelectedBy(service).SelectMany(w => w.Containers).ToList();
                var byType = service.Type is "LoadBalancer" or "NodePort";
                var how = byType ? "type " + service.Type : "external IPs";

                // Reported at what makes the Service external: its type, or its externalIPs when the type is internal.
                var at = (byType ? service.TypeAt : service.ExternalIpsAt ?? service.TypeAt) ?? service.At;
                var holder = containers.FirstOrDefault(SensitiveData.HoldsPhi) ?? containers.FirstOrDefault();

                // One finding per Service (the sink keeps one per rule and position): the worst port decides, whatever its order.
                var exposed = new List<(int Port, FindingSeverity Severity)>();
                foreach (var port in service.Ports)
                {
                    if (port.Number is not int number)
                    {
                        continue;
                    }

                    var target = KubernetesService.TargetPortOf(port, containers) ?? number;
                    var judged = SensitiveData.IsDicomPort(target) ? target : number;
                    if (Exposure.Severity(holder, judged, ConfigRules.ServiceReachableFromOutside.DefaultSeverity) is { } severity)
                    {
                        exposed.Add((judged, severity));
                    }
                }

                if (exposed.Count == 0)
                {
                    continue;
                }

                var worst = exposed.OrderByDescending(e => e.Severity).ThenByDescending(e => SensitiveData.IsDicomPort(e.Port)).First();
                var restricted = deployment.SelectedBy(service).Any() && deployment.SelectedBy(service).All(w => NetworkPolicies.RestrictIngress(deployment, w));
                var reported = restricted ? Exposure.Lower(worst.Severity) : worst.Severity;
                var limited = restricted ? " (a NetworkPolicy limits who may connect)" : string.Empty;
                var ports = string.Join(", ", exposed.Select(e => Exposure.Describe(holder, e.Port)));
                sink.Report(
                    ConfigRules.ServiceReachableFromOutside,
                    at,
                    $"Service '{service.Name}' ({how}) opens port{(exposed.Count > 1 ? "s" : string.Empty)} {ports} beyond the cluster{limited}; use ClusterIP behind an authenticated, TLS-terminating Ingress or a VPN",
                    reported,
                    service.IgnoredRules);
            }

            foreach (var workload in deployment.KubernetesWorkloads)
            {
                foreach (var container in workload.Containers)
                {
                    foreach (var port in container.Ports)
                    {
                        if (port.HostPort is int number)
                        {
                            // Like Services (targetPort) and compose (container port): DICOM is what the container speaks.
                            var judged = port.Number is int containerPort && SensitiveData.IsDicomPort(containerPort) ? containerPort : number;
                            // As for published ports and Services: a web port of a workload without patient data is not a finding.
                            if (Exposure.Severity(container, judged, ConfigRules.HostPort.DefaultSeverity) is not { } severity)
                            {
                                continue;
                            }

                            sink.Report(ConfigRules.HostPort, port.HostPortAt, $"container '{container.Name}' of {workload.Kind} '{workload.Name}' binds node port {Exposure.Describe(container, number)}{(judged != number ? " to container port " + Exposure.Describe(container, judged) : string.Empty)} (hostPort)", severity, workload.IgnoredRules);
                        }
                    }
                }
            }
        }
    }
}
