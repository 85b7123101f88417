using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using Xunit.Abstractions;

namespace SensitiveDataAnalyzers.Config.Tests.Parsing
{
    /// <summary>
    /// Hostile and damaged input: every load ends quickly, in bounded memory, on a 1 MB stack (the Windows main-thread
    /// size), with either a file or exactly one positioned SDA0xxx notice.
    /// </summary>
    public class ConfigRobustnessTests
    {
        private const int StackBytes = 1024 * 1024;

        private static readonly string[] ToolIds = { "SDA0001", "SDA0002", "SDA0003", "SDA0004" };

        private readonly ITestOutputHelper _output;

        public ConfigRobustnessTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // ---- alias and merge-key bombs ----------------------------------------------------------------------

        [Fact]
        public void Billion_laughs_loads_fast_in_bounded_memory()
        {
            var text = BillionLaughs();

            var (result, elapsed, allocated) = Measure(() => ConfigLoader.Load("bomb.yaml", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
            if (result.File is null)
            {
                AssertOneNotice(result, text, ToolNotices.LimitExceeded);
            }
            else
            {
                // Aliases are the anchored nodes, not copies: nine levels cost nine small sequences.
                var root = Assert.IsType<ConfigMapping>(result.File.Documents.Single().Root);
                var i = Assert.IsType<ConfigSequence>(root["i"]);
                Assert.Equal(9, i.Items.Count);
                Assert.All(i.Items, item => Assert.Same(root["h"], item));
                Assert.True(ParsingAssert.AllNodes(result.File).Count() < 200);
            }
        }

        [Fact]
        public void Billion_laughs_over_a_small_node_budget_is_a_positioned_limit_notice()
        {
            var text = BillionLaughs();

            var (result, _, _) = Measure(() => ConfigLoader.Load("bomb.yaml", Encoding.UTF8.GetBytes(text), new ParseLimits { MaxNodes = 50 }));

            var notice = AssertOneNotice(result, text, ToolNotices.LimitExceeded);
            Assert.InRange(notice.Location.Line, 1, 9);
        }

        [Fact]
        public void Merge_key_bomb_stops_at_the_node_budget()
        {
            // Each level merges the previous one nine times: 9^10 entries if nothing stopped it.
            var text = new StringBuilder("l0: &l0 {" + string.Join(", ", Enumerable.Range(0, 9).Select(k => $"k{k}: v")) + "}\n");
            for (var level = 1; level <= 9; level++)
            {
                text.Append($"l{level}: &l{level} {{<<: [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]}}\n");
            }

            var (result, elapsed, allocated) = Measure(() => ConfigLoader.Load("merge-bomb.yaml", Encoding.UTF8.GetBytes(text.ToString())));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            Assert.True(allocated < 256L * 1024 * 1024, $"allocated {allocated:N0} bytes");
            var notice = AssertOneNotice(result, text.ToString(), ToolNotices.LimitExceeded);
            Assert.InRange(notice.Location.Line, 2, 10);
        }

        [Theory]
        [InlineData("x: &s [*s]\ny: {<<: *s}\n")]
        [InlineData("x: &s [*s, *s, {a: 1}]\ny:\n  <<: *s\n  b: 2\n")]
        [InlineData("m: &m {a: 1, <<: *m}\n")]
        [InlineData("s: &s [{<<: *s, a: 1}]\n")]
        [InlineData("a: &a [&b [*a, *b], *a]\nc: {<<: [*a, *a]}\n")]
        public void Self_referencing_aliases_and_merges_terminate(string text)
        {
            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("cycle.yaml", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            if (result.File is null)
            {
                AssertOneNotice(result, text);
            }
            else
            {
                Assert.Empty(result.Notices);
            }
        }

        [Fact]
        public void Merge_of_a_self_containing_sequence_merges_its_mappings_only()
        {
            var result = Measure(() => ConfigLoader.Load("cycle.yaml", Encoding.UTF8.GetBytes("x: &s [*s, {a: 1}, {a: 2, b: 3}]\ny: {<<: *s}\n"))).Result;

            var y = Assert.IsType<ConfigMapping>(Assert.IsType<ConfigMapping>(result.File!.Documents[0].Root)["y"]);
            Assert.Equal("1", y.Text("a"));
            Assert.Equal("3", y.Text("b"));
        }

        // ---- deep nesting -----------------------------------------------------------------------------------

        [Theory]
        [InlineData("json-array")]
        [InlineData("json-object")]
        [InlineData("json-braces")]
        [InlineData("yaml-flow-sequence")]
        [InlineData("yaml-flow-mapping")]
        [InlineData("yaml-block-sequence")]
        [InlineData("yaml-mixed-flow")]
        public void Ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack(string kind)
        {
            const int levels = 10_000;
            var text = kind switch
            {
                "json-array" => new string('[', levels) + new string(']', levels),
                "json-object" => Repeat("{\"a\":", levels) + "1" + new string('}', levels),
                "json-braces" => new string('{', levels),
                "yaml-flow-sequence" => "a: " + new string('[', levels) + new string(']', levels) + "\n",
                "yaml-flow-mapping" => "a: " + Repeat("{b: ", levels) + "c" + new string('}', levels) + "\n",
                "yaml-block-sequence" => Repeat("- ", levels) + "x\n",
                _ => "a: " + Repeat("[{b: ", levels / 2) + "\n",
            };

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("deep", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            var notice = AssertOneNotice(result, text);
            Assert.Contains(notice.Rule.Id, new[] { ToolNotices.LimitExceeded.Id, ToolNotices.Unparseable.Id });
        }

        [Fact]
        public void Deep_block_indentation_is_refused()
        {
            var text = new StringBuilder();
            for (var level = 0; level < 1_000; level++)
            {
                text.Append(' ', level).Append("k:\n");
            }

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("deep.yaml", Encoding.UTF8.GetBytes(text.ToString())));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            var notice = AssertOneNotice(result, text.ToString(), ToolNotices.LimitExceeded);
            // Line n holds the key at depth n: the first key past the limit is on line MaxDepth + 1.
            Assert.Equal(ParseLimits.Default.MaxDepth + 1, notice.Location.Line);
        }

        [Fact]
        public void Nesting_at_the_depth_limit_still_loads()
        {
            var depth = ParseLimits.Default.MaxDepth;
            var yaml = "a: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n";
            var json = new string('[', depth) + new string(']', depth);

            Assert.Empty(ConfigLoader.Load("ok.yaml", Encoding.UTF8.GetBytes(yaml)).Notices);
            Assert.Empty(ConfigLoader.Load("ok.json", Encoding.UTF8.GetBytes(json)).Notices);
        }

        // ---- large input ------------------------------------------------------------------------------------

        [Theory]
        [InlineData("yaml-plain")]
        [InlineData("yaml-double-quoted")]
        [InlineData("yaml-literal-block")]
        [InlineData("json-string")]
        public void Five_megabyte_single_line_scalar_loads(string kind)
        {
            const int size = 5 * 1024 * 1024;
            var big = new string('x', size);
            var text = kind switch
            {
                "yaml-plain" => "key: " + big + "\nnext: 1\n",
                "yaml-double-quoted" => "key: \"" + big + "\"\nnext: 1\n",
                "yaml-literal-block" => "key: |\n  " + big + "\nnext: 1\n",
                _ => "{\"key\": \"" + big + "\", \"next\": 1}",
            };

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("big", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
            Assert.Empty(result.Notices);
            var root = Assert.IsType<ConfigMapping>(result.File!.Documents.Single().Root);
            Assert.Equal(size, root.Text("key")!.TrimEnd('\n').Length);
            Assert.Equal(kind switch { "json-string" => 1, "yaml-literal-block" => 3, _ => 2 }, root.Scalar("next")!.Location.Line);
        }

        [Theory]
        [InlineData("{{")]
        [InlineData("{{ x")]
        [InlineData("{{ x }}")]
        public void Megabytes_of_braces_do_not_make_template_detection_quadratic(string unit)
        {
            var text = "a: \"" + Repeat(unit, 1024 * 1024 / unit.Length) + "\"\n";

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("braces.yaml", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            Assert.Empty(result.Notices);
        }

        [Theory]
        [InlineData("json")]
        [InlineData("json-bom")]
        [InlineData("yaml-flow")]
        public void Minified_one_line_file_with_many_nodes_positions_in_linear_time(string kind)
        {
            // A character outside the BMP first, so the column of every node needs the characters before it counted.
            const int count = 200_000;
            var text = kind == "yaml-flow"
                ? "a: [\"😀\", " + Repeat("1, ", count) + "2]"
                : (kind == "json-bom" ? "\uFEFF" : string.Empty) + "{\"e\": \"😀\", \"a\": [" + Repeat("1,", count) + "2]}";

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("min", Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
            Assert.Empty(result.Notices);
            var items = Assert.IsType<ConfigMapping>(result.File!.Documents.Single().Root).Sequence("a")!.Items;
            var last = items[items.Count - 1];
            var expected = (kind == "yaml-flow" ? "a: [\"😀\", " : "{\"e\": \"😀\", \"a\": [").Length - 1 + (kind == "yaml-flow" ? 3 : 2) * count + 1;
            ParsingAssert.At(last, 1, expected);
        }

        [Theory]
        [InlineData("yaml")]
        [InlineData("json")]
        public void Too_many_nodes_is_a_limit_notice(string format)
        {
            const int count = 600_000;
            var text = format == "yaml" ? Repeat("- 1\n", count) : "[" + Repeat("1,", count) + "1]";

            var (result, elapsed, _) = Measure(() => ConfigLoader.Load("many." + format, Encoding.UTF8.GetBytes(text)));

            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
            AssertOneNotice(result, text, ToolNotices.LimitExceeded);
        }

        // ---- damaged realistic files ------------------------------------------------------------------------

        [Fact]
        public void Two_thousand_damaged_compose_files_each_load_or_fail_with_one_positioned_notice() =>
            Fuzz("docker-compose.yaml", ComposeFile, seed: 5001, cases: 2_000);

        [Fact]
        public void Two_thousand_damaged_kubernetes_manifests_each_load_or_fail_with_one_positioned_notice() =>
            Fuzz("k8s/records.yaml", KubernetesManifest, seed: 1001, cases: 2_000);

        [Fact]
        public void Two_thousand_damaged_json_settings_each_load_or_fail_with_one_positioned_notice() =>
            Fuzz("appsettings.Production.json", AppSettings, seed: 2001, cases: 2_000);

        [Fact]
        public void Two_thousand_damaged_orthanc_configurations_each_load_or_fail_with_one_positioned_notice() =>
            Fuzz("orthanc.json", OrthancConfiguration, seed: 3001, cases: 2_000);

        [Fact]
        public void Two_thousand_damaged_pacs_stacks_each_load_or_fail_with_one_positioned_notice() =>
            Fuzz("pacs/docker-compose.yml", PacsStack, seed: 7001, cases: 2_000);

        [Fact]
        public void The_undamaged_fuzz_inputs_load()
        {
            foreach (var (name, text) in new[] { ("compose.yaml", ComposeFile), ("k8s.yaml", KubernetesManifest), ("appsettings.json", AppSettings), ("pacs.yaml", PacsStack), ("orthanc.json", OrthancConfiguration) })
            {
                var result = ConfigLoader.Load(name, Encoding.UTF8.GetBytes(text));
                Assert.True(result.Notices.Count == 0, name + ": " + string.Join("; ", result.Notices));
                AssertPositionsInside(result.File!, text);
            }

            Assert.Equal(5, ConfigLoader.Load("k8s.yaml", Encoding.UTF8.GetBytes(KubernetesManifest)).File!.Documents.Count);
        }

        private void Fuzz(string path, string original, int seed, int cases)
        {
            var random = new Random(seed);
            var source = Encoding.UTF8.GetBytes(original);
            var loaded = 0;
            var failed = new Dictionary<string, int>();
            var total = Stopwatch.StartNew();
            var slowest = TimeSpan.Zero;
            long largestAllocation = 0;
            var kinds = new HashSet<string>(StringComparer.Ordinal);

            var (_, _, _) = Measure(
                () =>
                {
                    for (var n = 0; n < cases; n++)
                    {
                        var bytes = source;
                        var mutations = 1 + random.Next(3);
                        var applied = new List<string>();
                        for (var m = 0; m < mutations; m++)
                        {
                            bytes = Mutate(bytes, random, out var description);
                            applied.Add(description);
                        }

                        var started = Stopwatch.StartNew();
                        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                        LoadResult result;
                        try
                        {
                            result = ConfigLoader.Load(path, bytes);
                        }
                        catch (Exception exception)
                        {
                            throw new Xunit.Sdk.XunitException($"case {n} ({string.Join(", ", applied)}) threw {exception}");
                        }

                        slowest = started.Elapsed > slowest ? started.Elapsed : slowest;
                        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                        largestAllocation = Math.Max(largestAllocation, allocated);
                        kinds.UnionWith(applied.Select(a => a.Split(' ')[0]));
                        var text = Decode(bytes);
                        try
                        {
                            if (result.File is null)
                            {
                                var notice = AssertOneNotice(result, text);
                                failed[notice.Rule.Id] = failed.TryGetValue(notice.Rule.Id, out var count) ? count + 1 : 1;
                            }
                            else
                            {
                                Assert.Empty(result.Notices);
                                Assert.Equal(path, result.File.Path);
                                AssertPositionsInside(result.File, text);
                                loaded++;

                                // What loads is linted: the checks meet damaged but valid documents (odd types, cut
                                // values, duplicated keys) and must not throw either.
                                foreach (var finding in ConfigLinter.Lint(new[] { result }))
                                {
                                    Assert.True(finding.Location.Line >= 1 && finding.Location.Column >= 1, finding.ToString());
                                }
                            }
                        }
                        catch (Exception exception) when (exception is not OutOfMemoryException)
                        {
                            throw new Xunit.Sdk.XunitException($"case {n} ({string.Join(", ", applied)}): {exception.Message}\n--- input ---\n{text}");
                        }
                    }

                    return 0;
                },
                timeout: TimeSpan.FromSeconds(60));

            _output.WriteLine($"{path}: {cases} cases in {total.Elapsed.TotalMilliseconds:N0} ms (slowest {slowest.TotalMilliseconds:N1} ms, largest allocation {largestAllocation / 1024 / 1024.0:N1} MB); " +
                $"loaded {loaded}, notices {string.Join(", ", failed.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");

            // The damage must exercise both outcomes, or the test proves little.
            Assert.True(loaded > cases / 20, $"only {loaded} of {cases} damaged files loaded");
            Assert.True(failed.Values.Sum() > cases / 20, $"only {failed.Values.Sum()} of {cases} damaged files failed");
            Assert.True(slowest < TimeSpan.FromSeconds(1), $"slowest case took {slowest}");

            // Bounded memory: a file of a few kilobytes, however damaged (bombs and huge scalars included), stays far
            // below the loader's limits.
            Assert.True(largestAllocation < 64L * 1024 * 1024, $"one case allocated {largestAllocation:N0} bytes");
            Assert.True(kinds.Count >= 12, "mutation kinds applied: " + string.Join(", ", kinds));
        }

        private static byte[] Mutate(byte[] input, Random random, out string description)
        {
            var bytes = input.ToList();
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(14))
            {
                case 0:
                    var value = (byte)random.Next(256);
                    description = $"byte {at} = 0x{value:X2}";
                    if (bytes.Count > 0)
                    {
                        bytes[at] = value;
                    }

                    break;
                case 1:
                    var bit = random.Next(8);
                    description = $"flip bit {bit} of byte {at}";
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << bit);
                    }

                    break;
                case 2:
                    description = $"truncate at {at}";
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                case 4:
                    var lines = Lines(bytes);
                    var line = lines[random.Next(lines.Count)];
                    var copy = bytes.GetRange(line.Start, line.Length);
                    var target = lines[random.Next(lines.Count)].Start;
                    description = $"duplicate line at byte {line.Start} before byte {target}";
                    bytes.InsertRange(target, copy);
                    break;
                case 5:
                    var removed = Lines(bytes)[random.Next(Lines(bytes).Count)];
                    description = $"delete line at byte {removed.Start}";
                    bytes.RemoveRange(removed.Start, removed.Length);
                    break;
                case 6:
                    const string punctuation = ":-[]{}&*!|>'\"%@`#?,\t\n\r\\/ ";
                    var inserted = punctuation[random.Next(punctuation.Length)];
                    description = $"insert {(int)inserted:X2} at {at}";
                    bytes.Insert(at, (byte)inserted);
                    break;
                case 7:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(20));
                    description = $"delete {length} bytes at {at}";
                    bytes.RemoveRange(at, length);
                    break;
                case 8:
                    description = "crlf line ends";
                    for (var i = bytes.Count - 1; i >= 0; i--)
                    {
                        if (bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r'))
                        {
                            bytes.Insert(i, (byte)'\r');
                        }
                    }

                    break;
                case 9:
                    var bom = random.Next(3) switch { 0 => new byte[] { 0xEF, 0xBB, 0xBF }, 1 => new byte[] { 0xFF, 0xFE }, _ => new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF } };
                    description = $"bom {BitConverter.ToString(bom)}";
                    bytes.InsertRange(0, bom);
                    break;
                case 10:
                    // Lone continuation byte, overlong '/', UTF-16 surrogate, truncated sequence, bytes never valid.
                    var invalid = random.Next(5) switch { 0 => new byte[] { 0x80 }, 1 => new byte[] { 0xC0, 0xAF }, 2 => new byte[] { 0xED, 0xA0, 0x80 }, 3 => new byte[] { 0xE2, 0x82 }, _ => new byte[] { 0xFF, 0xFE, 0xFD } };
                    description = $"invalid-utf8 {BitConverter.ToString(invalid)} at {at}";
                    bytes.InsertRange(at, invalid);
                    break;
                case 11:
                    var depth = 100 + random.Next(5_000);
                    var opener = random.Next(3) switch { 0 => "[", 1 => "{\"a\":", _ => "- " };
                    description = $"nesting {depth} x '{opener}' at {at}";
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Repeat(opener, depth)));
                    break;
                case 12:
                    description = $"alias-bomb at {at}";
                    bytes.InsertRange(LineStart(bytes, at), Encoding.UTF8.GetBytes(BillionLaughs()));
                    break;
                default:
                    var size = 64 * 1024 * (1 + random.Next(16));
                    description = $"huge-scalar {size} bytes at {at}";
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('x', size)));
                    break;
            }

            return bytes.ToArray();
        }

        private static int LineStart(List<byte> bytes, int at)
        {
            while (at > 0 && bytes[at - 1] != (byte)'\n')
            {
                at--;
            }

            return at;
        }

        private static List<(int Start, int Length)> Lines(List<byte> bytes)
        {
            var lines = new List<(int, int)>();
            var start = 0;
            for (var i = 0; i < bytes.Count; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lines.Add((start, i + 1 - start));
                    start = i + 1;
                }
            }

            lines.Add((start, bytes.Count - start));
            return lines;
        }

        // ---- assertions -------------------------------------------------------------------------------------

        /// <summary>Exactly one notice, positioned inside the text (or just past its end), from the tool family.</summary>
        private static Finding AssertOneNotice(LoadResult result, string text, ConfigRule? rule = null)
        {
            Assert.Null(result.File);
            var notice = Assert.Single(result.Notices);
            Assert.Contains(notice.Rule.Id, ToolIds);
            if (rule is not null)
            {
                Assert.Same(rule, notice.Rule);
            }

            // "could not be parsed: XException" is the loader's last resort for a reader bug.
            Assert.False(notice.Message.StartsWith("could not be parsed", StringComparison.Ordinal), notice.ToString());
            // YAML breaks lines at LF, CRLF and a lone CR; JSON at LF only: the position must fit one of them.
            var yamlLines = EditorLines(text, json: false);
            var jsonLines = EditorLines(text, json: true);
            Assert.InRange(notice.Location.Line, 1, yamlLines.Length + 1);
            int LengthOf(string[] lines) => notice.Location.Line <= lines.Length ? lines[notice.Location.Line - 1].Length : 0;
            Assert.InRange(notice.Location.Column, 1, Math.Max(LengthOf(yamlLines), LengthOf(jsonLines)) + 2);
            return notice;
        }

        private static void AssertPositionsInside(ConfigFile file, string text)
        {
            var lines = EditorLines(text, json: file.Format == ConfigFormat.Json);
            foreach (var node in ParsingAssert.AllNodes(file))
            {
                Assert.Equal(file.Path, node.Location.Path);
                Assert.InRange(node.Location.Line, 1, lines.Length);
                Assert.InRange(node.Location.Column, 1, lines[node.Location.Line - 1].Length + 1);
            }

            foreach (var comment in file.Comments)
            {
                Assert.InRange(comment.Line, 1, lines.Length);
            }
        }

        /// <summary>Lines as the format breaks them: JSON at LF; YAML at LF, CRLF, a lone CR and the Unicode breaks.</summary>
        private static string[] EditorLines(string text, bool json) =>
            json ? text.Split('\n') : text.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029');

        private static string Decode(byte[] bytes)
        {
            var text = new UTF8Encoding(false, false).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }

        /// <summary>Runs on a thread with a 1 MB stack, bounded in time; returns the result, time and bytes allocated.</summary>
        private static (T Result, TimeSpan Elapsed, long Allocated) Measure<T>(Func<T> action, TimeSpan? timeout = null)
        {
            T result = default!;
            Exception? error = null;
            var elapsed = TimeSpan.Zero;
            long allocated = 0;
            var thread = new Thread(
                () =>
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        result = action();
                    }
                    catch (Exception exception)
                    {
                        error = exception;
                    }

                    elapsed = watch.Elapsed;
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                },
                StackBytes)
            { IsBackground = true, Name = "bounded load" };
            thread.Start();
            Assert.True(thread.Join(timeout ?? TimeSpan.FromSeconds(20)), "the load did not finish in time");
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }

            return (result, elapsed, allocated);
        }

        private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

        private static string BillionLaughs()
        {
            var text = new StringBuilder("a: &a [" + string.Join(", ", Enumerable.Repeat("\"lol\"", 9)) + "]\n");
            for (var level = 'b'; level <= 'i'; level++)
            {
                text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + (char)(level - 1), 9))}]\n");
            }

            return text.ToString();
        }

        // ---- realistic inputs -------------------------------------------------------------------------------

        /// <summary>The inputs the PACS, proxy and listener checks read: damaged, they reach every view and check.</summary>
        private const string PacsStack =
            "services:\n" +
            "  proxy:\n" +
            "    image: traefik:v3.1\n" +
            "    ports: [\"443:443\", \"${ADMIN_PORT:-8080}:8080\"]\n" +
            "    labels:\n" +
            "      traefik.http.middlewares.auth.basicauth.users: \"u:$$apr1$$x\"\n" +
            "  viewer:\n" +
            "    image: orthancteam/orthanc:24.7.1\n" +
            "    command: [\"Orthanc\", \"--verbose\"]\n" +
            "    environment:\n" +
            "      ORTHANC__AUTHENTICATION_ENABLED: ${AUTH:-false}\n" +
            "      ORTHANC__REGISTERED_USERS: '{\"admin\": \"admin\"}'\n" +
            "      ORTHANC_JSON: '{\"DicomTlsEnabled\": false, \"OrthancPeers\": {\"p\": [\"http://peer:8042\"]}}'\n" +
            "      VIRTUAL_HOST: viewer.example.org\n" +
            "    labels:\n" +
            "      - traefik.http.routers.viewer.rule=Host(`viewer.example.org`)\n" +
            "      - traefik.http.routers.viewer.middlewares=auth@docker,https@file\n" +
            "      - caddy=viewer.example.org\n" +
            "      - caddy.basic_auth.u=x\n" +
            "    ports:\n" +
            "      - \"4242:4242\"\n" +
            "      - target: 8042\n" +
            "        published: ${HTTP_PORT-8042}\n" +
            "        host_ip: 0.0.0.0\n" +
            "        mode: ingress\n" +
            "    volumes: [\"./orthanc.json:/etc/orthanc/orthanc.json:ro\"]\n" +
            "  web:\n" +
            "    image: example/recordings\n" +
            "    entrypoint: dotnet Recordings.dll\n" +
            "    command: --urls http://+:443\n" +
            "    environment:\n" +
            "      - ASPNETCORE_HTTP_PORTS=80;443\n" +
            "      - Kestrel__EndpointDefaults__SslProtocols__0=Tls11\n" +
            "      - POSTGRES_PASSWORD=${PASSWORD:-postgres}\n" +
            "    network_mode: host\n" +
            "  arc:\n" +
            "    image: dcm4che/dcm4chee-arc-psql:5.31.0\n" +
            "    ports: [\"11112:11112\", \"127.0.0.1:8080:8080\"]\n";

        private const string ComposeFile =
            "# docker compose for the records service\n" +
            "name: records\n" +
            "x-common: &common\n" +
            "  restart: unless-stopped\n" +
            "  logging:\n" +
            "    driver: json-file\n" +
            "    options: { max-size: \"10m\", max-file: \"3\" }\n" +
            "services:\n" +
            "  db:\n" +
            "    <<: *common\n" +
            "    image: postgres:16.2\n" +
            "    environment:\n" +
            "      POSTGRES_USER: records\n" +
            "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}  # sda-disable-line SDA5001 from the environment\n" +
            "      POSTGRES_DB: records\n" +
            "    volumes:\n" +
            "      - db-data:/var/lib/postgresql/data\n" +
            "    ports:\n" +
            "      - \"127.0.0.1:5432:5432\"\n" +
            "    healthcheck:\n" +
            "      test: [\"CMD-SHELL\", \"pg_isready -U records\"]\n" +
            "      interval: 10s\n" +
            "      retries: 5\n" +
            "  api:\n" +
            "    <<: *common\n" +
            "    build:\n" +
            "      context: ./api\n" +
            "      args:\n" +
            "        - BUILD_VERSION=1.4.2\n" +
            "    depends_on:\n" +
            "      db:\n" +
            "        condition: service_healthy\n" +
            "    environment:\n" +
            "      - ConnectionStrings__Db=Host=db;Username=records;Password=${POSTGRES_PASSWORD}\n" +
            "      - ASPNETCORE_URLS=http://0.0.0.0:8080\n" +
            "      - Logging__LogLevel__Default=Information\n" +
            "    ports:\n" +
            "      - target: 8080\n" +
            "        published: 8080\n" +
            "        protocol: tcp\n" +
            "    networks: [backend, frontend]\n" +
            "    command: >\n" +
            "      dotnet Records.Api.dll\n" +
            "      --urls http://0.0.0.0:8080\n" +
            "  proxy:\n" +
            "    image: 'nginx:1.25-alpine'\n" +
            "    ports: [\"443:443\", \"80:80\"]\n" +
            "    volumes:\n" +
            "      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n" +
            "      - type: bind\n" +
            "        source: ./certs\n" +
            "        target: /etc/nginx/certs\n" +
            "        read_only: true\n" +
            "    secrets:\n" +
            "      - source: tls_key\n" +
            "        target: /run/secrets/tls.key\n" +
            "    labels:\n" +
            "      com.example.owner: \"équipe données\"\n" +
            "networks:\n" +
            "  backend: { internal: true }\n" +
            "  frontend: {}\n" +
            "volumes:\n" +
            "  db-data:\n" +
            "secrets:\n" +
            "  tls_key:\n" +
            "    file: ./certs/server.key\n";

        private const string KubernetesManifest =
            "apiVersion: v1\n" +
            "kind: Namespace\n" +
            "metadata:\n" +
            "  name: records\n" +
            "---\n" +
            "apiVersion: apps/v1\n" +
            "kind: Deployment\n" +
            "metadata:\n" +
            "  name: records-api\n" +
            "  namespace: records\n" +
            "  labels: &labels\n" +
            "    app.kubernetes.io/name: records-api\n" +
            "    app.kubernetes.io/part-of: records\n" +
            "  annotations:\n" +
            "    sensitivedata.io/ignore: \"SDA5103=reviewed in ticket 42\"\n" +
            "spec:\n" +
            "  replicas: 2\n" +
            "  selector:\n" +
            "    matchLabels: *labels\n" +
            "  template:\n" +
            "    metadata:\n" +
            "      labels: *labels\n" +
            "    spec:\n" +
            "      serviceAccountName: records-api\n" +
            "      securityContext:\n" +
            "        runAsNonRoot: true\n" +
            "        runAsUser: 10001\n" +
            "      containers:\n" +
            "        - name: api\n" +
            "          image: registry.example.com/records/api:1.4.2\n" +
            "          imagePullPolicy: IfNotPresent\n" +
            "          args: [\"--urls\", \"http://0.0.0.0:8080\"]\n" +
            "          ports:\n" +
            "            - name: http\n" +
            "              containerPort: 8080\n" +
            "              protocol: TCP\n" +
            "          env:\n" +
            "            - name: ConnectionStrings__Db\n" +
            "              valueFrom:\n" +
            "                secretKeyRef:\n" +
            "                  name: records-db\n" +
            "                  key: connection-string\n" +
            "            - name: ASPNETCORE_ENVIRONMENT\n" +
            "              value: \"Production\"\n" +
            "            - name: Features__ExportEnabled\n" +
            "              value: \"false\"\n" +
            "          resources:\n" +
            "            limits: { cpu: 500m, memory: 256Mi }\n" +
            "            requests: { cpu: 100m, memory: 128Mi }\n" +
            "          readinessProbe:\n" +
            "            httpGet: { path: /healthz, port: http }\n" +
            "            periodSeconds: 10\n" +
            "          volumeMounts:\n" +
            "            - name: tls\n" +
            "              mountPath: /etc/tls\n" +
            "              readOnly: true\n" +
            "      volumes:\n" +
            "        - name: tls\n" +
            "          secret:\n" +
            "            secretName: records-tls\n" +
            "---\n" +
            "apiVersion: v1\n" +
            "kind: Service\n" +
            "metadata:\n" +
            "  name: records-api\n" +
            "  namespace: records\n" +
            "spec:\n" +
            "  type: ClusterIP\n" +
            "  selector:\n" +
            "    app.kubernetes.io/name: records-api\n" +
            "  ports:\n" +
            "    - name: http\n" +
            "      port: 80\n" +
            "      targetPort: http\n" +
            "---\n" +
            "apiVersion: networking.k8s.io/v1\n" +
            "kind: Ingress\n" +
            "metadata:\n" +
            "  name: records-api\n" +
            "  namespace: records\n" +
            "  annotations:\n" +
            "    nginx.ingress.kubernetes.io/ssl-redirect: \"true\"\n" +
            "spec:\n" +
            "  ingressClassName: nginx\n" +
            "  tls:\n" +
            "    - hosts: [records.example.com]\n" +
            "      secretName: records-tls\n" +
            "  rules:\n" +
            "    - host: records.example.com\n" +
            "      http:\n" +
            "        paths:\n" +
            "          - path: /\n" +
            "            pathType: Prefix\n" +
            "            backend:\n" +
            "              service:\n" +
            "                name: records-api\n" +
            "                port:\n" +
            "                  name: http\n" +
            "---\n" +
            "# the connection string is replaced by the sealed-secrets controller\n" +
            "apiVersion: v1\n" +
            "kind: Secret\n" +
            "metadata:\n" +
            "  name: records-db\n" +
            "  namespace: records\n" +
            "type: Opaque\n" +
            "stringData:\n" +
            "  connection-string: |\n" +
            "    Host=db;Username=records;Password=change-me\n";

        /// <summary>Orthanc's own JSON (comments allowed): remote access, authentication, DICOM TLS and AE checks.</summary>
        private const string OrthancConfiguration =
            "{\n" +
            "  // Orthanc configuration, as in /etc/orthanc/orthanc.json\n" +
            "  \"Name\": \"ARCHIVE\",\n" +
            "  \"HttpPort\": 8042,\n" +
            "  \"RemoteAccessAllowed\": true,\n" +
            "  \"AuthenticationEnabled\": false,\n" +
            "  \"RegisteredUsers\": { \"admin\": \"orthanc\" },\n" +
            "  \"SslEnabled\": false,\n" +
            "  \"DicomAet\": \"ARCHIVE\",\n" +
            "  \"DicomPort\": 4242,\n" +
            "  \"DicomTlsEnabled\": false,\n" +
            "  \"DicomAlwaysAllowEcho\": true,\n" +
            "  \"DicomAlwaysAllowStore\": true,\n" +
            "  \"DicomCheckCalledAet\": false,\n" +
            "  \"DicomModalities\": { \"ct\": [ \"CT01\", \"10.0.0.12\", 104 ] },\n" +
            "  /* plugins */\n" +
            "  \"Plugins\": [ \"/usr/share/orthanc/plugins\" ],\n" +
            "  \"DicomWeb\": { \"Enable\": true, \"Root\": \"/dicom-web/\" }\n" +
            "}\n";

        private const string AppSettings =
            "{\n" +
            "  // comments are allowed, as in appsettings.json\n" +
            "  \"Logging\": {\n" +
            "    \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" }\n" +
            "  },\n" +
            "  \"AllowedHosts\": \"*\",\n" +
            "  \"Kestrel\": {\n" +
            "    \"Endpoints\": {\n" +
            "      \"Http\": { \"Url\": \"http://0.0.0.0:8080\" },\n" +
            "      /* TLS is terminated at the proxy */\n" +
            "      \"Https\": { \"Url\": \"https://localhost:8443\", \"Certificate\": { \"Path\": \"certs/dev.pfx\", \"Password\": \"\" } },\n" +
            "    },\n" +
            "  },\n" +
            "  \"ConnectionStrings\": { \"Records\": \"Host=db;Username=records;Password=\" },\n" +
            "  \"Features\": { \"ExportEnabled\": false, \"MaxExportRows\": 10000, \"Ratio\": 0.25, \"Tags\": [\"a\", \"b\", null] },\n" +
            "  \"Names\": { \"café\": \"crème\", \"名前\": \"値\", \"escaped\": \"\\u00e9\\n\" }\n" +
            "}\n";
    }
}
