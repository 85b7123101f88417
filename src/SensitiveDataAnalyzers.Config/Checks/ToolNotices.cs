namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>Family 0: the tool's own notices about input it could not lint.</summary>
    public static class ToolNotices
    {
        public static readonly ConfigRule Unparseable = new(
            "SDA0001",
            "File could not be parsed",
            FindingSeverity.Error,
            "The file is not valid YAML or JSON, so none of its settings were checked.");

        public static readonly ConfigRule Skipped = new(
            "SDA0002",
            "File skipped",
            FindingSeverity.Note,
            "The file was not linted: it is binary, larger than the size limit, or could not be read.");

        public static readonly ConfigRule Template = new(
            "SDA0003",
            "Template must be rendered first",
            FindingSeverity.Warning,
            "A Helm or Go template is not YAML until it is rendered; lint its output: helm template <chart> | sda lint -");

        public static readonly ConfigRule LimitExceeded = new(
            "SDA0004",
            "Document exceeds a safety limit",
            FindingSeverity.Error,
            "The document nests too deeply or expands to too many nodes (for example a YAML alias bomb); it was not linted.");
    
        public static readonly ConfigRule ProjectFallback = new(
            "SDA0005",
            "Project compiled without its build",
            FindingSeverity.Warning,
            "sda scan could not load or restore the project with MSBuild, so it compiled the project's .cs files against the framework reference assemblies only: findings that need its packages, generated code or build settings may be missing.");

        public static readonly ConfigRule AnalyzerFailure = new(
            "SDA0006",
            "Analyzer failed",
            FindingSeverity.Warning,
            "An analyzer threw an exception (AD0001) on this project: its findings for the project may be missing. The rest of the scan carried on.");

        /// <summary>Every notice, in id order.</summary>
        public static System.Collections.Generic.IReadOnlyList<ConfigRule> All { get; } = new[] { Unparseable, Skipped, Template, LimitExceeded, ProjectFallback, AnalyzerFailure };
    }
}
