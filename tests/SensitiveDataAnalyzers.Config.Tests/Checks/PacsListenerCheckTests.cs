using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA3101 plaintext DICOM of PACS other than Orthanc; SDA4105 Ingress to a PACS without login; NetworkPolicy lowering SDA5103.</summary>
    public class PacsListenerCheckTests
    {
        private static string[] Rule(string id, params (string Path, string Text)[] files) => PacsInputs.Only(new[] { id }, files);

        private static string Compose(string image, string ports) =>
            "services:\n" +                                    // 1
            "  pacs:\n" +                                      // 2 (service at 2:3)
            $"    image: {image}\n" +                          // 3
            ports;

        private const string Arc = "dcm4che/dcm4chee-arc-psql:5.31.0";

        /// <summary>A ConfigMap with Orthanc JSON turning authentication off over remote access, mounted by Deployment "pacs".</summary>
        private static string AnonymousOrthanc(string image = "jodogne/orthanc-plugins:1.12.1") =>
            PacsInputs.KubernetesWithConfigMap(PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false"), image);

        private static readonly (string, string) ClusterIp = ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8042, null), (8080, null)));

        // ---- SDA3101 (other PACS) ------------------------------------------------------------------------------

        [Theory]
        [InlineData(Arc, "\"11112:11112\"")]
        [InlineData(Arc, "\"104:11112\"")]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0-secure", "\"11112:11112\"")] // the login does not encrypt DICOM
        [InlineData("example/conquest-pacs", "\"104:104\"")]
        [InlineData("bioinformaticsua/dicoogle", "\"4242:4242\"")]
        [InlineData(Arc, "\"11112\"")]
        public void PlaintextDicomOfAnotherPacsIsReportedAtTheService(string image, string port)
        {
            Assert.Equal(new[] { "SDA3101 error docker-compose.yml:2:3" }, Rule("SDA3101", ("docker-compose.yml", Compose(image, $"    ports:\n      - {port}\n"))));
        }

        [Fact]
        public void OneFindingPerWorkloadEvenWithSeveralPlaintextPorts()
        {
            var finding = Assert.Single(
                Lint.Files(("docker-compose.yml", Compose(Arc, "    ports:\n      - \"104:104\"\n      - \"11112:11112\"\n"))),
                f => f.Rule.Id == "SDA3101");
            Assert.Contains("104", finding.Message, StringComparison.Ordinal);
            Assert.Contains("2762", finding.Message, StringComparison.Ordinal);
            Assert.Contains(Arc, finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void KubernetesLoadBalancerToDicomIsReportedAtTheContainer()
        {
            Assert.Equal(
                new[] { "SDA3101 error deploy.yaml:12:11" },
                Rule("SDA3101", ("deploy.yaml", PacsInputs.KubernetesDeployment(Arc)), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (104, "11112")))));
        }

        [Fact]
        public void NamedDicomTargetPortIsResolved()
        {
            var ports = "            - name: dicom\n              containerPort: 11112\n";
            Assert.Equal(
                new[] { "SDA3101 error deploy.yaml:12:11" },
                Rule("SDA3101", ("deploy.yaml", PacsInputs.KubernetesDeployment(Arc, ports: ports)), ("svc.yaml", PacsInputs.KubernetesService("NodePort", (104, "dicom")))));
        }

        [Theory]
        [InlineData("    ports:\n      - \"2762:2762\"\n")]
        [InlineData("    ports:\n      - \"127.0.0.1:11112:11112\"\n")]
        [InlineData("    expose:\n      - \"11112\"\n")]
        [InlineData("    ports:\n      - \"8443:8443\"\n")]
        public void TlsLoopbackInternalOrWebPortsAreQuiet(string ports)
        {
            Assert.Empty(Rule("SDA3101", ("docker-compose.yml", Compose(Arc, ports))));
        }

        [Fact]
        public void ClusterIpDicomIsQuiet()
        {
            Assert.Empty(Rule("SDA3101", ("deploy.yaml", PacsInputs.KubernetesDeployment(Arc)), ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (11112, null)))));
        }

        [Theory]
        [InlineData("nginx:1.27")]
        [InlineData("example/worklist-proxy")]
        public void ImagesThatAreNoPacsAreLeftToPublishedPortCheck(string image)
        {
            Assert.Empty(Rule("SDA3101", ("docker-compose.yml", Compose(image, "    ports:\n      - \"104:104\"\n"))));
        }

        // ---- SDA4105 -------------------------------------------------------------------------------------------

        [Fact]
        public void IngressToAnOrthancWithoutAuthenticationIsReportedAtItsSpec()
        {
            Assert.Equal(
                new[] { "SDA4105 error ingress.yaml:5:1" },
                Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress())));
        }

        [Fact]
        public void IngressToAnOrthancWithAuthenticationOffInItsEnvironmentIsReported()
        {
            var env = "          env:\n            - name: ORTHANC__AUTHENTICATION_ENABLED\n              value: \"false\"\n";
            Assert.Equal(
                new[] { "SDA4105 error ingress.yaml:5:1" },
                Rule("SDA4105", ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", extraContainer: env)), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress())));
        }

        [Fact]
        public void IngressToAnUnsecuredArcIsReported()
        {
            var finding = Assert.Single(
                Lint.Files(("deploy.yaml", PacsInputs.KubernetesDeployment(Arc)), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress())),
                f => f.Rule.Id == "SDA4105");
            Assert.Equal("ingress.yaml:5:1", finding.Location.ToString());
            Assert.Contains("Ingress 'pacs'", finding.Message, StringComparison.Ordinal);
            Assert.Contains(Arc, finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("nginx.ingress.kubernetes.io/auth-url: https://auth.example.org/oauth2/auth")]
        [InlineData("nginx.ingress.kubernetes.io/auth-type: basic")]
        [InlineData("traefik.ingress.kubernetes.io/router.middlewares: pacs-oidc@kubernetescrd")]
        [InlineData("konghq.com/plugins: oidc")]
        public void AnIngressThatAuthenticatesIsQuiet(string annotation)
        {
            Assert.Empty(Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress("pacs", annotation))));
        }

        [Fact]
        public void AnAnnotatedIngressStillReportsAtItsSpecWhenTheAnnotationIsNoAuthentication()
        {
            Assert.Equal(
                new[] { "SDA4105 error ingress.yaml:7:1" },
                Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress("pacs", "nginx.ingress.kubernetes.io/proxy-body-size: 500m"))));
        }

        [Theory]
        [InlineData("orthancteam/orthanc")]                        // authentication on by default
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0-secure")]    // Keycloak
        [InlineData("jodogne/orthanc")]                            // the image's own configuration authenticates
        public void IngressToAPacsWithItsOwnLoginIsQuiet(string image)
        {
            Assert.Empty(Rule("SDA4105", ("deploy.yaml", PacsInputs.KubernetesDeployment(image)), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress())));
        }

        [Fact]
        public void IngressToAnotherServiceOrNamespaceIsQuiet()
        {
            Assert.Empty(Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress("website"))));
            Assert.Empty(Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress().Replace("  name: pacs\n", "  name: pacs\n  namespace: public\n"))));
        }

        [Fact]
        public void IngressSuppressionAnnotationIsHonoured()
        {
            Assert.Empty(Rule("SDA4105", ("k8s.yaml", AnonymousOrthanc()), ClusterIp, ("ingress.yaml", PacsInputs.KubernetesIngress("pacs", "sensitivedata.io/ignore: \"SDA4105=oauth2-proxy sidecar in the pod\""))));
        }

        // ---- NetworkPolicy -------------------------------------------------------------------------------------

        private const string RestrictingPolicy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: pacs-from-modalities
            spec:
              podSelector:
                matchLabels:
                  app: pacs
              policyTypes: [Ingress]
              ingress:
                - from:
                    - ipBlock: { cidr: 10.20.0.0/16 }
            """;

        [Fact]
        public void ANetworkPolicyRestrictingIngressLowersTheExternalServiceFinding()
        {
            var service = ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (4242, null)));
            var deployment = ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc"));
            Assert.Equal(new[] { "SDA5103 error svc.yaml:8:9" }, Rule("SDA5103", deployment, service));
            Assert.Equal(new[] { "SDA5103 warning svc.yaml:8:9" }, Rule("SDA5103", deployment, service, ("policy.yaml", RestrictingPolicy)));
            var finding = Assert.Single(Lint.Files(deployment, service, ("policy.yaml", RestrictingPolicy)), f => f.Rule.Id == "SDA5103");
            Assert.Contains("NetworkPolicy", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("app: other")]           // selects other pods
        [InlineData("app: pacs\n  ingress:\n    - ports: [{ port: 4242 }]")] // a rule without from admits everyone
        public void APolicyThatDoesNotRestrictThesePodsLowersNothing(string selector)
        {
            var policy =
                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector:\n    matchLabels:\n      " +
                selector.Replace("\n  ingress:", "\n  policyTypes: [Ingress]\n  ingress:") + "\n";
            if (!policy.Contains("policyTypes", StringComparison.Ordinal))
            {
                policy += "  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector: {}\n";
            }

            Assert.Equal(
                new[] { "SDA5103 error svc.yaml:8:9" },
                Rule("SDA5103", ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (4242, null))), ("policy.yaml", policy)));
        }

        [Fact]
        public void ANetworkPolicyLowersButDoesNotSilenceTheOrthancFindings()
        {
            // The pods stay reachable from the allowed sources: plaintext DICOM is still reported, one level lower.
            var findings = Rule("SDA3101",
                ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc")),
                ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (4242, null))),
                ("policy.yaml", RestrictingPolicy));
            Assert.Equal(new[] { "SDA3101 warning deploy.yaml:12:11" }, findings);
        }

        [Fact]
        public void ANetworkPolicyLowersPlaintextDicomOfOtherPacsAndTheMessageSaysWhy()
        {
            var files = new[]
            {
                ("deploy.yaml", PacsInputs.KubernetesDeployment("dcm4che/dcm4chee-arc-psql:5.33.1", ports: "            - containerPort: 11112\n")),
                ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (11112, null))),
            };
            Assert.Equal(new[] { "SDA3101 error deploy.yaml:12:11" }, Rule("SDA3101", files));

            var restricted = Lint.Files(files.Append(("policy.yaml", RestrictingPolicy)).ToArray()).Where(f => f.Rule.Id == "SDA3101").ToList();
            var finding = Assert.Single(restricted);
            Assert.Equal(SensitiveDataAnalyzers.Config.Checks.FindingSeverity.Warning, finding.Severity);
            Assert.Contains("NetworkPolicy limits who may connect", finding.Message, System.StringComparison.Ordinal);
        }
    }
}
