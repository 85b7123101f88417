using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>One reported problem. Messages never contain the secret or personal value that was found.</summary>
    public sealed class Finding
    {
        public Finding(ConfigRule rule, FindingSeverity severity, string message, SourceLocation location)
        {
            Rule = rule;
            Severity = severity;
            Message = message;
            Location = location;
        }

        public ConfigRule Rule { get; }

        public FindingSeverity Severity { get; }

        public string Message { get; }

        public SourceLocation Location { get; }

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
    }
}
