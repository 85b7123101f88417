using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using static SensitiveDataAnalyzers.Config.Tests.Parsing.ParsingAssert;

namespace SensitiveDataAnalyzers.Config.Tests.Parsing
{
    public class YamlConfigReaderTests
    {
        [Fact]
        public void Block_mapping_keys_values_and_sequence_items_have_one_based_positions()
        {
            var file = Loads(
                "services:\n" +
                "  web:\n" +
                "    image: nginx:1.25\n" +
                "    ports:\n" +
                "      - \"8080:80\"\n" +
                "      - 443\n" +
                "    environment:\n" +
                "      DB_PASSWORD: hunter2\n");

            Assert.Equal(ConfigFormat.Yaml, file.Format);
            var root = file.Map();
            At(root, 1, 1);
            At(root.Key("services"), 1, 1);
            var services = root.Map("services");
            At(services, 2, 3);
            At(services.Key("web"), 2, 3);
            var web = services.Map("web");
            At(web, 3, 5);
            At(web.Key("image"), 3, 5);
            At(web.Sc("image"), 3, 12);
            Assert.Equal("nginx:1.25", web.Text("image"));
            At(web.Key("ports"), 4, 5);
            var ports = web.Seq("ports");
            At(ports, 5, 7);
            Assert.Equal(2, ports.Items.Count);
            var first = Assert.IsType<ConfigScalar>(ports.Items[0]);
            At(first, 5, 9);
            Assert.Equal("8080:80", first.Value);
            At(ports.Items[1], 6, 9);
            At(web.Key("environment"), 7, 5);
            var env = web.Map("environment");
            At(env, 8, 7);
            At(env.Key("DB_PASSWORD"), 8, 7);
            At(env.Sc("DB_PASSWORD"), 8, 20);
            Assert.Equal("hunter2", env.Text("DB_PASSWORD"));
        }

        [Fact]
        public void Sequence_of_mappings_items_start_after_the_dash()
        {
            var file = Loads(
                "containers:\n" +
                "  - name: app\n" +
                "    env:\n" +
                "      - name: TOKEN\n" +
                "        value: abc\n");

            var containers = file.Map().Seq("containers");
            At(containers, 2, 3);
            var app = Assert.IsType<ConfigMapping>(Assert.Single(containers.Items));
            At(app, 2, 5);
            At(app.Key("name"), 2, 5);
            At(app.Sc("name"), 2, 11);
            At(app.Key("env"), 3, 5);
            var env = app.Seq("env");
            At(env, 4, 7);
            var token = Assert.IsType<ConfigMapping>(Assert.Single(env.Items));
            At(token, 4, 9);
            At(token.Sc("name"), 4, 15);
            At(token.Key("value"), 5, 9);
            At(token.Sc("value"), 5, 16);
        }

        [Fact]
        public void Flow_style_nodes_have_positions_on_one_line()
        {
            var file = Loads("svc: {name: web, ports: [80, 443], env: {A: \"1\"}}\n");

            var svc = file.Map().Map("svc");
            At(svc, 1, 6);
            At(svc.Key("name"), 1, 7);
            At(svc.Sc("name"), 1, 13);
            At(svc.Key("ports"), 1, 18);
            var ports = svc.Seq("ports");
            At(ports, 1, 25);
            At(ports.Items[0], 1, 26);
            At(ports.Items[1], 1, 30);
            At(svc.Key("env"), 1, 36);
            var env = svc.Map("env");
            At(env, 1, 41);
            At(env.Key("A"), 1, 42);
            At(env.Sc("A"), 1, 45);
            Assert.True(env.Sc("A").IsQuoted);
        }

        [Fact]
        public void Flow_collection_spanning_lines_positions_each_item()
        {
            var file = Loads("ports: [\n  80,\n  443\n]\nnext: {\n  a: 1,\n  b: 2,\n}\n");

            var ports = file.Map().Seq("ports");
            At(ports, 1, 8);
            At(ports.Items[0], 2, 3);
            At(ports.Items[1], 3, 3);
            var next = file.Map().Map("next");
            At(next, 5, 7);
            At(next.Key("b"), 7, 3);
            At(next.Sc("b"), 7, 6);
        }

        [Fact]
        public void Second_and_third_documents_keep_file_lines()
        {
            var file = Loads(
                "a: 1\n" +
                "---\n" +
                "b: 2\n" +
                "c:\n" +
                "  d: x\n" +
                "---\n" +
                "- e\n" +
                "- f: g\n");

            Assert.Equal(3, file.Documents.Count);
            Assert.Equal(new[] { 0, 1, 2 }, file.Documents.Select(d => d.Index));
            At(file.Map(0).Sc("a"), 1, 4);
            var second = file.Map(1);
            At(second, 3, 1);
            At(second.Key("b"), 3, 1);
            At(second.Sc("b"), 3, 4);
            var c = second.Map("c");
            At(c, 5, 3);
            At(c.Key("d"), 5, 3);
            At(c.Sc("d"), 5, 6);
            var third = Assert.IsType<ConfigSequence>(file.Root(2));
            At(third, 7, 1);
            At(third.Items[0], 7, 3);
            var f = Assert.IsType<ConfigMapping>(third.Items[1]);
            At(f, 8, 3);
            At(f.Sc("f"), 8, 6);
        }

        [Fact]
        public void Explicit_document_markers_and_empty_documents()
        {
            var file = Loads("---\nkind: A\n...\n---\nkind: B\n---\n---\n# only a comment\n");

            Assert.Equal(4, file.Documents.Count);
            Assert.Equal("A", file.Map(0).Text("kind"));
            At(file.Map(0).Sc("kind"), 2, 7);
            Assert.Equal("B", file.Map(1).Text("kind"));
            At(file.Map(1).Sc("kind"), 5, 7);
            Assert.All(file.Documents.Skip(2), empty => Assert.Null(empty.Root));

            Assert.Contains(file.Comments, c => c.Line == 8);
        }

        [Theory]
        [InlineData("a: 1\n---\n# c", 2)]
        [InlineData("a: 1\n---", 2)]
        [InlineData("---\n", 1)]
        [InlineData("--- # nothing\n---\nb: 2\n", 2)]
        public void Document_without_content_has_a_null_root(string text, int documents)
        {
            var file = Loads(text);

            Assert.Equal(documents, file.Documents.Count);
            Assert.Single(file.Documents, d => d.Root is null);
        }

        [Theory]
        [InlineData("a: 1\n? b", 2, 4)] // explicit key without a value
        [InlineData("a: 1\nb:", 2, 3)]
        [InlineData("a:\n  - x\n  -", 3, 4)]
        [InlineData("a: 1\n? b\n", 3, 1)] // after a final line break: the empty last line
        public void Empty_value_at_the_end_of_the_file_is_positioned_inside_it(string text, int line, int column)
        {
            var file = Loads(text);

            var empty = Assert.Single(AllNodes(file).OfType<ConfigScalar>(), s => s.Value is null);
            At(empty, line, column);
        }

        [Theory]
        [InlineData("--- ~\n", null)]
        [InlineData("--- ''\n", "")]
        [InlineData("--- &a\n", null)]
        public void Document_with_an_explicit_scalar_root_keeps_it(string text, string? value)
        {
            var root = Assert.IsType<ConfigScalar>(Loads(text).Root());

            Assert.Equal(value, root.Value);
        }

        [Fact]
        public void Anchors_do_not_carry_over_to_the_next_document()
        {
            var notice = Fails("a: &x 1\n---\nb: *x\n", ToolNotices.Unparseable);
            At(notice.Location, 3, 4);
        }

        [Fact]
        public void Alias_returns_the_anchored_node_itself_with_the_anchor_position()
        {
            var file = Loads(
                "x-base: &base\n" +
                "  image: nginx\n" +
                "  restart: always\n" +
                "web: *base\n" +
                "tag: &t v1.2\n" +
                "other: *t\n" +
                "list: &l [a, b]\n" +
                "again: *l\n");

            var root = file.Map();
            var xbase = root.Map("x-base");
            At(xbase, 1, 9);
            Assert.Same(xbase, root["web"]);
            At(root.Map("web").Sc("image"), 2, 10);

            var tag = root.Sc("tag");
            Assert.Equal("v1.2", tag.Value);
            At(tag, 5, 6);
            Assert.Same(tag, root["other"]);

            var list = root.Seq("list");
            At(list, 7, 7);
            Assert.Same(list, root["again"]);
            At(list.Items[1], 7, 14);
        }

        [Fact]
        public void Recursive_alias_makes_a_cycle_not_a_copy()
        {
            var file = Loads("x: &s [1, *s]\n");

            var s = file.Map().Seq("x");
            Assert.Same(s, s.Items[1]);
        }

        [Fact]
        public void Merge_key_applies_entries_and_explicit_keys_override_them()
        {
            var file = Loads(
                "x-base: &base\n" +
                "  image: nginx\n" +
                "  restart: always\n" +
                "  user: root\n" +
                "web:\n" +
                "  <<: *base\n" +
                "  restart: \"no\"\n" +
                "worker:\n" +
                "  restart: on-failure\n" +
                "  <<: *base\n");

            var root = file.Map();
            var xbase = root.Map("x-base");
            var web = root.Map("web");
            Assert.DoesNotContain(web.Entries, e => e.Name == "<<");
            Assert.Equal("no", web.Text("restart"));
            Assert.True(web.Sc("restart").IsQuoted);
            At(web.Sc("restart"), 7, 12);
            Assert.Equal("nginx", web.Text("image"));
            Assert.Same(xbase.Sc("image"), web.Sc("image"));
            At(web.Sc("image"), 2, 10);
            At(web.Sc("user"), 4, 9);

            var worker = root.Map("worker");
            Assert.Equal("on-failure", worker.Text("restart"));
            At(worker.Sc("restart"), 9, 12);
            Assert.Equal("root", worker.Text("user"));

            // The anchored mapping itself is untouched by the merge.
            Assert.Equal("always", xbase.Text("restart"));
            Assert.Equal(3, xbase.Entries.Count);
        }

        [Fact]
        public void Merge_sequence_earlier_sources_win_and_explicit_keys_win_over_all()
        {
            var file = Loads(
                "a: &a {k: from-a, only-a: 1}\n" +
                "b: &b {k: from-b, only-b: 2}\n" +
                "c:\n" +
                "  <<: [*a, *b]\n" +
                "  own: 3\n" +
                "d: {<<: [*a, *b], k: mine}\n" +
                "e: {<<: [*b, *a]}\n");

            var root = file.Map();
            var c = root.Map("c");
            Assert.Equal("from-a", c.Text("k"));
            At(c.Sc("k"), 1, 11);
            Assert.Equal("1", c.Text("only-a"));
            Assert.Equal("2", c.Text("only-b"));
            Assert.Equal("3", c.Text("own"));
            Assert.DoesNotContain(c.Entries, e => e.Name == "<<");
            Assert.Equal("mine", root.Map("d").Text("k"));
            At(root.Map("d").Sc("k"), 6, 22);
            Assert.Equal("from-b", root.Map("e").Text("k"));
        }

        [Fact]
        public void Merge_of_a_mapping_that_itself_merges_sees_the_result()
        {
            var file = Loads("a: &a {x: 1, y: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n");

            var c = file.Map().Map("c");
            Assert.Equal("1", c.Text("x"));
            Assert.Equal("2", c.Text("y"));
            Assert.Equal("3", c.Text("z"));
        }

        [Fact]
        public void Quoted_merge_key_is_an_ordinary_key()
        {
            var file = Loads("m: {\"<<\": {a: 1}}\n");

            var m = file.Map().Map("m");
            Assert.Equal("<<", Assert.Single(m.Entries).Name);
            Assert.Null(m.Text("a"));
        }

        [Fact]
        public void Crlf_line_endings_count_lines_once()
        {
            var file = Loads("# c\r\na: 1\r\nb:\r\n  c: x\r\n  d: [1, 2]\r\n");

            var root = file.Map();
            At(root.Sc("a"), 2, 4);
            var b = root.Map("b");
            At(b.Key("c"), 4, 3);
            At(b.Sc("c"), 4, 6);
            Assert.Equal("x", b.Text("c"));
            var d = b.Seq("d");
            At(d, 5, 6);
            At(d.Items[0], 5, 7);
            At(d.Items[1], 5, 10);
            Assert.Equal(1, Assert.Single(file.Comments).Line);
        }

        [Fact]
        public void Utf8_bom_does_not_shift_positions()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a: 1\r\nb:\r\n  c: x\r\n")).ToArray();
            var file = Loads(bytes);

            var root = file.Map();
            At(root, 1, 1);
            At(root.Key("a"), 1, 1);
            At(root.Sc("a"), 1, 4);
            Assert.Equal("a", root.Entries[0].Name);
            At(root.Map("b").Sc("c"), 3, 6);
        }

        [Fact]
        public void Columns_count_characters_after_non_ascii_text()
        {
            var file = Loads(
                "café: latte\n" +
                "名前: 値\n" +
                "\"Zoë\": {ü: 日本, k: v}\n" +
                "emoji😀: x\n" +
                "m: {e: \"😀\", k: 1}\n");

            var root = file.Map();
            At(root.Sc("café"), 1, 7);
            At(root.Sc("名前"), 2, 5);
            var zoe = root.Map("Zoë");
            At(zoe, 3, 8);
            At(zoe.Key("ü"), 3, 9);
            At(zoe.Sc("ü"), 3, 12);
            At(zoe.Key("k"), 3, 16);
            At(zoe.Sc("k"), 3, 19);

            // One character, whatever its UTF-16 length: the same column the JSON reader gives.
            At(root.Sc("emoji😀"), 4, 9);
            At(root.Map("m").Sc("k"), 5, 16);
        }

        [Fact]
        public void Null_forms_and_quoting()
        {
            var file = Loads(
                "a: ~\n" +
                "b: null\n" +
                "c:\n" +
                "d: Null\n" +
                "e: NULL\n" +
                "f: \"null\"\n" +
                "g: ''\n" +
                "h: \"~\"\n" +
                "i: plain text\n" +
                "j: 'single'\n" +
                "k: \"double\"\n" +
                "l: |\n" +
                "  block\n" +
                "n: [~, null, \"\", x]\n");

            var root = file.Map();
            foreach (var key in new[] { "a", "b", "c", "d", "e" })
            {
                var scalar = root.Sc(key);
                Assert.Null(scalar.Value);
                Assert.False(scalar.IsQuoted);
                Assert.Equal("null", scalar.ToString());
            }

            At(root.Sc("c"), 3, 3);
            Assert.Equal(("null", true), (root.Sc("f").Value, root.Sc("f").IsQuoted));
            Assert.Equal((string.Empty, true), (root.Sc("g").Value, root.Sc("g").IsQuoted));
            Assert.Equal(("~", true), (root.Sc("h").Value, root.Sc("h").IsQuoted));
            Assert.Equal(("plain text", false), (root.Sc("i").Value, root.Sc("i").IsQuoted));
            Assert.Equal(("single", true), (root.Sc("j").Value, root.Sc("j").IsQuoted));
            Assert.Equal(("double", true), (root.Sc("k").Value, root.Sc("k").IsQuoted));
            Assert.Equal(("block\n", false), (root.Sc("l").Value, root.Sc("l").IsQuoted));
            var n = root.Seq("n").Items.Cast<ConfigScalar>().Select(s => s.Value).ToArray();
            Assert.Equal(new[] { null, null, string.Empty, "x" }, n);
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("True", true)]
        [InlineData("TRUE", true)]
        [InlineData("yes", true)]
        [InlineData("Yes", true)]
        [InlineData("on", true)]
        [InlineData("ON", true)]
        [InlineData("1", true)]
        [InlineData("'yes'", true)]
        [InlineData("\"true\"", true)]
        [InlineData("false", false)]
        [InlineData("False", false)]
        [InlineData("no", false)]
        [InlineData("NO", false)]
        [InlineData("off", false)]
        [InlineData("0", false)]
        [InlineData("\"off\"", false)]
        [InlineData("maybe", null)]
        [InlineData("2", null)]
        [InlineData("enabled", null)]
        [InlineData("''", null)]
        [InlineData("~", null)]
        public void AsBoolean_reads_yaml_and_environment_spellings(string written, bool? expected)
        {
            var scalar = Loads("v: " + written + "\n").Map().Sc("v");

            Assert.Equal(expected, scalar.AsBoolean());
        }

        [Theory]
        [InlineData("8080", 8080L)]
        [InlineData("-1", -1L)]
        [InlineData("+5", 5L)]
        [InlineData("0", 0L)]
        [InlineData("'443'", 443L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        [InlineData("9223372036854775808", null)]
        [InlineData("3.5", null)]
        [InlineData("0x1F", null)]
        [InlineData("1_000", null)]
        [InlineData("abc", null)]
        [InlineData("~", null)]
        public void AsInteger_reads_decimal_integers_only(string written, long? expected)
        {
            var scalar = Loads("v: " + written + "\n").Map().Sc("v");

            Assert.Equal(expected, scalar.AsInteger());
        }

        [Fact]
        public void Comments_are_recorded_with_their_lines_in_every_document()
        {
            var file = Loads(
                "# header\n" +
                "a: 1 # inline\n" +
                "# before b\n" +
                "b:\n" +
                "  - x # item\n" +
                "  # indented\n" +
                "---\n" +
                "# doc2\n" +
                "c: [1, # in flow\n" +
                "  2]\n" +
                "d: \"a # not a comment\"\n" +
                "e: a#b\n");

            var comments = file.Comments.Select(c => (c.Line, c.Text.Trim().TrimStart('#').Trim())).ToArray();
            Assert.Equal(
                new[] { (1, "header"), (2, "inline"), (3, "before b"), (5, "item"), (6, "indented"), (8, "doc2"), (9, "in flow") },
                comments);
            Assert.Equal("a # not a comment", file.Map(1).Text("d"));
            Assert.Equal("a#b", file.Map(1).Text("e"));
        }

        [Fact]
        public void Comments_before_the_first_node_are_recorded()
        {
            var file = Loads("# Copyright\n# License: MIT\n\napiVersion: v1\n");

            Assert.Equal(new[] { 1, 2 }, file.Comments.Select(c => c.Line));
            At(file.Map().Key("apiVersion"), 4, 1);
        }

        [Fact]
        public void Reader_can_be_called_directly()
        {
            var file = YamlConfigReader.Read("direct.yaml", "a:\n  - 1\n", ParseLimits.Default);

            Assert.Equal("direct.yaml", file.Path);
            var item = Assert.Single(file.Map().Seq("a").Items);
            Assert.Equal("direct.yaml", item.Location.Path);
            At(item, 2, 5);
        }

        [Fact]
        public void Depth_limit_is_counted_in_nesting_levels()
        {
            var limits = new ParseLimits { MaxDepth = 3 };

            // Depth 3: root mapping (0) > a (1) > b (2) > c scalar (3).
            YamlConfigReader.Read("x.yaml", "a:\n  b:\n    c: 1\n", limits);
            var error = Assert.Throws<ParseException>(() => YamlConfigReader.Read("x.yaml", "a:\n  b:\n    c:\n      d: 1\n", limits));
            Assert.Same(ToolNotices.LimitExceeded, error.Rule);
            Assert.Equal(4, error.Line);
        }
    }
}
