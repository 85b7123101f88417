using System;
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

        // Per-depth scratch lists, kept for the thread between files: a run reads thousands of files, and lists made
        // afresh for each file grew again in each one.
        [ThreadStatic]
        private static ScratchLists? t_scratch;

        private readonly ScratchLists _scratch;

        private IParser _parser = null!;
        private Scanner _scanner = null!;
        private string _text = string.Empty;
        private bool _hasSurrogates;
        private bool _ended;
        private int _budget;
        private long _lastLineStart = -1;
        private long _lastIndex;
        private int _lastPairs;

        private YamlConfigReader(string path, ParseLimits limits)
        {
            _path = path;
            _limits = limits;
            _budget = limits.MaxNodes;

            // Taken from the thread while in use, so a nested read (none today) would get lists of its own.
            _scratch = t_scratch ?? new ScratchLists();
            t_scratch = null;
        }

        /// <param name="ascii">The text is known to be ASCII (as long as its UTF-8 bytes), so no column needs surrogate handling.</param>
        public static ConfigFile Read(string path, string text, ParseLimits limits, bool ascii = false)
        {
            var reader = new YamlConfigReader(path, limits);
            try
            {
                return reader.ReadFile(text, ascii);
            }
            finally
            {
                t_scratch = reader._scratch.Release();
            }
        }

        private ConfigFile ReadFile(string text, bool ascii)
        {
            var documents = new List<ConfigDocument>();
            _text = text;
            _hasSurrogates = !ascii && HasSurrogates(text);
            try
            {
                _scanner = new Scanner(new StringReader(text), skipComments: false);
                _parser = new Parser(_scanner);
                _parser.Consume<StreamStart>();
                SkipComments();
                while (!_ended && _parser.TryConsume<DocumentStart>(out _))
                {
                    SkipComments();
                    var root = _parser.Accept<DocumentEnd>(out _) || ConsumeEmptyRoot() ? null : ReadNode(0);
                    SkipComments();
                    _parser.Consume<DocumentEnd>();
                    SkipComments();
                    documents.Add(new ConfigDocument(documents.Count, root));
                    _anchors.Clear();
                }
            }
            catch (YamlException exception)
            {
                // Some scanner errors carry no mark (tab indentation): the scanner stopped where the input breaks.
                var mark = exception.Start.Equals(Mark.Empty) ? _scanner.CurrentPosition : exception.Start;
                throw new ParseException(ToolNotices.Unparseable, "invalid YAML: " + FirstLine(exception.Message), (int)mark.Line, Column(mark));
            }
            catch (Exception exception) when (exception is not (ParseException or OutOfMemoryException))
            {
                // YamlDotNet fails on some malformed input with other exceptions (an unclosed flow sequence throws
                // InvalidOperationException): that is still malformed input, reported where the scanner stopped.
                var mark = _scanner.CurrentPosition;
                throw new ParseException(ToolNotices.Unparseable, "invalid YAML: the parser stopped here (" + exception.GetType().Name + ")", (int)mark.Line, Column(mark));
            }

            if (_ended)
            {
                // YamlDotNet's parser ends a stream of nothing but comments after the first one; the scanner has them all.
                RescanComments(text);
            }

            return new ConfigFile(_path, ConfigFormat.Yaml, documents, _comments);
        }

        /// <summary>
        /// An explicit document with no content (<c>---</c> then comments or nothing) comes as an empty plain scalar,
        /// positioned past the end of the input; the document is empty, so its root is null.
        /// </summary>
        private bool ConsumeEmptyRoot()
        {
            if (_parser.Current is Scalar { Value: "", Style: ScalarStyle.Plain } scalar && scalar.Anchor.IsEmpty && scalar.Tag.IsEmpty)
            {
                _parser.MoveNext();
                SkipComments();
                if (_parser.Accept<DocumentEnd>(out _))
                {
                    return true;
                }

                throw new YamlException(scalar.Start, scalar.End, "content after an empty document root");
            }

            return false;
        }

        private ConfigNode ReadNode(int depth)
        {
            SkipComments();
            if (depth > _limits.MaxDepth)
            {
                var mark = _parser.Current?.Start ?? Mark.Empty;
                throw new ParseException(ToolNotices.LimitExceeded, $"nesting deeper than {_limits.MaxDepth} levels", (int)mark.Line, Column(mark));
            }

            // The current event is read once and dispatched on its type (scalars are most nodes); anything else goes
            // through Consume<MappingStart>, which reports what was found instead.
            var current = _parser.Current;
            Spend(current?.Start ?? Mark.Empty);
            if (current is Scalar scalar)
            {
                _parser.MoveNext();
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                var node = new ConfigScalar(
                    Location(scalar.Start),
                    isNull ? null : scalar.Value,
                    scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                return Anchor(scalar.Anchor, node);
            }

            if (current is AnchorAlias alias)
            {
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new ParseException(ToolNotices.Unparseable, $"invalid YAML: unknown alias '*{alias.Value.Value}'", (int)alias.Start.Line, Column(alias.Start));
                }

                return anchored;
            }

            if (current is SequenceStart sequenceStart)
            {
                _parser.MoveNext();
                // Items are gathered in a list reused per depth and copied once into an exact array.
                var items = ScratchLists.At(_scratch.Items, depth);
                var sequence = Anchor(sequenceStart.Anchor, new ConfigSequence(Location(sequenceStart.Start)));
                while (!AcceptEnd<SequenceEnd>())
                {
                    items.Add(ReadNode(depth + 1));
                }

                _parser.Consume<SequenceEnd>();
                sequence.Complete(items.ToArray());
                return sequence;
            }

            var mappingStart = current as MappingStart ?? _parser.Consume<MappingStart>();
            if (ReferenceEquals(mappingStart, current))
            {
                _parser.MoveNext();
            }

            var entries = ScratchLists.At(_scratch.Entries, depth);
            var mapping = Anchor(mappingStart.Anchor, new ConfigMapping(Location(mappingStart.Start)));
            List<ConfigEntry>? merged = null;
            while (!AcceptEnd<MappingEnd>())
            {
                var key = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                var keyScalar = key as ConfigScalar ?? new ConfigScalar(key.Location, null, isQuoted: false);
                if (keyScalar is { Value: "<<", IsQuoted: false })
                {
                    merged ??= new List<ConfigEntry>();
                    Merge(value, merged, keyScalar.Location);
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

            mapping.Complete(entries.ToArray());
            return mapping;
        }

        private void Merge(ConfigNode source, List<ConfigEntry> into, SourceLocation mergeKey)
        {
            switch (source)
            {
                case ConfigMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (--_budget < 0)
                        {
                            throw new ParseException(ToolNotices.LimitExceeded, $"more than {_limits.MaxNodes} nodes, aliases and merged keys (merge-key bomb?)", mergeKey.Line, mergeKey.Column);
                        }

                        into.Add(entry);
                    }

                    break;
                case ConfigSequence sequence:
                    // <<: [*a, *b]: earlier mappings take precedence, so add them last. Only mappings merge: a
                    // sequence item is not followed further (an aliased sequence may contain itself).
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        if (sequence.Items[i] is ConfigMapping item)
                        {
                            Merge(item, into, mergeKey);
                        }
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
            return _parser.Current is T || (_parser.Current is null && _parser.Accept<T>(out _));
        }

        private void SkipComments()
        {
            while (!_ended && _parser.Current is Comment comment)
            {
                _comments.Add(new ConfigComment((int)comment.Start.Line, comment.Value));
                _ended = !_parser.MoveNext();
            }
        }

        private void RescanComments(string text)
        {
            var comments = new List<ConfigComment>();
            try
            {
                var scanner = new Scanner(new StringReader(text), skipComments: false);
                while (scanner.MoveNext())
                {
                    if (scanner.Current is YamlDotNet.Core.Tokens.Comment comment)
                    {
                        comments.Add(new ConfigComment((int)comment.Start.Line, comment.Value));
                    }
                }
            }
            catch (YamlException)
            {
                return;
            }

            _comments.Clear();
            _comments.AddRange(comments);
        }

        private void Spend(Mark mark)
        {
            if (--_budget < 0)
            {
                throw new ParseException(ToolNotices.LimitExceeded, $"more than {_limits.MaxNodes} nodes, aliases and merged keys (alias bomb?)", (int)mark.Line, Column(mark));
            }
        }

        private SourceLocation Location(Mark mark)
        {
            if (mark.Index >= _text.Length && mark.Column == 1 && mark.Line > 1 && _text.Length > 0 && _text[_text.Length - 1] is not ('\n' or '\r'))
            {
                // An empty node at the end of a file without a final line break takes the stream end, which YamlDotNet
                // puts on a line after the last one: place it just after the last character instead.
                var lastLineStart = _text.LastIndexOfAny(new[] { '\n', '\r' }) + 1;
                var length = _text.Length - lastLineStart;
                for (var i = lastLineStart + 1; i < _text.Length; i++)
                {
                    if (char.IsLowSurrogate(_text[i]) && char.IsHighSurrogate(_text[i - 1]))
                    {
                        length--;
                    }
                }

                return new SourceLocation(_path, (int)mark.Line - 1, length + 1);
            }

            return new SourceLocation(_path, (int)mark.Line, Column(mark));
        }

        /// <summary>
        /// The 1-based column in characters (Unicode code points, as the JSON reader counts): YamlDotNet counts UTF-16
        /// units, so a character outside the BMP before the mark would count twice.
        /// </summary>
        private int Column(Mark mark)
        {
            var column = (int)mark.Column;
            if (!_hasSurrogates || mark.Index > _text.Length || mark.Index < column - 1)
            {
                return column;
            }

            var end = (int)mark.Index;
            var lineStart = end - (column - 1);
            var from = lineStart;
            var pairs = 0;
            if (lineStart == _lastLineStart && end >= _lastIndex)
            {
                // Marks come in order: carry on from the previous one on this line (a one-line flow file stays linear).
                from = (int)_lastIndex;
                pairs = _lastPairs;
            }

            for (var i = System.Math.Max(from, 1); i < end; i++)
            {
                if (char.IsLowSurrogate(_text[i]) && char.IsHighSurrogate(_text[i - 1]) && i - 1 >= lineStart)
                {
                    pairs++;
                }
            }

            (_lastLineStart, _lastIndex, _lastPairs) = (lineStart, end, pairs);
            return column - pairs;
        }

        private static bool HasSurrogates(string text)
        {
            foreach (var c in text)
            {
                if (char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Lists of entries and items gathered per depth, each copied once into an exact array.</summary>
        private sealed class ScratchLists
        {
            /// <summary>Lists grown past this by a large file are dropped rather than kept for the thread.</summary>
            private const int MaxKeptCapacity = 4096;

            public readonly List<List<ConfigEntry>> Entries = new();
            public readonly List<List<ConfigNode>> Items = new();

            /// <summary>The cleared list for this depth (nodes at one depth are read one after the other, never nested).</summary>
            public static List<T> At<T>(List<List<T>> lists, int depth)
            {
                while (lists.Count <= depth)
                {
                    lists.Add(new List<T>());
                }

                var list = lists[depth];
                list.Clear();
                return list;
            }

            /// <summary>Cleared for the next file (no node of this one stays reachable), or null when a list grew too large to keep.</summary>
            public ScratchLists? Release() => Clear(Entries) && Clear(Items) ? this : null;

            private static bool Clear<T>(List<List<T>> lists)
            {
                foreach (var list in lists)
                {
                    if (list.Capacity > MaxKeptCapacity)
                    {
                        return false;
                    }

                    list.Clear();
                }

                return lists.Count <= MaxKeptCapacity;
            }
        }

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? message : message.Substring(0, end);
        }
    }
}
