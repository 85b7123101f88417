using System;
using System.Linq;
using SensitiveDataAnalyzers.Config.Tests.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Scan
{
    /// <summary><c>sda scan samples</c> from the repository root: the findings the sample READMEs list, code and deployment, in one run.</summary>
    [Collection(DotnetProcessCollection.Name)]
    public sealed class ScanSamplesTests
    {
        [Fact]
        public void Scan_samples_reports_the_code_and_the_deployment_findings()
        {
            using var workspace = new CliWorkspace();
            var result = workspace.RunIn(ScanRepository.RepositoryRoot(), null, new[] { "scan", "samples", "--fail-on", "none" });

            Assert.True(result.ExitCode == 0, result.ToString());
            var lines = result.StdoutLines;
            bool Has(string prefix, string id) => lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(" " + id + ":", StringComparison.Ordinal));

            // samples/CallRecordings/README.md (severities lowered by the sample's .editorconfig).
            Assert.True(Has("samples/CallRecordings/Program.cs:22:25: warning", "SDA1002"), result.ToString());
            Assert.True(Has("samples/CallRecordings/Program.cs:22:47: warning", "SDA1001"), result.ToString());
            foreach (var id in new[] { "SDA1003", "SDA1004", "SDA2001", "SDA4002", "SDA4003", "SDA4005" })
            {
                Assert.True(Has("samples/CallRecordings/", id), id + "\n" + result);
            }

            // samples/DicomGateway/README.md.
            foreach (var id in new[] { "SDA2001", "SDA3001", "SDA3002", "SDA3003", "SDA3004", "SDA4001" })
            {
                Assert.True(Has("samples/DicomGateway/", id), id + "\n" + result);
            }

            // samples/deploy/README.md, and the compose service built from samples/CallRecordings.
            Assert.True(Has("samples/deploy/compose/docker-compose.yml:7:24: error", "SDA1002"), result.ToString());
            Assert.True(Has("samples/deploy/compose/docker-compose.yml:16:9: error", "SDA5101"), result.ToString());
            Assert.True(Has("samples/deploy/compose/orthanc.json:5:28: error", "SDA4101"), result.ToString());
            Assert.True(Has("samples/deploy/kubernetes/recordings.yaml:20:22: error", "SDA1002"), result.ToString());
            Assert.True(Has("samples/deploy/compose/docker-compose.yml:9:9: error", "SDA1106"), result.ToString());
            Assert.DoesNotContain(lines, line => line.Contains("SDA0005", StringComparison.Ordinal) || line.Contains("SDA0006", StringComparison.Ordinal));
        }
    }
}
