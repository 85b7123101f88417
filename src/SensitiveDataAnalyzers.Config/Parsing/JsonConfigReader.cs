using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Parsing
{
    /// <summary>
    /// Reads JSON (with <c>//</c> and <c>/* */</c> comments and trailing commas, as Orthanc and appsettings allow)
    /// into <see cref="ConfigNode"/>s, computing line and column from byte offsets.
    /// </summary>
    internal sealed class JsonConfigReader
    {
        private readonly string _path;
        private readonly byte[] _utf8;
        private readonly ParseLimits _limits;
        private readonly List<int> _lineStarts = new() { 0 };
        private readonly List<ConfigComment> _comments = new();

        // Entries and items are gathered in lists reused per depth and copied once into exact arrays.
        private readonly List<List<ConfigEntry>> _entryLists = new();
        private readonly List<List<ConfigNode>> _itemLists = new();
        private readonly int _start;
        private int _budget;
        private int _lastLine = -1;
        private long _lastIndex;
        private int _lastColumn;

        private JsonConfigReader(string path, byte[] utf8, ParseLimits limits)
        {
            _path = path;
            _utf8 = utf8;
            _limits = limits;
            _budget = limits.MaxNodes;
            _start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            // A vectorised search for line breaks: most of a file is not one.
            var bytes = new ReadOnlySpan<byte>(utf8);
            for (var i = bytes.IndexOf((byte)'\n'); i >= 0;)
            {
                _lineStarts.Add(i + 1);
                var next = bytes.Slice(i + 1).IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public static ConfigFile Read(string path, byte[] utf8, ParseLimits limits) => new JsonConfigReader(path, utf8, limits).ReadFile();

        private ConfigFile ReadFile()
        {
            var start = _start;
            var reader = new Utf8JsonReader(
                new ReadOnlySpan<byte>(_utf8, start, _utf8.Length - start),
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true, MaxDepth = _limits.MaxDepth + 1 });
            ConfigNode? root = null;
            try
            {
                if (Next(ref reader))
                {
                    root = ReadValue(ref reader, start, 0);
                    if (Next(ref reader))
                    {
                        throw Error("invalid JSON: more than one value at the top level", reader.TokenStartIndex + start);
                    }
                }
            }
            catch (JsonException exception)
            {
                // The reader counts lines from the start of the (BOM-less) span and positions in bytes: turn them back
                // into an offset in the file and count characters, as for nodes.
                var lineIndex = exception.LineNumber ?? 0;
                var byteInLine = exception.BytePositionInLine ?? 0;
                var (line, column) = lineIndex < _lineStarts.Count
                    ? Position((lineIndex == 0 ? start : _lineStarts[(int)lineIndex]) + byteInLine)
                    : ((int)lineIndex + 1, (int)byteInLine + 1);
                var message = exception.Message;
                var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                var reason = message.Contains("maximum configured depth")
                    ? ToolNotices.LimitExceeded
                    : ToolNotices.Unparseable;
                throw new ParseException(reason, "invalid JSON: " + (cut > 0 ? message.Substring(0, cut) : message), line, column);
            }
            catch (InvalidOperationException)
            {
                // An escaped string (\uD800 alone) that cannot become text.
                throw Error("invalid JSON: a string that cannot be decoded", reader.TokenStartIndex + start);
            }

            return new ConfigFile(_path, ConfigFormat.Json, new[] { new ConfigDocument(0, root) }, _comments);
        }

        /// <summary>Advances past comments (recording them); false at the end of input.</summary>
        private bool Next(ref Utf8JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.Comment)
                {
                    return true;
                }

                var (line, _) = Position(reader.TokenStartIndex + _start);
                _comments.Add(new ConfigComment(line, Text(ref reader)));
            }

            return false;
        }

        private ConfigNode ReadValue(ref Utf8JsonReader reader, int offset, int depth)
        {
            if (--_budget < 0)
            {
                throw Error($"more than {_limits.MaxNodes} values", reader.TokenStartIndex + offset, ToolNotices.LimitExceeded);
            }

            var location = Location(reader.TokenStartIndex + offset);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var entries = Scratch(_entryLists, depth);
                    while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = new ConfigScalar(Location(reader.TokenStartIndex + offset), PropertyName(ref reader), isQuoted: true);
                        Next(ref reader);
                        entries.Add(new ConfigEntry(key, ReadValue(ref reader, offset, depth + 1)));
                    }

                    var mapping = new ConfigMapping(location);
                    mapping.Complete(entries.ToArray());
                    return mapping;
                case JsonTokenType.StartArray:
                    var items = Scratch(_itemLists, depth);
                    while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader, offset, depth + 1));
                    }

                    var sequence = new ConfigSequence(location);
                    sequence.Complete(items.ToArray());
                    return sequence;
                case JsonTokenType.String:
                    return new ConfigScalar(location, Text(ref reader), isQuoted: true);
                case JsonTokenType.Number:
                    // A number is never escaped: its bytes are the input's own, decoded in place.
                    return new ConfigScalar(location, System.Text.Encoding.UTF8.GetString(_utf8, (int)reader.TokenStartIndex + offset, reader.ValueSpan.Length), isQuoted: false);
                case JsonTokenType.True:
                    return new ConfigScalar(location, "true", isQuoted: false);
                case JsonTokenType.False:
                    return new ConfigScalar(location, "false", isQuoted: false);
                case JsonTokenType.Null:
                    return new ConfigScalar(location, null, isQuoted: false);
                default:
                    throw Error($"invalid JSON: unexpected {reader.TokenType}", reader.TokenStartIndex + offset);
            }
        }

        /// <summary>The cleared list for this depth (values at one depth are read one after the other, never nested).</summary>
        private static List<T> Scratch<T>(List<List<T>> lists, int depth)
        {
            while (lists.Count <= depth)
            {
                lists.Add(new List<T>());
            }

            var list = lists[depth];
            list.Clear();
            return list;
        }

        /// <summary>
        /// Property names that recur in the Kubernetes, Orthanc and ASP.NET Core files of a deployment, by UTF-8 length:
        /// each is one shared string rather than decoded again for every object (the deployment model keeps the
        /// Orthanc settings of every configuration file for the whole run).
        /// </summary>
        private static readonly (string Text, byte[] Utf8)[]?[] CommonNames = GroupByLength(
            "apiVersion", "kind", "metadata", "name", "namespace", "labels", "annotations", "spec", "template", "selector",
            "matchLabels", "containers", "image", "imagePullPolicy", "ports", "containerPort", "port", "targetPort", "protocol",
            "env", "value", "valueFrom", "secretKeyRef", "key", "volumeMounts", "mountPath", "volumes", "configMap", "items",
            "type", "replicas", "resources", "limits", "requests", "cpu", "memory", "data", "rules", "host", "http", "paths",
            "path", "pathType", "backend", "service", "number", "tls", "hosts", "secretName", "ingressClassName",
            "Kestrel", "Endpoints", "EndpointDefaults", "Url", "Urls", "SslProtocols", "Certificate", "Password", "Protocols",
            "Logging", "LogLevel", "Default", "AllowedHosts", "ConnectionStrings",
            "Name", "DicomAet", "DicomPort", "HttpPort", "RemoteAccessAllowed", "AuthenticationEnabled", "RegisteredUsers",
            "OrthancPeers", "DicomModalities", "StorageDirectory", "IndexDirectory", "DicomTlsEnabled", "DicomCheckCalledAet",
            "DicomAlwaysAllowStore", "SslEnabled", "SslCertificate", "HttpsVerifyPeers", "DicomServerEnabled", "HttpServerEnabled",
            "DicomTlsRemoteCertificateRequired", "DicomAlwaysAllowFind", "DicomAlwaysAllowFindWorklist", "DicomAlwaysAllowGet",
            "DicomAlwaysAllowMove", "StorageCompression", "MaximumStorageSize", "ConcurrentJobs", "LimitFindResults");

        private static (string Text, byte[] Utf8)[]?[] GroupByLength(params string[] names)
        {
            var byLength = new (string, byte[])[]?[names.Max(name => name.Length) + 1];
            foreach (var name in names)
            {
                var group = byLength[name.Length] ?? Array.Empty<(string, byte[])>();
                Array.Resize(ref group, group.Length + 1);
                group[group.Length - 1] = (name, System.Text.Encoding.UTF8.GetBytes(name));
                byLength[name.Length] = group;
            }

            return byLength;
        }

        /// <summary>A property name: a shared string when it is a common one written without escapes, else decoded.</summary>
        private static string PropertyName(ref Utf8JsonReader reader)
        {
            var utf8 = reader.ValueSpan;
            if (!reader.ValueIsEscaped && utf8.Length < CommonNames.Length && CommonNames[utf8.Length] is { } candidates)
            {
                foreach (var candidate in candidates)
                {
                    if (utf8.SequenceEqual(candidate.Utf8))
                    {
                        return candidate.Text;
                    }
                }
            }

            return Text(ref reader);
        }

        /// <summary>
        /// A string, property name or comment. Bytes that are not UTF-8 (a Latin-1 'é') become U+FFFD, as they do in
        /// YAML files, rather than failing the file.
        /// </summary>
        private static string Text(ref Utf8JsonReader reader)
        {
            try
            {
                return (reader.TokenType == JsonTokenType.Comment ? reader.GetComment() : reader.GetString()) ?? string.Empty;
            }
            catch (InvalidOperationException) when (!reader.ValueIsEscaped)
            {
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            }
        }

        private ParseException Error(string message, long byteIndex, ConfigRule? rule = null)
        {
            var (line, column) = Position(byteIndex);
            return new ParseException(rule ?? ToolNotices.Unparseable, message, line, column);
        }

        private SourceLocation Location(long byteIndex)
        {
            var (line, column) = Position(byteIndex);
            return new SourceLocation(_path, line, column);
        }

        /// <summary>1-based line and column (in characters, counting UTF-8 lead bytes) of a byte offset.</summary>
        private (int Line, int Column) Position(long byteIndex)
        {
            // The last line that starts at or before the offset. Tokens come in order, so the line is usually the
            // previous token's or a few after it: stepping forward is cheaper than a binary search per token.
            int line;
            if (_lastLine >= 0 && byteIndex >= _lineStarts[_lastLine])
            {
                line = _lastLine;
                while (line + 1 < _lineStarts.Count && _lineStarts[line + 1] <= byteIndex)
                {
                    line++;
                }
            }
            else
            {
                var index = _lineStarts.BinarySearch((int)byteIndex);
                line = index >= 0 ? index : ~index - 1;
            }

            // A UTF-8 BOM is not a character of the first line.
            long from = Math.Max(_lineStarts[line], _start);
            var column = 1;
            if (line == _lastLine && byteIndex >= _lastIndex)
            {
                // Tokens come in order: carry on from the previous one, or a minified one-line file costs O(n²).
                from = _lastIndex;
                column = _lastColumn;
            }

            for (var i = from; i < byteIndex && i < _utf8.Length; i++)
            {
                if ((_utf8[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            (_lastLine, _lastIndex, _lastColumn) = (line, byteIndex, column);
            return (line + 1, column);
        }
    }
}
