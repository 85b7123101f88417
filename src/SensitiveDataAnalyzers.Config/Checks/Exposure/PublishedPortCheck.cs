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
                // because the sink keeps one finding per rule and position. Entries are grouped by position in order
                // of appearance without a GroupBy per service (an entry has one port or a short range).
                var ports = service.Ports;
                for (var first = 0; first < ports.Count; first++)
                {
                    if (SeenBefore(ports, first))
                    {
                        continue;
                    }

                    PublishedPort? port = null;
                    FindingSeverity? severity = null;
                    for (var i = first; i < ports.Count; i++)
                    {
                        var candidate = ports[i];
                        if (!candidate.At.Equals(ports[first].At) || (candidate.Binding != HostBinding.AllInterfaces && !candidate.IngressMode))
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

        /// <summary>An earlier port has the same position: its entry was judged with it.</summary>
        private static bool SeenBefore(IReadOnlyList<PublishedPort> ports, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (ports[i].At.Equals(ports[index].At))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
