using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Finds <c>StaticFileOptions.ServeUnknownFileTypes = true</c> (also through <c>FileServerOptions.StaticFileOptions</c>)
    /// for a folder outside the web root or one whose name or request path says it holds patient data. Silent in
    /// Development-only code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnknownFileTypesAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.UnknownFileTypesServed,
            RuleDescriptors.AccessCategory,
            title: "Unknown file types served from a sensitive folder",
            messageFormat: "ServeUnknownFileTypes = true serves files of every type from {0}{1}; map only the types it may serve in a FileExtensionContentTypeProvider",
            description: "By default the static-file middleware serves only the file types it knows. ServeUnknownFileTypes lifts that last limit: exports, database backups, DICOM files and anything else dropped into the folder become downloadable by name.",
            DiagnosticSeverity.Warning);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (StaticFileApis.Create(context.Compilation) is not { } apis)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(context.Compilation);

            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    var folder = ServedFolder.OfSwitchTurnedOn(assignment, apis.StaticFileOptions, "ServeUnknownFileTypes", apis, guards, c.CancellationToken);
                    if (folder is { ProviderKnown: true } && (folder.OutsideWebRoot || folder.SensitiveWord is not null))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), folder.Describe(), folder.Reasons()));
                    }
                },
                OperationKind.SimpleAssignment);
        }
    }
}
