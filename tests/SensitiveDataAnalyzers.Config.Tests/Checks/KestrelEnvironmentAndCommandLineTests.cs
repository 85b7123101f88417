using System.Linq;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>The environment and command-line forms of Kestrel settings: SslProtocols variables (SDA1004) and --urls (SDA1001/SDA1002).</summary>
    public class KestrelEnvironmentAndCommandLineTests
    {
        private static readonly string[] Ids = { "SDA1001", "SDA1002", "SDA1004" };

        private static string[] Summary(params (string Path, string Text)[] files) =>
            Lint.Summary(files).Where(s => Ids.Contains(s.Substring(0, s.IndexOf(' ')))).ToArray();

        /// <summary>Service api; the variable is on line 5 (list form, column 9).</summary>
        private static string Compose(string variable) =>
            "services:\n  api:\n    image: example/api\n    environment:\n" + $"      - {variable}\n";

        [Theory]
        [InlineData("Kestrel__EndpointDefaults__SslProtocols=Tls11")]
        [InlineData("Kestrel__EndpointDefaults__SslProtocols__0=Tls")]
        [InlineData("Kestrel__Endpoints__Https__SslProtocols__1=Tls11")]
        [InlineData("Kestrel:EndpointDefaults:SslProtocols=Tls12,Tls11")]
        [InlineData("kestrel__endpointdefaults__sslprotocols=ssl3")]
        public void ObsoleteProtocolsInTheEnvironmentAreSda1004AtTheVariable(string variable)
        {
            Assert.Equal(new[] { "SDA1004 warning docker-compose.yml:5:9" }, Summary(("docker-compose.yml", Compose(variable))));
        }

        [Theory]
        [InlineData("Kestrel__EndpointDefaults__SslProtocols=Tls12,Tls13")]
        [InlineData("Kestrel__EndpointDefaults__SslProtocols__0=Tls13")]
        [InlineData("Kestrel__Endpoints__Https__Certificate__Path=Tls11")] // not a protocol setting
        [InlineData("MyApp__SslProtocols=Tls11")]                          // not Kestrel's
        [InlineData("Kestrel__EndpointDefaults__SslProtocols")]             // value from the host
        public void ModernOrUnrelatedSettingsAreQuiet(string variable)
        {
            Assert.Empty(Summary(("docker-compose.yml", Compose(variable))));
        }

        [Fact]
        public void ObsoleteProtocolsOfAKubernetesContainerAreReportedAtTheValue()
        {
            var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example/api\n      env:\n" +
                      "        - name: Kestrel__Endpoints__Https__SslProtocols__0\n          value: Tls11\n";
            Assert.Equal(new[] { "SDA1004 warning pod.yaml:11:18" }, Summary(("pod.yaml", pod)));
        }

        [Theory]
        [InlineData("    command: [\"dotnet\", \"Recordings.dll\", \"--urls\", \"http://0.0.0.0:443\"]\n", "docker-compose.yml:4:53")]
        [InlineData("    command: [\"dotnet\", \"Recordings.dll\", \"--urls=http://+:443\"]\n", "docker-compose.yml:4:43")]
        [InlineData("    command: dotnet Recordings.dll --urls http://*:443\n", "docker-compose.yml:4:14")]
        [InlineData("    entrypoint: [\"dotnet\", \"Recordings.dll\"]\n    command: [\"--urls\", \"http://+:443\"]\n", "docker-compose.yml:5:25")]
        public void UrlsOnTheCommandLineArePlaintextListeners(string command, string at)
        {
            var compose = "services:\n  web:\n    image: example/recordings\n" + command + "    ports:\n      - \"443:443\"\n";
            Assert.Equal(new[] { "SDA1002 error " + at }, Summary(("docker-compose.yml", compose)));
        }

        [Theory]
        [InlineData("    command: [\"dotnet\", \"Recordings.dll\", \"--urls\", \"http://127.0.0.1:443\"]\n")] // loopback
        [InlineData("    command: [\"dotnet\", \"Recordings.dll\", \"--urls\", \"https://+:443\"]\n")]     // TLS
        [InlineData("    command: [\"dotnet\", \"Recordings.dll\", \"--urls\"]\n")]                          // no value
        [InlineData("    command: [\"echo\", \"--urlsx=http://+:443\"]\n")]                                 // another option
        public void CommandLinesWithoutAPlaintextListenerAreQuiet(string command)
        {
            var compose = "services:\n  web:\n    image: example/recordings\n" + command + "    ports:\n      - \"443:443\"\n";
            Assert.Empty(Summary(("docker-compose.yml", compose)));
        }

        [Fact]
        public void KubernetesArgsWithUrlsBehindALoadBalancerOn443AreSda1002()
        {
            var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: example/recordings\n" +
                       "      args: [\"--urls\", \"http://+:8080\"]\n" +
                       "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 443\n      targetPort: 8080\n";
            Assert.Equal(new[] { "SDA1002 error k8s.yaml:11:24" }, Summary(("k8s.yaml", yaml)));
        }
    }
}
