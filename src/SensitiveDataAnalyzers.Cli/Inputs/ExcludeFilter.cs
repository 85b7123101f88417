using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SensitiveDataAnalyzers.Cli.Inputs
{
    /// <summary>
    /// <c>--exclude</c> globs, matched against display paths (relative to the current directory, forward slashes).
    /// <c>*</c> and <c>?</c> stay within a segment, <c>**</c> crosses segments, <c>[abc]</c>/<c>[!abc]</c> are classes.
    /// A pattern without a slash matches any segment (<c>vendor</c>, <c>*.json</c>); one with a slash matches the path
    /// from the current directory or any of its parent directories (<c>deploy/legacy</c>, <c>charts/**/tests</c>).
    /// </summary>
    internal sealed class ExcludeFilter
    {
        private readonly List<Regex> _segmentPatterns = new();
        private readonly List<Regex> _pathPatterns = new();

        public ExcludeFilter(IEnumerable<string> globs, PathDisplay display)
        {
            var options = RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? RegexOptions.IgnoreCase : RegexOptions.None);
            foreach (var raw in globs)
            {
                if (string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                var glob = raw.Trim();
                if (Path.IsPathFullyQualified(glob))
                {
                    glob = display.ToDisplayPath(Path.GetFullPath(glob));
                }

                glob = glob.Replace('\\', '/');
                while (glob.StartsWith("./", StringComparison.Ordinal))
                {
                    glob = glob.Substring(2);
                }

                glob = glob.TrimEnd('/');
                if (glob.Length == 0)
                {
                    continue;
                }

                var regex = new Regex("^" + ToRegex(glob) + "$", options, TimeSpan.FromSeconds(1));
                (glob.Contains('/') ? _pathPatterns : _segmentPatterns).Add(regex);
            }
        }

        public bool IsEmpty => _segmentPatterns.Count == 0 && _pathPatterns.Count == 0;

        public bool IsExcluded(string displayPath)
        {
            if (IsEmpty || displayPath.Length == 0)
            {
                return false;
            }

            var segments = displayPath.Split('/');
            if (_segmentPatterns.Count > 0 && segments.Any(segment => segment.Length > 0 && _segmentPatterns.Any(pattern => pattern.IsMatch(segment))))
            {
                return true;
            }

            // The path itself or any parent directory of it.
            for (var end = segments.Length; end > 0; end--)
            {
                var prefix = string.Join("/", segments, 0, end);
                if (_pathPatterns.Any(pattern => pattern.IsMatch(prefix)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string ToRegex(string glob)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*')
                {
                    if (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        var atSegmentStart = i == 0 || glob[i - 1] == '/';
                        i++;
                        if (atSegmentStart && i + 1 < glob.Length && glob[i + 1] == '/')
                        {
                            builder.Append("(?:.*/)?"); // "**/": zero or more whole directories
                            i++;
                        }
                        else
                        {
                            builder.Append(".*");
                        }
                    }
                    else
                    {
                        builder.Append("[^/]*");
                    }
                }
                else if (c == '?')
                {
                    builder.Append("[^/]");
                }
                else if (c == '[' && glob.IndexOf(']', i + 1) is var close && close > i + 1)
                {
                    var body = glob.Substring(i + 1, close - i - 1);
                    var negate = body[0] == '!' || body[0] == '^';
                    if (negate)
                    {
                        body = body.Substring(1);
                    }

                    builder.Append(negate ? "[^/" : "[").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = close;
                }
                else
                {
                    builder.Append(Regex.Escape(c.ToString()));
                }
            }

            return builder.ToString();
        }
    }
}
