using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Deployment
{
    /// <summary>An additional file loaded by the linter's loader: its text (for positions) and the parsed file or notices.</summary>
    internal sealed class LoadedFile
    {
        public LoadedFile(string path, SourceText? text, LoadResult result)
        {
            Path = path;
            Text = text;
            Result = result;
        }

        public string Path { get; }

        public SourceText? Text { get; }

        public LoadResult Result { get; }
    }

    /// <summary>
    /// Which additional files are deployment files, how they are loaded (the linter's loader and <see cref="ParseLimits"/>:
    /// binary, oversized, template and malformed files become positioned SDA0xxx notices), and where a finding points.
    /// </summary>
    internal static class DeploymentFiles
    {
        /// <summary>
        /// The files <c>sda lint</c> reads from a directory (<c>*.json</c>, <c>*.yaml</c>, <c>*.yml</c>); whether one is a
        /// compose file, a manifest, appsettings or Orthanc configuration is decided by content, as in <c>sda lint</c>.
        /// </summary>
        public static bool IsCandidate(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        public static LoadedFile Load(AdditionalText file, ParseLimits limits, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                var notice = new Finding(ToolNotices.Skipped, ToolNotices.Skipped.DefaultSeverity, "skipped: the file could not be read", new SourceLocation(file.Path, 1, 1));
                return new LoadedFile(file.Path, null, new LoadResult(null, new[] { notice }));
            }

            if (text.Length > limits.MaxFileBytes)
            {
                // At least one byte per character: over the limit without encoding it (the loader's wording for a
                // file whose length it could not see beforehand).
                var notice = new Finding(ToolNotices.Skipped, ToolNotices.Skipped.DefaultSeverity, $"skipped: more than the {limits.MaxFileBytes:N0}-byte limit", new SourceLocation(file.Path, 1, 1));
                return new LoadedFile(file.Path, text, new LoadResult(null, new[] { notice }));
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            return new LoadedFile(file.Path, text, ConfigLoader.Load(file.Path, bytes, limits));
        }

        /// <summary>
        /// The finding's 1-based line and column as a span over the written value – a quoted string to its closing
        /// quote, anything else to the end of the line without a trailing comment, comma or white space – clamped to the file.
        /// </summary>
        public static Location LocationOf(SourceLocation at, SourceText? text)
        {
            if (text is null || text.Lines.Count == 0)
            {
                var position = new LinePosition(Math.Max(0, at.Line - 1), Math.Max(0, at.Column - 1));
                return Location.Create(at.Path, default, new LinePositionSpan(position, position));
            }

            var line = text.Lines[Math.Min(Math.Max(0, at.Line - 1), text.Lines.Count - 1)];
            var start = line.Start + Math.Min(Math.Max(0, at.Column - 1), line.End - line.Start);
            var end = ValueEnd(text, start, line.End);
            var span = TextSpan.FromBounds(start, end);
            return Location.Create(at.Path, span, text.Lines.GetLinePositionSpan(span));
        }

        private static int ValueEnd(SourceText text, int start, int lineEnd)
        {
            if (start < lineEnd && text[start] is '"' or '\'')
            {
                var quote = text[start];
                for (var i = start + 1; i < lineEnd; i++)
                {
                    if (text[i] == '\\' && quote == '"')
                    {
                        i++;
                    }
                    else if (text[i] == quote)
                    {
                        return i + 1;
                    }
                }
            }

            var end = lineEnd;
            for (var i = start; i + 1 < lineEnd; i++)
            {
                if (text[i] is ' ' or '\t' && text[i + 1] == '#')
                {
                    end = i;
                    break;
                }
            }

            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ','))
            {
                end--;
            }

            return end;
        }
    }
}
