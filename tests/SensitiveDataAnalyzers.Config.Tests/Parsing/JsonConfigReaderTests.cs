using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using static SensitiveDataAnalyzers.Config.Tests.Parsing.ParsingAssert;

namespace SensitiveDataAnalyzers.Config.Tests.Parsing
{
    public class JsonConfigReaderTests
    {
        private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

        private static ConfigFile Json(string text) => Loads(text, JsonPath);

        [Fact]
        public void Object_keys_values_and_array_items_have_one_based_positions()
        {
            var file = Json(
                "{\n" +
                "  \"name\": \"web\",\n" +
                "  \"ports\": [80, 443],\n" +
                "  \"env\": {\n" +
                "    \"TOKEN\": \"abc\"\n" +
                "  },\n" +
                "  \"list\": [\n" +
                "    {\"k\": 1},\n" +
                "    2\n" +
                "  ]\n" +
                "}\n");

            Assert.Equal(ConfigFormat.Json, file.Format);
            var root = file.Map();
            At(root, 1, 1);
            At(root.Key("name"), 2, 3);
            At(root.Sc("name"), 2, 11);
            At(root.Key("ports"), 3, 3);
            var ports = root.Seq("ports");
            At(ports, 3, 12);
            At(ports.Items[0], 3, 13);
            At(ports.Items[1], 3, 17);
            At(root.Key("env"), 4, 3);
            var env = root.Map("env");
            At(env, 4, 10);
            At(env.Key("TOKEN"), 5, 5);
            At(env.Sc("TOKEN"), 5, 14);
            var list = root.Seq("list");
            At(list, 7, 11);
            var item = Assert.IsType<ConfigMapping>(list.Items[0]);
            At(item, 8, 5);
            At(item.Key("k"), 8, 6);
            At(item.Sc("k"), 8, 11);
            At(list.Items[1], 9, 5);
        }

        [Fact]
        public void Positions_after_line_and_block_comments()
        {
            var file = Json(
                "// leading comment\n" +
                "/* block\n" +
                "   comment */\n" +
                "{\n" +
                "  // before a\n" +
                "  \"a\": 1, /* mid */ \"b\": 2,\n" +
                "  \"c\": [ /* x */ 3 ]\n" +
                "}\n");

            var root = file.Map();
            At(root, 4, 1);
            At(root.Key("a"), 6, 3);
            At(root.Sc("a"), 6, 8);
            At(root.Key("b"), 6, 21);
            At(root.Sc("b"), 6, 26);
            At(root.Seq("c"), 7, 8);
            At(root.Seq("c").Items.Single(), 7, 18);

            Assert.Equal(new[] { 1, 2, 5, 6, 7 }, file.Comments.Select(c => c.Line));
            Assert.Equal(
                new[] { "leading comment", "before a", "mid", "x" },
                file.Comments.Where(c => c.Line != 2).Select(c => c.Text.Trim()));
            Assert.Contains("comment", file.Comments.Single(c => c.Line == 2).Text);
        }

        [Fact]
        public void Crlf_line_endings()
        {
            var file = Json("{\r\n  \"a\": 1,\r\n  \"b\": [true]\r\n}\r\n");

            var root = file.Map();
            At(root.Key("a"), 2, 3);
            At(root.Sc("a"), 2, 8);
            At(root.Key("b"), 3, 3);
            At(root.Seq("b"), 3, 8);
            At(root.Seq("b").Items[0], 3, 9);
        }

        [Fact]
        public void Utf8_bom_is_not_a_column()
        {
            var file = Loads(Bom.Concat(Encoding.UTF8.GetBytes("{\"a\": 1,\r\n \"b\": 2}")).ToArray(), JsonPath);

            Assert.Equal(ConfigFormat.Json, file.Format);
            var root = file.Map();
            At(root, 1, 1);
            At(root.Key("a"), 1, 2);
            At(root.Sc("a"), 1, 7);
            At(root.Key("b"), 2, 2);
            At(root.Sc("b"), 2, 7);
        }

        [Fact]
        public void Columns_count_characters_after_non_ascii_text()
        {
            var file = Json("{\"café\": \"crème\", \"k\": 1,\n \"e\": \"😀\", \"z\": 2, \"名前\": \"値\", \"y\": 3}");

            var root = file.Map();
            At(root.Key("café"), 1, 2);
            At(root.Sc("café"), 1, 10);
            At(root.Key("k"), 1, 19);
            At(root.Sc("k"), 1, 24);
            At(root.Key("z"), 2, 12);
            At(root.Sc("z"), 2, 17);
            At(root.Sc("名前"), 2, 26);
            At(root.Sc("y"), 2, 36);
        }

        [Fact]
        public void Numbers_booleans_null_and_strings()
        {
            var root = Json(
                "{\"port\": 8080, \"neg\": -1, \"ratio\": 0.5, \"exp\": 1e3, \"t\": true, \"f\": false, \"n\": null," +
                " \"s\": \"8080\", \"sb\": \"true\", \"e\": \"\", \"esc\": \"a\\\"b\\u00e9\\n\"}").Map();

            Assert.Equal(("8080", false), (root.Sc("port").Value, root.Sc("port").IsQuoted));
            Assert.Equal(8080L, root.Sc("port").AsInteger());
            Assert.Equal(-1L, root.Sc("neg").AsInteger());
            Assert.Equal("0.5", root.Text("ratio"));
            Assert.Null(root.Sc("ratio").AsInteger());
            Assert.Equal("1e3", root.Text("exp"));
            Assert.Equal(("true", false), (root.Sc("t").Value, root.Sc("t").IsQuoted));
            Assert.True(root.Sc("t").AsBoolean());
            Assert.False(root.Sc("f").AsBoolean());
            Assert.Null(root.Sc("n").Value);
            Assert.False(root.Sc("n").IsQuoted);
            Assert.Null(root.Sc("n").AsBoolean());
            Assert.Equal(("8080", true), (root.Sc("s").Value, root.Sc("s").IsQuoted));
            Assert.Equal(8080L, root.Sc("s").AsInteger());
            Assert.True(root.Sc("sb").AsBoolean());
            Assert.Equal((string.Empty, true), (root.Sc("e").Value, root.Sc("e").IsQuoted));
            Assert.Equal("a\"bé\n", root.Text("esc"));
            Assert.All(root.Entries, e => Assert.True(e.Key.IsQuoted));
        }

        [Fact]
        public void Trailing_commas_and_top_level_array()
        {
            var file = Json("[\n  {\"a\": [1, 2,], \"b\": {\"c\": 1,},},\n  3,\n]");

            var root = Assert.IsType<ConfigSequence>(file.Root());
            Assert.Equal(2, root.Items.Count);
            var first = Assert.IsType<ConfigMapping>(root.Items[0]);
            Assert.Equal(2, first.Seq("a").Items.Count);
            Assert.Equal("1", first.Map("b").Text("c"));
            At(root.Items[1], 3, 3);
        }

        [Fact]
        public void Empty_object_and_array()
        {
            var root = Json("{\"a\": {}, \"b\": []}").Map();

            Assert.Empty(root.Map("a").Entries);
            Assert.Empty(root.Seq("b").Items);
            At(root.Map("a"), 1, 7);
            At(root.Seq("b"), 1, 16);
        }

        [Fact]
        public void Duplicate_keys_are_kept_and_the_last_wins()
        {
            var root = Json("{\"a\": 1, \"a\": 2}").Map();

            Assert.Equal(2, root.Entries.Count);
            Assert.Equal("2", root.Text("a"));
        }

        [Fact]
        public void A_second_top_level_value_is_unparseable_at_its_position()
        {
            var notice = Fails("{\"a\": 1}\n{\"b\": 2}\n", ToolNotices.Unparseable, JsonPath);

            At(notice.Location, 2, 1);
        }

        [Fact]
        public void Only_comments_is_one_empty_document()
        {
            var file = Json("// nothing here\n/* at all */\n");

            Assert.Equal(ConfigFormat.Json, file.Format);
            Assert.True(file.Documents.Count == 0 || file.Documents.All(d => d.Root is null));
            Assert.Equal(new[] { 1, 2 }, file.Comments.Select(c => c.Line));
        }

        [Fact]
        public void Reader_can_be_called_directly_with_a_bom()
        {
            var file = JsonConfigReader.Read("direct.json", Bom.Concat(Encoding.UTF8.GetBytes("[\"x\"]")).ToArray(), ParseLimits.Default);

            var item = Assert.Single(Assert.IsType<ConfigSequence>(file.Root()).Items);
            Assert.Equal("direct.json", item.Location.Path);
            At(item, 1, 2);
        }

        [Fact]
        public void Node_budget_is_enforced()
        {
            var error = Assert.Throws<ParseException>(
                () => JsonConfigReader.Read("x.json", Encoding.UTF8.GetBytes("[1,\n2,\n3,\n4]"), new ParseLimits { MaxNodes = 3 }));

            Assert.Same(ToolNotices.LimitExceeded, error.Rule);
            Assert.Equal((3, 1), (error.Line, error.Column));
        }
    }
}
