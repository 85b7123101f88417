using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA5101: compose ports published on every host interface.</summary>
    public class PublishedPortCheckTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA5101" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        private static string[] Sda5101(params (string Path, string Text)[] files) =>
            Summary(files);

        /// <summary>One service "api" (no patient data) publishing one port written on line 5, column 9.</summary>
        private static string ApiWithPort(string port, string image = "example/api") =>
            "services:\n" +
            "  api:\n" +
            $"    image: {image}\n" +
            "    ports:\n" +
            $"      - {port}\n";

        [Theory]
        [InlineData("\"9000\"")]                  // container port only: Docker picks a host port on all interfaces
        [InlineData("9090:9000")]                 // unquoted (a YAML 1.1 sexagesimal int, read as text)
        [InlineData("\"9090:9000\"")]
        [InlineData("\"0.0.0.0:9090:9000\"")]
        [InlineData("\"[::]:9090:9000\"")]
        [InlineData("\":::9090:9000\"")]
        [InlineData("\"9000-9002:9000-9002\"")]
        [InlineData("\"8000-8002:8000-8002\"")]
        [InlineData("\"9000-9002\"")]             // container-only range: random host ports on every interface
        [InlineData("\"9125:9125/udp\"")]
        [InlineData("\"9090:9000/tcp\"")]
        public void ShortSyntaxOnAllInterfacesIsAWarningForAServiceWithoutPatientData(string port)
        {
            Assert.Equal(new[] { "SDA5101 warning docker-compose.yml:5:9" }, Summary(("docker-compose.yml", ApiWithPort(port))));
        }

        [Fact]
        public void AnUnquotedContainerOnlyPortIsReported()
        {
            Assert.Equal(new[] { "SDA5101 warning docker-compose.yml:5:9" }, Summary(("docker-compose.yml", ApiWithPort("9000"))));
        }

        [Theory]
        [InlineData("\"127.0.0.1:9090:9000\"")]
        [InlineData("\"127.0.0.1::9000\"")]
        [InlineData("\"127.10.0.1:9090:9000\"")]
        [InlineData("\"[::1]:9090:9000\"")]
        [InlineData("\"::1:9090:9000\"")]
        [InlineData("\"10.0.0.5:9090:9000\"")]   // one specific address: a deliberate choice, not all interfaces
        [InlineData("\"8080:80\"")]               // web port of a service without patient data
        [InlineData("8080:80")]
        [InlineData("\"443:443\"")]
        [InlineData("\"80:80/udp\"")]
        public void LoopbackSpecificAddressAndPublicWebPortsAreQuiet(string port)
        {
            Assert.Empty(Summary(("docker-compose.yml", ApiWithPort(port))));
        }

        [Theory]
        [InlineData("\"4242:4242\"")]
        [InlineData("\"104:104\"")]
        [InlineData("\"11112:11112\"")]
        [InlineData("\"2762:2762\"")]
        [InlineData("\"0.0.0.0:14242:4242\"")]
        public void DicomPortsAreErrorsWhateverTheImage(string port)
        {
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:5:9" }, Summary(("docker-compose.yml", ApiWithPort(port))));
        }

        [Fact]
        public void DicomPortOnLoopbackIsQuiet()
        {
            Assert.Empty(Summary(("docker-compose.yml", ApiWithPort("\"127.0.0.1:4242:4242\"", "orthancteam/orthanc"))));
        }

        [Theory]
        [InlineData("orthancteam/orthanc")]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0")]
        [InlineData("ohif/app")]
        [InlineData("hapiproject/hapi-fhir-jpaserver-starter")]
        public void AnyPortOfAPhiImageIsAnErrorEvenTheWebPorts(string image)
        {
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:5:9" }, Summary(("docker-compose.yml", ApiWithPort("\"8080:80\"", image))));
        }

        [Fact]
        public void PhiRecognisedByServiceNameLabelAndVolume()
        {
            const string yaml = """
                services:
                  patient-portal:
                    image: nginx
                    ports:
                      - "443:443"
                  web:
                    image: nginx
                    labels:
                      sensitivedata.io/phi: "true"
                    ports:
                      - "80:80"
                  store:
                    image: example/store
                    volumes:
                      - ./recordings:/data
                    ports:
                      - "8443:443"
                  plain:
                    image: nginx
                    labels:
                      - "com.example.team=web"
                    ports:
                      - "8081:80"
                """;
            Assert.Equal(
                new[] { "SDA5101 error docker-compose.yml:5:9", "SDA5101 error docker-compose.yml:11:9", "SDA5101 error docker-compose.yml:17:9" },
                Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void PhiFalseLabelSilencesAnOrdinaryPortButNotADicomPort()
        {
            // Exposure.Severity: DICOM ports are errors before the declaration is consulted.
            const string yaml = """
                services:
                  imaging-proxy:
                    image: example/imaging-proxy
                    labels:
                      sensitivedata.io/phi: "false"
                    ports:
                      - "9000:9000"
                      - "8443:443"
                      - "4242:4242"
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:9:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void PhiFalseLabelInListFormIsRead()
        {
            const string yaml = """
                services:
                  radiology-docs:
                    image: example/docs
                    labels:
                      - sensitivedata.io/phi=false
                    ports:
                      - "9000:9000"
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ExposeIsInternalAndNotAFinding()
        {
            const string yaml = """
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    expose:
                      - "4242"
                      - "8042"
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void LongSyntaxWithoutHostIpIsReportedAtTheMapping()
        {
            const string yaml = """
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    ports:
                      - target: 4242
                        published: "4242"
                        protocol: tcp
                      - target: 9000
                        published: 9000
                        host_ip: 0.0.0.0
                """;
            Assert.Equal(
                new[] { "SDA5101 error docker-compose.yml:5:9", "SDA5101 error docker-compose.yml:8:9" },
                Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void LongSyntaxOnLoopbackIsQuietButIngressModeIsNot()
        {
            const string yaml = """
                services:
                  api:
                    image: example/api
                    ports:
                      - target: 9000
                        published: 9000
                        host_ip: 127.0.0.1
                      - target: 9001
                        published: 9001
                        host_ip: "::1"
                      - target: 9002
                        published: 9002
                        host_ip: 127.0.0.1
                        mode: ingress
                """;
            Assert.Equal(new[] { "SDA5101 warning docker-compose.yml:11:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void LongSyntaxWebPortOfAServiceWithoutPatientDataIsQuiet()
        {
            const string yaml = """
                services:
                  web:
                    image: nginx
                    ports:
                      - target: 443
                        published: 443
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ARangeThatReachesADicomPortIsAnError()
        {
            // The range is one node; its worst port decides the severity whichever port comes first.
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:5:9" }, Summary(("docker-compose.yml", ApiWithPort("\"100-104:100-104\""))));
        }

        [Fact]
        public void PortsFromAMergeKeyAreReportedWhereTheyAreWritten()
        {
            const string yaml = """
                x-dicom: &dicom
                  image: orthancteam/orthanc
                  ports:
                    - "4242:4242"
                  restart: always
                services:
                  pacs:
                    <<: *dicom
                    environment:
                      ORTHANC__NAME: pacs
                  web:
                    image: nginx
                    ports:
                      - "8080:80"
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:4:7" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void AMergedServiceKeepsItsOwnPortsOverTheAnchors()
        {
            const string yaml = """
                x-common: &common
                  restart: always
                  ports:
                    - "9000:9000"
                services:
                  api:
                    <<: *common
                    image: example/api
                    ports:
                      - "127.0.0.1:9000:9000"
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void TheAnchorItselfIsNotAService()
        {
            const string yaml = """
                x-common: &common
                  image: orthancteam/orthanc
                  ports:
                    - "4242:4242"
                services: {}
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void AKubernetesDocumentWithAServicesKeyIsNotCompose()
        {
            const string yaml = """
                apiVersion: example.io/v1
                kind: Stack
                metadata:
                  name: s
                services:
                  api:
                    ports:
                      - "4242:4242"
                """;
            Assert.Empty(Sda5101(("stack.yaml", yaml)));
        }

        [Fact]
        public void EveryServiceAndEveryPortIsChecked()
        {
            const string yaml = """
                services:
                  a:
                    image: example/a
                    ports:
                      - "127.0.0.1:9000:9000"
                      - "9001:9001"
                  b:
                    image: example/b
                    ports: ["9002:9002", "127.0.0.1:9003:9003"]
                """;
            Assert.Equal(
                new[] { "SDA5101 warning docker-compose.yml:6:9", "SDA5101 warning docker-compose.yml:9:13" },
                Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void MessageNamesServicePortAndRemedy()
        {
            var finding = Assert.Single(Lint.Files(("docker-compose.yml", ApiWithPort("\"4242:4242\""))), f => Ids.Contains(f.Rule.Id));
            Assert.Contains("'api'", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("4242 (DICOM)", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("127.0.0.1", finding.Message, System.StringComparison.Ordinal);
        }
    }
}
