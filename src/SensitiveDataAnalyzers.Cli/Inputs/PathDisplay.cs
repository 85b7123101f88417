using System;
using System.IO;
using System.Text;

namespace SensitiveDataAnalyzers.Cli.Inputs
{
    /// <summary>
    /// How a file is named in reports: relative to the current directory with forward slashes when it is under it,
    /// otherwise its full path (forward slashes); as a SARIF URI, relative ones are %-escaped references against
    /// %SRCROOT% and others are absolute file URIs.
    /// </summary>
    internal sealed class PathDisplay
    {
        public const string StdinDisplayPath = "<stdin>";

        private static readonly StringComparison PathComparison =
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public PathDisplay(string currentDirectory)
        {
            CurrentDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(currentDirectory));
        }

        /// <summary>The current directory as a full path without a trailing separator.</summary>
        public string CurrentDirectory { get; }

        /// <summary><c>file:///…/</c> for the current directory (SARIF originalUriBaseIds %SRCROOT%).</summary>
        public string CurrentDirectoryUri => ToFileUri(CurrentDirectory) + "/";

        public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

        /// <summary>Relative to the current directory when under it, forward slashes either way.</summary>
        public string ToDisplayPath(string fullPath)
        {
            var relative = Path.GetRelativePath(CurrentDirectory, fullPath);
            var underCurrent = !Path.IsPathRooted(relative)
                && relative != ".."
                && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("../", StringComparison.Ordinal);
            return Slashes(underCurrent ? relative : fullPath);
        }

        /// <summary>True when a display path was made relative (so its URI is resolved against %SRCROOT%).</summary>
        public static bool IsRelative(string displayPath) =>
            displayPath != StdinDisplayPath && !Path.IsPathRooted(displayPath) && !displayPath.StartsWith("//", StringComparison.Ordinal);

        /// <summary>The SARIF artifact URI of a display path.</summary>
        public static string ToUri(string displayPath)
        {
            if (displayPath == StdinDisplayPath)
            {
                return EscapeSegment(displayPath);
            }

            return IsRelative(displayPath) ? EscapePath(displayPath) : ToFileUri(displayPath);
        }

        public static bool SamePath(string a, string b) => string.Equals(a, b, PathComparison);

        public static StringComparer PathComparer { get; } =
            PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

        private static string Slashes(string path) =>
            Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

        /// <summary>An absolute file URI: file:///abs/path, file:///C:/path, file://server/share/path.</summary>
        private static string ToFileUri(string fullPath)
        {
            var path = Slashes(fullPath);
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                return "file:" + EscapePath(path);
            }

            if (path.Length >= 2 && path[1] == ':')
            {
                return "file:///" + path.Substring(0, 2) + EscapePath(path.Substring(2));
            }

            return "file://" + EscapePath(path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path);
        }

        private static string EscapePath(string path)
        {
            var segments = path.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                segments[i] = EscapeSegment(segments[i]);
            }

            return string.Join("/", segments);
        }

        /// <summary>RFC 3986 pchar minus ':' (a colon in a first segment would read as a scheme): everything else as %XX of UTF-8.</summary>
        private static string EscapeSegment(string segment)
        {
            var builder = new StringBuilder(segment.Length);
            foreach (var b in Encoding.UTF8.GetBytes(segment))
            {
                var c = (char)b;
                var keep = b < 0x80
                    && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~!$&'()*+,;=@".IndexOf(c) >= 0);
                if (keep)
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return builder.ToString();
        }
    }
}
