using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Parsing
{
    /// <summary>The outcome of loading one file: the parsed file, or notices saying why there is none.</summary>
    public sealed class LoadResult
    {
        public LoadResult(ConfigFile? file, IReadOnlyList<Finding> notices)
        {
            File = file;
            Notices = notices;
        }

        public ConfigFile? File { get; }

        public IReadOnlyList<Finding> Notices { get; }
    }

    /// <summary>
    /// Turns bytes into a <see cref="ConfigFile"/>, or into a positioned SDA0xxx notice: binary and oversized files are
    /// skipped, Helm templates are asked to be rendered first, malformed input is reported where it breaks. Never throws.
    /// </summary>
    public static class ConfigLoader
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        public static LoadResult LoadFile(string path, string displayPath, ParseLimits? limits = null)
        {
            limits ??= ParseLimits.Default;
            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > limits.MaxFileBytes)
                {
                    return Notice(ToolNotices.Skipped, displayPath, $"skipped: {info.Length:N0} bytes is over the {limits.MaxFileBytes:N0}-byte limit", 1, 1);
                }

                // Devices, pipes and /proc files report no length: read at most one byte over the limit, never all.
                var bytes = ReadAtMost(path, limits.MaxFileBytes + 1);
                if (bytes.Length > limits.MaxFileBytes)
                {
                    return Notice(ToolNotices.Skipped, displayPath, $"skipped: more than the {limits.MaxFileBytes:N0}-byte limit", 1, 1);
                }

                return Load(displayPath, bytes, limits);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException
                                                  or ArgumentException or NotSupportedException)
            {
                return Notice(ToolNotices.Skipped, displayPath, "skipped: the file could not be read (" + exception.GetType().Name + ")", 1, 1);
            }
        }

        private static byte[] ReadAtMost(string path, long maxBytes)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (buffer.Length < maxBytes)
            {
                var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes - buffer.Length));
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        public static LoadResult Load(string displayPath, byte[] bytes, ParseLimits? limits = null)
        {
            limits ??= ParseLimits.Default;
            if (bytes.Length > limits.MaxFileBytes)
            {
                return Notice(ToolNotices.Skipped, displayPath, $"skipped: {bytes.Length:N0} bytes is over the {limits.MaxFileBytes:N0}-byte limit", 1, 1);
            }

            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8192)) >= 0)
            {
                return Notice(ToolNotices.Skipped, displayPath, "skipped: binary file", 1, 1);
            }

            // A JSON object or array goes straight to the byte-level reader: decoding it to text first only to look for
            // templates doubled the cost of JSON files. A template marker sends it down the text path as before.
            if (StartsLikeJsonValue(bytes) && !ContainsTemplateMarker(bytes))
            {
                try
                {
                    return new LoadResult(JsonConfigReader.Read(displayPath, bytes, limits), Array.Empty<Finding>());
                }
                catch (ParseException exception)
                {
                    return Notice(exception.Rule, displayPath, exception.Message, exception.Line, exception.Column);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    return Notice(ToolNotices.Unparseable, displayPath, "could not be parsed: " + exception.GetType().Name, 1, 1);
                }
            }

            var text = StrictUtf8.GetString(bytes);
            var ascii = text.Length == bytes.Length; // one byte per character: no character outside the BMP
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            if (HelmTemplateLine(text) is int templateLine)
            {
                return Notice(ToolNotices.Template, displayPath, "template syntax '{{' found: render first, e.g. helm template <chart> | sda lint -", templateLine, 1);
            }

            try
            {
                var file = LooksLikeJson(text)
                    ? JsonConfigReader.Read(displayPath, bytes, limits)
                    : YamlConfigReader.Read(displayPath, text, limits, ascii);
                return new LoadResult(file, Array.Empty<Finding>());
            }
            catch (ParseException exception)
            {
                return Notice(exception.Rule, displayPath, exception.Message, exception.Line, exception.Column);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A parser bug must not end the run: report it on this file and carry on with the others.
                return Notice(ToolNotices.Unparseable, displayPath, "could not be parsed: " + exception.GetType().Name, 1, 1);
            }
        }

        /// <summary>
        /// JSON when the first significant character opens an object or array (comments allowed before it), or when
        /// the file holds nothing but <c>//</c> and <c>/* */</c> comments (in YAML they would be one plain scalar).
        /// </summary>
        /// <summary>After an optional BOM and white space, the first byte opens an object or an array.</summary>
        private static bool StartsLikeJsonValue(byte[] bytes)
        {
            var i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            return i < bytes.Length && bytes[i] is (byte)'{' or (byte)'[';
        }

        private static bool ContainsTemplateMarker(byte[] bytes) =>
            new ReadOnlySpan<byte>(bytes).IndexOf(new ReadOnlySpan<byte>(new[] { (byte)'{', (byte)'{' })) >= 0;

        private static bool LooksLikeJson(string text)
        {
            var sawComment = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    var lineComment = text[i + 1] == '/';
                    var end = lineComment ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0 && !lineComment)
                    {
                        return false;
                    }

                    sawComment = true;
                    i = end < 0 ? text.Length : lineComment ? end : end + 1;
                    continue;
                }

                return c is '{' or '[';
            }

            return sawComment;
        }

        /// <summary>
        /// The first line of a Helm template ({{ .Values.x }}, {{- include "…" }}, toYaml, nindent), or null. Other Go
        /// templates in rendered YAML (Prometheus/Alertmanager {{ $labels.x }}, {{ range .Alerts }}) are data, not Helm.
        /// </summary>
        private static int? HelmTemplateLine(string text)
        {
            // Most files have no '{{' at all: a (vectorised) search finds that without walking every character.
            for (var i = text.IndexOf("{{", StringComparison.Ordinal); i >= 0; i = text.IndexOf("{{", i + 1, StringComparison.Ordinal))
            {
                // Look for the closing braces within the 200 characters an action is read to: searching the whole
                // rest of the file for every '{{' made megabytes of braces quadratic.
                var close = text.IndexOf("}}", i + 2, Math.Min(202, text.Length - i - 2), StringComparison.Ordinal);
                var action = close < 0 ? text.Substring(i + 2, Math.Min(80, text.Length - i - 2)) : text.Substring(i + 2, Math.Min(close - i - 2, 200));
                foreach (var marker in HelmMarkers)
                {
                    if (action.IndexOf(marker, StringComparison.Ordinal) >= 0)
                    {
                        return LineOf(text, i);
                    }
                }
            }

            return null;
        }

        private static readonly string[] HelmMarkers = { ".Values", ".Release.", ".Chart.", ".Capabilities.", ".Files.", "include \"", "template \"", "toYaml", "nindent", "tpl " };

        private static int LineOf(string text, int index)
        {
            var line = 1;
            for (var i = text.IndexOf('\n'); i >= 0 && i < index; i = text.IndexOf('\n', i + 1))
            {
                line++;
            }

            return line;
        }

        private static LoadResult Notice(ConfigRule rule, string path, string message, int line, int column) =>
            new(null, new[] { new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(path, line, column)) });
    }
}
