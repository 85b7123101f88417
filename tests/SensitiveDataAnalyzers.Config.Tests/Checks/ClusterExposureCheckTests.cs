using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA5103: LoadBalancer/NodePort/externalIPs Services; SDA5104: container hostPorts.</summary>
    public class ClusterExposureCheckTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA5103", "SDA5104" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        /// <summary>A Service named api selecting app: api; "type:" on line 6 (value at column 9), ports from line 10.</summary>
        private static string Service(string type, string ports, string @namespace = "default") =>
            "apiVersion: v1\n" +                     // 1
            "kind: Service\n" +                       // 2
            "metadata:\n" +                           // 3
            $"  name: api\n  namespace: {@namespace}\n" + // 4, 5
            "spec:\n" +                               // 6
            $"  type: {type}\n" +                     // 7, value at column 9
            "  selector:\n" +                         // 8
            "    app: api\n" +                        // 9
            "  ports:\n" +                            // 10
            ports;

        private static string Workload(string image, string name = "api", string @namespace = "default") =>
            "apiVersion: apps/v1\n" +
            "kind: Deployment\n" +
            "metadata:\n" +
            $"  name: {name}\n" +
            $"  namespace: {@namespace}\n" +
            "spec:\n" +
            "  template:\n" +
            "    metadata:\n" +
            "      labels:\n" +
            "        app: api\n" +
            "    spec:\n" +
            "      containers:\n" +
            $"        - name: {name}\n" +
            $"          image: {image}\n";

        private static string Port(int port, int? target = null) =>
            $"    - port: {port}\n" + (target is int t ? $"      targetPort: {t}\n" : string.Empty);


        [Theory]
        [InlineData("LoadBalancer")]
        [InlineData("NodePort")]
        public void ExternalServiceOnAnOrdinaryPortIsAWarningAtTheType(string type)
        {
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:7:9" }, Summary(("svc.yaml", Service(type, Port(8080)))));
        }

        [Fact]
        public void ClusterIpServiceIsQuiet()
        {
            Assert.Empty(Summary(("svc.yaml", Service("ClusterIP", Port(4242)))));
        }

        [Fact]
        public void ServiceWithoutTypeIsClusterIpAndQuiet()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: pacs
                spec:
                  selector:
                    app: pacs
                  ports:
                    - port: 4242
                """;
            Assert.Empty(Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void LoadBalancerOn443ForAnAppWithoutPatientDataIsQuiet()
        {
            Assert.Empty(Summary(("svc.yaml", Service("LoadBalancer", Port(443, 8443))), ("app.yaml", Workload("example/shop"))));
        }

        [Fact]
        public void LoadBalancerOn443ForAPhiWorkloadInAnotherFileIsAnError()
        {
            Assert.Equal(
                new[] { "SDA5103 error svc.yaml:7:9" },
                Summary(("app.yaml", Workload("jodogne/orthanc")), ("svc.yaml", Service("LoadBalancer", Port(443, 8042)))));
        }

        [Fact]
        public void PhiDeclaredByAnnotationOnTheWorkloadMakesItAnError()
        {
            var app = Workload("example/api").Replace("  namespace: default\n", "  namespace: default\n  annotations:\n    sensitivedata.io/phi: \"true\"\n");
            Assert.Equal(new[] { "SDA5103 error svc.yaml:7:9" }, Summary(("app.yaml", app), ("svc.yaml", Service("LoadBalancer", Port(80)))));
        }

        [Fact]
        public void PhiWorkloadInAnotherNamespaceIsNotSelected()
        {
            Assert.Empty(Summary(("app.yaml", Workload("jodogne/orthanc", @namespace: "pacs")), ("svc.yaml", Service("LoadBalancer", Port(443)))));
        }

        [Fact]
        public void PhiFalseWorkloadSilencesAnOrdinaryPort()
        {
            var app = Workload("example/api").Replace("  namespace: default\n", "  namespace: default\n  labels:\n    sensitivedata.io/phi: \"false\"\n");
            Assert.Empty(Summary(("app.yaml", app), ("svc.yaml", Service("NodePort", Port(9000)))));
        }

        [Theory]
        [InlineData(4242, null)]
        [InlineData(104, null)]
        [InlineData(443, 11112)]   // a DICOM target behind a web-looking port
        public void DicomPortsAreErrorsWithoutAnyWorkload(int port, int? target)
        {
            Assert.Equal(new[] { "SDA5103 error svc.yaml:7:9" }, Summary(("svc.yaml", Service("LoadBalancer", Port(port, target)))));
        }

        [Fact]
        public void TheWorstPortDecidesTheSeverityWhateverTheOrder()
        {
            Assert.Equal(new[] { "SDA5103 error svc.yaml:7:9" }, Summary(("svc.yaml", Service("LoadBalancer", Port(8080) + Port(4242)))));
            Assert.Equal(new[] { "SDA5103 error svc.yaml:7:9" }, Summary(("svc.yaml", Service("LoadBalancer", Port(4242) + Port(8080)))));
        }

        [Fact]
        public void ANamedTargetPortIsResolvedThroughTheSelectedContainers()
        {
            // Service 443 → targetPort "dicom" → containerPort 4242: DICOM leaves the cluster behind a web-looking port.
            var app = Workload("example/store") + "          ports:\n            - name: dicom\n              containerPort: 4242\n";
            var service = Service("LoadBalancer", "    - port: 443\n      targetPort: dicom\n");
            Assert.Equal(new[] { "SDA5103 error svc.yaml:7:9" }, Summary(("app.yaml", app), ("svc.yaml", service)));
            Assert.Empty(Summary(("svc.yaml", service)));
        }

        [Fact]
        public void ExternalIpsWithoutTypeAreReportedAtExternalIps()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector:
                    app: api
                  externalIPs:
                    - 203.0.113.10
                  ports:
                    - port: 8080
                """;
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:9:5" }, Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void ExternalIpsOnAClusterIpServiceAreReportedAtExternalIpsNotAtTheType()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  type: ClusterIP
                  externalIPs:
                    - 203.0.113.10
                  ports:
                    - port: 8080
                """;
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:8:5" }, Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void EmptyExternalIpsAreQuiet()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  externalIPs: []
                  ports:
                    - port: 8080
                """;
            Assert.Empty(Summary(("svc.yaml", yaml)));
        }

        [Fact]
        public void ServicesOfAListAndOfAMultiDocumentFileAreChecked()
        {
            const string yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: a
                    spec:
                      type: NodePort
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
                    - port: 104
                """;
            Assert.Equal(new[] { "SDA5103 warning all.yaml:9:13", "SDA5103 error all.yaml:18:9" }, Summary(("all.yaml", yaml)));
        }

        [Fact]
        public void IgnoreAnnotationSuppressesOnlyTheNamedRule()
        {
            var ignored = Service("LoadBalancer", Port(8080)).Replace("  namespace: default\n", "  namespace: default\n  annotations:\n    sensitivedata.io/ignore: \"SDA5103=internal load balancer\"\n");
            Assert.Empty(Summary(("svc.yaml", ignored)));

            var other = Service("LoadBalancer", Port(8080)).Replace("  namespace: default\n", "  namespace: default\n  annotations:\n    sensitivedata.io/ignore: \"SDA5104=not this one\"\n");
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:9:9" }, Summary(("svc.yaml", other)));
        }

        private const string HostPortPod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: cache
            spec:
              containers:
                - name: cache
                  image: IMAGE
                  ports:
                    - containerPort: CPORT
                      hostPort: HPORT
            """;

        private static string HostPort(string image, int containerPort, int hostPort) =>
            HostPortPod.Replace("IMAGE", image).Replace("CPORT", containerPort.ToString()).Replace("HPORT", hostPort.ToString());

        [Fact]
        public void HostPortIsAWarningAtTheHostPortValue()
        {
            Assert.Equal(new[] { "SDA5104 warning pod.yaml:11:21" }, Summary(("pod.yaml", HostPort("redis", 6379, 6379))));
        }

        [Fact]
        public void HostPortOfAPhiContainerOrADicomPortIsAnError()
        {
            Assert.Equal(new[] { "SDA5104 error pod.yaml:11:21" }, Summary(("pod.yaml", HostPort("jodogne/orthanc", 8042, 8042))));
            Assert.Equal(new[] { "SDA5104 error pod.yaml:11:21" }, Summary(("pod.yaml", HostPort("example/store", 4242, 4242))));
        }

        [Fact]
        public void HostPortForwardingToADicomContainerPortIsAnError()
        {
            // Like compose ports (judged by the container port) and Services (targetPort): DICOM is what the container speaks.
            Assert.Equal(new[] { "SDA5104 error pod.yaml:11:21" }, Summary(("pod.yaml", HostPort("example/store", 104, 10104))));
        }

        [Fact]
        public void HostPortOnAWebPortOfAnAppWithoutPatientDataIsQuiet()
        {
            // Consistent with SDA5101 and SDA5103: a public web port of a workload without patient data is not a finding.
            Assert.Empty(Summary(("pod.yaml", HostPort("nginx", 80, 80))));
            Assert.Equal(new[] { "SDA5104 warning pod.yaml:11:21" }, Summary(("pod.yaml", HostPort("nginx", 8080, 8080))));
        }

        [Fact]
        public void ContainerPortWithoutHostPortIsQuiet()
        {
            const string yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pacs
                spec:
                  containers:
                    - name: pacs
                      image: jodogne/orthanc
                      ports:
                        - containerPort: 4242
                        - containerPort: 8042
                          hostPort: 0
                """;
            Assert.Empty(Summary(("pod.yaml", yaml)));
        }

        [Fact]
        public void HostPortIgnoreAnnotationOnTheWorkload()
        {
            var yaml = HostPort("redis", 6379, 6379).Replace("  name: cache\n", "  name: cache\n  annotations:\n    sensitivedata.io/ignore: \"SDA5104=dev cluster\"\n");
            Assert.Empty(Summary(("pod.yaml", yaml)));
        }
    }
}
