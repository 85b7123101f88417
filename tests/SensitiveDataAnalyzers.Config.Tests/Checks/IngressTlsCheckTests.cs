using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA1101: Ingress without tls or with an uncovered host; SDA1102: nginx HTTPS redirect disabled.</summary>
    public class IngressTlsCheckTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA1101", "SDA1102" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        private static string[] Ingress(params (string Path, string Text)[] files) =>
            Summary(files);

        private const string WithoutTls = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: portal
            spec:
              rules:
                - host: portal.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: portal
                            port:
                              number: 80
            """;

        private const string PhiBackend = """
            apiVersion: v1
            kind: Service
            metadata:
              name: portal
            spec:
              selector:
                app: portal
              ports:
                - port: 80
                  targetPort: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: portal
            spec:
              template:
                metadata:
                  labels:
                    app: portal
                spec:
                  containers:
                    - name: portal
                      image: openemr/openemr
            """;

        private static string WithTls(string tls, string hosts = "    - host: portal.example.com\n") =>
            "apiVersion: networking.k8s.io/v1\n" +   // 1
            "kind: Ingress\n" +                       // 2
            "metadata:\n" +                           // 3
            "  name: portal\n" +                      // 4
            "spec:\n" +                               // 5
            "  tls:\n" +                              // 6
            tls +
            "  rules:\n" +
            hosts;

        [Fact]
        public void IngressWithoutTlsIsAWarningAtTheSpecKey()
        {
            Assert.Equal(new[] { "SDA1101 warning ingress.yaml:5:1" }, Ingress(("ingress.yaml", WithoutTls)));
        }

        [Fact]
        public void IngressWithoutTlsRoutingToAPhiWorkloadIsAnError()
        {
            var finding = Assert.Single(Lint.Files(("ingress.yaml", WithoutTls), ("backend.yaml", PhiBackend)), f => Ids.Contains(f.Rule.Id));
            Assert.Equal("SDA1101", finding.Rule.Id);
            Assert.Equal(Config.Checks.FindingSeverity.Error, finding.Severity);
            Assert.Equal("ingress.yaml:5:1", finding.Location.ToString());
            Assert.Contains("patient data", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void ABackendInAnotherNamespaceIsNotTheIngressBackend()
        {
            var backend = PhiBackend.Replace("kind: Service\nmetadata:\n  name: portal\n", "kind: Service\nmetadata:\n  name: portal\n  namespace: other\n");
            Assert.Equal(new[] { "SDA1101 warning ingress.yaml:5:1" }, Ingress(("ingress.yaml", WithoutTls), ("backend.yaml", backend)));
        }

        [Fact]
        public void EmptyTlsListIsTheSameAsNone()
        {
            Assert.Equal(new[] { "SDA1101 warning ingress.yaml:5:1" }, Ingress(("ingress.yaml", WithTls(string.Empty).Replace("  tls:\n", "  tls: []\n"))));
        }

        [Fact]
        public void TlsCoveringEveryHostIsQuiet()
        {
            var yaml = WithTls(
                "    - hosts:\n        - portal.example.com\n        - API.example.com\n      secretName: portal-tls\n",
                "    - host: portal.example.com\n    - host: api.example.com\n");
            Assert.Empty(Ingress(("ingress.yaml", yaml), ("backend.yaml", PhiBackend)));
        }

        [Fact]
        public void WildcardTlsCoversOneLabel()
        {
            var yaml = WithTls(
                "    - hosts: [\"*.example.com\"]\n      secretName: wildcard\n",
                "    - host: portal.example.com\n    - host: \"*.example.com\"\n    - host: deep.portal.example.com\n    - host: example.com\n");

            // Rule hosts start on line 10: the wildcard covers one label only, not deeper names nor the apex.
            Assert.Equal(new[] { "SDA1101 warning ingress.yaml:12:13", "SDA1101 warning ingress.yaml:13:13" }, Ingress(("ingress.yaml", yaml)));
        }

        [Fact]
        public void RuleHostNotCoveredIsReportedAtTheHostAsAnErrorForPhi()
        {
            var yaml = WithTls(
                "    - hosts:\n        - www.example.com\n      secretName: www\n",
                "    - host: www.example.com\n    - host: portal.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: portal\n                port:\n                  number: 80\n");
            Assert.Equal(new[] { "SDA1101 error ingress.yaml:12:13" }, Ingress(("ingress.yaml", yaml), ("backend.yaml", PhiBackend)));
        }

        [Fact]
        public void RuleWithoutHostIsNotAHostFinding()
        {
            var yaml = WithTls("    - hosts: [portal.example.com]\n", "    - http:\n        paths: []\n");
            Assert.Empty(Ingress(("ingress.yaml", yaml)));
        }

        [Fact]
        public void DefaultBackendCountsAsARoute()
        {
            const string yaml = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: portal
                spec:
                  defaultBackend:
                    service:
                      name: portal
                      port:
                        number: 80
                """;
            Assert.Equal(new[] { "SDA1101 error ingress.yaml:5:1" }, Ingress(("ingress.yaml", yaml), ("backend.yaml", PhiBackend)));
        }

        [Fact]
        public void LegacyServiceNameBackendCountsAsARoute()
        {
            const string yaml = """
                apiVersion: networking.k8s.io/v1beta1
                kind: Ingress
                metadata:
                  name: portal
                spec:
                  rules:
                    - host: portal.example.com
                      http:
                        paths:
                          - backend:
                              serviceName: portal
                              servicePort: 80
                """;
            Assert.Equal(new[] { "SDA1101 error ingress.yaml:5:1" }, Ingress(("ingress.yaml", yaml), ("backend.yaml", PhiBackend)));
        }

        private static string Annotated(string annotations) =>
            WithTls("    - hosts: [portal.example.com]\n").Replace("  name: portal\n", "  name: portal\n  annotations:\n" + annotations);

        [Theory]
        [InlineData("nginx.ingress.kubernetes.io/ssl-redirect")]
        [InlineData("nginx.ingress.kubernetes.io/force-ssl-redirect")]
        public void RedirectDisabledIsSda1102AtTheValue(string key)
        {
            // "    <key>: " then the value, on line 6.
            var column = 4 + key.Length + 2 + 1;
            Assert.Equal(new[] { $"SDA1102 warning ingress.yaml:6:{column}" }, Ingress(("ingress.yaml", Annotated($"    {key}: \"false\"\n"))));
        }

        [Fact]
        public void RedirectDisabledInFrontOfPhiIsAnError()
        {
            var yaml = Annotated("    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"\n")
                + "      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: portal\n                port:\n                  number: 80\n";
            Assert.Equal(new[] { "SDA1102 error ingress.yaml:6:47" }, Ingress(("ingress.yaml", yaml), ("backend.yaml", PhiBackend)));
        }

        [Theory]
        [InlineData("\"true\"")]
        [InlineData("true")]
        public void RedirectEnabledIsQuiet(string value)
        {
            Assert.Empty(Ingress(("ingress.yaml", Annotated($"    nginx.ingress.kubernetes.io/ssl-redirect: {value}\n    nginx.ingress.kubernetes.io/force-ssl-redirect: {value}\n"))));
        }

        [Fact]
        public void OtherControllersAnnotationsAreNotRead()
        {
            Assert.Empty(Ingress(("ingress.yaml", Annotated("    traefik.ingress.kubernetes.io/ssl-redirect: \"false\"\n"))));
        }

        [Fact]
        public void IngressWithoutTlsAndRedirectDisabledReportsBoth()
        {
            var yaml = WithoutTls.Replace("metadata:\n  name: portal\n", "metadata:\n  name: portal\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"\n");
            Assert.Equal(new[] { "SDA1102 warning ingress.yaml:6:47", "SDA1101 warning ingress.yaml:7:1" }, Ingress(("ingress.yaml", yaml)));
        }

        [Fact]
        public void IgnoreAnnotationSuppressesOnlyTheNamedRule()
        {
            var yaml = WithoutTls.Replace("metadata:\n  name: portal\n", "metadata:\n  name: portal\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"\n    sensitivedata.io/ignore: \"SDA1101=TLS ends at the cloud load balancer\"\n");
            Assert.Equal(new[] { "SDA1102 warning ingress.yaml:6:47" }, Ingress(("ingress.yaml", yaml)));
        }

        [Fact]
        public void IngressesOfAListAndOfMultipleDocumentsAreChecked()
        {
            var list = "apiVersion: v1\nkind: List\nitems:\n  - " + WithoutTls.Replace("\n", "\n    ") + "\n";
            var yaml = list + "---\n" + WithoutTls;

            // List item: spec on line 3 + 5 = 8, column 5. Second document: after the list and the separator.
            var secondSpec = list.Split('\n').Length - 1 + 1 + 5;
            Assert.Equal(new[] { "SDA1101 warning ingress.yaml:8:5", $"SDA1101 warning ingress.yaml:{secondSpec}:1" }, Ingress(("ingress.yaml", yaml)));
        }
    }
}
