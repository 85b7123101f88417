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
                if (info.Length > limits.MaxFileBytes)
                {
                    return Notice(ToolNotices.Skipped, displayPath, $"skipped: {info.Length:N0} bytes is over the {limits.MaxFileBytes:N0}-byte limit", 1, 1);
                }

                return Load(displayPath, File.ReadAllBytes(path), limits);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                return Notice(ToolNotices.Skipped, displayPath, "skipped: the file could not be read (" + exception.GetType().Name + ")", 1, 1);
            }
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

            var text = StrictUtf8.GetString(bytes);
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
                    : YamlConfigReader.Read(displayPath, text, limits);
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

        /// <summary>JSON when the first significant character opens an object or array (comments allowed before it).</summary>
        private static bool LooksLikeJson(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    var end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    i = text[i + 1] == '/' ? end : end + 1;
                    continue;
                }

                return c is '{' or '[';
            }

            return false;
        }

        /// <summary>The first line with Go template actions ({{ .Values }}, {{- include }}, …), or null.</summary>
        private static int? HelmTemplateLine(string text)
        {
            var line = 1;
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
                else if (text[i] == '{' && text[i + 1] == '{')
                {
                    var rest = text.Substring(i + 2, Math.Min(24, text.Length - i - 2)).TrimStart('-', ' ');
                    if (rest.StartsWith(".", StringComparison.Ordinal) || rest.StartsWith("include", StringComparison.Ordinal)
                        || rest.StartsWith("if ", StringComparison.Ordinal) || rest.StartsWith("range", StringComparison.Ordinal)
                        || rest.StartsWith("template", StringComparison.Ordinal) || rest.StartsWith("toYaml", StringComparison.Ordinal)
                        || rest.StartsWith("end", StringComparison.Ordinal) || rest.StartsWith("with", StringComparison.Ordinal)
                        || rest.StartsWith("$", StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }

            return null;
        }

        private static LoadResult Notice(ConfigRule rule, string path, string message, int line, int column) =>
            new(null, new[] { new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(path, line, column)) });
    }
}
