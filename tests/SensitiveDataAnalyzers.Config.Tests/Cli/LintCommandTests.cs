using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SensitiveDataAnalyzers.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Cli
{
    /// <summary>
    /// <c>sda lint</c> end to end on real files. Only the loader's SDA0xxx notices are relied on (SDA0001 error for
    /// malformed input, SDA0002 note for binary files, SDA0003 warning for Helm templates), so these tests hold whatever
    /// checks the catalog contains.
    /// </summary>
    public sealed class LintCommandTests : IDisposable
    {
        private readonly CliWorkspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public void Text_format_lists_findings_with_positions_and_a_summary()
        {
            _workspace.Write("deploy/broken.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/chart.yaml", CliWorkspace.HelmTemplate);
            _workspace.Write("deploy/clean.yml", CliWorkspace.CleanYaml);

            var result = _workspace.Run("lint", "deploy");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.Equal(
                new[]
                {
                    "deploy/broken.yaml:1:5: error SDA0001: invalid YAML: While scanning a plain scalar value, found invalid mapping.",
                    "deploy/chart.yaml:2:1: warning SDA0003: template syntax '{{' found: render first, e.g. helm template <chart> | sda lint -",
                    "1 error, 1 warning, 0 notes in 3 files",
                },
                result.StdoutLines);
            Assert.Equal(string.Empty, result.Stderr);
        }

        [Fact]
        public void Clean_input_exits_zero_with_an_empty_summary()
        {
            _workspace.Write("a.yaml", CliWorkspace.CleanYaml);
            _workspace.Write("b.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");

            var result = _workspace.Run("lint", ".");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 2 files" }, result.StdoutLines);
        }

        [Fact]
        public void Json_format_has_version_findings_and_summary()
        {
            _workspace.Write("broken.json", "{\n  \"a\": }\n");
            _workspace.WriteBinary("image.json");

            var result = _workspace.Run("lint", ".", "--format", "json");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            using var document = JsonDocument.Parse(result.Stdout);
            var root = document.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
            var findings = root.GetProperty("findings").EnumerateArray().ToList();
            Assert.Equal(2, findings.Count);

            var broken = findings[0];
            Assert.Equal("SDA0001", broken.GetProperty("ruleId").GetString());
            Assert.Equal("error", broken.GetProperty("severity").GetString());
            Assert.Equal("broken.json", broken.GetProperty("path").GetString());
            Assert.Equal(2, broken.GetProperty("line").GetInt32());
            Assert.True(broken.GetProperty("column").GetInt32() >= 1);
            Assert.StartsWith("invalid JSON", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("/SDA0001.md", broken.GetProperty("helpUri").GetString(), StringComparison.Ordinal);

            var binary = findings[1];
            Assert.Equal("SDA0002", binary.GetProperty("ruleId").GetString());
            Assert.Equal("note", binary.GetProperty("severity").GetString());
            Assert.Equal("image.json", binary.GetProperty("path").GetString());

            var summary = root.GetProperty("summary");
            Assert.Equal(2, summary.GetProperty("files").GetInt32());
            Assert.Equal(1, summary.GetProperty("errors").GetInt32());
            Assert.Equal(0, summary.GetProperty("warnings").GetInt32());
            Assert.Equal(1, summary.GetProperty("notes").GetInt32());
        }

        [Fact]
        public void Json_format_keeps_messages_and_paths_readable_and_escaped()
        {
            _workspace.Write("dir with space/\"quoted\" ü.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", ".", "--format", "json");

            using var document = JsonDocument.Parse(result.Stdout);
            var finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("dir with space/\"quoted\" ü.yaml", finding.GetProperty("path").GetString());
        }

        [Theory]
        [InlineData("binary", null, ExitCodes.Success)]
        [InlineData("binary", "error", ExitCodes.Success)]
        [InlineData("binary", "warning", ExitCodes.Success)]
        [InlineData("binary", "note", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("template", null, ExitCodes.Success)]
        [InlineData("template", "error", ExitCodes.Success)]
        [InlineData("template", "warning", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("template", "note", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("malformed", null, ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("malformed", "error", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("malformed", "warning", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("malformed", "note", ExitCodes.FindingsAtOrAboveThreshold)]
        [InlineData("clean", "note", ExitCodes.Success)]
        [InlineData("malformed", "none", ExitCodes.Success)]
        [InlineData("template", "none", ExitCodes.Success)]
        public void Fail_on_sets_the_severity_that_fails_the_run(string input, string? failOn, int expectedExitCode)
        {
            switch (input)
            {
                case "binary":
                    _workspace.WriteBinary("input.yaml"); // SDA0002 note
                    break;
                case "template":
                    _workspace.Write("input.yaml", CliWorkspace.HelmTemplate); // SDA0003 warning
                    break;
                case "malformed":
                    _workspace.Write("input.yaml", CliWorkspace.MalformedYaml); // SDA0001 error
                    break;
                default:
                    _workspace.Write("input.yaml", CliWorkspace.CleanYaml);
                    break;
            }

            var args = new List<string> { "lint", "input.yaml" };
            if (failOn is not null)
            {
                args.AddRange(new[] { "--fail-on", failOn });
            }

            var result = _workspace.Run(args.ToArray());

            Assert.True(expectedExitCode == result.ExitCode, result.ToString());
        }

        [Theory]
        [InlineData("lint")] // no path
        [InlineData("lint", "x.yaml", "--format", "xml")]
        [InlineData("lint", "x.yaml", "--fail-on", "fatal")]
        [InlineData("lint", "x.yaml", "--no-such-option")]
        [InlineData("lint", "x.yaml", "--output")] // option without its value
        [InlineData("frobnicate", "x.yaml")]
        [InlineData]
        public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] args)
        {
            _workspace.Write("x.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run(args);

            Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.ToString());
            Assert.Contains("sda: error:", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout);
        }

        [Fact]
        public void Help_exits_zero_and_documents_the_options()
        {
            var result = _workspace.Run("lint", "--help");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            foreach (var option in new[] { "--format", "--output", "--fail-on", "--baseline", "--exclude" })
            {
                Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_file_name_starting_with_a_dash_can_be_linted_after_double_dash()
        {
            _workspace.Write("-odd.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", "--", "-odd.yaml");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.StartsWith("-odd.yaml:1:5: error SDA0001", result.StdoutLines[0], StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_path_alone_exits_2()
        {
            var result = _workspace.Run("lint", "does-not-exist.yaml");

            Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
            Assert.Contains("does-not-exist.yaml: no such file or directory", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("no input could be read", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout);
        }

        [Fact]
        public void A_missing_path_beside_readable_ones_is_reported_and_the_rest_is_linted()
        {
            _workspace.Write("ok.yaml", CliWorkspace.CleanYaml);

            var result = _workspace.Run("lint", "ok.yaml", "missing-dir");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Contains("missing-dir: no such file or directory", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 1 file" }, result.StdoutLines);
        }

        [Fact]
        public void Directories_are_walked_recursively_skipping_tool_folders_and_other_extensions()
        {
            _workspace.Write("repo/compose.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("repo/k8s/base/deployment.yml", CliWorkspace.MalformedYaml);
            _workspace.Write("repo/k8s/overlays/prod/appsettings.Production.json", "{ \"a\": }");
            _workspace.Write("repo/.github/workflows/ci.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("repo/.git/config.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("repo/src/App/bin/Debug/appsettings.json", "{ \"a\": }");
            _workspace.Write("repo/src/App/obj/project.assets.json", "{ \"a\": }");
            _workspace.Write("repo/web/node_modules/pkg/package.json", "{ \"a\": }");
            _workspace.Write("repo/README.md", "# not config: [");
            _workspace.Write("repo/.env", "A=: [");
            _workspace.Write("repo/Dockerfile", "FROM x\n{");

            var result = _workspace.Run("lint", "repo", "--format", "json");

            using var document = JsonDocument.Parse(result.Stdout);
            var paths = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
            Assert.Equal(
                new[]
                {
                    "repo/.github/workflows/ci.yaml",
                    "repo/compose.yaml",
                    "repo/k8s/base/deployment.yml",
                    "repo/k8s/overlays/prod/appsettings.Production.json",
                },
                paths);
            Assert.Equal(4, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        }

        [Fact]
        public void An_explicitly_named_file_is_linted_whatever_its_extension()
        {
            _workspace.Write("docker-compose.override.txt", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", "docker-compose.override.txt");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.StartsWith("docker-compose.override.txt:1:5: error SDA0001", result.StdoutLines[0], StringComparison.Ordinal);
        }

        [Fact]
        public void A_file_reached_twice_is_linted_once()
        {
            _workspace.Write("deploy/a.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", "deploy", "deploy/a.yaml", ".", "--format", "json");

            using var document = JsonDocument.Parse(result.Stdout);
            Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        }

        [Fact]
        public void Paths_are_relative_to_the_current_directory_when_under_it_and_full_otherwise()
        {
            _workspace.Write("app/deploy/a.yaml", CliWorkspace.MalformedYaml);
            var outside = _workspace.Write("shared/b.yaml", CliWorkspace.MalformedYaml);
            var appDirectory = Path.Combine(_workspace.Root, "app");

            var result = _workspace.RunIn(appDirectory, null, new[] { "lint", Path.Combine(appDirectory, "deploy"), "../shared/b.yaml" });

            var fullOutside = Path.GetFullPath(outside).Replace(Path.DirectorySeparatorChar, '/');
            Assert.Equal(
                new[] { "deploy/a.yaml:1:5:", fullOutside + ":1:5:" }.OrderBy(p => p, StringComparer.Ordinal),
                result.StdoutLines.Take(2).Select(line => line.Substring(0, line.IndexOf(": error", StringComparison.Ordinal) + 1)));
        }

        [Fact]
        public void Exclude_globs_skip_directories_files_and_segments_and_may_be_repeated()
        {
            _workspace.Write("deploy/keep.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/legacy/old.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/generated.json", "{ \"a\": }");
            _workspace.Write("charts/app/tests/t.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("charts/app/values.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("vendor/x/y.yml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run(
                "lint", ".", "--format", "json",
                "--exclude", "deploy/legacy",
                "--exclude", "*.json",
                "--exclude", "charts/**/tests",
                "--exclude", "vendor");

            using var document = JsonDocument.Parse(result.Stdout);
            var paths = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
            Assert.Equal(new[] { "charts/app/values.yaml", "deploy/keep.yaml" }, paths);
        }

        [Fact]
        public void Exclude_applies_to_explicitly_named_files_too()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("b.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", "a.yaml", "b.yaml", "--exclude", "./b.yaml");

            Assert.Equal(new[] { "a.yaml" }, result.StdoutLines.SkipLast(1).Select(line => line.Split(':')[0]));
        }

        [Fact]
        public void Stdin_is_read_for_a_dash_and_named_stdin()
        {
            var result = _workspace.RunWithStdin("services:\n  db:\n    image: postgres: 16\n", "lint", "-");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.StartsWith("<stdin>:3:", result.StdoutLines[0], StringComparison.Ordinal);
            Assert.Contains("error SDA0001", result.StdoutLines[0], StringComparison.Ordinal);
            Assert.Equal("1 error, 0 warnings, 0 notes in 1 file", result.StdoutLines[^1]);
        }

        [Fact]
        public void Stdin_template_is_reported_like_a_file_and_files_are_linted_beside_it()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.RunWithStdin(CliWorkspace.HelmTemplate, "lint", "-", "a.yaml", "-");

            Assert.Equal(
                new[]
                {
                    "<stdin>:2:1: warning SDA0003: template syntax '{{' found: render first, e.g. helm template <chart> | sda lint -",
                    "a.yaml:1:5: error SDA0001: invalid YAML: While scanning a plain scalar value, found invalid mapping.",
                    "1 error, 1 warning, 0 notes in 2 files",
                },
                result.StdoutLines);
        }

        [Fact]
        public void Binary_and_malformed_files_are_reported_with_positions_while_the_others_are_linted()
        {
            _workspace.WriteBinary("deploy/logo.yaml");
            _workspace.Write("deploy/broken.yaml", "services:\n  api:\n    image: nginx\n   ports: []\n");
            _workspace.Write("deploy/unclosed.yaml", "services:\n  api:\n    ports: [\"80:80\"\n    image: nginx\n");
            _workspace.Write("deploy/broken.json", "{\n  \"Kestrel\": {\n    \"Endpoints\": {,}\n  }\n}\n");
            _workspace.Write("deploy/template.yaml", CliWorkspace.HelmTemplate);
            _workspace.Write("deploy/ok.yaml", CliWorkspace.CleanYaml);

            var result = _workspace.Run("lint", "deploy", "--format", "json");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            using var document = JsonDocument.Parse(result.Stdout);
            var findings = document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => (Path: f.GetProperty("path").GetString(), Rule: f.GetProperty("ruleId").GetString(), Line: f.GetProperty("line").GetInt32()))
                .ToList();
            Assert.Contains(("deploy/logo.yaml", "SDA0002", 1), findings);
            Assert.Contains(("deploy/broken.json", "SDA0001", 3), findings);
            Assert.Contains(("deploy/template.yaml", "SDA0003", 2), findings);
            Assert.Contains(("deploy/broken.yaml", "SDA0001", 4), findings);
            Assert.Contains(findings, f => f.Path == "deploy/unclosed.yaml" && f.Rule == "SDA0001");
            Assert.DoesNotContain(findings, f => f.Path == "deploy/ok.yaml" && f.Rule!.StartsWith("SDA000", StringComparison.Ordinal));
            Assert.Equal(6, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        }

        [Fact]
        public async System.Threading.Tasks.Task Symbolic_link_loops_do_not_hang_and_files_are_reported_once()
        {
            _workspace.Write("deploy/a.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/nested/b.yaml", CliWorkspace.MalformedYaml);
            if (!TryCreateLinks())
            {
                return; // no symbolic link support for this user (Windows without developer mode)
            }

            // A followed loop never ends (or dies of path length): give it a minute, then fail.
            var result = await System.Threading.Tasks.Task.Run(() => _workspace.Run("lint", "deploy", "--format", "json")).WaitAsync(TimeSpan.FromSeconds(60));

            using var document = JsonDocument.Parse(result.Stdout);
            var paths = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
            Assert.Equal(new[] { "deploy/a.yaml", "deploy/nested/b.yaml" }, paths);

            bool TryCreateLinks()
            {
                try
                {
                    // deploy/nested/up -> deploy (a directory loop), deploy/self -> deploy/self, x.yaml <-> y.yaml, and a
                    // link to a linted file (same file, reported once).
                    Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "deploy", "nested", "up"), Path.Combine(_workspace.Root, "deploy"));
                    Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "deploy", "self"), Path.Combine(_workspace.Root, "deploy", "self"));
                    File.CreateSymbolicLink(Path.Combine(_workspace.Root, "deploy", "x.yaml"), Path.Combine(_workspace.Root, "deploy", "y.yaml"));
                    File.CreateSymbolicLink(Path.Combine(_workspace.Root, "deploy", "y.yaml"), Path.Combine(_workspace.Root, "deploy", "x.yaml"));
                    File.CreateSymbolicLink(Path.Combine(_workspace.Root, "deploy", "nested", "link-to-a.yaml"), Path.Combine(_workspace.Root, "deploy", "a.yaml"));
                    return true;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
                {
                    return false;
                }
            }
        }

        [Fact]
        public void Output_writes_the_report_to_a_file_and_only_a_short_note_to_stderr()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);

            var result = _workspace.Run("lint", ".", "--format", "json", "--output", "reports/sda.json");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal("sda: json report written to reports/sda.json", result.Stderr.Trim());
            using var document = JsonDocument.Parse(_workspace.Read("reports/sda.json"));
            Assert.Equal("a.yaml", Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("path").GetString());
        }

        [Fact]
        public void Output_file_is_not_linted_on_the_next_run()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            _workspace.Run("lint", ".", "--format", "json", "--output", "report.json");

            var result = _workspace.Run("lint", ".", "--format", "json", "--output", "report.json");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            using var document = JsonDocument.Parse(_workspace.Read("report.json"));
            Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        }

        [Fact]
        public void Text_output_to_a_file_has_no_colour()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            var terminal = CliWorkspace.Environment(true, new Dictionary<string, string>());

            var result = _workspace.RunIn(_workspace.Root, null, new[] { "lint", ".", "-o", "out.txt" }, terminal);

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            var text = _workspace.Read("out.txt");
            Assert.StartsWith("a.yaml:1:5: error SDA0001:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unwritable_output_exits_2()
        {
            _workspace.Write("a.yaml", CliWorkspace.CleanYaml);

            var result = _workspace.Run("lint", ".", "--output", "a.yaml/report.txt");

            Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
            Assert.Contains("cannot write the report", result.Stderr, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(true, null, null, true)]
        [InlineData(false, null, null, false)]
        [InlineData(true, "1", null, false)]
        [InlineData(true, null, "true", false)]
        [InlineData(true, "", "false", true)]
        public void Severity_is_coloured_only_on_a_terminal_without_NO_COLOR_or_CI(bool terminal, string? noColor, string? ci, bool coloured)
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            var variables = new Dictionary<string, string>();
            if (noColor is not null)
            {
                variables["NO_COLOR"] = noColor;
            }

            if (ci is not null)
            {
                variables["CI"] = ci;
            }

            var result = _workspace.RunIn(_workspace.Root, null, new[] { "lint", "a.yaml" }, CliWorkspace.Environment(terminal, variables));

            var line = result.StdoutLines[0];
            if (coloured)
            {
                Assert.Equal("a.yaml:1:5: \u001b[1;31merror\u001b[0m SDA0001: invalid YAML: While scanning a plain scalar value, found invalid mapping.", line);
            }
            else
            {
                Assert.Equal("a.yaml:1:5: error SDA0001: invalid YAML: While scanning a plain scalar value, found invalid mapping.", line);
            }
        }

        [Fact]
        public void Baseline_suppresses_known_findings_even_after_lines_move_and_reports_new_ones()
        {
            _workspace.Write("deploy/known.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/chart.yaml", CliWorkspace.HelmTemplate);
            var first = _workspace.Run("lint", "deploy", "--format", "sarif", "--output", "baseline.sarif");
            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, first.ExitCode);

            // Same problems, moved down two lines; plus one new problem.
            _workspace.Write("deploy/known.yaml", "# owner: platform team\n# reviewed\n" + CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/new.json", "{ \"a\": }");

            var result = _workspace.Run("lint", "deploy", "--baseline", "baseline.sarif");

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, result.ExitCode);
            Assert.Equal(
                new[]
                {
                    "deploy/new.json:1:8: error SDA0001: invalid JSON: '}' is an invalid start of a value.",
                    "1 error, 0 warnings, 0 notes in 3 files (2 findings matched the baseline and are not shown)",
                },
                result.StdoutLines);

            File.Delete(Path.Combine(_workspace.Root, "deploy", "new.json"));
            var clean = _workspace.Run("lint", "deploy", "--baseline", "baseline.sarif", "--fail-on", "note", "--format", "json");
            Assert.Equal(ExitCodes.Success, clean.ExitCode);
            using var document = JsonDocument.Parse(clean.Stdout);
            Assert.Empty(document.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal(2, document.RootElement.GetProperty("summary").GetProperty("baselined").GetInt32());
        }

        [Fact]
        public void Baseline_absorbs_one_finding_per_result_so_a_second_identical_problem_is_reported()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            _workspace.Run("lint", "a.yaml", "--format", "sarif", "-o", "baseline.sarif");
            _workspace.Write("a.yaml", "# sda-disable-next-line is not at play here\n" + CliWorkspace.MalformedYaml);

            var sameFinding = _workspace.Run("lint", "a.yaml", "--baseline", "baseline.sarif");
            var otherFile = _workspace.RunWithStdin(CliWorkspace.MalformedYaml, "lint", "a.yaml", "-", "--baseline", "baseline.sarif");

            Assert.Equal(ExitCodes.Success, sameFinding.ExitCode);
            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, otherFile.ExitCode);
            Assert.StartsWith("<stdin>:1:5: error SDA0001", otherFile.StdoutLines[0], StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null, "no such file")]
        [InlineData("{ not json", "not valid JSON")]
        [InlineData("{ \"version\": \"2.1.0\" }", "no \"runs\" array")]
        [InlineData("[1, 2]", "no \"runs\" array")]
        public void An_unreadable_baseline_exits_2_with_a_clear_message(string? content, string reason)
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            if (content is not null)
            {
                _workspace.Write("baseline.sarif", content);
            }

            var result = _workspace.Run("lint", "a.yaml", "--baseline", "baseline.sarif");

            Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
            Assert.StartsWith("sda: error: cannot use baseline 'baseline.sarif': ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout);
        }

        [Fact]
        public void An_existing_directory_without_config_files_is_a_warning_not_an_error()
        {
            _workspace.Write("docs/readme.md", "# nothing to lint");

            var result = _workspace.Run("lint", "docs");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Contains("docs: no .yaml, .yml or .json files to lint", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 0 files" }, result.StdoutLines);
        }

        [Fact]
        public void An_unexpected_failure_is_reported_and_exits_2_instead_of_crashing()
        {
            _workspace.Write("a.yaml", CliWorkspace.MalformedYaml);
            using var stderr = new StringWriter();

            var exitCode = SensitiveDataAnalyzers.Cli.Cli.Run(new[] { "lint", "a.yaml" }, new StringReader(string.Empty), new ThrowingWriter(), stderr, _workspace.Root);

            Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
            Assert.Contains("sda: internal error: IOException", stderr.ToString(), StringComparison.Ordinal);
        }

        private sealed class ThrowingWriter : TextWriter
        {
            public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

            public override void Write(char value) => throw new IOException("Broken pipe");
        }
    }
}
