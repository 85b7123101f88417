using System.Collections.Generic;

namespace SensitiveDataAnalyzers.Config.Model
{
    public enum ConfigFormat
    {
        Yaml,
        Json,
    }

    /// <summary>One document of a file (YAML files may hold several, separated by <c>---</c>).</summary>
    public sealed class ConfigDocument
    {
        public ConfigDocument(int index, ConfigNode? root)
        {
            Index = index;
            Root = root;
        }

        /// <summary>0-based position of the document in its file.</summary>
        public int Index { get; }

        /// <summary>The root node; null for an empty document.</summary>
        public ConfigNode? Root { get; }
    }

    /// <summary>A comment, kept for suppressions (<c># sda-disable-line SDA5001 reason</c>).</summary>
    public readonly struct ConfigComment
    {
        public ConfigComment(int line, string text)
        {
            Line = line;
            Text = text;
        }

        public int Line { get; }

        public string Text { get; }
    }

    /// <summary>A parsed YAML or JSON file: its documents and comments.</summary>
    public sealed class ConfigFile
    {
        public ConfigFile(string path, ConfigFormat format, IReadOnlyList<ConfigDocument> documents, IReadOnlyList<ConfigComment> comments)
        {
            Path = path;
            Format = format;
            Documents = documents;
            Comments = comments;
        }

        /// <summary>The path used in findings.</summary>
        public string Path { get; }

        public ConfigFormat Format { get; }

        public IReadOnlyList<ConfigDocument> Documents { get; }

        public IReadOnlyList<ConfigComment> Comments { get; }
    }
}
