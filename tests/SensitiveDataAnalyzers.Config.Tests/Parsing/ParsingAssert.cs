using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Tests.Parsing
{
    /// <summary>Loading and position helpers shared by the parsing tests.</summary>
    internal static class ParsingAssert
    {
        public const string YamlPath = "deploy/compose.yaml";
        public const string JsonPath = "config/appsettings.json";

        /// <summary>Loads text (UTF-8, no BOM) and asserts it parsed without notices.</summary>
        public static ConfigFile Loads(string text, string path = YamlPath) => Loads(Encoding.UTF8.GetBytes(text), path);

        public static ConfigFile Loads(byte[] bytes, string path = YamlPath)
        {
            var result = ConfigLoader.Load(path, bytes);
            Assert.True(result.Notices.Count == 0, "unexpected notices: " + string.Join("; ", result.Notices));
            Assert.NotNull(result.File);
            Assert.Equal(path, result.File!.Path);
            return result.File;
        }

        /// <summary>Loads text and asserts it failed with exactly one notice of <paramref name="rule"/>; returns it.</summary>
        public static Finding Fails(string text, ConfigRule rule, string path = YamlPath, ParseLimits? limits = null) =>
            Fails(Encoding.UTF8.GetBytes(text), rule, path, limits);

        public static Finding Fails(byte[] bytes, ConfigRule rule, string path = YamlPath, ParseLimits? limits = null)
        {
            var result = ConfigLoader.Load(path, bytes, limits);
            Assert.Null(result.File);
            var notice = Assert.Single(result.Notices);
            Assert.Equal(rule.Id, notice.Rule.Id);
            Assert.Same(rule, notice.Rule);
            Assert.Equal(rule.DefaultSeverity, notice.Severity);
            Assert.Equal(path, notice.Location.Path);
            return notice;
        }

        public static ConfigNode Root(this ConfigFile file, int document = 0)
        {
            Assert.True(file.Documents.Count > document, $"expected more than {document} documents, got {file.Documents.Count}");
            Assert.Equal(document, file.Documents[document].Index);
            return file.Documents[document].Root ?? throw new Xunit.Sdk.XunitException($"document {document} is empty");
        }

        public static ConfigMapping Map(this ConfigFile file, int document = 0) => Assert.IsType<ConfigMapping>(file.Root(document));

        public static ConfigMapping Map(this ConfigMapping mapping, string key) =>
            mapping.Mapping(key) ?? throw new Xunit.Sdk.XunitException($"no mapping under '{key}'");

        public static ConfigSequence Seq(this ConfigMapping mapping, string key) =>
            mapping.Sequence(key) ?? throw new Xunit.Sdk.XunitException($"no sequence under '{key}'");

        public static ConfigScalar Sc(this ConfigMapping mapping, string key) =>
            mapping.Scalar(key) ?? throw new Xunit.Sdk.XunitException($"no scalar under '{key}'");

        public static ConfigScalar Key(this ConfigMapping mapping, string key) =>
            mapping.Entry(key)?.Key ?? throw new Xunit.Sdk.XunitException($"no key '{key}'");

        public static void At(ConfigNode node, int line, int column) => At(node.Location, line, column);

        public static void At(SourceLocation location, int line, int column) =>
            Assert.True(
                location.Line == line && location.Column == column,
                $"expected {line}:{column}, got {location.Line}:{location.Column}");

        /// <summary>Every node reachable from the documents (aliases make a graph, so each node once).</summary>
        public static IEnumerable<ConfigNode> AllNodes(ConfigFile file)
        {
            var seen = new HashSet<ConfigNode>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<ConfigNode>(file.Documents.Where(d => d.Root is not null).Select(d => d.Root!).Reverse());
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node))
                {
                    continue;
                }

                yield return node;
                switch (node)
                {
                    case ConfigMapping mapping:
                        foreach (var entry in mapping.Entries.Reverse())
                        {
                            stack.Push(entry.Value);
                            stack.Push(entry.Key);
                        }

                        break;
                    case ConfigSequence sequence:
                        foreach (var item in sequence.Items.Reverse())
                        {
                            stack.Push(item);
                        }

                        break;
                }
            }
        }

        /// <summary>Number of lines as an editor shows them (a final line break opens one more, empty line).</summary>
        public static int LineCount(string text) => text.Count(c => c == '\n') + 1;
    }
}
