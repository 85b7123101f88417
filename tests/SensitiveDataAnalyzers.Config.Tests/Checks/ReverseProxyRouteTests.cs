using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA4105 through compose reverse proxies: Traefik labels, nginx-proxy VIRTUAL_HOST, caddy-docker-proxy labels.</summary>
    public class ReverseProxyRouteTests
    {
        private const string AnonymousOrthanc = "orthancteam/orthanc:24.7.1";

        private static string[] Sda4105(string compose) => PacsInputs.Only(new[] { "SDA4105" }, ("docker-compose.yml", compose));

        /// <summary>A published proxy (line 2-6) and a PACS service "pacs" from line 7; extra lines go under the PACS service.</summary>
        private static string Stack(string proxyImage, string pacsImage, string pacsLines, string proxyLines = "") =>
            "services:\n" +                                               // 1
            "  proxy:\n" +                                                // 2
            $"    image: {proxyImage}\n" +                                // 3
            "    ports:\n" +                                              // 4
            "      - \"443:443\"\n" +                                     // 5
            proxyLines +
            "  pacs:\n" +                                                 // 6 (+ proxy lines)
            $"    image: {pacsImage}\n" +                                 // 7
            "    environment:\n" +                                        // 8
            "      ORTHANC__AUTHENTICATION_ENABLED: \"false\"\n" +        // 9
            pacsLines;                                                    // 10…

        private const string TraefikRule = "    labels:\n      traefik.http.routers.pacs.rule: Host(`pacs.example.org`)\n";

        [Fact]
        public void TraefikRouterToAnOrthancWithoutLoginIsReportedAtTheRule()
        {
            Assert.Equal(new[] { "SDA4105 error docker-compose.yml:11:39" }, Sda4105(Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule)));
        }

        [Fact]
        public void TraefikRuleInListFormIsReportedAtTheItem()
        {
            var labels = "    labels:\n      - \"traefik.enable=true\"\n      - \"traefik.http.routers.pacs.rule=Host(`pacs.example.org`)\"\n";
            Assert.Equal(new[] { "SDA4105 error docker-compose.yml:12:9" }, Sda4105(Stack("traefik:v3.1", AnonymousOrthanc, labels)));
        }

        [Fact]
        public void MessageNamesTheRouterTheServiceAndTheMissingAuthentication()
        {
            var finding = Assert.Single(Lint.Files(("docker-compose.yml", Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule))), f => f.Rule.Id == "SDA4105");
            Assert.Contains("Traefik router 'pacs'", finding.Message, StringComparison.Ordinal);
            Assert.Contains("'pacs' (orthancteam/orthanc:24.7.1)", finding.Message, StringComparison.Ordinal);
            Assert.Contains("no login", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("      traefik.http.routers.pacs.middlewares: pacs-auth\n      traefik.http.middlewares.pacs-auth.basicauth.users: \"radiology:$$apr1$$x\"\n")]
        [InlineData("      traefik.http.routers.pacs.middlewares: sso@docker\n      traefik.http.middlewares.sso.forwardauth.address: http://oauth2-proxy:4180\n")]
        [InlineData("      traefik.http.routers.pacs.middlewares: https-only, pacs-auth\n      traefik.http.middlewares.pacs-auth.digestauth.users: \"radiology:x:y\"\n")]
        [InlineData("      traefik.http.routers.pacs.middlewares: authelia@file\n")] // defined where the linter cannot see it
        public void TraefikRouterWithAnAuthenticationMiddlewareIsQuiet(string middleware)
        {
            Assert.Empty(Sda4105(Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule + middleware)));
        }

        [Fact]
        public void AMiddlewareThatIsNotALoginDoesNotCount()
        {
            var redirect = "      traefik.http.routers.pacs.middlewares: https-only\n      traefik.http.middlewares.https-only.redirectscheme.scheme: https\n";
            Assert.Single(Sda4105(Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule + redirect)));
        }

        [Fact]
        public void TraefikDisabledOnTheServiceIsQuiet()
        {
            Assert.Empty(Sda4105(Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule + "      traefik.enable: \"false\"\n")));
        }

        [Fact]
        public void AProxyThatIsNotPublishedBeyondLoopbackIsQuiet()
        {
            var compose = Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule).Replace("\"443:443\"", "\"127.0.0.1:443:443\"");
            Assert.Empty(Sda4105(compose));
        }

        [Fact]
        public void WithoutAProxyInTheFileTheLabelsRouteNothing()
        {
            Assert.Empty(Sda4105(Stack("nginx:1.27", AnonymousOrthanc, TraefikRule)));
        }

        [Fact]
        public void AnOrthancWithItsOwnLoginIsQuiet()
        {
            var compose = Stack("traefik:v3.1", AnonymousOrthanc, TraefikRule).Replace("ORTHANC__AUTHENTICATION_ENABLED: \"false\"", "ORTHANC__AUTHENTICATION_ENABLED: \"true\"");
            Assert.Empty(Sda4105(compose));
        }

        [Theory]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0", 1)]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0-secure", 0)]
        [InlineData("nginx:1.27", 0)] // not a PACS
        public void OtherPacsImagesFollowTheirLogin(string image, int findings)
        {
            Assert.Equal(findings, Sda4105(Stack("traefik:v3.1", image, TraefikRule)).Length);
        }

        [Fact]
        public void NginxProxyVirtualHostIsReportedAtTheVariable()
        {
            var compose = Stack("nginxproxy/nginx-proxy:1.6", AnonymousOrthanc, "      VIRTUAL_HOST: pacs.example.org\n");
            Assert.Equal(new[] { "SDA4105 error docker-compose.yml:10:21" }, Sda4105(compose));
        }

        [Fact]
        public void NginxProxyWithHtpasswdFilesIsQuiet()
        {
            var compose = Stack(
                "nginxproxy/nginx-proxy:1.6",
                AnonymousOrthanc,
                "      VIRTUAL_HOST: pacs.example.org\n",
                "    volumes:\n      - ./htpasswd:/etc/nginx/htpasswd:ro\n");
            Assert.Empty(Sda4105(compose));
        }

        [Fact]
        public void CaddySiteIsReportedAtTheSiteLabelUnlessItHasBasicAuth()
        {
            var site = "    labels:\n      caddy: pacs.example.org\n      caddy.reverse_proxy: \"{{upstreams 8042}}\"\n";
            Assert.Equal(new[] { "SDA4105 error docker-compose.yml:11:14" }, Sda4105(Stack("lucaslorentz/caddy-docker-proxy:2.9", AnonymousOrthanc, site)));
            Assert.Empty(Sda4105(Stack("lucaslorentz/caddy-docker-proxy:2.9", AnonymousOrthanc, site + "      caddy.basicauth.radiology: \"$$2a$$14$$x\"\n")));
        }

        [Theory]
        [InlineData("      traefik.http.routers.rule: Host(`x`)\n")]
        [InlineData("      traefik.http.routers..rule: Host(`x`)\n")]
        [InlineData("      traefik.http.routers.a.b.rule: \"\"\n")]
        [InlineData("      traefik.http.middlewares.: x\n      traefik.http.middlewares..basicauth.: x\n      traefik.http.routers.r.middlewares: \",,@,a@\"\n")]
        [InlineData("      caddy: \"\"\n      caddy_: x\n      caddy.: y\n")]
        [InlineData("      VIRTUAL_HOST: \"\"\n")]
        public void OddLabelsNeverFailTheRun(string labels)
        {
            var compose = Stack("traefik:v3.1", AnonymousOrthanc, "    labels:\n" + labels).Replace("traefik:v3.1", "traefik:v3.1\n    labels:\n      caddy: outer");
            var findings = Lint.Files(("docker-compose.yml", compose));
            Assert.DoesNotContain(findings, f => f.Rule.Id.StartsWith("SDA0", StringComparison.Ordinal));
        }
    }
}
