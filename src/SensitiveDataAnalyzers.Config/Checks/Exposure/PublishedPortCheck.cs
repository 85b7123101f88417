using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Exposure
{
    /// <summary>SDA5101: compose ports published on every host interface (short syntax without host IP, 0.0.0.0, ::, long syntax).</summary>
    internal sealed class PublishedPortCheck : IConfigCheck
    {
        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.PortOnAllInterfaces };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var service in deployment.ComposeServices)
            {
                foreach (var port in service.Ports)
                {
                    if (port.Binding != HostBinding.AllInterfaces && !port.IngressMode)
                    {
                        continue;
                    }

                    if (Exposure.Severity(service, port.Target, ConfigRules.PortOnAllInterfaces.DefaultSeverity) is not { } severity)
                    {
                        continue;
                    }

                    var where = port.IngressMode ? "on every swarm node (ingress mode)" : "on all host interfaces";
                    var published = port.Published is int p ? $"host port {p}" : "a random host port";
                    sink.Report(
                        ConfigRules.PortOnAllInterfaces,
                        port.At,
                        $"service '{service.Name}' publishes container port {Exposure.Describe(service, port.Target)} as {published} {where}; bind it to 127.0.0.1 or an internal network",
                        severity);
                }
            }
        }
    }
}
