using System.Collections.Generic;
using System.Linq;
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
                // One ports entry can publish several ports (a range): the worst of them decides, whatever comes first,
                // because the sink keeps one finding per rule and position.
                foreach (var entry in service.Ports.GroupBy(p => p.At))
                {
                    PublishedPort? port = null;
                    FindingSeverity? severity = null;
                    foreach (var candidate in entry)
                    {
                        if (candidate.Binding != HostBinding.AllInterfaces && !candidate.IngressMode)
                        {
                            continue;
                        }

                        if (Exposure.Severity(service, candidate.Target, ConfigRules.PortOnAllInterfaces.DefaultSeverity) is { } candidateSeverity
                            && (severity is null || candidateSeverity > severity))
                        {
                            port = candidate;
                            severity = candidateSeverity;
                        }
                    }

                    if (port is null)
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
