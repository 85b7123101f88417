using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SensitiveDataAnalyzers.Config.Tests.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Scan
{
    /// <summary>
    /// One temp repository, restored and loaded by MSBuild: a web project binding plaintext HTTP on 8080 (SDA1001), one
    /// binding loopback only, one serving TLS on 8080, and a compose file that builds and publishes each of them.
    /// </summary>
    public sealed class ScanFixture : IDisposable
    {
        public ScanFixture()
        {
            Workspace = new CliWorkspace();
            ScanRepository.AddWebProject(Workspace, "src/Web", "Web", ScanRepository.PlaintextProgram);
            ScanRepository.AddWebProject(Workspace, "src/Loopback", "Loopback", ScanRepository.LoopbackProgram);
            ScanRepository.AddWebProject(Workspace, "src/Tls", "Tls", ScanRepository.TlsProgram);
            Workspace.Write("deploy/docker-compose.yml", """
                services:
                  web:
                    build: ../src/Web
                    ports:
                      - "8080:8080"
                  web-other-port:
                    image: registry.example.org/team/web:1.4
                    ports:
                      - "9090:9090"
                  loopback:
                    build: ../src/Loopback
                    ports:
                      - "8081:8080"
                  tls:
                    build:
                      context: ../src/Tls
                    ports:
                      - "8082:8080"
                """);
            Text = Workspace.Run("scan", ".");
        }

        public CliWorkspace Workspace { get; }

        /// <summary>The first scan (restores the projects); the other tests reuse the restored tree.</summary>
        public CliResult Text { get; }

        public void Dispose() => Workspace.Dispose();
    }

    [Collection(DotnetProcessCollection.Name)]
    public sealed class ScanCommandTests : IClassFixture<ScanFixture>
    {
        private readonly ScanFixture _fixture;

        public ScanCommandTests(ScanFixture fixture)
        {
            _fixture = fixture;
        }

        private CliWorkspace Workspace => _fixture.Workspace;

        [Fact]
        public void Text_reports_code_and_deployment_findings_and_the_correlation()
        {
            var result = _fixture.Text;
            var lines = result.StdoutLines;
            Assert.Contains(lines, line => line.StartsWith("src/Web/Program.cs:2:", StringComparison.Ordinal) && line.Contains("warning SDA1001", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith("deploy/docker-compose.yml:5:9: warning SDA5101", StringComparison.Ordinal));
            var correlated = Assert.Single(lines, line => line.Contains("SDA1106", StringComparison.Ordinal));
            Assert.StartsWith("deploy/docker-compose.yml:5:9: error SDA1106: service 'web' publishes port 8080", correlated, StringComparison.Ordinal);
            Assert.Contains("src/Web/Program.cs:2:", correlated, StringComparison.Ordinal);

            // Near misses: the image of the project on another port, loopback only, TLS configured.
            Assert.DoesNotContain(lines, line => line.StartsWith("src/Loopback/", StringComparison.Ordinal) || line.StartsWith("src/Tls/", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.Contains("SDA0005", StringComparison.Ordinal));
            Assert.Equal(1, result.ExitCode);
        }

        [Fact]
        public void Json_has_the_code_finding_with_its_help_link()
        {
            var result = Workspace.Run("scan", ".", "--format", "json", "--fail-on", "none");
            Assert.Equal(0, result.ExitCode);
            using var document = JsonDocument.Parse(result.Stdout);
            var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
            var code = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "SDA1001");
            Assert.Equal("src/Web/Program.cs", code.GetProperty("path").GetString());
            Assert.Equal(2, code.GetProperty("line").GetInt32());
            Assert.Equal("warning", code.GetProperty("severity").GetString());
            Assert.EndsWith("/rules/SDA1001.md", code.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "SDA1106");
        }

        [Fact]
        public async Task Sarif_is_schema_valid_and_a_baseline_suppresses_everything_it_holds()
        {
            var first = Workspace.Run("scan", ".", "--format", "sarif", "--output", "out/scan.sarif", "--fail-on", "warning");
            Assert.Equal(1, first.ExitCode);
            var sarif = Workspace.Read("out/scan.sarif");
            await SarifSchema.AssertValid(sarif);
            using (var document = JsonDocument.Parse(sarif))
            {
                var ids = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
                Assert.Contains("SDA1001", ids);
                Assert.Contains("SDA1106", ids);
                Assert.Contains("SDA5101", ids);
            }

            var second = Workspace.Run("scan", ".", "--baseline", "out/scan.sarif", "--fail-on", "note");
            Assert.Equal(0, second.ExitCode);
            Assert.Matches(@"^0 errors, 0 warnings, 0 notes in \d+ files \(\d+ findings matched the baseline", second.StdoutLines.Last());
        }

        [Fact]
        public void Exclude_leaves_out_the_deployment_and_its_correlation()
        {
            var result = Workspace.Run("scan", ".", "--exclude", "deploy");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(result.StdoutLines, line => line.Contains("SDA1001", StringComparison.Ordinal));
            Assert.DoesNotContain(result.StdoutLines, line => line.Contains("docker-compose", StringComparison.Ordinal));
        }

        [Fact]
        public void A_missing_directory_is_a_usage_error()
        {
            var result = Workspace.Run("scan", "no-such-directory");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is not a directory", result.Stderr, StringComparison.Ordinal);
        }
    }
}
