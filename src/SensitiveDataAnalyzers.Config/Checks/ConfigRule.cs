namespace SensitiveDataAnalyzers.Config.Checks
{
    public enum FindingSeverity
    {
        Note,
        Warning,
        Error,
    }

    /// <summary>A rule's identity, shared with the analyzers' id scheme (SDA + family digit + 3 digits).</summary>
    public sealed class ConfigRule
    {
        public const string HelpBaseUri = "https://github.com/sensitive-data-analyzers/SensitiveDataAnalyzers/blob/main/rules/";

        public ConfigRule(string id, string title, FindingSeverity defaultSeverity, string description, string? helpUri = null)
        {
            Id = id;
            Title = title;
            DefaultSeverity = defaultSeverity;
            Description = description;
            HelpUri = string.IsNullOrEmpty(helpUri) ? HelpBaseUri + id + ".md" : helpUri!;
        }

        public string Id { get; }

        public string Title { get; }

        public FindingSeverity DefaultSeverity { get; }

        /// <summary>Why it matters, in one or two sentences (SARIF fullDescription).</summary>
        public string Description { get; }

        /// <summary>The rule's page (an analyzer's own help link for code rules).</summary>
        public string HelpUri { get; }
    }
}
