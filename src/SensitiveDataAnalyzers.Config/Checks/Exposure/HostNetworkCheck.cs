using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Exposure
{
    /// <summary>SDA5102: <c>network_mode: host</c> in compose, <c>hostNetwork: true</c> in a pod spec.</summary>
    internal sealed class HostNetworkCheck : IConfigCheck
    {
        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.HostNetwork };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var service in deployment.ComposeServices)
            {
                if (service.NetworkMode?.Value == "host")
                {
                    sink.Report(ConfigRules.HostNetwork, service.NetworkMode, $"service '{service.Name}' uses the host's network: every port it opens is open on the host", Severity(service));
                }
            }

            foreach (var workload in deployment.KubernetesWorkloads)
            {
                if (workload.HostNetwork?.AsBoolean() == true)
                {
                    var severity = FindingSeverity.Warning;
                    foreach (var container in workload.Containers)
                    {
                        if (Severity(container) == FindingSeverity.Error)
                        {
                            severity = FindingSeverity.Error;
                        }
                    }

                    sink.Report(ConfigRules.HostNetwork, workload.HostNetwork, $"{workload.Kind} '{workload.Name}' uses the node's network (hostNetwork: true): every port its containers open is open on the node", severity, workload.IgnoredRules);
                }
            }
        }

        private static FindingSeverity Severity(Workload workload) =>
            SensitiveData.HoldsPhi(workload) ? FindingSeverity.Error : ConfigRules.HostNetwork.DefaultSeverity;
    }
}
