using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA3101 Orthanc DICOM without TLS on a reachable port; SDA3102 DICOM TLS without client certificates.</summary>
    public class OrthancDicomCheckTests
    {
        private static readonly string[] Ids = { "SDA3101", "SDA3102" };

        private static string[] Summary(params (string Path, string Text)[] files) => PacsInputs.Only(Ids, files);

        private static string Compose(string image, string ports, params string[] environment) =>
            "services:\n" +                                    // 1
            "  pacs:\n" +                                      // 2 (service at 2:3)
            $"    image: {image}\n" +                          // 3
            ports +                                            // 4…
            (environment.Length > 0 ? "    environment:\n" + string.Concat(environment.Select(e => $"      {e}\n")) : string.Empty);

        private const string Dicom = "    ports:\n      - \"4242:4242\"\n"; // lines 4-5

        // ---- SDA3101 -------------------------------------------------------------------------------------------

        [Fact]
        public void MountedJsonWithDicomTlsOffIsReportedAtTheSetting()
        {
            var json = PacsInputs.Json("\"DicomTlsEnabled\": false", "\"DicomAet\": \"PACS\"");
            Assert.Equal(new[] { "SDA3101 error orthanc.json:2:22" }, Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        [Theory]
        [InlineData("orthancteam/orthanc:24.1.2")]
        [InlineData("jodogne/orthanc-plugins")]
        [InlineData("example/orthanc")]
        public void ImageDefaultsHaveNoDicomTlsAndAreReportedAtTheService(string image)
        {
            Assert.Equal(new[] { "SDA3101 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose(image, Dicom))));
        }

        [Theory]
        [InlineData("ORTHANC__DICOM_TLS_ENABLED: \"false\"", 35)]
        [InlineData("ORTHANC_JSON: '{\"DicomTlsEnabled\": false}'", 21)]
        public void DicomTlsOffInTheEnvironmentIsReportedAtTheVariable(string variable, int column)
        {
            Assert.Equal(new[] { $"SDA3101 error docker-compose.yml:7:{column}" }, Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom, variable))));
        }

        [Fact]
        public void ConfigMapBehindALoadBalancerOnPort104IsReportedInTheConfigMap()
        {
            var json = PacsInputs.Json("\"DicomTlsEnabled\": false", "\"DicomAet\": \"PACS\"");
            Assert.Equal(
                new[] { "SDA3101 error k8s.yaml:6:17" },
                Summary(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json)), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (104, "4242")))));
        }

        [Fact]
        public void TheDicomPortSettingDecidesWhichPublishedPortMatters()
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom, "ORTHANC__DICOM_PORT: \"11112\""))));
            Assert.Equal(
                new[] { "SDA3101 error docker-compose.yml:2:3" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    ports:\n      - \"104:11112\"\n", "ORTHANC__DICOM_PORT: \"11112\""))));
        }

        [Fact]
        public void AHostPortOrHostNetworkReachesTheDicomPort()
        {
            var hostPort = "            - containerPort: 4242\n              hostPort: 104\n";
            Assert.Equal(new[] { "SDA3101 error deploy.yaml:12:11" }, Summary(("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", ports: hostPort))));
            Assert.Equal(new[] { "SDA3101 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose("orthancteam/orthanc", "    network_mode: host\n"))));
        }

        [Fact]
        public void OneFindingPerOrthancEvenWithThePacsListenerCheckRunning()
        {
            // PacsListenerCheck leaves Orthanc images to this check: one SDA3101 for one plaintext port.
            Assert.Single(Lint.Files(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom))), f => f.Rule.Id == "SDA3101");
        }

        [Fact]
        public void MessageNamesThePortHowAndTheRemedy()
        {
            var finding = Assert.Single(Lint.Files(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom))), f => f.Rule.Id == "SDA3101");
            Assert.Contains("service 'pacs'", finding.Message, StringComparison.Ordinal);
            Assert.Contains("port 4242", finding.Message, StringComparison.Ordinal);
            Assert.Contains("DicomTlsEnabled", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("    ports:\n      - \"127.0.0.1:4242:4242\"\n")]
        [InlineData("    expose:\n      - \"4242\"\n")]
        [InlineData("    ports:\n      - \"2762:2762\"\n")]
        [InlineData("    ports:\n      - \"8042:8042\"\n")]
        public void UnreachableOrTlsOnlyPortsAreQuiet(string ports)
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", ports))));
        }

        [Theory]
        [InlineData("ORTHANC__DICOM_TLS_ENABLED: \"true\"")]
        [InlineData("ORTHANC__DICOM_SERVER_ENABLED: \"false\"")]
        [InlineData("ORTHANC_JSON: '{\"DicomTlsEnabled\": true, \"DicomTlsRemoteCertificateRequired\": true}'")]
        public void TlsOrNoDicomServerIsQuiet(string variable)
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom, variable))));
        }

        [Fact]
        public void ClusterIpOnlyIsQuiet()
        {
            Assert.Empty(Summary(
                ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (4242, null)))));
        }

        [Fact]
        public void AnHttpIngressDoesNotCarryDicom()
        {
            // The Ingress routes HTTP to the Service's port 8042; the Service's DICOM port stays inside the cluster.
            Assert.Empty(Summary(
                ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null), (4242, null))),
                ("ingress.yaml", PacsInputs.KubernetesIngress())));
        }

        [Fact]
        public void AStandAloneConfigurationWithoutTlsIsQuiet()
        {
            Assert.Empty(Summary(("orthanc.json", PacsInputs.Json("\"DicomTlsEnabled\": false", "\"DicomPort\": 104"))));
        }

        [Fact]
        public void HardenedOrthancIsQuiet()
        {
            var json = PacsInputs.Json(
                "\"SslEnabled\": true",
                "\"RemoteAccessAllowed\": true",
                "\"AuthenticationEnabled\": true",
                "\"RegisteredUsers\": { \"radiology\": \"Vq8-generated-M2c\" }",
                "\"DicomTlsEnabled\": true",
                "\"DicomTlsRemoteCertificateRequired\": true",
                "\"DicomCheckCalledAet\": true");
            Assert.Empty(Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        // ---- SDA3102 -------------------------------------------------------------------------------------------

        [Fact]
        public void TlsWithoutRequiredClientCertificatesIsAWarningAtTheSetting()
        {
            var json = PacsInputs.Json("\"DicomTlsEnabled\": true", "\"DicomTlsRemoteCertificateRequired\": false", "\"DicomAet\": \"PACS\"");
            Assert.Equal(new[] { "SDA3102 warning orthanc.json:3:40" }, Summary(("orthanc.json", json)));
        }

        [Fact]
        public void TlsWithoutRequiredClientCertificatesFromTheEnvironmentIsAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA3102 warning docker-compose.yml:8:55" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Dicom, "ORTHANC__DICOM_TLS_ENABLED: \"true\"", "ORTHANC__DICOM_TLS_REMOTE_CERTIFICATE_REQUIRED: \"false\""))));
        }

        [Theory]
        [InlineData("\"DicomTlsEnabled\": false", "\"DicomTlsRemoteCertificateRequired\": false")] // no TLS: SDA3101's business
        [InlineData("\"DicomTlsEnabled\": true", "\"DicomTlsRemoteCertificateRequired\": true")]
        [InlineData("\"DicomTlsEnabled\": true", "\"DicomAet\": \"PACS\"")]                          // default: required
        [InlineData("\"DicomServerEnabled\": false", "\"DicomTlsRemoteCertificateRequired\": false")]
        public void CertificatesRequiredOrNoTlsServerIsQuiet(string first, string second)
        {
            var json = PacsInputs.Json(first, second, "\"DicomPort\": 4242", "\"DicomAet\": \"PACS\"");
            Assert.Single(OrthancInstanceCount(json));
            Assert.DoesNotContain(Summary(("orthanc.json", json)), s => s.StartsWith("SDA3102", StringComparison.Ordinal));
        }

        private static System.Collections.Generic.IReadOnlyList<SensitiveDataAnalyzers.Config.Reachability.OrthancInstance> OrthancInstanceCount(string json)
        {
            var file = SensitiveDataAnalyzers.Config.Parsing.ConfigLoader.Load("orthanc.json", System.Text.Encoding.UTF8.GetBytes(json)).File!;
            return SensitiveDataAnalyzers.Config.Reachability.OrthancInstance.Find(SensitiveDataAnalyzers.Config.Reachability.DeploymentModel.Build(new[] { file }));
        }
    }
}
