using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Deployment
{
    /// <summary>
    /// One descriptor per rule of the linter's catalog (<see cref="ConfigLinter.Rules"/>), tool notices included, so
    /// ids, titles, default severities, descriptions and help links cannot drift from <c>sda lint</c>. The message is
    /// the linter's own (already free of secrets); a finding's severity is the one the linter chose for it.
    /// </summary>
    internal static class DeploymentRules
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById =
            ConfigLinter.Rules.ToDictionary(rule => rule.Id, Create, StringComparer.Ordinal);

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ConfigLinter.Rules.Select(rule => ById[rule.Id]).ToImmutableArray();

        public static DiagnosticDescriptor For(ConfigRule rule) => ById[rule.Id];

        public static DiagnosticSeverity Severity(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => DiagnosticSeverity.Error,
            FindingSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };

        /// <summary>The code rules' categories by family digit (a config finding shares its id's family with code).</summary>
        public static string Category(string id) => id.Length > 3 ? id[3] switch
        {
            '1' => "Security.Transport",
            '2' => "Security.Privacy",
            '3' => "Security.Dicom",
            '4' => "Security.Access",
            '5' => "Security.Exposure",
            _ => "Security.Notices",
        } : "Security.Notices";

        private static DiagnosticDescriptor Create(ConfigRule rule) =>
            Create(rule.Id, rule.Title, rule.Description, Category(rule.Id), Severity(rule.DefaultSeverity), rule.HelpUri);

        private static DiagnosticDescriptor Create(string id, string title, string description, string category, DiagnosticSeverity severity, string helpLink) =>
            new(
                id,
                title,
                messageFormat: "{0}",
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: helpLink,
                // Findings are computed over all deployment files of the compilation together, at compilation end.
                WellKnownDiagnosticTags.CompilationEnd);
    }
}
