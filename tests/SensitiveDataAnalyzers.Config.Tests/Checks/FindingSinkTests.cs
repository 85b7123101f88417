using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    public class FindingSinkTests
    {
        private static readonly ConfigRule Secret = new("SDA5001", "Secret in configuration", FindingSeverity.Error, "A secret is written in the file.");
        private static readonly ConfigRule Listener = new("SDA1001", "Listener on all interfaces", FindingSeverity.Warning, "The service listens on every interface.");
        private static readonly ConfigRule Other = new("SDA2001", "Another rule", FindingSeverity.Note, "Some other problem.");

        private static ConfigFile Load(string text, string path = "compose.yaml")
        {
            var result = ConfigLoader.Load(path, Encoding.UTF8.GetBytes(text));
            Assert.Empty(result.Notices);
            return result.File!;
        }

        private static ConfigMapping Root(ConfigFile file) => Assert.IsType<ConfigMapping>(file.Documents[0].Root);

        /// <summary>Reports <paramref name="rule"/> at the value of every top-level key; returns the keys that survived.</summary>
        private static string[] ReportAll(ConfigFile file, ConfigRule rule, FindingSink? sink = null)
        {
            sink ??= new FindingSink(new[] { file });
            foreach (var entry in Root(file).Entries)
            {
                sink.Report(rule, entry.Value, "found at " + entry.Name);
            }

            return sink.Findings.Where(f => f.Rule == rule).Select(f => f.Message.Substring("found at ".Length)).ToArray();
        }

        [Fact]
        public void Disable_line_suppresses_the_named_rule_on_its_own_line_only()
        {
            var file = Load(
                "before: x\n" +
                "password: hunter2 # sda-disable-line SDA5001 test fixture, not a real secret\n" +
                "after: y\n");

            Assert.Equal(new[] { "before", "after" }, ReportAll(file, Secret));

            var sink = new FindingSink(new[] { file });
            sink.Report(Listener, Root(file)["password"]!, "other rule");
            Assert.Single(sink.Findings);
        }

        [Fact]
        public void Disable_next_line_suppresses_the_following_line_only()
        {
            var file = Load(
                "# sda-disable-next-line SDA5001 rotated weekly\n" +
                "password: hunter2\n" +
                "token: abc\n");

            Assert.Equal(new[] { "token" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Disable_next_line_at_the_end_of_a_line_with_content_applies_to_the_next_line()
        {
            var file = Load(
                "a: 1 # sda-disable-next-line SDA5001\n" +
                "b: 2\n");

            Assert.Equal(new[] { "a" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Id_lists_suppress_each_named_rule_and_no_other()
        {
            var file = Load(
                "a: 1 # sda-disable-line SDA5001,SDA1001\n" +
                "b: 2 # sda-disable-line SDA5001, SDA1001 reason\n" +
                "c: 3 # sda-disable-line sda5001 lower case\n");

            var sink = new FindingSink(new[] { file });
            Assert.Empty(ReportAll(file, Secret, sink));
            Assert.Equal(new[] { "c" }, ReportAll(file, Listener, sink));
            Assert.Equal(new[] { "a", "b", "c" }, ReportAll(file, Other, sink));
        }

        [Theory]
        [InlineData("a: 1 # sda-disable-line\n")]
        [InlineData("a: 1 #sda-disable-line\n")]
        [InlineData("# sda-disable-next-line\na: 1\n")]
        [InlineData("# sda-disable-next-line fixture for the docs\na: 1\n")]
        public void Comment_without_ids_suppresses_every_rule(string text)
        {
            var file = Load(text);

            var sink = new FindingSink(new[] { file });
            Assert.Empty(ReportAll(file, Secret, sink));
            Assert.Empty(ReportAll(file, Listener, sink));
            Assert.Empty(ReportAll(file, Other, sink));
        }

        [Fact]
        public void Suppression_on_another_line_does_not_apply()
        {
            var file = Load(
                "a: 1 # sda-disable-line SDA5001\n" +
                "b: 2\n" +
                "# sda-disable-next-line SDA5001\n" +
                "\n" +
                "c: 3\n" +
                "d: 4\n" +
                "# sda-disable-line SDA5001\n");

            Assert.Equal(new[] { "b", "c", "d" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Suppression_must_start_the_comment_and_text_in_values_is_not_a_comment()
        {
            var file = Load(
                "a: 1 # see docs: sda-disable-line SDA5001\n" +
                "b: \"# sda-disable-line SDA5001\"\n" +
                "c: |\n" +
                "  echo # sda-disable-next-line SDA5001\n" +
                "d: 4\n");

            Assert.Equal(new[] { "a", "b", "c", "d" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Suppressions_work_with_crlf_line_endings()
        {
            var file = Load(
                "a: 1 # sda-disable-line SDA5001\r\n" +
                "# sda-disable-next-line SDA5001\r\n" +
                "b: 2\r\n" +
                "c: 3\r\n");

            Assert.Equal(new[] { "c" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Json_line_and_block_comments_suppress()
        {
            var file = Load(
                "{\n" +
                "  \"a\": \"x\", // sda-disable-line SDA5001 fixture\n" +
                "  /* sda-disable-next-line SDA5001 */\n" +
                "  \"b\": \"y\",\n" +
                "  // sda-disable-next-line SDA1001\n" +
                "  \"c\": \"z\",\r\n" +
                "  \"d\": \"w\" // sda-disable-line SDA5001\r\n" +
                "}\n",
                "appsettings.json");

            Assert.Equal(ConfigFormat.Json, file.Format);
            Assert.Equal(new[] { "c" }, ReportAll(file, Secret));
        }

        [Fact]
        public void Suppressions_apply_to_their_own_file_only()
        {
            var suppressed = Load("a: 1 # sda-disable-line SDA5001\n", "one.yaml");
            var plain = Load("a: 1\n", "two.yaml");
            var sink = new FindingSink(new[] { suppressed, plain });

            sink.Report(Secret, Root(suppressed)["a"]!, "one");
            sink.Report(Secret, Root(plain)["a"]!, "two");
            sink.Report(Secret, new SourceLocation("unknown.yaml", 1, 4), "unknown file");

            Assert.Equal(new[] { "two", "unknown file" }, sink.Findings.Select(f => f.Message));
        }

        [Fact]
        public void Suppressed_ids_of_the_reporting_object_drop_only_those_rules()
        {
            var file = Load("a: 1\n");
            var sink = new FindingSink(new[] { file });
            var node = Root(file)["a"]!;
            IReadOnlyCollection<string> ignored = new HashSet<string>(StringComparer.Ordinal) { "SDA5001", "SDA1001" };

            sink.Report(Secret, node, "secret", suppressedIds: ignored);
            sink.Report(Listener, node.Location, "listener", suppressedIds: ignored);
            sink.Report(Other, node, "other", suppressedIds: ignored);
            sink.Report(Secret, node, "secret, not suppressed here", suppressedIds: Array.Empty<string>());

            Assert.Equal(new[] { "other", "secret, not suppressed here" }, sink.Findings.Select(f => f.Message));
        }

        [Fact]
        public void Same_rule_and_position_is_reported_once()
        {
            var file = Load("base: &b secret\nalias: *b\nother: secret\n");
            var sink = new FindingSink(new[] { file });
            var root = Root(file);

            sink.Report(Secret, root["base"]!, "first");
            sink.Report(Secret, root["alias"]!, "through the alias");
            sink.Report(Secret, root["base"]!.Location, "again");
            sink.Report(Listener, root["base"]!, "another rule at the same place");
            sink.Report(Secret, root["other"]!, "another place");
            sink.AddRange(new[] { new Finding(Secret, FindingSeverity.Error, "added", root["base"]!.Location) });

            Assert.Equal(new[] { "first", "another rule at the same place", "another place" }, sink.Findings.Select(f => f.Message));
        }

        [Fact]
        public void Same_line_and_column_in_different_files_are_different_findings()
        {
            var sink = new FindingSink(Array.Empty<ConfigFile>());

            sink.Report(Secret, new SourceLocation("a.yaml", 3, 5), "a");
            sink.Report(Secret, new SourceLocation("b.yaml", 3, 5), "b");
            sink.Report(Secret, new SourceLocation("a.yaml", 3, 6), "a, next column");

            Assert.Equal(3, sink.Findings.Count);
        }

        [Fact]
        public void Severity_defaults_to_the_rule_and_can_be_overridden()
        {
            var sink = new FindingSink(Array.Empty<ConfigFile>());

            sink.Report(Secret, new SourceLocation("a.yaml", 1, 1), "default");
            sink.Report(Listener, new SourceLocation("a.yaml", 1, 1), "raised", FindingSeverity.Error);

            Assert.Equal(new[] { FindingSeverity.Error, FindingSeverity.Error }, sink.Findings.Select(f => f.Severity));
            Assert.Equal("a.yaml:1:1: error SDA1001: raised", sink.Findings[1].ToString());
        }

        [Fact]
        public void AddRange_applies_line_suppressions()
        {
            var file = Load("a: 1 # sda-disable-line SDA5001\nb: 2\n");
            var sink = new FindingSink(new[] { file });
            var root = Root(file);

            sink.AddRange(new[]
            {
                new Finding(Secret, FindingSeverity.Warning, "a", root["a"]!.Location),
                new Finding(Secret, FindingSeverity.Warning, "b", root["b"]!.Location),
            });

            var finding = Assert.Single(sink.Findings);
            Assert.Equal("b", finding.Message);
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
        }

        [Fact]
        public void Suppression_in_the_second_document_of_a_stream()
        {
            var file = Load("a: 1\n---\n# sda-disable-next-line SDA5001\nb: 2\nc: 3\n");
            var sink = new FindingSink(new[] { file });
            var second = Assert.IsType<ConfigMapping>(file.Documents[1].Root);

            sink.Report(Secret, second["b"]!, "b");
            sink.Report(Secret, second["c"]!, "c");

            Assert.Equal("c", Assert.Single(sink.Findings).Message);
        }
    }
}
