using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA1103 Orthanc HTTP without TLS reachable; SDA1003 HttpsVerifyPeers false; SDA1105 OrthancPeers over http://.</summary>
    public class OrthancTransportCheckTests
    {
        private static readonly string[] Ids = { "SDA1103", "SDA1003", "SDA1105" };

        private static string[] Summary(params (string Path, string Text)[] files) => PacsInputs.Only(Ids, files);

        private static string Compose(string image, string ports, params string[] environment) =>
            "services:\n" +                                    // 1
            "  pacs:\n" +                                      // 2 (service at 2:3)
            $"    image: {image}\n" +                          // 3
            ports +                                            // 4…
            (environment.Length > 0 ? "    environment:\n" + string.Concat(environment.Select(e => $"      {e}\n")) : string.Empty);

        private const string Http = "    ports:\n      - \"8042:8042\"\n"; // lines 4-5

        // ---- SDA1103 -------------------------------------------------------------------------------------------

        [Fact]
        public void MountedJsonWithSslDisabledIsReportedAtTheSetting()
        {
            var json = PacsInputs.Json("\"SslEnabled\": false", "\"RemoteAccessAllowed\": true", "\"RegisteredUsers\": { \"ops\": \"9hX-generated-2kq\" }");
            Assert.Equal(
                new[] { "SDA1103 error orthanc.json:2:17" },
                Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        [Theory]
        [InlineData("orthancteam/orthanc:24.1.2")]
        [InlineData("osimis/orthanc")]
        [InlineData("jodogne/orthanc")]
        [InlineData("example/orthanc")]
        public void ImageDefaultsWithoutSslAreReportedAtTheService(string image)
        {
            Assert.Equal(new[] { "SDA1103 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose(image, Http))));
        }

        [Fact]
        public void EnvironmentSslDisabledIsReportedAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA1103 error docker-compose.yml:7:29" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Http, "ORTHANC__SSL_ENABLED: \"false\""))));
        }

        [Fact]
        public void OrthancJsonVariableWithSslDisabledIsReportedAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA1103 error docker-compose.yml:7:21" },
                Summary(("docker-compose.yml", Compose("example/orthanc", Http, "ORTHANC_JSON: '{\"SslEnabled\": false, \"HttpPort\": 8042}'"))));
        }

        [Fact]
        public void ConfigMapWithSslDisabledBehindALoadBalancerIsReportedInTheConfigMap()
        {
            var json = PacsInputs.Json("\"SslEnabled\": false", "\"RemoteAccessAllowed\": true");
            Assert.Equal(
                new[] { "SDA1103 error k8s.yaml:6:17" },
                Summary(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json)), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (443, "8042")))));
        }

        [Theory]
        [InlineData("LoadBalancer", "8042")]
        [InlineData("NodePort", "8042")]
        [InlineData("LoadBalancer", "http")] // named targetPort resolved through the container's ports
        public void KubernetesExternalServicesReachTheContainer(string type, string target)
        {
            var ports = "            - name: http\n              containerPort: 8042\n";
            Assert.Equal(
                new[] { "SDA1103 error deploy.yaml:12:11" },
                Summary(("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", ports: ports)), ("svc.yaml", PacsInputs.KubernetesService(type, (80, target)))));
        }

        [Fact]
        public void ANamedTargetPortOfAnotherContainerPortDoesNotReachHttp()
        {
            // Service port 8042 forwards to the container port named "metrics" (9000), not to Orthanc's 8042.
            var ports = "            - name: metrics\n              containerPort: 9000\n            - name: http\n              containerPort: 8042\n";
            Assert.Empty(Summary(("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", ports: ports)), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (8042, "metrics")))));
        }

        [Fact]
        public void ExternalIpsHostPortAndHostNetworkReachTheContainer()
        {
            const string externalIps = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: pacs
                spec:
                  selector:
                    app: pacs
                  externalIPs: [203.0.113.10]
                  ports:
                    - port: 8042
                """;
            var hostPort = "            - containerPort: 8042\n              hostPort: 8042\n";
            var deployment = PacsInputs.KubernetesDeployment("orthancteam/orthanc");
            Assert.Equal(new[] { "SDA1103 error deploy.yaml:12:11" }, Summary(("deploy.yaml", deployment), ("svc.yaml", externalIps)));
            Assert.Equal(new[] { "SDA1103 error deploy.yaml:12:11" }, Summary(("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", ports: hostPort))));
            Assert.Equal(
                new[] { "SDA1103 error deploy.yaml:13:11" },
                Summary(("deploy.yaml", deployment.Replace("    spec:\n", "    spec:\n      hostNetwork: true\n"))));
        }

        private const string IngressTls = "  tls:\n    - hosts: [pacs.example.org]\n      secretName: pacs-tls\n";

        [Fact]
        public void AnIngressWithoutTlsToAClusterIpServiceReachesTheContainer()
        {
            Assert.Equal(
                new[] { "SDA1103 error deploy.yaml:12:11" },
                Summary(
                    ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                    ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null))),
                    ("ingress.yaml", PacsInputs.KubernetesIngress().Replace(IngressTls, string.Empty))).Where(f => f.StartsWith("SDA1103", StringComparison.Ordinal)));
        }

        [Fact]
        public void AnIngressThatTerminatesTlsIsTheProxyTheFixAsksFor()
        {
            Assert.Contains(IngressTls, PacsInputs.KubernetesIngress(), StringComparison.Ordinal);
            Assert.DoesNotContain(
                Summary(
                    ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                    ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null))),
                    ("ingress.yaml", PacsInputs.KubernetesIngress())),
                f => f.StartsWith("SDA1103", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("nginx.ingress.kubernetes.io/ssl-redirect: \"false\"")]
        [InlineData("nginx.ingress.kubernetes.io/force-ssl-redirect: \"false\"")]
        public void AnIngressThatStillServesHttpDoesNotCount(string annotation)
        {
            Assert.Contains(
                "SDA1103 error deploy.yaml:12:11",
                Summary(
                    ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                    ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null))),
                    ("ingress.yaml", PacsInputs.KubernetesIngress("pacs", annotation))));
        }

        [Fact]
        public void AnIngressWithAHostOutsideItsTlsDoesNotCount()
        {
            var ingress = PacsInputs.KubernetesIngress() + "    - host: plain.example.org\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: pacs\n                port:\n                  number: 8042\n";
            Assert.Contains(
                "SDA1103 error deploy.yaml:12:11",
                Summary(
                    ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                    ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null))),
                    ("ingress.yaml", ingress)));
        }

        [Fact]
        public void NetworkModeHostReachesEveryPort()
        {
            Assert.Equal(new[] { "SDA1103 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    network_mode: host\n"))));
        }

        [Fact]
        public void TheHttpPortSettingDecidesWhichPublishedPortMatters()
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Http, "ORTHANC__HTTP_PORT: \"8080\""))));
            Assert.Equal(
                new[] { "SDA1103 error docker-compose.yml:2:3" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    ports:\n      - \"80:8080\"\n", "ORTHANC__HTTP_PORT: \"8080\""))));
        }

        [Fact]
        public void MessageNamesTheServicePortAndHowItIsReached()
        {
            var finding = Assert.Single(Lint.Files(("docker-compose.yml", Compose("orthancteam/orthanc", Http))), f => f.Rule.Id == "SDA1103");
            Assert.Contains("service 'pacs'", finding.Message, StringComparison.Ordinal);
            Assert.Contains("8042", finding.Message, StringComparison.Ordinal);
            Assert.Contains("all interfaces", finding.Message, StringComparison.Ordinal);
            Assert.Contains("SslEnabled", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void HardenedOrthancIsQuiet()
        {
            var json = PacsInputs.Json(
                "\"SslEnabled\": true",
                "\"SslCertificate\": \"/etc/orthanc/tls/server.pem\"",
                "\"RemoteAccessAllowed\": true",
                "\"AuthenticationEnabled\": true",
                "\"RegisteredUsers\": { \"radiology\": \"Vq8-generated-M2c\" }",
                "\"DicomTlsEnabled\": true",
                "\"DicomCheckCalledAet\": true",
                "\"HttpsVerifyPeers\": true",
                "\"OrthancPeers\": { \"archive\": [\"https://archive.example.org/\", \"sync\", \"Zr4-generated-p0w\"] }");
            Assert.Empty(Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        [Theory]
        [InlineData("    ports:\n      - \"127.0.0.1:8042:8042\"\n")]
        [InlineData("    ports:\n      - target: 8042\n        published: 8042\n        host_ip: 127.0.0.1\n")]
        [InlineData("    expose:\n      - \"8042\"\n")]
        [InlineData("    ports:\n      - \"4242:4242\"\n")]
        [InlineData("")]
        public void UnreachableHttpIsQuiet(string ports)
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", ports))));
        }

        [Fact]
        public void ClusterIpOnlyIsQuiet()
        {
            Assert.Empty(Summary(
                ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null)))));
        }

        [Theory]
        [InlineData("ORTHANC__SSL_ENABLED: \"true\"")]
        [InlineData("ORTHANC__HTTP_SERVER_ENABLED: \"false\"")]
        [InlineData("ORTHANC_JSON: '{\"SslEnabled\": true}'")]
        public void SslOrNoHttpServerIsQuiet(string variable)
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Http, variable))));
        }

        [Fact]
        public void AStandAloneConfigurationHasNoReachabilityAndIsQuiet()
        {
            Assert.Empty(Summary(("orthanc.json", PacsInputs.Json("\"SslEnabled\": false", "\"RemoteAccessAllowed\": true"))));
        }

        // ---- SDA1003 -------------------------------------------------------------------------------------------

        [Fact]
        public void HttpsVerifyPeersFalseInJsonIsAWarningAtTheValue()
        {
            Assert.Equal(
                new[] { "SDA1003 warning orthanc.json:3:23" },
                Summary(("orthanc.json", PacsInputs.Json("\"DicomAet\": \"PACS\"", "\"HttpsVerifyPeers\": false", "\"RemoteAccessAllowed\": false"))));
        }

        [Theory]
        [InlineData("ORTHANC__HTTPS_VERIFY_PEERS: \"false\"", 36)]
        [InlineData("HTTP_CL_VERIFY_PEERS: \"false\"", 29)]
        [InlineData("ORTHANC_JSON: '{\"HttpsVerifyPeers\": false}'", 21)]
        public void HttpsVerifyPeersFalseInTheEnvironmentIsAtTheVariable(string variable, int column)
        {
            Assert.Equal(
                new[] { $"SDA1003 warning docker-compose.yml:6:{column}" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    expose: [\"8042\"]\n", variable))));
        }

        [Fact]
        public void HttpsVerifyPeersInAMountedConfigMapIsReported()
        {
            var json = PacsInputs.Json("\"HttpsVerifyPeers\": false", "\"DicomAet\": \"PACS\"");
            Assert.Equal(new[] { "SDA1003 warning k8s.yaml:6:17" }, Summary(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json))));
        }

        [Theory]
        [InlineData("true")]
        [InlineData("\"yes\"")]
        public void HttpsVerifyPeersOnIsQuiet(string value)
        {
            Assert.Empty(Summary(("orthanc.json", PacsInputs.Json("\"DicomAet\": \"PACS\"", $"\"HttpsVerifyPeers\": {value}", "\"RemoteAccessAllowed\": false"))));
        }

        // ---- SDA1105 -------------------------------------------------------------------------------------------

        private const string PeerPassword = "Pq7-peer-secret-41x";

        [Fact]
        public void PlainHttpPeersInArrayAndObjectFormAreReportedAtEachPeer()
        {
            const string json = """
                {
                  "DicomAet": "PACS",
                  "RemoteAccessAllowed": false,
                  "OrthancPeers": {
                    "archive": [ "http://10.0.0.5:8042/", "sync", "Pq7-peer-secret-41x" ],
                    "teaching": { "Url": "HTTP://teaching.example.org/", "Username": "t", "Password": "Pq7-peer-secret-41x" },
                    "backup": [ "https://backup.example.org/", "b", "Pq7-peer-secret-41x" ]
                  }
                }
                """;
            Assert.Equal(
                new[] { "SDA1105 warning orthanc.json:5:16", "SDA1105 warning orthanc.json:6:17" },
                Summary(("orthanc.json", json)));
        }

        [Fact]
        public void PeerMessagesNameThePeerButNeitherItsUrlNorItsPassword()
        {
            const string json = """
                {
                  "DicomAet": "PACS",
                  "OrthancPeers": { "archive": [ "http://10.0.0.5:8042/", "sync", "Pq7-peer-secret-41x" ] }
                }
                """;
            var finding = Assert.Single(Lint.Files(("orthanc.json", json)), f => f.Rule.Id == "SDA1105");
            Assert.Contains("'archive'", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("10.0.0.5", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(PeerPassword, finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void PeersInAnEnvironmentVariableAreReportedAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA1105 warning docker-compose.yml:6:31" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    expose: [\"8042\"]\n", "ORTHANC__ORTHANC_PEERS: '{\"archive\": [\"http://archive:8042/\", \"sync\", \"Pq7-peer-secret-41x\"]}'"))));
            Assert.DoesNotContain(
                Lint.Files(("docker-compose.yml", Compose("orthancteam/orthanc", string.Empty, "ORTHANC__ORTHANC_PEERS: '{\"archive\": [\"http://archive:8042/\", \"sync\", \"Pq7-peer-secret-41x\"]}'"))),
                f => f.Message.Contains(PeerPassword, StringComparison.Ordinal) || f.Message.Contains("http://archive", StringComparison.Ordinal));
        }

        [Fact]
        public void HttpsPeersAreQuiet()
        {
            Assert.Empty(Summary(("orthanc.json", PacsInputs.Json("\"DicomAet\": \"PACS\"", "\"OrthancPeers\": { \"a\": [\"https://a.example.org/\"], \"b\": { \"Url\": \"https://b.example.org/\" } }"))));
        }
    }
}
