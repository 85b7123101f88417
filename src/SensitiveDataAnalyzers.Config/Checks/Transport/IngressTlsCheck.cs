using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Transport
{
    /// <summary>
    /// SDA1101: an Ingress without a tls section, or with a rule host no tls entry covers. SDA1102: nginx-ingress
    /// <c>ssl-redirect</c> / <c>force-ssl-redirect</c> set to "false". Errors when the Ingress routes to a workload
    /// holding patient data (Ingress → Service → selected pods).
    /// </summary>
    internal sealed class IngressTlsCheck : IConfigCheck
    {
        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.IngressWithoutTls, ConfigRules.IngressTlsRedirectDisabled };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var ingress in deployment.Ingresses)
            {
                var routesToPhi = deployment.FirstContainerBehind(ingress, SensitiveData.HoldsPhi) is not null;
                var severity = routesToPhi ? FindingSeverity.Error : ConfigRules.IngressWithoutTls.DefaultSeverity;

                // Named only for a finding: most Ingresses have none.
                string Subject() => routesToPhi ? $"Ingress '{ingress.Name}' (routes to a service holding patient data)" : $"Ingress '{ingress.Name}'";

                if (!ingress.HasTls)
                {
                    // A missing block is reported on the object that lacks it: the spec key.
                    sink.Report(ConfigRules.IngressWithoutTls, ingress.At, $"{Subject()} has no tls section: its hosts are served as plain HTTP", severity, ingress.IgnoredRules);
                }
                else
                {
                    foreach (var (host, hostAt) in ingress.RuleHosts)
                    {
                        if (!ingress.CoversHost(host))
                        {
                            sink.Report(ConfigRules.IngressWithoutTls, hostAt, $"{Subject()}: host '{host}' is not covered by any tls entry and is served as plain HTTP", severity, ingress.IgnoredRules);
                        }
                    }
                }

                foreach (var key in KubernetesIngress.RedirectAnnotations)
                {
                    if (ingress.Annotations.TryGetValue(key, out var value) && ConfigScalar.ParseBoolean(value) == false && ingress.Annotations.LocationOf(key) is { } at)
                    {
                        sink.Report(ConfigRules.IngressTlsRedirectDisabled, at, $"{Subject()} sets {key} to \"{value}\": clients that start on http:// are not sent to HTTPS", severity, ingress.IgnoredRules);
                    }
                }
            }
        }
    }
}
