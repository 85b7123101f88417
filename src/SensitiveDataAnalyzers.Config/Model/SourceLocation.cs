using System;

namespace SensitiveDataAnalyzers.Config.Model
{
    /// <summary>A 1-based line and column in a file, as editors and SARIF count them.</summary>
    public readonly struct SourceLocation : IEquatable<SourceLocation>
    {
        public SourceLocation(string path, int line, int column)
        {
            Path = path;
            Line = line < 1 ? 1 : line;
            Column = column < 1 ? 1 : column;
        }

        /// <summary>The file as the user named it (relative when the user gave a relative path).</summary>
        public string Path { get; }

        public int Line { get; }

        public int Column { get; }

        public bool Equals(SourceLocation other) =>
            Line == other.Line && Column == other.Column && string.Equals(Path, other.Path, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

        public override int GetHashCode() => unchecked(((Path?.GetHashCode() ?? 0) * 31 + Line) * 31 + Column);

        public override string ToString() => $"{Path}:{Line}:{Column}";
    }
}
