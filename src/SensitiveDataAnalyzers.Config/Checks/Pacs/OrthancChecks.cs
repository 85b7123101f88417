using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Pacs
{
    /// <summary>Shared by the Orthanc checks: each check reads the same effective configurations.</summary>
    internal abstract class OrthancCheck : IConfigCheck
    {
        public abstract IReadOnlyList<ConfigRule> Rules { get; }

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var orthanc in deployment.Orthancs)
            {
                var owner = (orthanc.Workload as KubernetesContainer)?.Owner;
                var restricted = owner is not null && NetworkPolicies.RestrictIngress(deployment, owner);
                Check(deployment, orthanc, (rule, at, message, severity) =>
                {
                    // A NetworkPolicy that names the allowed sources narrows the exposure: one level less serious.
                    if (restricted)
                    {
                        severity = Exposure.Exposure.Lower(severity ?? rule.DefaultSeverity);
                        message += " (a NetworkPolicy limits who may connect)";
                    }

                    sink.Report(rule, at, message, severity, owner?.IgnoredRules);
                });
            }
        }

        protected delegate void Reporter(ConfigRule rule, SourceLocation at, string message, FindingSeverity? severity = null);

        protected abstract void Check(DeploymentModel deployment, OrthancInstance orthanc, Reporter report);

        /// <summary>How the port is reachable from outside; null when it is not, or when no deployment context is known.</summary>
        protected static string? Reachable(DeploymentModel deployment, OrthancInstance orthanc, int port) =>
            orthanc.Workload is { } workload ? PortReachability.HowReachable(deployment, workload, port) : null;

        /// <summary>The setting's node when written, else the object that lacks it.</summary>
        protected static SourceLocation Where(OrthancInstance orthanc, string key) => orthanc[key]?.At ?? orthanc.At;
    }

    /// <summary>SDA1103 HTTP API without TLS reachable; SDA1003 HttpsVerifyPeers false; SDA1105 OrthancPeers over http://.</summary>
    internal sealed class OrthancTransportCheck : OrthancCheck
    {
        public override IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.PacsHttpWithoutTls, ConfigRules.CertificateValidationDisabled, ConfigRules.PeerOverPlaintext };

        protected override void Check(DeploymentModel deployment, OrthancInstance orthanc, Reporter report)
        {
            // Behind an Ingress that terminates TLS the API is plain HTTP inside the cluster only: that is the proxy the fix names.
            if (orthanc.HttpServerEnabled && orthanc.Boolean("SslEnabled") != true
                && orthanc.Workload is { } workload && PortReachability.HowReachableInPlaintext(deployment, workload, orthanc.HttpPort) is { } how)
            {
                report(ConfigRules.PacsHttpWithoutTls, Where(orthanc, "SslEnabled"), $"Orthanc {orthanc.Name} serves its REST API on plain HTTP (port {orthanc.HttpPort}) reachable through {how}; set SslEnabled with a certificate or put it behind a TLS-terminating proxy");
            }

            if (orthanc["HttpsVerifyPeers"] is { } verify && verify.AsBoolean() == false)
            {
                report(ConfigRules.CertificateValidationDisabled, verify.At, $"Orthanc {orthanc.Name} sets HttpsVerifyPeers to false: outgoing HTTPS to peers accepts any certificate");
            }

            if (orthanc["OrthancPeers"] is { Value: ConfigMapping peers } peerSetting)
            {
                foreach (var peer in peers.Entries)
                {
                    var url = peer.Value switch
                    {
                        ConfigSequence array => (array.Items.FirstOrDefault() as ConfigScalar)?.Value,
                        ConfigMapping mapping => mapping.Text("Url"),
                        _ => null,
                    };
                    if (url is not null && url.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase))
                    {
                        var at = peerSetting.ValueHasPositions ? peer.Value.Location : peerSetting.At;
                        report(ConfigRules.PeerOverPlaintext, at, $"Orthanc {orthanc.Name} reaches peer '{peer.Name}' over http://: images and the peer's credentials cross the network in clear text");
                    }
                }
            }
        }
    }

    /// <summary>SDA3101 DICOM without TLS on a reachable port; SDA3102 TLS peers without certificates.</summary>
    internal sealed class OrthancDicomCheck : OrthancCheck
    {
        public override IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.DicomWithoutTls, ConfigRules.DicomPeerCertificateNotRequired };

        protected override void Check(DeploymentModel deployment, OrthancInstance orthanc, Reporter report)
        {
            if (!orthanc.DicomServerEnabled)
            {
                return;
            }

            var tls = orthanc.Boolean("DicomTlsEnabled") == true;
            if (!tls && Reachable(deployment, orthanc, orthanc.DicomPort) is { } how)
            {
                report(ConfigRules.DicomWithoutTls, Where(orthanc, "DicomTlsEnabled"), $"Orthanc {orthanc.Name} accepts plaintext DICOM on port {orthanc.DicomPort} reachable through {how}; enable DicomTlsEnabled or keep the port internal");
            }

            if (tls && orthanc["DicomTlsRemoteCertificateRequired"] is { } required && required.AsBoolean() == false)
            {
                report(ConfigRules.DicomPeerCertificateNotRequired, required.At, $"Orthanc {orthanc.Name} accepts DICOM TLS clients without a certificate (DicomTlsRemoteCertificateRequired false)");
            }
        }
    }

    /// <summary>SDA4101 anonymous REST API; SDA4102 auth on without users; SDA4103 default logins; SDA4104 DICOM open to any AE.</summary>
    internal sealed class OrthancAccessCheck : OrthancCheck
    {
        private static readonly string[] QueryRetrieve = { "DicomAlwaysAllowFind", "DicomAlwaysAllowFindWorklist", "DicomAlwaysAllowGet", "DicomAlwaysAllowMove" };

        public override IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.AnonymousPacsApi, ConfigRules.AuthenticationWithoutUsers, ConfigRules.DefaultCredentials, ConfigRules.AnonymousDicomAccess };

        protected override void Check(DeploymentModel deployment, OrthancInstance orthanc, Reporter report)
        {
            if (orthanc.RemoteAccessAllowed && orthanc.HttpServerEnabled)
            {
                if (!orthanc.AuthenticationEnabled)
                {
                    report(ConfigRules.AnonymousPacsApi, Where(orthanc, "AuthenticationEnabled"), $"Orthanc {orthanc.Name} allows remote access with authentication off: anyone who reaches port {orthanc.HttpPort} can read and delete every study");
                }
                else
                {
                    var users = orthanc.RegisteredUsers.ToList();
                    if (users.Count == 0 && !orthanc.SetElsewhere("RegisteredUsers"))
                    {
                        report(ConfigRules.AuthenticationWithoutUsers, Where(orthanc, "RegisteredUsers"), $"Orthanc {orthanc.Name} enables authentication without RegisteredUsers: Orthanc then creates the user 'orthanc' with the default password");
                    }

                    foreach (var (user, password, at) in users)
                    {
                        if (DefaultCredentialsCheck.IsDefaultLogin(user, password))
                        {
                            // The password is never printed: only that it is a published default. A user whose password is
                            // its own name is not named either, since naming it would print the password.
                            var who = string.Equals(user, password, System.StringComparison.Ordinal) ? "a registered user whose password is its user name" : $"user '{user}'";
                            report(ConfigRules.DefaultCredentials, at, $"Orthanc {orthanc.Name}: {who} has a well-known default password");
                        }
                    }
                }
            }

            if (!orthanc.DicomServerEnabled)
            {
                return;
            }

            var reachable = Reachable(deployment, orthanc, orthanc.DicomPort);
            var severity = reachable is not null || orthanc.Workload is null ? (FindingSeverity?)null : FindingSeverity.Warning;
            foreach (var key in QueryRetrieve)
            {
                if (orthanc[key] is { } open && open.AsBoolean() == true)
                {
                    report(ConfigRules.AnonymousDicomAccess, open.At, $"Orthanc {orthanc.Name} sets {key}: any DICOM client, known or not, may {Verb(key)} patients' studies", severity);
                }
            }

            if (reachable is not null && orthanc.Boolean("DicomCheckCalledAet") != true && (orthanc.Boolean("DicomAlwaysAllowStore") ?? true))
            {
                report(ConfigRules.AnonymousDicomAccess, Where(orthanc, "DicomCheckCalledAet"), $"Orthanc {orthanc.Name} accepts DICOM from any calling AE on a port reachable through {reachable} and stores whatever it is sent (DicomCheckCalledAet off, DicomAlwaysAllowStore on)");
            }
        }

        private static string Verb(string key) => key switch
        {
            "DicomAlwaysAllowGet" => "retrieve (C-GET)",
            "DicomAlwaysAllowMove" => "retrieve (C-MOVE)",
            _ => "query (C-FIND)",
        };
    }
}
