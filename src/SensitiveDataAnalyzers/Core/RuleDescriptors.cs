using Microsoft.CodeAnalysis;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>Builds descriptors the same way for every rule, so help links and categories cannot drift.</summary>
    internal static class RuleDescriptors
    {
        /// <summary>Where the rule pages (rules/SDAnnnn.md) are published.</summary>
        public const string HelpBaseUri = "https://github.com/sensitive-data-analyzers/SensitiveDataAnalyzers/blob/main/rules/";

        public const string TransportCategory = "Security.Transport";

        public const string PrivacyCategory = "Security.Privacy";

        public const string DicomCategory = "Security.Dicom";

        public const string AccessCategory = "Security.Access";

        public static string HelpLink(string id) => HelpBaseUri + id + ".md";

        public static DiagnosticDescriptor Create(
            string id,
            string category,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity severity,
            params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: customTags);
        }
    }
}
