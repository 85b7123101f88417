using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA1001/SDA1002 from listener settings in environments and appsettings; SDA1004 from Kestrel SslProtocols.</summary>
    public class PlaintextListenerSettingsCheckTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA1001", "SDA1002", "SDA1004" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        private static string[] Transport(params (string Path, string Text)[] files) =>
            Summary(files);

        /// <summary>Service api; the environment entry is on line 5 (list form: column 9), its port on line 7.</summary>
        private static string ComposeList(string variable, string port) =>
            "services:\n" +
            "  api:\n" +
            "    image: example/api\n" +
            "    environment:\n" +
            $"      - {variable}\n" +
            "    ports:\n" +
            $"      - {port}\n";

        [Theory]
        [InlineData("ASPNETCORE_URLS=http://+:8080")]
        [InlineData("ASPNETCORE_URLS=http://*:8080")]
        [InlineData("ASPNETCORE_URLS=http://0.0.0.0:8080")]
        [InlineData("ASPNETCORE_URLS=http://[::]:8080")]
        [InlineData("ASPNETCORE_URLS=https://+:8443;http://+:8080")]
        [InlineData("ASPNETCORE_HTTP_PORTS=8080")]
        [InlineData("ASPNETCORE_HTTP_PORTS=8081;8080")]
        [InlineData("Kestrel__Endpoints__Http__Url=http://+:8080")]
        [InlineData("Kestrel:Endpoints:Http:Url=http://+:8080")]
        public void ComposeListFormPublishedPlaintextListenerIsSda1001(string variable)
        {
            Assert.Equal(new[] { "SDA1001 warning docker-compose.yml:5:9" }, Transport(("docker-compose.yml", ComposeList(variable, "\"8080:8080\""))));
        }

        [Fact]
        public void ComposeMapFormIsReportedAtTheValue()
        {
            const string yaml = """
                services:
                  api:
                    image: example/api
                    environment:
                      ASPNETCORE_URLS: http://+:8080
                    ports:
                      - "0.0.0.0:8080:8080"
                """;
            Assert.Equal(new[] { "SDA1001 warning docker-compose.yml:5:24" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void PlaintextPublishedAs443IsSda1002()
        {
            var findings = Lint.Files(("docker-compose.yml", ComposeList("ASPNETCORE_URLS=http://+:8080", "\"443:8080\"")));
            var finding = Assert.Single(findings, f => Ids.Contains(f.Rule.Id));
            Assert.Equal("SDA1002", finding.Rule.Id);
            Assert.Equal(Config.Checks.FindingSeverity.Error, finding.Severity);
            Assert.Equal("docker-compose.yml:5:9", finding.Location.ToString());
            Assert.Contains("published as port 443", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void PlaintextPublishedAs8443IsSda1002()
        {
            Assert.Equal(new[] { "SDA1002 error docker-compose.yml:5:9" }, Transport(("docker-compose.yml", ComposeList("ASPNETCORE_URLS=http://+:8080", "\"8443:8080\""))));
        }

        [Theory]
        [InlineData("ASPNETCORE_URLS=http://+:443")]
        [InlineData("ASPNETCORE_HTTP_PORTS=443")]
        [InlineData("ASPNETCORE_URLS=http://+:8443")]
        public void PlaintextOnATlsPortIsSda1002EvenWhenNothingPublishesIt(string variable)
        {
            const string noPorts = "services:\n  api:\n    image: example/api\n    environment:\n      - VARIABLE\n";
            Assert.Equal(new[] { "SDA1002 error docker-compose.yml:5:9" }, Transport(("docker-compose.yml", noPorts.Replace("VARIABLE", variable))));
        }

        [Theory]
        [InlineData("ASPNETCORE_URLS=https://+:8080", "\"8080:8080\"")]              // https
        [InlineData("ASPNETCORE_URLS=http://+:8080", "\"127.0.0.1:8080:8080\"")]     // published on loopback only
        [InlineData("ASPNETCORE_URLS=http://+:8080", "\"[::1]:8080:8080\"")]
        [InlineData("ASPNETCORE_URLS=http://localhost:8080", "\"8080:8080\"")]      // Kestrel itself on loopback
        [InlineData("ASPNETCORE_URLS=http://127.0.0.1:8080", "\"8080:8080\"")]
        [InlineData("ASPNETCORE_URLS=http://+:8080", "\"9090:9090\"")]              // another port is published
        [InlineData("ASPNETCORE_URLS=unix:/tmp/kestrel.sock", "\"8080:8080\"")]
        [InlineData("ASPNETCORE_HTTPS_PORTS=8080", "\"8080:8080\"")]
        [InlineData("OTHER_URLS=http://+:8080", "\"8080:8080\"")]
        public void NearMissesInComposeAreQuiet(string variable, string port)
        {
            Assert.Empty(Transport(("docker-compose.yml", ComposeList(variable, port))));
        }

        [Fact]
        public void InternalListenerBehindAProxyIsQuiet()
        {
            const string yaml = """
                services:
                  api:
                    image: example/api
                    environment:
                      ASPNETCORE_URLS: http://+:8080
                    expose:
                      - "8080"
                  proxy:
                    image: nginx
                    ports:
                      - "443:443"
                """;
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void EnvironmentFromAMergeKeyIsReportedWhereItIsWritten()
        {
            const string yaml = """
                x-aspnet: &aspnet
                  environment:
                    ASPNETCORE_URLS: http://+:8080
                services:
                  api:
                    <<: *aspnet
                    image: example/api
                    ports:
                      - "127.0.0.1:8080:8080"
                  worker:
                    <<: *aspnet
                    image: example/worker
                    ports:
                      - "8080:8080"
                """;
            Assert.Equal(new[] { "SDA1001 warning docker-compose.yml:3:22" }, Transport(("docker-compose.yml", yaml)));
        }

        private const string K8sDeployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  containers:
                    - name: api
                      image: example/api
                      env:
                        - name: ASPNETCORE_URLS
                          value: "@URLS@"
                      ports:
                        - name: http
                          containerPort: 8080
            """;

        private static string K8sService(string type, string port, string targetPort, string @namespace = "default") => $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: {@namespace}
            spec:
              type: {type}
              selector:
                app: api
              ports:
                - port: {port}
                  targetPort: {targetPort}
            """;

        private static string Deployment(string urls = "http://+:8080") => K8sDeployment.Replace("@URLS@", urls);

        [Fact]
        public void KubernetesLoadBalancerPublishingThePlaintextPortIsSda1001AtTheValue()
        {
            Assert.Equal(new[] { "SDA1001 warning app.yaml:16:22" }, Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService("LoadBalancer", "80", "8080"))));
        }

        [Fact]
        public void KubernetesNodePortPublishingThePlaintextPortIsSda1001()
        {
            Assert.Equal(new[] { "SDA1001 warning app.yaml:16:22" }, Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService("NodePort", "8080", "8080"))));
        }

        [Fact]
        public void KubernetesServiceOn443ForwardingToPlaintextIsSda1002()
        {
            Assert.Equal(new[] { "SDA1002 error app.yaml:16:22" }, Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService("LoadBalancer", "443", "8080"))));
        }

        [Fact]
        public void KubernetesNamedTargetPortIsResolvedThroughTheContainerPorts()
        {
            Assert.Equal(new[] { "SDA1002 error app.yaml:16:22" }, Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService("LoadBalancer", "443", "http"))));
        }

        [Fact]
        public void KubernetesDeploymentAndServiceInOneMultiDocumentFile()
        {
            var yaml = Deployment() + "\n---\n" + K8sService("LoadBalancer", "443", "8080");
            Assert.Equal(new[] { "SDA1002 error all.yaml:16:22" }, Transport(("all.yaml", yaml)));
        }

        [Fact]
        public void KubernetesDeploymentAndServiceInAList()
        {
            var items = string.Join("\n", new[] { Deployment(), K8sService("LoadBalancer", "8080", "8080") }
                .Select(doc => "  - " + doc.Replace("\n", "\n    ")));
            var yaml = "apiVersion: v1\nkind: List\nitems:\n" + items + "\n";

            // The env value moves down 3 lines (List header) and right 4 columns (item indentation).
            Assert.Equal(new[] { "SDA1001 warning list.yaml:19:26" }, Transport(("list.yaml", yaml)));
        }

        [Theory]
        [InlineData("ClusterIP", "8080", "8080")]           // internal only
        [InlineData("LoadBalancer", "8080", "9090")]        // publishes another port
        public void KubernetesServicesThatDoNotPublishTheListenerAreQuiet(string type, string port, string target)
        {
            Assert.Empty(Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService(type, port, target))));
        }

        [Fact]
        public void KubernetesServiceInAnotherNamespaceDoesNotPublishThePod()
        {
            Assert.Empty(Transport(("app.yaml", Deployment()), ("svc.yaml", K8sService("LoadBalancer", "443", "8080", @namespace: "other"))));
        }

        [Fact]
        public void KubernetesWithoutAnyServiceIsQuietOnAnOrdinaryPort()
        {
            Assert.Empty(Transport(("app.yaml", Deployment())));
        }

        [Theory]
        [InlineData("https://+:8080")]
        [InlineData("http://localhost:8080")]
        public void KubernetesHttpsOrLoopbackListenersAreQuiet(string urls)
        {
            Assert.Empty(Transport(("app.yaml", Deployment(urls)), ("svc.yaml", K8sService("LoadBalancer", "443", "8080"))));
        }

        [Fact]
        public void KubernetesPlaintextOnTlsPortWithoutAnyServiceIsSda1002()
        {
            Assert.Equal(new[] { "SDA1002 error app.yaml:16:22" }, Transport(("app.yaml", Deployment("http://+:443"))));
        }

        [Fact]
        public void KubernetesIgnoreAnnotationSuppressesTheListenerFinding()
        {
            var yaml = Deployment("http://+:443").Replace("  name: api\n", "  name: api\n  annotations:\n    sensitivedata.io/ignore: \"SDA1002=TLS ends at the sidecar\"\n");
            Assert.Empty(Transport(("app.yaml", yaml)));
        }

        [Fact]
        public void AppSettingsUrlsOnAllInterfacesIsSda1001AtTheValue()
        {
            const string json = """
                {
                  "Urls": "http://*:5000"
                }
                """;
            Assert.Equal(new[] { "SDA1001 warning appsettings.json:2:11" }, Summary(("appsettings.json", json)));
        }

        [Fact]
        public void AppSettingsKestrelEndpointsArePositionedAtEachUrl()
        {
            const string json = """
                {
                  "Kestrel": {
                    "Endpoints": {
                      "Http": {
                        "Url": "http://0.0.0.0:5000"
                      },
                      "Tls": {
                        "Url": "http://+:443"
                      },
                      "Secure": {
                        "Url": "https://*:5001"
                      },
                      "Local": {
                        "Url": "http://localhost:5002"
                      }
                    }
                  }
                }
                """;
            Assert.Equal(
                new[] { "SDA1001 warning appsettings.Production.json:5:16", "SDA1002 error appsettings.Production.json:8:16" },
                Summary(("appsettings.Production.json", json)));
        }

        [Fact]
        public void AJsonFileWithAKestrelSectionIsSettingsWhateverItsName()
        {
            const string json = """
                { "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:8080" } } } }
                """;
            Assert.Equal(new[] { "SDA1001 warning config/kestrel.json:1:48" }, Summary(("config/kestrel.json", json)));
        }

        [Fact]
        public void AJsonFileWithoutKestrelAndNotNamedAppSettingsIsNotSettings()
        {
            Assert.Empty(Summary(("package.json", """{ "Urls": "http://*:5000" }""")));
        }

        [Fact]
        public void AppSettingsWithHttpsAndLoopbackEndpointsAreQuiet()
        {
            const string json = """
                {
                  "Urls": "https://*:5001;http://localhost:5000;http://[::1]:5003",
                  "Kestrel": {
                    "Endpoints": {
                      "Https": { "Url": "https://*:443", "SslProtocols": [ "Tls12", "Tls13" ] },
                      "Pipe": { "Url": "http://unix:/run/app.sock" }
                    },
                    "EndpointDefaults": { "SslProtocols": "Tls12, Tls13" }
                  }
                }
                """;
            Assert.Empty(Summary(("appsettings.json", json)));
        }

        [Fact]
        public void ObsoleteSslProtocolsAreSda1004AtEachValue()
        {
            const string json = """
                {
                  "Kestrel": {
                    "EndpointDefaults": {
                      "SslProtocols": "Tls11"
                    },
                    "Endpoints": {
                      "Https": {
                        "Url": "https://*:5001",
                        "SslProtocols": [ "Tls12", "Tls", "Ssl3" ]
                      }
                    }
                  }
                }
                """;
            Assert.Equal(
                new[] { "SDA1004 warning appsettings.json:4:23", "SDA1004 warning appsettings.json:9:36", "SDA1004 warning appsettings.json:9:43" },
                Summary(("appsettings.json", json)));
        }

        [Fact]
        public void SslProtocolsInYamlAreNotAppSettings()
        {
            const string yaml = """
                Kestrel:
                  EndpointDefaults:
                    SslProtocols: Tls11
                """;
            Assert.Empty(Summary(("appsettings.yaml", yaml)));
        }
    }
}
