using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>SDA5102: compose <c>network_mode: host</c>, Kubernetes <c>hostNetwork: true</c>.</summary>
    public class HostNetworkCheckTests
    {
        /// <summary>Findings of this check's rules only: other checks may report on the same inputs.</summary>
        private static readonly string[] Ids = { "SDA5102" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        private static string Deployment(string hostNetwork, string image = "example/agent", string kind = "Deployment", string annotations = "") =>
            "apiVersion: apps/v1\n" +                // 1
            $"kind: {kind}\n" +                       // 2
            "metadata:\n" +                           // 3
            "  name: agent\n" +                       // 4
            annotations +
            "spec:\n" +                               // 5
            "  template:\n" +                         // 6
            "    metadata:\n" +                       // 7
            "      labels:\n" +                       // 8
            "        app: agent\n" +                  // 9
            "    spec:\n" +                           // 10
            $"      hostNetwork: {hostNetwork}\n" +   // 11, value at column 20
            "      containers:\n" +                   // 12
            "        - name: agent\n" +               // 13
            $"          image: {image}\n";            // 14

        [Fact]
        public void ComposeNetworkModeHostIsAWarningAtTheValue()
        {
            const string yaml = """
                services:
                  agent:
                    image: example/agent
                    network_mode: host
                """;
            Assert.Equal(new[] { "SDA5102 warning docker-compose.yml:4:19" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ComposeNetworkModeHostQuotedIsReported()
        {
            const string yaml = """
                services:
                  agent:
                    image: example/agent
                    network_mode: "host"
                """;
            Assert.Equal(new[] { "SDA5102 warning docker-compose.yml:4:19" }, Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void ComposeNetworkModeHostOfAPhiServiceIsAnError()
        {
            const string yaml = """
                services:
                  pacs:
                    image: orthancteam/orthanc
                    network_mode: host
                  web:
                    image: nginx
                    labels:
                      sensitivedata.io/phi: "true"
                    network_mode: host
                """;
            Assert.Equal(
                new[] { "SDA5102 error docker-compose.yml:4:19", "SDA5102 error docker-compose.yml:9:19" },
                Summary(("docker-compose.yml", yaml)));
        }

        [Theory]
        [InlineData("bridge")]
        [InlineData("none")]
        [InlineData("\"service:db\"")]
        [InlineData("\"container:abc\"")]
        public void OtherNetworkModesAreQuiet(string mode)
        {
            var yaml = "services:\n  agent:\n    image: orthancteam/orthanc\n    network_mode: " + mode + "\n";
            Assert.Empty(Summary(("docker-compose.yml", yaml)));
        }

        [Fact]
        public void NetworkModeHostFromAMergeKeyIsReportedWhereWritten()
        {
            const string yaml = """
                x-net: &net
                  network_mode: host
                services:
                  agent:
                    <<: *net
                    image: example/agent
                """;
            Assert.Equal(new[] { "SDA5102 warning docker-compose.yml:2:17" }, Summary(("docker-compose.yml", yaml)));
        }

        [Theory]
        [InlineData("Deployment")]
        [InlineData("DaemonSet")]
        [InlineData("StatefulSet")]
        public void KubernetesHostNetworkTrueIsAWarning(string kind)
        {
            Assert.Equal(new[] { "SDA5102 warning agent.yaml:11:20" }, Summary(("agent.yaml", Deployment("true", kind: kind))));
        }

        [Fact]
        public void KubernetesHostNetworkOfAPhiContainerIsAnError()
        {
            Assert.Equal(new[] { "SDA5102 error agent.yaml:11:20" }, Summary(("agent.yaml", Deployment("true", image: "jodogne/orthanc"))));
        }

        [Theory]
        [InlineData("false")]
        [InlineData("\"no-such-value\"")]
        public void KubernetesHostNetworkFalseIsQuiet(string value)
        {
            Assert.Empty(Summary(("agent.yaml", Deployment(value))));
        }

        [Fact]
        public void PodHostNetworkIsReadFromThePodSpec()
        {
            const string yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: node-exporter
                spec:
                  hostNetwork: true
                  containers:
                    - name: exporter
                      image: prom/node-exporter
                """;
            Assert.Equal(new[] { "SDA5102 warning pod.yaml:6:16" }, Summary(("pod.yaml", yaml)));
        }

        [Fact]
        public void CronJobHostNetworkIsReadFromTheJobTemplate()
        {
            const string yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: export
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          hostNetwork: true
                          containers:
                            - name: export
                              image: example/export
                """;
            Assert.Equal(new[] { "SDA5102 warning cron.yaml:11:24" }, Summary(("cron.yaml", yaml)));
        }

        [Fact]
        public void HostNetworkInAListItemIsReported()
        {
            const string yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: agent
                    spec:
                      hostNetwork: true
                      containers:
                        - name: agent
                          image: example/agent
                """;
            Assert.Equal(new[] { "SDA5102 warning list.yaml:9:20" }, Summary(("list.yaml", yaml)));
        }

        [Fact]
        public void IgnoreAnnotationSuppressesHostNetwork()
        {
            var yaml = Deployment("true", annotations: "  annotations:\n    sensitivedata.io/ignore: \"SDA5102=node agent needs the host network\"\n");
            Assert.Empty(Summary(("agent.yaml", yaml)));
        }

        [Fact]
        public void HostNetworkAtTheWrongLevelIsNotAPodSetting()
        {
            const string yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: agent
                spec:
                  hostNetwork: true
                  template:
                    spec:
                      containers:
                        - name: agent
                          image: example/agent
                """;
            Assert.Empty(Summary(("agent.yaml", yaml)));
        }
    }
}
