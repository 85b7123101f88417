using System;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA4101 anonymous Orthanc; SDA4102 authentication without users; SDA4103 default logins; SDA4104 DICOM open to any AE.</summary>
    public class OrthancAccessCheckTests
    {
        private static readonly string[] Ids = { "SDA4101", "SDA4102", "SDA4103", "SDA4104" };

        private const string Generated = "Vq8-generated-M2c";

        private static string[] Summary(params (string Path, string Text)[] files) => PacsInputs.Only(Ids, files);

        private static string[] Rule(string id, params (string Path, string Text)[] files) => PacsInputs.Only(new[] { id }, files);

        private static string Compose(string image, string ports, params string[] environment) =>
            "services:\n" +                                    // 1
            "  pacs:\n" +                                      // 2 (service at 2:3)
            $"    image: {image}\n" +                          // 3
            ports +                                            // 4…
            (environment.Length > 0 ? "    environment:\n" + string.Concat(environment.Select(e => $"      {e}\n")) : string.Empty);

        private const string Http = "    ports:\n      - \"8042:8042\"\n";   // lines 4-5
        private const string Dicom = "    ports:\n      - \"4242:4242\"\n";  // lines 4-5
        private const string Internal = "    expose: [\"8042\", \"4242\"]\n"; // line 4

        // ---- SDA4101 -------------------------------------------------------------------------------------------

        [Fact]
        public void MountedJsonWithRemoteAccessAndNoAuthenticationIsReportedAtAuthenticationEnabled()
        {
            var json = PacsInputs.Json("\"Name\": \"PACS\"", "\"DicomAet\": \"PACS\"", "\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false");
            Assert.Equal(new[] { "SDA4101 error orthanc.json:5:28" }, Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson("jodogne/orthanc", dicom: "\"127.0.0.1:4242:4242\"")), ("orthanc.json", json)));
        }

        [Fact]
        public void AStandAloneConfigurationIsJudgedByItsSettings()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false");
            Assert.Equal(new[] { "SDA4101 error orthanc.json:3:28" }, Summary(("orthanc.json", json)));
        }

        [Fact]
        public void MountedConfigMapIsReportedAtTheConfigMapEntry()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false");
            Assert.Equal(new[] { "SDA4101 error k8s.yaml:6:17" }, Summary(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json))));
        }

        [Theory]
        [InlineData("orthancteam/orthanc", "ORTHANC__AUTHENTICATION_ENABLED: \"false\"", 6, 40)]
        [InlineData("osimis/orthanc:21.5.1", "AC_AUTHENTICATION_ENABLED: \"false\"", 6, 34)]
        [InlineData("orthancteam/orthanc", "ORTHANC_JSON: '{\"AuthenticationEnabled\": false}'", 6, 21)]
        public void AuthenticationTurnedOffOverTheTeamImageIsReportedAtTheVariable(string image, string variable, int line, int column)
        {
            Assert.Equal(new[] { $"SDA4101 error docker-compose.yml:{line}:{column}" }, Summary(("docker-compose.yml", Compose(image, Internal, variable))));
        }

        [Fact]
        public void LegacyRemoteAccessWithAuthenticationOffIsReported()
        {
            Assert.Equal(
                new[] { "SDA4101 error docker-compose.yml:7:34" },
                Summary(("docker-compose.yml", Compose("example/orthanc", Internal, "AC_ALLOW_REMOTE: \"true\"", "AC_AUTHENTICATION_ENABLED: \"false\""))));
        }

        [Theory]
        [InlineData("\"RemoteAccessAllowed\": false", "\"AuthenticationEnabled\": false")]
        [InlineData("\"HttpServerEnabled\": false", "\"AuthenticationEnabled\": false")]
        [InlineData("\"RemoteAccessAllowed\": true", "\"DicomAet\": \"PACS\"")] // authentication follows remote access
        public void LocalOnlyOrNoHttpServerOrAuthenticationFollowingRemoteAccessIsNotAnonymous(string first, string second)
        {
            Assert.Empty(Rule("SDA4101", ("docker-compose.yml", PacsInputs.ComposeWithMountedJson("example/orthanc")), ("orthanc.json", PacsInputs.Json(first, second))));
        }

        [Fact]
        public void MessageSaysWhatAnyoneCanDo()
        {
            var finding = Assert.Single(Lint.Files(("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false"))), f => f.Rule.Id == "SDA4101");
            Assert.Contains("authentication off", finding.Message, StringComparison.Ordinal);
            Assert.Contains("8042", finding.Message, StringComparison.Ordinal);
        }

        // ---- SDA4102 -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("orthancteam/orthanc:24.1.2")]
        [InlineData("osimis/orthanc")]
        public void TheTeamImageWithoutUsersIsReportedAtTheService(string image)
        {
            Assert.Equal(new[] { "SDA4102 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose(image, Internal))));
        }

        [Fact]
        public void AuthenticationWithoutUsersInAStandAloneFileIsReportedAtTheObject()
        {
            Assert.Equal(new[] { "SDA4102 error orthanc.json:1:1" }, Summary(("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": true"))));
        }

        [Fact]
        public void AnEmptyRegisteredUsersObjectIsReportedAtIt()
        {
            Assert.Equal(
                new[] { "SDA4102 error orthanc.json:3:22" },
                Summary(("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"RegisteredUsers\": {}"))));
        }

        [Theory]
        [InlineData("ORTHANC__REGISTERED_USERS: '{\"radiology\": \"Vq8-generated-M2c\"}'")]
        [InlineData("ORTHANC_JSON: '{\"RegisteredUsers\": {\"radiology\": \"Vq8-generated-M2c\"}}'")]
        [InlineData("ORTHANC__AUTHENTICATION_ENABLED: \"false\"")] // SDA4101's business, not "no users"
        [InlineData("ORTHANC__REMOTE_ACCESS_ALLOWED: \"false\"")]
        public void UsersOrNoRemoteAuthenticatedAccessIsQuiet(string variable)
        {
            Assert.Empty(Rule("SDA4102", ("docker-compose.yml", Compose("orthancteam/orthanc", Internal, variable))));
        }

        [Fact]
        public void UsersFromASecretAreNotMissingUsers()
        {
            // The recommended practice: the value is unknown to the linter, not absent.
            var env =
                "          env:\n" +
                "            - name: ORTHANC__REGISTERED_USERS\n" +
                "              valueFrom:\n" +
                "                secretKeyRef: { name: orthanc-users, key: users.json }\n";
            Assert.Empty(Rule("SDA4102", ("deploy.yaml", PacsInputs.KubernetesDeployment("orthancteam/orthanc", extraContainer: env))));
        }

        [Fact]
        public void UsersPassedThroughFromTheHostAreNotMissingUsers()
        {
            Assert.Empty(Rule("SDA4102", ("docker-compose.yml", "services:\n  pacs:\n    image: orthancteam/orthanc\n    environment:\n      - ORTHANC__REGISTERED_USERS\n")));
        }

        // ---- SDA4103 -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("orthanc", "orthanc")]
        [InlineData("admin", "admin")]
        [InlineData("ADMIN", "admin")]
        [InlineData("pacs", "pacs")]
        [InlineData("alice", "orthanctest")]
        [InlineData("radiology", "radiology")] // user == password
        public void DefaultLoginsInJsonAreReportedAtThePassword(string user, string password)
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", $"\"RegisteredUsers\": {{ \"{user}\": \"{password}\" }}");
            Assert.Equal(new[] { $"SDA4103 error orthanc.json:3:{28 + user.Length}" }, Summary(("orthanc.json", json)));
        }

        [Fact]
        public void EachDefaultUserIsReportedAndGeneratedOnesAreNot()
        {
            const string json = """
                {
                  "RemoteAccessAllowed": true,
                  "RegisteredUsers": {
                    "radiology": "Vq8-generated-M2c",
                    "admin": "admin",
                    "orthanc": "orthanc"
                  }
                }
                """;
            Assert.Equal(new[] { "SDA4103 error orthanc.json:5:14", "SDA4103 error orthanc.json:6:16" }, Summary(("orthanc.json", json)));
        }

        [Fact]
        public void JodognesDocumentedLoginIsReportedAtTheService()
        {
            Assert.Equal(new[] { "SDA4103 error docker-compose.yml:2:3" }, Summary(("docker-compose.yml", Compose("jodogne/orthanc-plugins:1.12.1", Internal))));
        }

        [Fact]
        public void UsersInAnEnvironmentVariableAreReportedAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA4103 error docker-compose.yml:6:34" },
                Summary(("docker-compose.yml", Compose("orthancteam/orthanc", Internal, "ORTHANC__REGISTERED_USERS: '{\"demo\": \"demo\"}'"))));
        }

        [Fact]
        public void UsersInAMountedConfigMapAreReportedAtTheEntry()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"RegisteredUsers\": { \"pacs\": \"pacs\" }");
            Assert.Equal(new[] { "SDA4103 error k8s.yaml:6:17" }, Summary(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json))));
        }

        [Fact]
        public void AMountedConfigurationWithGeneratedUsersReplacesJodognesLogin()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", $"\"RegisteredUsers\": {{ \"radiology\": \"{Generated}\" }}");
            Assert.Empty(Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson("jodogne/orthanc", dicom: "\"127.0.0.1:4242:4242\"")), ("orthanc.json", json)));
        }

        [Theory]
        [InlineData("\"RemoteAccessAllowed\": false", "\"AuthenticationEnabled\": true")] // local only
        [InlineData("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false")] // SDA4101 instead
        public void DefaultLoginsWithoutRemoteAuthenticatedAccessAreNotSda4103(string first, string second)
        {
            var json = PacsInputs.Json(first, second, "\"RegisteredUsers\": { \"orthanc\": \"orthanc\" }");
            Assert.Empty(Rule("SDA4103", ("orthanc.json", json)));
        }

        [Theory]
        [InlineData("orthanc", "orthanc")]
        [InlineData("radiology", "Radiology-2024")]
        [InlineData("radiology", "radiology")]
        [InlineData("ops", "Vq8-generated-M2c")]
        public void NoMessageEverContainsAPassword(string user, string password)
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", $"\"RegisteredUsers\": {{ \"{user}\": \"{password}\" }}", "\"HttpsVerifyPeers\": false");
            var compose = PacsInputs.ComposeWithMountedJson("example/orthanc") + "    environment:\n      ORTHANC__REGISTERED_USERS: '{\"" + user + "\": \"" + password + "\"}'\n";
            var findings = Lint.Files(("docker-compose.yml", compose), ("orthanc.json", json), ("standalone.json", json));
            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.DoesNotContain(password, f.Message.Replace("Orthanc", string.Empty), StringComparison.Ordinal));
        }

        // ---- SDA4104 -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("DicomAlwaysAllowFind", 27)]
        [InlineData("DicomAlwaysAllowFindWorklist", 35)]
        [InlineData("DicomAlwaysAllowGet", 26)]
        [InlineData("DicomAlwaysAllowMove", 27)]
        public void QueryRetrieveForAnyoneInAStandAloneFileIsAnError(string key, int column)
        {
            var json = PacsInputs.Json("\"DicomAet\": \"PACS\"", $"\"{key}\": true", "\"DicomCheckCalledAet\": true");
            Assert.Equal(new[] { $"SDA4104 error orthanc.json:3:{column}" }, Summary(("orthanc.json", json)));
        }

        [Fact]
        public void QueryRetrieveForAnyoneIsAWarningWhenTheDicomPortIsInternalAndAnErrorWhenReachable()
        {
            var json = PacsInputs.Json("\"DicomAlwaysAllowMove\": true", "\"DicomCheckCalledAet\": true");
            Assert.Equal(
                new[] { "SDA4104 warning orthanc.json:2:27" },
                Rule("SDA4104", ("docker-compose.yml", PacsInputs.ComposeWithMountedJson(dicom: "\"127.0.0.1:4242:4242\"")), ("orthanc.json", json)));
            Assert.Equal(
                new[] { "SDA4104 error orthanc.json:2:27" },
                Rule("SDA4104", ("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        [Fact]
        public void QueryRetrieveFromTheEnvironmentIsAtTheVariable()
        {
            Assert.Equal(
                new[] { "SDA4104 warning docker-compose.yml:6:40" },
                Rule("SDA4104", ("docker-compose.yml", Compose("orthancteam/orthanc", Internal, "ORTHANC__DICOM_ALWAYS_ALLOW_GET: \"true\""))));
        }

        [Fact]
        public void AReachableDicomPortWithoutCalledAetCheckIsReportedAtTheService()
        {
            Assert.Equal(new[] { "SDA4104 error docker-compose.yml:2:3" }, Rule("SDA4104", ("docker-compose.yml", Compose("orthancteam/orthanc", Dicom))));
        }

        [Theory]
        [InlineData("ORTHANC__DICOM_CHECK_CALLED_AET: \"false\"", 40)]
        [InlineData("DICOM_AET_CHECK_ENABLED: \"false\"", 32)]
        public void CalledAetCheckTurnedOffIsReportedAtTheVariable(string variable, int column)
        {
            Assert.Equal(new[] { $"SDA4104 error docker-compose.yml:7:{column}" }, Rule("SDA4104", ("docker-compose.yml", Compose("orthancteam/orthanc", Dicom, variable))));
        }

        [Fact]
        public void CalledAetCheckOffInAConfigMapBehindANodePortIsReportedAtTheEntry()
        {
            var json = PacsInputs.Json("\"DicomCheckCalledAet\": false", "\"DicomAet\": \"PACS\"");
            Assert.Equal(
                new[] { "SDA4104 error k8s.yaml:6:17" },
                Rule("SDA4104", ("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json)), ("svc.yaml", PacsInputs.KubernetesService("NodePort", (4242, null)))));
        }

        [Theory]
        [InlineData(Dicom, "ORTHANC__DICOM_CHECK_CALLED_AET: \"true\"")]
        [InlineData(Dicom, "DICOM_ALWAYS_ALLOW_STORE_ENABLED: \"false\"")]   // unknown AEs may not store
        [InlineData(Dicom, "ORTHANC__DICOM_SERVER_ENABLED: \"false\"")]
        [InlineData("    ports:\n      - \"127.0.0.1:4242:4242\"\n", "ORTHANC__NAME: pacs")]
        [InlineData("    ports:\n      - \"2762:2762\"\n", "ORTHANC__NAME: pacs")]
        [InlineData(Internal, "ORTHANC__DICOM_ALWAYS_ALLOW_FIND: \"false\"")]
        public void CheckedAetsNoStoreOrUnreachableDicomIsQuiet(string ports, string variable)
        {
            Assert.Empty(Rule("SDA4104", ("docker-compose.yml", Compose("orthancteam/orthanc", ports, variable))));
        }

        [Fact]
        public void HardenedOrthancIsQuietForEveryAccessRule()
        {
            var json = PacsInputs.Json(
                "\"SslEnabled\": true",
                "\"RemoteAccessAllowed\": true",
                "\"AuthenticationEnabled\": true",
                $"\"RegisteredUsers\": {{ \"radiology\": \"{Generated}\", \"ops\": \"Zr4-generated-p0w\" }}",
                "\"DicomTlsEnabled\": true",
                "\"DicomCheckCalledAet\": true",
                "\"DicomAlwaysAllowFind\": false");
            Assert.Empty(Summary(("docker-compose.yml", PacsInputs.ComposeWithMountedJson()), ("orthanc.json", json)));
        }

        [Fact]
        public void MessagesSayWhatAnUnknownClientMayDo()
        {
            var findings = Lint.Files(("orthanc.json", PacsInputs.Json("\"DicomAet\": \"PACS\"", "\"DicomPort\": 104", "\"DicomAlwaysAllowGet\": true", "\"DicomAlwaysAllowFind\": true"))).Where(f => f.Rule.Id == "SDA4104").ToList();
            Assert.Equal(2, findings.Count);
            Assert.Contains(findings, f => f.Message.Contains("C-GET", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Message.Contains("C-FIND", StringComparison.Ordinal));
        }
    }
}
