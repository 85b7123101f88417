using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>In-file suppressions (# and // comments) and the Kubernetes ignore annotation.</summary>
    public class SuppressionTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA1001", "SDA1002", "SDA1004", "SDA1101", "SDA1102", "SDA5101", "SDA5102", "SDA5103", "SDA5104" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        [Fact]
        public void DisableLineSuppressesTheNamedRuleOnThatLine()
        {
            const string yaml = """
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    ports:
                      - "4242:4242"   # sda-disable-line SDA5101 lab network only
                      - "8042:8042"
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:6:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void DisableNextLineSuppressesTheFollowingLineOnly()
        {
            const string yaml = """
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    ports:
                      # sda-disable-next-line SDA5101 firewalled at the edge
                      - "4242:4242"
                      - "8042:8042"
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:7:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ADifferentRuleIdDoesNotSuppress()
        {
            const string yaml = """
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    ports:
                      - "4242:4242"   # sda-disable-line SDA5102 wrong rule
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:5:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void SeveralIdsAndLowerCaseIdsAreAccepted()
        {
            const string yaml = """
                services:
                  api:
                    image: example/api
                    network_mode: host      # sda-disable-line sda5101, sda5102 reason
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void DisableLineWithoutAnIdSuppressesEveryRuleOnThatLine()
        {
            const string yaml = """
                services:
                  api:
                    image: example/api
                    environment:
                      - ASPNETCORE_URLS=http://+:443   # sda-disable-line
                    network_mode: host
                """;
            Assert.Equal(new[] { "SDA1002 error docker-compose.yml:5:9", "SDA5102 warning docker-compose.yml:6:19" }, Summary(("docker-compose.yml", yaml.Replace("# sda-disable-line", "# not a suppression"))));
            Assert.Equal(new[] { "SDA5102 warning docker-compose.yml:6:19" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ASuppressionOnAnotherLineDoesNotLeak()
        {
            const string yaml = """
                # sda-disable-line SDA5101 a comment on its own line suppresses only that line
                services:
                  orthanc:
                    image: orthancteam/orthanc
                    ports:
                      - "4242:4242"
                """;
            Assert.Equal(new[] { "SDA5101 error docker-compose.yml:6:9" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ASuppressionInOneFileDoesNotSilenceTheSameLineOfAnother()
        {
            const string suppressed = "services:\n  db:\n    image: orthancteam/orthanc\n    ports:\n      - \"4242:4242\" # sda-disable-line SDA5101\n";
            const string open = "services:\n  db:\n    image: orthancteam/orthanc\n    ports:\n      - \"4242:4242\"\n";
            Assert.Equal(new[] { "SDA5101 error b.yml:5:9" }, Summary(("a.yml", suppressed), ("b.yml", open)));
        }

        [Fact]
        public void JsonLineCommentSuppresses()
        {
            const string json = """
                {
                  "Urls": "http://*:5000", // sda-disable-line SDA1001 dev only
                  "Kestrel": {
                    "EndpointDefaults": {
                      // sda-disable-next-line SDA1004 legacy scanner
                      "SslProtocols": "Tls11"
                    },
                    "Endpoints": { "Old": { "Url": "https://*:5001", "SslProtocols": "Tls" } }
                  }
                }
                """;
            Assert.Equal(new[] { "SDA1004 warning appsettings.json:8:70" }, Summary(("appsettings.json", json)));
        }

        [Fact]
        public void JsonBlockCommentSuppresses()
        {
            const string json = """
                {
                  "Urls": "http://*:5000" /* sda-disable-line SDA1001 reason */
                }
                """;
            Assert.Empty(Summary(("appsettings.json", json)));
        }

        [Fact]
        public void KubernetesIgnoreAnnotationWithSeveralIds()
        {
            const string yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                  annotations:
                    sensitivedata.io/ignore: "SDA5102=node agent, SDA5104=metrics port"
                spec:
                  hostNetwork: true
                  containers:
                    - name: agent
                      image: example/agent
                      ports:
                        - containerPort: 9100
                          hostPort: 9100
                """;
            Assert.Empty(Summary(("pod.yaml", yaml)));
        }

        [Fact]
        public void KubernetesIgnoreAnnotationAppliesOnlyToItsObject()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                  annotations:
                    sensitivedata.io/ignore: "SDA5103=internal LB"
                spec:
                  type: LoadBalancer
                  ports:
                    - port: 9000
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: b
                spec:
                  type: LoadBalancer
                  ports:
                    - port: 9000
                """;
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:17:9" }, Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void KubernetesIgnoreAnnotationWithoutAnIdIgnoresNothing()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                  annotations:
                    sensitivedata.io/ignore: "internal load balancer"
                spec:
                  type: LoadBalancer
                  ports:
                    - port: 9000
                """;
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:8:9" }, Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void YamlCommentOnTheKubernetesFindingLine()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                spec:
                  type: NodePort   # sda-disable-line SDA5103 kind cluster
                  ports:
                    - port: 9000
                """;
            Assert.Empty(Summary(("svc.yaml", yaml)));
        }
    }
}
