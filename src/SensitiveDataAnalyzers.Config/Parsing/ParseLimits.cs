namespace SensitiveDataAnalyzers.Config.Parsing
{
    /// <summary>Bounds that keep memory and time small whatever the input (alias bombs, deep nesting, huge files).</summary>
    public sealed class ParseLimits
    {
        public static readonly ParseLimits Default = new();

        /// <summary>Files larger than this are skipped with a notice.</summary>
        public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;

        /// <summary>Maximum nesting of mappings and sequences.</summary>
        public int MaxDepth { get; set; } = 128;

        /// <summary>Maximum nodes, alias uses and merged entries per file; an alias bomb stops here.</summary>
        public int MaxNodes { get; set; } = 500_000;
    }
}
