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
                var how = service.ExternalIps is { Items.Count: > 0 } ? "external IPs" : "type " + service.Type?.Value;
                ConfigNode at = (ConfigNode?)service.Type ?? (ConfigNode?)service.ExternalIps ?? service.Root;
                foreach (var port in service.Ports)
                {
                    if (ComposeService.Port(port.Text("port")) is not int number)
                    {
                        continue;
                    }

                    var target = ComposeService.Port(port.Text("targetPort")) ?? number;
                    var holder = containers.FirstOrDefault(SensitiveData.HoldsPhi) ?? containers.FirstOrDefault();
                    var severity = Exposure.Severity(holder, SensitiveData.IsDicomPort(target) ? target : number, ConfigRules.ServiceReachableFromOutside.DefaultSeverity);
                    if (severity is null)
                    {
                        continue;
                    }

                    sink.Report(
                        ConfigRules.ServiceReachableFromOutside,
                        at,
                        $"Service '{service.Name}' ({how}) opens port {Exposure.Describe(holder, SensitiveData.IsDicomPort(target) ? target : number)} beyond the cluster; use ClusterIP behind an authenticated, TLS-terminating Ingress or a VPN",
                        severity,
                        service.IgnoredRules);
                }
            }

            foreach (var workload in deployment.KubernetesWorkloads)
            {
                foreach (var container in workload.Containers)
                {
                    foreach (var port in container.Ports)
                    {
                        if (port.Scalar("hostPort") is { } hostPort && hostPort.AsInteger() is long number and > 0)
                        {
                            var severity = Exposure.Severity(container, (int)number, ConfigRules.HostPort.DefaultSeverity) ?? FindingSeverity.Note;
                            sink.Report(ConfigRules.HostPort, hostPort, $"container '{container.Name}' of {workload.Kind} '{workload.Name}' binds node port {Exposure.Describe(container, (int)number)} (hostPort)", severity, workload.IgnoredRules);
                        }
                    }
                }
            }
        }
    }
}
