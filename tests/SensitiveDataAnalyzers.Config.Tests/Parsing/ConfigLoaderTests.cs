using System;
using System.IO;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using static SensitiveDataAnalyzers.Config.Tests.Parsing.ParsingAssert;

namespace SensitiveDataAnalyzers.Config.Tests.Parsing
{
    public sealed class ConfigLoaderTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "sda-loader-" + Guid.NewGuid().ToString("N"));

        public ConfigLoaderTests()
        {
            Directory.CreateDirectory(_directory);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        // ---- skipped files (SDA0002) -------------------------------------------------------------------------

        [Fact]
        public void Binary_file_is_skipped()
        {
            var elf = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0 };

            var notice = Fails(elf, ToolNotices.Skipped, "bin/app");

            At(notice.Location, 1, 1);
            Assert.Contains("binary", notice.Message);
            Assert.Equal(FindingSeverity.Note, notice.Severity);
        }

        [Fact]
        public void Nul_byte_anywhere_in_the_first_8_KB_marks_binary_and_later_does_not()
        {
            var bytes = Encoding.ASCII.GetBytes("a: 1\n" + new string('#', 9000) + "\n");
            bytes[8191] = 0;
            Fails(bytes, ToolNotices.Skipped);

            bytes[8191] = (byte)'#';
            bytes[8192] = 0;
            var result = ConfigLoader.Load(YamlPath, bytes);
            Assert.DoesNotContain(result.Notices, n => n.Rule == ToolNotices.Skipped);
        }

        [Fact]
        public void File_over_the_size_limit_is_skipped_and_at_the_limit_is_loaded()
        {
            var limits = new ParseLimits { MaxFileBytes = 100 };
            var atLimit = Encoding.ASCII.GetBytes("a: " + new string('x', 96) + "\n");
            Assert.Equal(100, atLimit.Length);

            var loaded = ConfigLoader.Load(YamlPath, atLimit, limits);
            Assert.Empty(loaded.Notices);
            Assert.Equal(96, loaded.File!.Map().Text("a")!.Length);

            var over = Encoding.ASCII.GetBytes("a: " + new string('x', 97) + "\n");
            var notice = Fails(over, ToolNotices.Skipped, limits: limits);
            At(notice.Location, 1, 1);
            Assert.Contains("101", notice.Message);
            Assert.Contains("100", notice.Message);
        }

        [Fact]
        public void LoadFile_skips_oversized_files_and_reports_the_display_path()
        {
            var path = Path.Combine(_directory, "big.yaml");
            File.WriteAllText(path, "a: " + new string('x', 200) + "\n");

            var result = ConfigLoader.LoadFile(path, "charts/big.yaml", new ParseLimits { MaxFileBytes = 100 });

            Assert.Null(result.File);
            var notice = Assert.Single(result.Notices);
            Assert.Same(ToolNotices.Skipped, notice.Rule);
            Assert.Equal("charts/big.yaml", notice.Location.Path);
        }

        [Fact]
        public void LoadFile_reads_a_file_under_its_display_path()
        {
            var path = Path.Combine(_directory, "compose.yaml");
            File.WriteAllText(path, "services:\n  web:\n    image: nginx\n");

            var result = ConfigLoader.LoadFile(path, "compose.yaml");

            Assert.Empty(result.Notices);
            Assert.Equal("compose.yaml", result.File!.Path);
            var image = result.File.Map().Map("services").Map("web").Sc("image");
            Assert.Equal("compose.yaml", image.Location.Path);
            At(image, 3, 12);
        }

        [Theory]
        [InlineData("missing.yaml")]
        [InlineData("")]
        public void LoadFile_of_a_missing_file_or_a_directory_is_skipped_not_thrown(string name)
        {
            // "" names the temporary directory itself.
            var result = ConfigLoader.LoadFile(Path.Combine(_directory, name), "x.yaml");

            Assert.Null(result.File);
            var notice = Assert.Single(result.Notices);
            Assert.Same(ToolNotices.Skipped, notice.Rule);
            Assert.Contains("could not be read", notice.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("bad\0name.yaml")]
        public void LoadFile_with_an_invalid_path_is_skipped_not_thrown(string path)
        {
            var result = ConfigLoader.LoadFile(path, "x.yaml");

            Assert.Null(result.File);
            Assert.Same(ToolNotices.Skipped, Assert.Single(result.Notices).Rule);
        }

        [Fact]
        public void LoadFile_of_an_endless_device_stops_at_the_size_limit()
        {
            if (!File.Exists("/dev/zero"))
            {
                return;
            }

            // The device reports length 0 and never ends; reading it whole would allocate up to 2 GB.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = ConfigLoader.LoadFile("/dev/zero", "zero", new ParseLimits { MaxFileBytes = 64 * 1024 });
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Null(result.File);
            Assert.Same(ToolNotices.Skipped, Assert.Single(result.Notices).Rule);
            Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
        }

        // ---- templates (SDA0003) ----------------------------------------------------------------------------

        [Theory]
        [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n", 4)]
        [InlineData("apiVersion: v1\nkind: Service\n{{- include \"chart.labels\" . }}\n", 3)]
        [InlineData("{{- if .Values.enabled }}\napiVersion: v1\n{{- end }}\n", 1)]
        [InlineData("env:\n{{- range $k, $v := .Values.env }}\n  - name: {{ $k }}\n{{- end }}\n", 2)]
        [InlineData("spec:\n  resources:\n    {{- toYaml .Values.resources | nindent 4 }}\n", 3)]
        [InlineData("a: 1\nb: {{ .Chart.Name }}-{{ .Chart.Version }}\n", 2)]
        [InlineData("data:\n  config: |-\n    {{ tpl .Values.config . }}\n", 3)]
        [InlineData("a: 1\r\nb: 2\r\nc: \"{{ .Release.Name }}\"\r\n", 3)]
        [InlineData("{{ template \"x\" . }}", 1)]
        [InlineData("a:\n  b:\n{{- with .Values.x }}\n", 3)]
        [InlineData("{\n  \"image\": \"{{ .Values.image }}\"\n}\n", 2)]
        public void Helm_template_asks_to_render_first_at_the_template_line(string text, int line)
        {
            var notice = Fails(text, ToolNotices.Template, "charts/web/templates/svc.yaml");

            Assert.Equal(line, notice.Location.Line);
            Assert.Contains("render", notice.Message);
            Assert.Equal(FindingSeverity.Warning, notice.Severity);
        }

        [Theory]
        [InlineData("message: \"{{not a template\"\n", "{{not a template")]
        [InlineData("braces: '{{'\n", "{{")]
        [InlineData("mustache: \"{{ name }}\"\n", "{{ name }}")]
        [InlineData("a: '{{}}'\n", "{{}}")]
        [InlineData("summary: \"Instance {{ $labels.instance }} down\"\n", "Instance {{ $labels.instance }} down")]
        [InlineData("text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'\n", "{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}")]
        public void Double_brace_that_is_not_a_template_action_is_plain_yaml(string text, string value)
        {
            var file = Loads(text);

            var scalar = Assert.Single(file.Map().Entries).Value;
            Assert.Equal(value, Assert.IsType<ConfigScalar>(scalar).Value);
        }

        // ---- malformed input (SDA0001) ----------------------------------------------------------------------

        [Theory]
        [InlineData("a:\n  b: 1\n c: 2\n", 3, 2)] // bad indentation
        [InlineData("a: \"abc\nb: 2\nc: 3\n", 1, 4)] // unclosed double quote: where the string opens
        [InlineData("a: 'abc\nb: 2\n", 1, 4)] // unclosed single quote
        [InlineData("a: 1\nb: *nope\n", 2, 4)] // unknown alias
        [InlineData("a:\n\tb: 1\n", 2, 1)] // tab indentation
        [InlineData("a: 1\nb: 2\n  c: 3\n", 3, 4)] // mapping value where none is allowed
        [InlineData("- a\nb: 1\n", 2, 1)] // mapping after a sequence at the same level
        [InlineData("key: [1, 2\nother: 3\n", 2, 1)] // unclosed flow sequence: YamlDotNet throws InvalidOperationException here
        public void Malformed_yaml_is_unparseable_where_it_breaks(string text, int line, int column)
        {
            var notice = Fails(text, ToolNotices.Unparseable);

            Assert.StartsWith("invalid YAML", notice.Message);
            Assert.DoesNotContain("\n", notice.Message);
            At(notice.Location, line, column);
        }

        [Theory]
        [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3)] // missing comma
        [InlineData("{\n  \"a\": 1\n", 3, 1)] // unclosed object: breaks at the end
        [InlineData("{\"a\": [1, 2}", 1, 12)] // mismatched bracket
        [InlineData("{\"a\" 1}", 1, 6)] // missing colon
        [InlineData("{\"a\": tru}", 1, 10)] // bad literal: breaks where 'e' was expected
        [InlineData("{\"ü\": 1 \"b\": 2}", 1, 9)] // column counts characters, not bytes
        [InlineData("{\r\n  \"é\": 1,\r\n  \"b\": x\r\n}", 3, 8)]
        public void Malformed_json_is_unparseable_with_line_and_column(string text, int line, int column)
        {
            var notice = Fails(text, ToolNotices.Unparseable, JsonPath);

            Assert.StartsWith("invalid JSON", notice.Message);
            Assert.DoesNotContain("LineNumber", notice.Message);
            At(notice.Location, line, column);
        }

        [Fact]
        public void Malformed_json_after_a_bom_is_positioned_without_the_bom()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\" 1}")).ToArray();

            var notice = Fails(bytes, ToolNotices.Unparseable, JsonPath);

            At(notice.Location, 1, 6);
        }

        // ---- format detection -------------------------------------------------------------------------------

        [Theory]
        [InlineData("{\"a\": 1}", ConfigFormat.Json)]
        [InlineData("  \n\t[1, 2]", ConfigFormat.Json)]
        [InlineData("// comment\n/* block */\n{\"a\": 1}", ConfigFormat.Json)]
        [InlineData("/* a */ /* b */ [1]", ConfigFormat.Json)]
        [InlineData("# comment\n{\"a\": 1}", ConfigFormat.Yaml)]
        [InlineData("a: {\"b\": 1}", ConfigFormat.Yaml)]
        [InlineData("\"just a string\"", ConfigFormat.Yaml)]
        [InlineData("---\n{\"a\": 1}", ConfigFormat.Yaml)]
        public void Json_is_recognised_by_its_first_significant_character(string text, ConfigFormat format)
        {
            var file = Loads(text);

            Assert.Equal(format, file.Format);
            Assert.NotNull(file.Documents.Single().Root);
        }

        [Fact]
        public void Yaml_flow_mapping_after_a_comment_is_read_as_yaml()
        {
            var file = Loads("# comment\n{\"a\": 1, b: [x]}\n");

            Assert.Equal("1", file.Map().Text("a"));
            Assert.Equal("x", file.Map().Seq("b").Items.Cast<ConfigScalar>().Single().Value);
            Assert.Equal(1, Assert.Single(file.Comments).Line);
        }

        // ---- encodings and empty input ----------------------------------------------------------------------

        [Fact]
        public void Invalid_utf8_in_yaml_does_not_throw()
        {
            var bytes = Encoding.ASCII.GetBytes("a: x\nb: ??y\n");
            bytes[8] = 0xFF;
            bytes[9] = 0xC3;

            var file = Loads(bytes);

            Assert.Contains('\uFFFD', file.Map().Text("b")!);
            At(file.Map().Sc("b"), 2, 4);
        }

        [Fact]
        public void Invalid_utf8_in_json_strings_and_comments_does_not_throw()
        {
            var bytes = Encoding.ASCII.GetBytes("// caf?\n{\"k?\": \"v?\", \"next\": 1}");
            bytes[6] = 0xE9; // Latin-1 é in a comment
            bytes[11] = 0xFF; // in a key
            bytes[17] = 0xFE; // in a value

            var result = ConfigLoader.Load(JsonPath, bytes);

            Assert.NotNull(result);
            if (result.File is null)
            {
                // Refusing is acceptable, but only with a positioned notice on the bad string.
                var notice = Assert.Single(result.Notices);
                Assert.Same(ToolNotices.Unparseable, notice.Rule);
                Assert.Equal(2, notice.Location.Line);
                Assert.DoesNotContain("Exception", notice.Message);
            }
            else
            {
                var root = result.File.Map();
                Assert.Equal(2, root.Entries.Count);
                At(root.Sc("next"), 2, 22);
                Assert.Equal(1, Assert.Single(result.File.Comments).Line);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n\n  \n")]
        public void Empty_file_loads_with_no_documents(string text)
        {
            var file = Loads(text);

            Assert.True(file.Documents.Count == 0 || file.Documents.All(d => d.Root is null));
            Assert.Empty(file.Comments);
        }

        [Fact]
        public void Bom_only_file_loads_with_no_documents()
        {
            var file = Loads(new byte[] { 0xEF, 0xBB, 0xBF });

            Assert.True(file.Documents.Count == 0 || file.Documents.All(d => d.Root is null));
        }

        [Theory]
        [InlineData("# only a comment")]
        [InlineData("# one\n# two\n")]
        [InlineData("\n# one\n\n   # two\n")]
        [InlineData("# one\r\n# two\r\n")]
        public void Yaml_file_of_only_comments_loads_with_no_documents_and_keeps_the_comments(string text)
        {
            var file = Loads(text);

            Assert.True(file.Documents.Count == 0 || file.Documents.All(d => d.Root is null));
            var expected = text.Replace("\r", string.Empty).Split('\n')
                .Select((content, index) => (content, line: index + 1))
                .Where(l => l.content.TrimStart().StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.line);
            Assert.Equal(expected, file.Comments.Select(c => c.Line));
        }

        [Theory]
        [InlineData("// appsettings: nothing configured yet\n")]
        [InlineData("// appsettings: nothing configured yet")]
        [InlineData("/* appsettings:\n   nothing configured yet */\n")]
        public void Json_file_of_only_comments_loads_as_json_with_no_root(string text)
        {
            var file = Loads(text, JsonPath);

            Assert.Equal(ConfigFormat.Json, file.Format);
            Assert.True(file.Documents.Count == 0 || file.Documents.All(d => d.Root is null));
            Assert.Equal(1, Assert.Single(file.Comments).Line);
        }

        [Fact]
        public void Notices_never_carry_file_content()
        {
            var notice = Fails("password: \"s3cr3t-value\nnext: 1\n", ToolNotices.Unparseable);

            Assert.DoesNotContain("s3cr3t", notice.Message);
        }
    }
}
