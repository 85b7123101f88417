namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>The process exit codes of <c>sda</c>; CI pipelines branch on them.</summary>
    public static class ExitCodes
    {
        /// <summary>Linted, and no reported finding is at or above <c>--fail-on</c>.</summary>
        public const int Success = 0;

        /// <summary>Linted, and at least one reported finding is at or above <c>--fail-on</c>.</summary>
        public const int FindingsAtOrAboveThreshold = 1;

        /// <summary>Bad command line, no readable input, unreadable baseline, unwritable output, or an internal error.</summary>
        public const int UsageOrInputError = 2;
    }
}
