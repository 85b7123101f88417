using System.Collections.Generic;
using System.IO;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SensitiveDataAnalyzers.Config.Parsing
{
    /// <summary>
    /// Reads YAML into <see cref="ConfigNode"/>s from YamlDotNet's event parser (no object instantiation). Aliases
    /// point at the anchored node itself, merge keys are applied, and every node, alias use and merged entry counts
    /// against <see cref="ParseLimits.MaxNodes"/>, so an alias bomb costs bounded time and memory.
    /// </summary>
    internal sealed class YamlConfigReader
    {
        private readonly string _path;
        private readonly ParseLimits _limits;
        private readonly List<ConfigComment> _comments = new();
        private readonly Dictionary<string, ConfigNode> _anchors = new();
        private IParser _parser = null!;
        private int _budget;

        private YamlConfigReader(string path, ParseLimits limits)
        {
            _path = path;
            _limits = limits;
            _budget = limits.MaxNodes;
        }

        public static ConfigFile Read(string path, string text, ParseLimits limits) => new YamlConfigReader(path, limits).ReadFile(text);

        private ConfigFile ReadFile(string text)
        {
            var documents = new List<ConfigDocument>();
            try
            {
                _parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
                SkipComments();
                _parser.Consume<StreamStart>();
                SkipComments();
                while (_parser.TryConsume<DocumentStart>(out _))
                {
                    SkipComments();
                    var root = _parser.Accept<DocumentEnd>(out _) ? null : ReadNode(0);
                    SkipComments();
                    _parser.Consume<DocumentEnd>();
                    SkipComments();
                    documents.Add(new ConfigDocument(documents.Count, root));
                    _anchors.Clear();
                }
            }
            catch (YamlException exception)
            {
                throw new ParseException(ToolNotices.Unparseable, "invalid YAML: " + FirstLine(exception.Message), (int)exception.Start.Line, (int)exception.Start.Column);
            }

            return new ConfigFile(_path, ConfigFormat.Yaml, documents, _comments);
        }

        private ConfigNode ReadNode(int depth)
        {
            SkipComments();
            if (depth > _limits.MaxDepth)
            {
                var mark = _parser.Current?.Start ?? Mark.Empty;
                throw new ParseException(ToolNotices.LimitExceeded, $"nesting deeper than {_limits.MaxDepth} levels", (int)mark.Line, (int)mark.Column);
            }

            Spend(_parser.Current?.Start ?? Mark.Empty);
            if (_parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new ParseException(ToolNotices.Unparseable, $"invalid YAML: unknown alias '*{alias.Value.Value}'", (int)alias.Start.Line, (int)alias.Start.Column);
                }

                return anchored;
            }

            if (_parser.TryConsume<Scalar>(out var scalar))
            {
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                var node = new ConfigScalar(
                    Location(scalar.Start),
                    isNull ? null : scalar.Value,
                    scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                return Anchor(scalar.Anchor, node);
            }

            if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<ConfigNode>();
                var sequence = Anchor(sequenceStart.Anchor, new ConfigSequence(Location(sequenceStart.Start), items));
                while (!AcceptEnd<SequenceEnd>())
                {
                    items.Add(ReadNode(depth + 1));
                }

                _parser.Consume<SequenceEnd>();
                return sequence;
            }

            var mappingStart = _parser.Consume<MappingStart>();
            var entries = new List<ConfigEntry>();
            var mapping = Anchor(mappingStart.Anchor, new ConfigMapping(Location(mappingStart.Start), entries));
            List<ConfigEntry>? merged = null;
            while (!AcceptEnd<MappingEnd>())
            {
                var key = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                var keyScalar = key as ConfigScalar ?? new ConfigScalar(key.Location, null, isQuoted: false);
                if (keyScalar is { Value: "<<", IsQuoted: false })
                {
                    merged ??= new List<ConfigEntry>();
                    Merge(value, merged);
                }
                else
                {
                    entries.Add(new ConfigEntry(keyScalar, value));
                }
            }

            _parser.Consume<MappingEnd>();
            if (merged is not null)
            {
                // Keys written in the mapping override merged ones; lookups take the last entry, so merged go first.
                entries.InsertRange(0, merged);
            }

            return mapping;
        }

        private void Merge(ConfigNode source, List<ConfigEntry> into)
        {
            switch (source)
            {
                case ConfigMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        Spend(Mark.Empty);
                        into.Add(entry);
                    }

                    break;
                case ConfigSequence sequence:
                    // <<: [*a, *b]: earlier mappings take precedence, so add them last.
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        Merge(sequence.Items[i], into);
                    }

                    break;
            }
        }

        private T Anchor<T>(AnchorName anchor, T node)
            where T : ConfigNode
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private bool AcceptEnd<T>()
            where T : ParsingEvent
        {
            SkipComments();
            return _parser.Accept<T>(out _);
        }

        private void SkipComments()
        {
            while (_parser.TryConsume<Comment>(out var comment))
            {
                _comments.Add(new ConfigComment((int)comment.Start.Line, comment.Value));
            }
        }

        private void Spend(Mark mark)
        {
            if (--_budget < 0)
            {
                throw new ParseException(ToolNotices.LimitExceeded, $"more than {_limits.MaxNodes} nodes, aliases and merged keys (alias bomb?)", (int)mark.Line, (int)mark.Column);
            }
        }

        private SourceLocation Location(Mark mark) => new(_path, (int)mark.Line, (int)mark.Column);

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? message : message.Substring(0, end);
        }
    }
}
