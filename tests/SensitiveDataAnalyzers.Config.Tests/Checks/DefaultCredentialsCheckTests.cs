using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA4103 published default passwords in environments; SDA4101 dcm4chee-arc without Keycloak, reachable.</summary>
    public class DefaultCredentialsCheckTests
    {
        private static string[] Rule(string id, params (string Path, string Text)[] files) => PacsInputs.Only(new[] { id }, files);

        private static string Compose(string image, string ports, params string[] environment) =>
            "services:\n" +                                    // 1
            "  pacs:\n" +                                      // 2 (service at 2:3)
            $"    image: {image}\n" +                          // 3
            ports +                                            // 4…
            (environment.Length > 0 ? "    environment:\n" + string.Concat(environment.Select(e => $"      {e}\n")) : string.Empty);

        private const string Arc = "dcm4che/dcm4chee-arc-psql:5.31.0";

        // ---- SDA4103 -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("LDAP_ROOTPASS", "secret")]
        [InlineData("LDAP_CONFIGPASS", "secret")]
        [InlineData("POSTGRES_PASSWORD", "pacs")]
        [InlineData("POSTGRES_PASSWORD", "postgres")]
        [InlineData("KEYSTORE_PASSWORD", "secret")]
        [InlineData("TRUSTSTORE_PASSWORD", "changeit")]
        [InlineData("WILDFLY_ADMIN_PASSWORD", "admin")]
        [InlineData("KEYCLOAK_ADMIN_PASSWORD", "changeit")]
        [InlineData("MINIO_ROOT_PASSWORD", "minioadmin")]
        [InlineData("MINIO_SECRET_KEY", "minioadmin")]
        [InlineData("MYSQL_ROOT_PASSWORD", "root")]
        public void PublishedDefaultsInComposeMapFormAreReportedAtTheValue(string name, string value)
        {
            Assert.Equal(
                new[] { $"SDA4103 error docker-compose.yml:5:{name.Length + 9}" },
                Rule("SDA4103", ("docker-compose.yml", Compose(Arc, string.Empty, $"{name}: {value}"))));
        }

        [Fact]
        public void ListFormAndEveryVariableAreReported()
        {
            Assert.Equal(
                new[] { "SDA4103 error docker-compose.yml:5:9", "SDA4103 error docker-compose.yml:7:9" },
                Rule("SDA4103", ("docker-compose.yml", Compose("dcm4che/slapd-dcm4chee:2.6.5-31.0", string.Empty, "- LDAP_ROOTPASS=secret", "- LDAP_ORGANISATION=dcm4che.org", "- LDAP_CONFIGPASS=secret"))));
        }

        [Fact]
        public void KubernetesEnvValuesAreReportedAtTheValue()
        {
            var env =
                "          env:\n" +                          // 14
                "            - name: POSTGRES_PASSWORD\n" +   // 15
                "              value: pacs\n";                // 16, value at column 22
            Assert.Equal(new[] { "SDA4103 error deploy.yaml:16:22" }, Rule("SDA4103", ("deploy.yaml", PacsInputs.KubernetesDeployment("dcm4che/postgres-dcm4chee:15.4-31", extraContainer: env))));
        }

        [Theory]
        [InlineData("POSTGRES_PASSWORD: Kx9-generated-7Rq")]
        [InlineData("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")]
        [InlineData("POSTGRES_PASSWORD: PACS")]              // case matters: not the published value
        [InlineData("POSTGRES_USER: pacs")]                  // a user name is not a password
        [InlineData("POSTGRES_PASSWORD_FILE: /run/secrets/db")]
        [InlineData("LDAP_ROOTPASS:")]                       // unset
        public void GeneratedInterpolatedOrOtherVariablesAreQuiet(string variable)
        {
            Assert.Empty(Rule("SDA4103", ("docker-compose.yml", Compose(Arc, string.Empty, variable))));
        }

        [Fact]
        public void KubernetesSecretsAreQuiet()
        {
            var env =
                "          env:\n" +
                "            - name: POSTGRES_PASSWORD\n" +
                "              valueFrom:\n" +
                "                secretKeyRef: { name: db, key: password }\n";
            Assert.Empty(Rule("SDA4103", ("deploy.yaml", PacsInputs.KubernetesDeployment("dcm4che/postgres-dcm4chee:15.4-31", extraContainer: env))));
        }

        [Fact]
        public void MessagesNameTheVariableAndNeverTheValue()
        {
            var compose = Compose(Arc, string.Empty, "MINIO_ROOT_PASSWORD: minioadmin", "TRUSTSTORE_PASSWORD: changeit", "POSTGRES_PASSWORD: Kx9-generated-7Rq");
            var findings = Lint.Files(("docker-compose.yml", compose));
            var sda4103 = findings.Where(f => f.Rule.Id == "SDA4103").ToList();
            Assert.Equal(2, sda4103.Count);
            Assert.Contains(sda4103, f => f.Message.Contains("MINIO_ROOT_PASSWORD", StringComparison.Ordinal));
            Assert.All(findings, f =>
            {
                Assert.DoesNotContain("minioadmin", f.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("changeit", f.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("Kx9-generated-7Rq", f.Message, StringComparison.Ordinal);
            });
        }

        // ---- SDA4101 (dcm4chee-arc) ----------------------------------------------------------------------------

        [Theory]
        [InlineData("\"8080:8080\"")]
        [InlineData("\"443:8443\"")]
        [InlineData("\"0.0.0.0:8080:8080\"")]
        public void ReachableArcWithoutKeycloakIsReportedAtTheService(string port)
        {
            Assert.Equal(new[] { "SDA4101 error docker-compose.yml:2:3" }, Rule("SDA4101", ("docker-compose.yml", Compose(Arc, $"    ports:\n      - {port}\n"))));
        }

        [Fact]
        public void ArcBehindALoadBalancerIsReportedAtTheContainer()
        {
            Assert.Equal(
                new[] { "SDA4101 error deploy.yaml:12:11" },
                Rule("SDA4101", ("deploy.yaml", PacsInputs.KubernetesDeployment("dcm4che/dcm4chee-arc-psql:5.31.0")), ("svc.yaml", PacsInputs.KubernetesService("LoadBalancer", (80, "8080")))));
        }

        [Fact]
        public void MessageNamesHowAndTheSecureImage()
        {
            var finding = Assert.Single(Lint.Files(("docker-compose.yml", Compose(Arc, "    ports:\n      - \"8080:8080\"\n"))), f => f.Rule.Id == "SDA4101");
            Assert.Contains("-secure", finding.Message, StringComparison.Ordinal);
            Assert.Contains("host port 8080", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0-secure", "    ports:\n      - \"8443:8443\"\n")]
        [InlineData("dcm4che/dcm4chee-arc-psql:5.31.0-secure-ui", "    ports:\n      - \"8080:8080\"\n")]
        [InlineData(Arc, "    ports:\n      - \"127.0.0.1:8080:8080\"\n")]
        [InlineData(Arc, "    expose:\n      - \"8080\"\n")]
        [InlineData(Arc, "    ports:\n      - \"11112:11112\"\n")]
        [InlineData("dcm4che/slapd-dcm4chee:2.6.5-31.0", "    ports:\n      - \"8080:8080\"\n")]
        public void SecureImagesLoopbackInternalOrOtherPortsAreQuiet(string image, string ports)
        {
            Assert.Empty(Rule("SDA4101", ("docker-compose.yml", Compose(image, ports))));
        }

        [Fact]
        public void ClusterIpArcIsQuiet()
        {
            Assert.Empty(Rule("SDA4101", ("deploy.yaml", PacsInputs.KubernetesDeployment(Arc)), ("svc.yaml", PacsInputs.KubernetesService("ClusterIP", (8080, null)))));
        }
    }
}
