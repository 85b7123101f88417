using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>Inputs shared by the PACS check suites; line numbers are documented where the tests rely on them.</summary>
    internal static class PacsInputs
    {
        /// <summary>Findings of the given rules only: other checks report on the same inputs.</summary>
        public static string[] Only(string[] ids, params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        /// <summary>Compose service "pacs" (key at 2:3) publishing 8042 (line 5) and 4242 (line 6), mounting ./orthanc.json (line 8).</summary>
        public static string ComposeWithMountedJson(string image = "orthancteam/orthanc:24.1.2", string http = "\"8042:8042\"", string dicom = "\"4242:4242\"") =>
            "services:\n" +                                              // 1
            "  pacs:\n" +                                                // 2
            $"    image: {image}\n" +                                    // 3
            "    ports:\n" +                                             // 4
            $"      - {http}\n" +                                        // 5
            $"      - {dicom}\n" +                                       // 6
            "    volumes:\n" +                                           // 7
            "      - ./orthanc.json:/etc/orthanc/orthanc.json:ro\n";     // 8

        /// <summary>Compose service "pacs" (key at 2:3) publishing 8042 and 4242, environment from line 8 (values at column 22 + name length).</summary>
        public static string ComposeWithEnvironment(string image, params string[] environment) =>
            "services:\n" +                                              // 1
            "  pacs:\n" +                                                // 2
            $"    image: {image}\n" +                                    // 3
            "    ports:\n" +                                             // 4
            "      - \"8042:8042\"\n" +                                  // 5
            "      - \"4242:4242\"\n" +                                  // 6
            "    environment:\n" +                                       // 7
            string.Concat(environment.Select(e => $"      {e}\n"));      // 8…

        /// <summary>A JSON object, one "Key": value per line from line 2 (value column = key length + 7).</summary>
        public static string Json(params string[] settings) =>
            "{\n" + string.Join(",\n", settings.Select(s => "  " + s)) + "\n}\n";

        /// <summary>
        /// ConfigMap "orthanc-config" (its JSON at 6:17) and Deployment "pacs" (app: pacs) whose container "orthanc"
        /// (at 24:11) mounts it; the JSON is <paramref name="json"/> indented under <c>orthanc.json: |</c>.
        /// </summary>
        public static string KubernetesWithConfigMap(string json, string image = "jodogne/orthanc-plugins:1.12.1", string extraContainer = "") =>
            "apiVersion: v1\n" +                                         // 1
            "kind: ConfigMap\n" +                                        // 2
            "metadata:\n" +                                              // 3
            "  name: orthanc-config\n" +                                 // 4
            "data:\n" +                                                  // 5
            "  orthanc.json: |\n" +                                      // 6
            string.Concat(json.TrimEnd('\n').Split('\n').Select(l => "    " + l + "\n")) + // 7…(JsonLines)
            "---\n" +
            KubernetesDeployment(image, extraContainer, withConfigMap: true);

        /// <summary>Deployment "pacs" (pod label app: pacs); container "orthanc" is at line 13, column 11 of this document.</summary>
        public static string KubernetesDeployment(string image, string extraContainer = "", bool withConfigMap = false, string ports = "") =>
            "apiVersion: apps/v1\n" +                                    // 1
            "kind: Deployment\n" +                                       // 2
            "metadata:\n" +                                              // 3
            "  name: pacs\n" +                                           // 4
            "spec:\n" +                                                  // 5
            "  template:\n" +                                            // 6
            "    metadata:\n" +                                          // 7
            "      labels:\n" +                                          // 8
            "        app: pacs\n" +                                      // 9
            "    spec:\n" +                                              // 10
            "      containers:\n" +                                      // 11
            "        - name: orthanc\n" +                                // 12 (container at 12:11)
            $"          image: {image}\n" +                              // 13
            (ports.Length > 0 ? "          ports:\n" + ports : string.Empty) +
            extraContainer +
            (withConfigMap
                ? "          volumeMounts:\n" +
                  "            - name: config\n" +
                  "              mountPath: /etc/orthanc\n" +
                  "      volumes:\n" +
                  "        - name: config\n" +
                  "          configMap:\n" +
                  "            name: orthanc-config\n"
                : string.Empty);

        /// <summary>A Service "pacs" selecting app: pacs; type value at 7:9.</summary>
        public static string KubernetesService(string type, params (int Port, string? Target)[] ports) =>
            "apiVersion: v1\n" +                                         // 1
            "kind: Service\n" +                                          // 2
            "metadata:\n" +                                              // 3
            "  name: pacs\n" +                                           // 4
            "spec:\n" +                                                  // 5
            "  selector:\n" +                                            // 6
            "    app: pacs\n" +                                          // 7
            $"  type: {type}\n" +                                        // 8, value at 8:9
            "  ports:\n" +                                               // 9
            string.Concat(ports.Select(p => $"    - port: {p.Port}\n" + (p.Target is { } t ? $"      targetPort: {t}\n" : string.Empty)));

        /// <summary>An Ingress "pacs" (its spec key at 6:1, or at 6+annotations) routing / to Service <paramref name="service"/>.</summary>
        public static string KubernetesIngress(string service = "pacs", params string[] annotations) =>
            "apiVersion: networking.k8s.io/v1\n" +                       // 1
            "kind: Ingress\n" +                                          // 2
            "metadata:\n" +                                              // 3
            "  name: pacs\n" +                                           // 4
            (annotations.Length > 0 ? "  annotations:\n" + string.Concat(annotations.Select(a => $"    {a}\n")) : string.Empty) +
            "spec:\n" +                                                  // 5 (+ annotations)
            "  tls:\n" +
            "    - hosts: [pacs.example.org]\n" +
            "      secretName: pacs-tls\n" +
            "  rules:\n" +
            "    - host: pacs.example.org\n" +
            "      http:\n" +
            "        paths:\n" +
            "          - path: /\n" +
            "            pathType: Prefix\n" +
            "            backend:\n" +
            "              service:\n" +
            $"                name: {service}\n" +
            "                port:\n" +
            "                  number: 8042\n";
    }

    /// <summary>The effective Orthanc configuration: where it is read from, in what order, over which image defaults.</summary>
    public class OrthancModelTests
    {
        private static DeploymentModel Model(params (string Path, string Text)[] files) =>
            DeploymentModel.Build(files.Select(f => ConfigLoader.Load(f.Path, Encoding.UTF8.GetBytes(f.Text)).File!).ToList());

        private static IReadOnlyList<OrthancInstance> Find(params (string Path, string Text)[] files) => OrthancInstance.Find(Model(files));

        private static OrthancInstance Single(params (string Path, string Text)[] files) => Assert.Single(Find(files));

        private static string Compose(string image, params string[] environment) =>
            "services:\n  pacs:\n    image: " + image + "\n" + (environment.Length > 0 ? "    environment:\n" + string.Concat(environment.Select(e => "      " + e + "\n")) : string.Empty);

        [Theory]
        [InlineData("example/orthanc:1.12")]
        [InlineData("registry.example.org/radiology/orthanc")]
        public void AnOrthancImageWithoutImageDefaultsHasOrthancsDefaults(string image)
        {
            var orthanc = Single(("docker-compose.yml", Compose(image)));
            Assert.False(orthanc.IsTeamImage);
            Assert.False(orthanc.UsesImageConfiguration);
            Assert.False(orthanc.RemoteAccessAllowed);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.True(orthanc.HttpServerEnabled);
            Assert.True(orthanc.DicomServerEnabled);
            Assert.Equal(8042, orthanc.HttpPort);
            Assert.Equal(4242, orthanc.DicomPort);
            Assert.Empty(orthanc.RegisteredUsers);
            Assert.Equal("service 'pacs'", orthanc.Name);
        }

        [Theory]
        [InlineData("orthancteam/orthanc:24.1.2")]
        [InlineData("osimis/orthanc:22.6.1")]
        [InlineData("docker.io/OrthancTeam/orthanc")]
        public void TeamImagesTurnOnRemoteAccessAndAuthenticationWithoutUsers(string image)
        {
            var orthanc = Single(("docker-compose.yml", Compose(image)));
            Assert.True(orthanc.IsTeamImage);
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.True(orthanc.AuthenticationEnabled);
            Assert.Empty(orthanc.RegisteredUsers);
            Assert.False(orthanc.UsesImageConfiguration);
        }

        [Fact]
        public void TheTeamImageKeepsAuthenticationOnWhenOnlyRemoteAccessIsTurnedOff()
        {
            var orthanc = Single(("docker-compose.yml", Compose("orthancteam/orthanc", "ORTHANC__REMOTE_ACCESS_ALLOWED: \"false\"")));
            Assert.False(orthanc.RemoteAccessAllowed);
            Assert.True(orthanc.AuthenticationEnabled);
        }

        [Fact]
        public void JodogneWithoutAMountedConfigurationHasRemoteAccessAndTheDocumentedLogin()
        {
            var orthanc = Single(("docker-compose.yml", Compose("jodogne/orthanc-plugins:1.12.1")));
            Assert.True(orthanc.UsesImageConfiguration);
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.True(orthanc.AuthenticationEnabled);
            var (user, password, at) = Assert.Single(orthanc.RegisteredUsers);
            Assert.Equal("orthanc", user);
            Assert.Equal("orthanc", password);
            Assert.Equal("docker-compose.yml:2:3", at.ToString());
        }

        [Fact]
        public void AMountedConfigurationReplacesJodognesOwn()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"RegisteredUsers\": { \"radiologist\": \"x7-Jq2-generated\" }");
            var orthanc = Single(("docker-compose.yml", PacsInputs.ComposeWithMountedJson("jodogne/orthanc")), ("orthanc.json", json));
            Assert.False(orthanc.UsesImageConfiguration);
            Assert.True(orthanc.RemoteAccessAllowed);
            var (user, password, at) = Assert.Single(orthanc.RegisteredUsers);
            Assert.Equal("radiologist", user);
            Assert.Equal("x7-Jq2-generated", password);
            Assert.Equal("orthanc.json:3:39", at.ToString());
        }

        [Fact]
        public void AMountedConfigurationWithoutRemoteAccessLeavesJodogneLocalOnly()
        {
            var orthanc = Single(("docker-compose.yml", PacsInputs.ComposeWithMountedJson("jodogne/orthanc")), ("orthanc.json", PacsInputs.Json("\"DicomAet\": \"PACS\"", "\"DicomPort\": 4242")));
            Assert.False(orthanc.RemoteAccessAllowed);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.Empty(orthanc.RegisteredUsers);
        }

        [Theory]
        [InlineData("true", null, true)]
        [InlineData("true", "false", false)]
        [InlineData("false", "true", true)]
        [InlineData("false", null, false)]
        public void AuthenticationFollowsRemoteAccessUnlessWritten(string remote, string? authentication, bool expected)
        {
            var settings = new List<string> { $"\"RemoteAccessAllowed\": {remote}", "\"DicomAet\": \"PACS\"" };
            if (authentication is not null)
            {
                settings.Add($"\"AuthenticationEnabled\": {authentication}");
            }

            var orthanc = Single(("orthanc.json", PacsInputs.Json(settings.ToArray())));
            Assert.Equal(expected, orthanc.AuthenticationEnabled);
            Assert.Null(orthanc.Workload);
            Assert.Equal("configuration 'orthanc.json'", orthanc.Name);
        }

        [Fact]
        public void AJsonFileMountedByComposeIsReadForTheServiceAndNotJudgedAgainOnItsOwn()
        {
            var orthanc = Single(
                ("docker-compose.yml", PacsInputs.ComposeWithMountedJson("example/orthanc")),
                ("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false")));
            Assert.NotNull(orthanc.Workload);
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.Equal("orthanc.json:3:28", orthanc["AuthenticationEnabled"]!.At.ToString());
        }

        [Fact]
        public void LongSyntaxMountsAndSubdirectoriesAreFollowed()
        {
            const string compose = """
                services:
                  pacs:
                    image: example/orthanc
                    volumes:
                      - type: bind
                        source: ./config/orthanc.json
                        target: /etc/orthanc/orthanc.json
                """;
            var orthanc = Single(
                ("deploy/docker-compose.yml", compose),
                ("deploy/config/orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"HttpPort\": 8080")));
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.Equal(8080, orthanc.HttpPort);
        }

        [Fact]
        public void AnOrthancJsonOfAnotherDirectoryIsNotTheMountedOne()
        {
            var instances = Find(
                ("deploy/docker-compose.yml", PacsInputs.ComposeWithMountedJson("example/orthanc")),
                ("deploy/orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": false", "\"DicomAet\": \"DEPLOY\"")),
                ("other/orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"DicomAet\": \"OTHER\"")));
            Assert.Equal(2, instances.Count);
            var service = Assert.Single(instances, i => i.Workload is not null);
            Assert.Equal("DEPLOY", (service["DicomAet"]!.Value as ConfigScalar)!.Value);
            var alone = Assert.Single(instances, i => i.Workload is null);
            Assert.Equal("other/orthanc.json", alone.At.Path);
        }

        [Fact]
        public void AnUnmountedOrthancJsonNextToComposeIsJudgedOnItsOwn()
        {
            var instances = Find(
                ("docker-compose.yml", Compose("orthancteam/orthanc")),
                ("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false")));
            Assert.Equal(2, instances.Count);
            Assert.True(instances.Single(i => i.Workload is not null).AuthenticationEnabled);
            Assert.False(instances.Single(i => i.Workload is null).AuthenticationEnabled);
        }

        [Theory]
        [InlineData("package.json", "{ \"name\": \"viewer\", \"version\": \"1.0.0\" }")]
        [InlineData("appsettings.json", "{ \"HttpPort\": 8080, \"Logging\": {} }")]
        [InlineData("list.json", "[ { \"DicomAet\": \"A\", \"DicomPort\": 104 } ]")]
        public void JsonThatIsNotOrthancsIsIgnored(string path, string json)
        {
            Assert.Empty(Find((path, json)));
        }

        [Fact]
        public void NonOrthancImagesAreNotOrthancEvenWithOrthancVariables()
        {
            Assert.Empty(Find(("docker-compose.yml", Compose("nginx:1.27", "ORTHANC__REMOTE_ACCESS_ALLOWED: \"true\""))));
        }

        [Fact]
        public void EnvironmentNamesBecomeOrthancKeysAndJsonValuesAreParsed()
        {
            var orthanc = Single(("docker-compose.yml", Compose(
                "orthancteam/orthanc",
                "ORTHANC__DICOM_CHECK_CALLED_AET: \"true\"",                 // line 5
                "ORTHANC__DICOM_TLS_REMOTE_CERTIFICATE_REQUIRED: \"false\"", // line 6
                "ORTHANC__HTTP_PORT: \"8080\"",                               // line 7
                "ORTHANC__REGISTERED_USERS: '{\"demo\": \"demo\"}'")));       // line 8
            Assert.True(orthanc.Boolean("DicomCheckCalledAet"));
            Assert.False(orthanc.Boolean("DicomTlsRemoteCertificateRequired"));
            Assert.Equal(8080, orthanc.HttpPort);
            var (user, password, at) = Assert.Single(orthanc.RegisteredUsers);
            Assert.Equal(("demo", "demo"), (user, password));
            Assert.Equal("docker-compose.yml:8:34", at.ToString());
        }

        [Fact]
        public void ANestedVariableSetsOnlyItsFirstLevelAndIsNotMistakenForATopLevelSetting()
        {
            var orthanc = Single(("docker-compose.yml", Compose("orthancteam/orthanc", "ORTHANC__POSTGRESQL__ENABLE_SSL: \"true\"")));
            Assert.NotNull(orthanc["Postgresql"]);
            Assert.Null(orthanc["SslEnabled"]);
            Assert.Null(orthanc["EnableSsl"]);
        }

        [Theory]
        [InlineData("AC_ALLOW_REMOTE", "RemoteAccessAllowed")]
        [InlineData("AC_AUTHENTICATION_ENABLED", "AuthenticationEnabled")]
        [InlineData("DICOM_AET_CHECK_ENABLED", "DicomCheckCalledAet")]
        [InlineData("DICOM_ALWAYS_ALLOW_STORE_ENABLED", "DicomAlwaysAllowStore")]
        [InlineData("DICOM_CHECK_MODALITY_HOST_ENABLED", "DicomCheckModalityHost")]
        [InlineData("EXECUTE_LUA_ENABLED", "ExecuteLuaEnabled")]
        [InlineData("HTTP_CL_VERIFY_PEERS", "HttpsVerifyPeers")]
        public void LegacyVariablesOfTheOsimisImageAreRead(string variable, string key)
        {
            var orthanc = Single(("docker-compose.yml", Compose("osimis/orthanc:21.5.1", $"{variable}: \"false\"")));
            Assert.False(orthanc.Boolean(key));
            Assert.Equal("docker-compose.yml:5:" + (variable.Length + 9), orthanc[key]!.At.ToString());
        }

        [Fact]
        public void KubernetesEnvListFormIsRead()
        {
            const string yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pacs
                spec:
                  containers:
                    - name: orthanc
                      image: orthancteam/orthanc
                      env:
                        - name: ORTHANC__AUTHENTICATION_ENABLED
                          value: "false"
                        - name: ORTHANC__REGISTERED_USERS
                          valueFrom:
                            secretKeyRef: { name: orthanc-users, key: users }
                """;
            var orthanc = Single(("pod.yaml", yaml));
            Assert.Equal("container 'orthanc' of Pod 'pacs'", orthanc.Name);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.Equal("pod.yaml:11:18", orthanc["AuthenticationEnabled"]!.At.ToString());

            // A value from a Secret is unknown: not "no users", not a default login.
            Assert.Null(orthanc["RegisteredUsers"]);
        }

        [Fact]
        public void OrthancJsonVariableIsReadAndReportedAtTheVariable()
        {
            var orthanc = Single(("docker-compose.yml", Compose(
                "example/orthanc",
                "ORTHANC_JSON: '{\"RemoteAccessAllowed\": true, \"AuthenticationEnabled\": false, \"HttpsVerifyPeers\": false}'")));
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.Equal("docker-compose.yml:5:21", orthanc["HttpsVerifyPeers"]!.At.ToString());
        }

        [Fact]
        public void VariablesOverrideTheMountedFile()
        {
            var compose = PacsInputs.ComposeWithMountedJson("example/orthanc") +
                "    environment:\n" +                              // 9
                "      ORTHANC__REMOTE_ACCESS_ALLOWED: \"true\"\n";  // 10, value at 10:39
            var orthanc = Single(("docker-compose.yml", compose), ("orthanc.json", PacsInputs.Json("\"RemoteAccessAllowed\": false", "\"DicomAet\": \"PACS\"")));
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.Equal("docker-compose.yml:10:39", orthanc["RemoteAccessAllowed"]!.At.ToString());
        }

        [Fact]
        public void AConfigMapMountedAsAVolumeIsTheContainersConfigurationReportedInTheConfigMap()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false");
            var orthanc = Single(("k8s.yaml", PacsInputs.KubernetesWithConfigMap(json)));
            Assert.NotNull(orthanc.Workload);
            Assert.False(orthanc.UsesImageConfiguration);
            Assert.True(orthanc.RemoteAccessAllowed);
            Assert.False(orthanc.AuthenticationEnabled);

            // Embedded JSON has no positions of its own in the YAML file: reported at the ConfigMap entry.
            Assert.Equal("k8s.yaml:6:17", orthanc["AuthenticationEnabled"]!.At.ToString());
        }

        [Fact]
        public void EveryJsonObjectOfAMountedConfigMapIsMergedEvenWithASingleKey()
        {
            // Orthanc reads every JSON file of /etc/orthanc: a credentials.json with only RegisteredUsers is configuration.
            const string yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: orthanc-config
                data:
                  orthanc.json: '{"SslEnabled": false}'
                  credentials.json: '{"RegisteredUsers": {"radiology": "Vq8-generated-M2c"}}'
                  README: "not json"
                ---
                """;
            var orthanc = Single(("k8s.yaml", yaml + "\n" + PacsInputs.KubernetesDeployment("orthancteam/orthanc", withConfigMap: true)));
            Assert.False(orthanc.Boolean("SslEnabled"));
            Assert.Equal("k8s.yaml:6:17", orthanc["SslEnabled"]!.At.ToString());
            var (user, _, at) = Assert.Single(orthanc.RegisteredUsers);
            Assert.Equal("radiology", user);
            Assert.Equal("k8s.yaml:7:21", at.ToString());
        }

        [Fact]
        public void AConfigMapThatNoOrthancMountsIsJudgedOnItsOwn()
        {
            var json = PacsInputs.Json("\"RemoteAccessAllowed\": true", "\"AuthenticationEnabled\": false");
            var yaml = PacsInputs.KubernetesWithConfigMap(json).Split("---")[0];
            var orthanc = Single(("configmap.yaml", yaml));
            Assert.Null(orthanc.Workload);
            Assert.Equal("configuration in ConfigMap 'orthanc-config'", orthanc.Name);
            Assert.False(orthanc.AuthenticationEnabled);
            Assert.Equal("configmap.yaml:6:17", orthanc["AuthenticationEnabled"]!.At.ToString());
        }

        [Fact]
        public void ConfigMapDataThatIsNotOrthancJsonIsIgnored()
        {
            const string yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: viewer
                data:
                  app-config.json: '{"routerBasename": "/", "showStudyList": true}'
                  nginx.conf: "server { listen 80; }"
                """;
            Assert.Empty(Find(("configmap.yaml", yaml)));
        }
    }
}
