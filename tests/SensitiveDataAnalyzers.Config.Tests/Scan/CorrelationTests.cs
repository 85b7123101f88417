using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks.Transport;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Tests.Scan
{
    /// <summary>
    /// SDA1106 over real parsed deployment files, with the listener facts <c>sda scan</c> takes from the analyzers'
    /// SDA1001/SDA1002 findings (the loopback and TLS near misses, where the analyzers report nothing, are end to end
    /// in <see cref="ScanCommandTests"/>).
    /// </summary>
    public sealed class CorrelationTests
    {
        private const string Root = "/repo";

        private static readonly ScannedProject Api = new(
            "Clinic.Api",
            Root + "/src/Clinic.Api",
            new[] { "Clinic.Api", "clinic/records-api" },
            new[] { new CodeListener("SDA1001", 8080, new SourceLocation("src/Clinic.Api/Program.cs", 12, 5)) });

        private static readonly ScannedProject Worker = new("Clinic.Worker", Root + "/src/Clinic.Worker", new[] { "Clinic.Worker" }, System.Array.Empty<CodeListener>());

        private static string[] Correlate(string path, string text) =>
            ConfigLinter.Lint(
                    new[] { ConfigLoader.Load(path, Encoding.UTF8.GetBytes(text)) },
                    new[] { new PublishedCodeListenerCheck(new[] { Api, Worker }, p => Root + "/" + p) })
                .Where(f => f.Rule.Id == "SDA1106")
                .Select(f => $"{f.Location}: {f.Message}")
                .ToArray();

        [Theory]
        [InlineData("build: ../src/Clinic.Api")]
        [InlineData("build:\n      context: ..\n      dockerfile: src/Clinic.Api/Dockerfile")]
        [InlineData("image: registry.example.org:5000/clinic/records-api:2.1@sha256:abc")]
        [InlineData("image: CLINIC.API")]
        public void Compose_service_of_the_project_publishing_its_port(string source)
        {
            var finding = Assert.Single(Correlate("deploy/compose.yml", $"services:\n  api:\n    {source}\n    ports:\n      - \"80:8080\"\n"));
            Assert.StartsWith("deploy/compose.yml:", finding, System.StringComparison.Ordinal);
            Assert.Contains("service 'api' publishes port 8080 through host port 80 on all interfaces", finding, System.StringComparison.Ordinal);
            Assert.Contains("project 'Clinic.Api'", finding, System.StringComparison.Ordinal);
            Assert.Contains("(src/Clinic.Api/Program.cs:12:5, SDA1001)", finding, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("build: ../src/Clinic.Api", "\"8080:80\"")] // another container port than the code binds
        [InlineData("build: ../src/Clinic.Api", "\"127.0.0.1:8080:8080\"")] // published on loopback
        [InlineData("build: ../src/Clinic.Worker", "\"8080:8080\"")] // another project, which binds nothing
        [InlineData("image: clinic/clinic.worker:1", "\"8080:8080\"")] // the image of another project
        [InlineData("image: nginx:1.27", "\"8080:8080\"")] // no project
        public void Near_misses_of_compose(string source, string port)
        {
            Assert.Empty(Correlate("deploy/compose.yml", $"services:\n  api:\n    {source}\n    ports:\n      - {port}\n"));
        }

        [Fact]
        public void Kubernetes_workload_behind_a_load_balancer()
        {
            var manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  selector:
                    matchLabels: { app: api }
                  template:
                    metadata:
                      labels: { app: api }
                    spec:
                      containers:
                        - name: api
                          image: ghcr.io/clinic/records-api:1.0
                          ports:
                            - containerPort: 8080
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  type: LoadBalancer
                  selector: { app: api }
                  ports:
                    - port: 443
                      targetPort: PORT
                """;
            var finding = Assert.Single(Correlate("k8s/api.yaml", manifest.Replace("PORT", "8080")));
            Assert.Contains("container 'api' of Deployment 'api' publishes port 8080 through Service 'api' (LoadBalancer)", finding, System.StringComparison.Ordinal);

            // The Service forwards to another port than the code binds.
            Assert.Empty(Correlate("k8s/api.yaml", manifest.Replace("PORT", "9090")));

            // The same workload with the image of another project.
            Assert.Empty(Correlate("k8s/api.yaml", manifest.Replace("PORT", "8080").Replace("records-api", "clinic.worker")));
        }

        [Fact]
        public void Kubernetes_host_port_is_reported_at_the_host_port()
        {
            var manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: clinic.api\n      ports:\n        - containerPort: 8080\n          hostPort: 8080\n";
            var finding = Assert.Single(Correlate("k8s/pod.yaml", manifest));
            Assert.StartsWith("k8s/pod.yaml:11:", finding, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("registry.example.org/team/app:1.2", "team/app")]
        [InlineData("localhost:5000/app", "app")]
        [InlineData("team/app@sha256:0123", "team/app")]
        [InlineData("App", "app")]
        [InlineData("${IMAGE}", null)]
        public void Repository_of_an_image(string image, string? repository) =>
            Assert.Equal(repository, PublishedCodeListenerCheck.RepositoryOf(image));
    }
}
