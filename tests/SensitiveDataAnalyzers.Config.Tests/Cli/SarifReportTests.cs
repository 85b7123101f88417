using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SensitiveDataAnalyzers.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Cli
{
    /// <summary>
    /// <c>--format sarif</c>: the shape GitHub code scanning and SARIF viewers read, validated against the official
    /// SARIF 2.1.0 JSON schema (from the Sarif.Sdk package, copied to the test output by the test project).
    /// </summary>
    public sealed class SarifReportTests : IDisposable
    {
        private readonly CliWorkspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public async Task A_report_with_findings_is_valid_against_the_SARIF_2_1_0_schema()
        {
            _workspace.Write("deploy/broken.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/with space/chart.yaml", CliWorkspace.HelmTemplate);
            _workspace.WriteBinary("deploy/image.json");
            var outside = Path.Combine(Path.GetTempPath(), "sda-cli-outside-" + Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(outside, CliWorkspace.MalformedYaml);
            try
            {
                var result = _workspace.RunWithStdin(CliWorkspace.MalformedYaml, "lint", "deploy", "-", outside, "missing.yaml", "--format", "sarif");

                Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
                Assert.Equal(5, Results(result.Stdout).Count);
                await AssertValidSarif(result.Stdout);
            }
            finally
            {
                File.Delete(outside);
            }
        }

        [Fact]
        public async Task An_empty_report_is_valid_against_the_SARIF_2_1_0_schema()
        {
            _workspace.Write("clean.yaml", CliWorkspace.CleanYaml);

            var result = _workspace.Run("lint", ".", "--format", "sarif");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Empty(Results(result.Stdout));
            await AssertValidSarif(result.Stdout);
        }

        [Fact]
        public async Task The_schema_validation_catches_an_invalid_log()
        {
            _workspace.Write("broken.yaml", CliWorkspace.MalformedYaml);
            var sarif = _workspace.Run("lint", ".", "--format", "sarif").Stdout;
            var broken = sarif.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)
                .Replace("\"startLine\": 1", "\"startLine\": 0", StringComparison.Ordinal);

            var errors = (await SarifSchema.Schema.Value).Validate(broken);

            Assert.NotEmpty(errors);
        }

        [Fact]
        public void The_driver_lists_every_rule_with_names_descriptions_and_levels()
        {
            _workspace.Write("clean.yaml", CliWorkspace.CleanYaml);

            using var document = JsonDocument.Parse(_workspace.Run("lint", ".", "--format", "sarif").Stdout);
            var root = document.RootElement;
            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("sda", driver.GetProperty("name").GetString());
            Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("semanticVersion").GetString());

            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(ConfigLinter.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            foreach (var (rule, sarif) in ConfigLinter.Rules.Zip(rules))
            {
                var name = sarif.GetProperty("name").GetString()!;
                Assert.Matches("^[A-Z][A-Za-z0-9]*$", name);
                Assert.Equal(System.Text.RegularExpressions.Regex.Replace(rule.Title, "[^A-Za-z0-9]", string.Empty).ToUpperInvariant(), name.ToUpperInvariant());
                Assert.Equal(rule.Title, sarif.GetProperty("shortDescription").GetProperty("text").GetString());
                Assert.Equal(rule.Description, sarif.GetProperty("fullDescription").GetProperty("text").GetString());
                Assert.Equal(rule.HelpUri, sarif.GetProperty("helpUri").GetString());
                Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), sarif.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            }

            Assert.Contains(rules, r => r.GetProperty("id").GetString() == "SDA0001" && r.GetProperty("name").GetString() == "FileCouldNotBeParsed");
        }

        [Fact]
        public void Results_carry_rule_index_level_location_relative_to_SRCROOT_and_a_fingerprint()
        {
            _workspace.Write("deploy/with space/chart #1.yaml", CliWorkspace.HelmTemplate);
            _workspace.Write("deploy/broken.yaml", CliWorkspace.MalformedYaml);

            var sarif = _workspace.Run("lint", "deploy", "--format", "sarif").Stdout;

            using var document = JsonDocument.Parse(sarif);
            var run = document.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            var srcroot = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
            Assert.Equal(new Uri(Path.GetFullPath(_workspace.Root) + Path.DirectorySeparatorChar).AbsoluteUri, srcroot);
            Assert.EndsWith("/", srcroot, StringComparison.Ordinal);

            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(2, results.Count);
            foreach (var result in results)
            {
                var ruleId = result.GetProperty("ruleId").GetString();
                Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("sdaFindingHash/v1").GetString());
                Assert.Equal("%SRCROOT%", Artifact(result).GetProperty("uriBaseId").GetString());
            }

            var broken = results[0];
            Assert.Equal("SDA0001", broken.GetProperty("ruleId").GetString());
            Assert.Equal("error", broken.GetProperty("level").GetString());
            Assert.StartsWith("invalid YAML", broken.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("deploy/broken.yaml", Artifact(broken).GetProperty("uri").GetString());
            var region = broken.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(1, region.GetProperty("startLine").GetInt32());
            Assert.Equal(5, region.GetProperty("startColumn").GetInt32());

            var template = results[1];
            Assert.Equal("warning", template.GetProperty("level").GetString());
            var uri = Artifact(template).GetProperty("uri").GetString()!;
            Assert.Equal("deploy/with%20space/chart%20%231.yaml", uri);
            Assert.Equal(
                Path.Combine(_workspace.Root, "deploy", "with space", "chart #1.yaml"),
                new Uri(new Uri(srcroot), uri).LocalPath);
        }

        [Fact]
        public void Fingerprints_are_stable_across_runs_and_line_moves()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            var first = Fingerprints(_workspace.Run("lint", ".", "--format", "sarif").Stdout);
            var again = Fingerprints(_workspace.Run("lint", ".", "--format", "sarif").Stdout);
            _workspace.Write("a.yaml", "\n\n# moved\n" + CliWorkspace.MalformedYaml);
            var moved = Fingerprints(_workspace.Run("lint", ".", "--format", "sarif").Stdout);

            Assert.Single(first);
            Assert.Equal(first, again);
            Assert.Equal(first, moved);
        }

        [Fact]
        public void Stdin_and_files_outside_the_current_directory_get_usable_uris()
        {
            var outsideDirectory = Path.Combine(Path.GetTempPath(), "sda-cli-outside-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(outsideDirectory);
            var outside = Path.Combine(outsideDirectory, "b.yaml");
            File.WriteAllText(outside, CliWorkspace.MalformedYaml);
            try
            {
                var sarif = _workspace.RunWithStdin(CliWorkspace.MalformedYaml, "lint", "-", outside, "--format", "sarif").Stdout;

                var artifacts = Results(sarif).Select(Artifact).ToList();
                Assert.Contains(artifacts, a => a.GetProperty("uri").GetString() == "%3Cstdin%3E" && !a.TryGetProperty("uriBaseId", out _));
                Assert.Contains(artifacts, a => a.GetProperty("uri").GetString() == new Uri(outside).AbsoluteUri && !a.TryGetProperty("uriBaseId", out _));
            }
            finally
            {
                Directory.Delete(outsideDirectory, recursive: true);
            }
        }

        private static Task AssertValidSarif(string sarif) => SarifSchema.AssertValid(sarif);

        private static List<JsonElement> Results(string sarif)
        {
            using var document = JsonDocument.Parse(sarif);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone()).ToList();
        }

        private static JsonElement Artifact(JsonElement result) =>
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        private static List<string?> Fingerprints(string sarif) =>
            Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty("sdaFindingHash/v1").GetString()).ToList();
    }
}
