using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Finds directory browsing: <c>UseDirectoryBrowser</c> (every overload), <c>AddDirectoryBrowser</c>,
    /// <c>UseFileServer(enableDirectoryBrowsing: true)</c> and <c>FileServerOptions.EnableDirectoryBrowsing = true</c>
    /// (in an initializer or assigned later). An error when the folder is outside the web root or its name or request
    /// path says it holds patient data; silent in Development-only code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DirectoryBrowsingAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DirectoryBrowsingEnabled,
            RuleDescriptors.AccessCategory,
            title: "Directory browsing enabled",
            messageFormat: "{0} enables directory browsing of {1}{2}: anyone can list every file name and download the files; turn browsing off",
            description: "A browsable folder hands every visitor an index of its files and a link to each: a medical advice line's 2.7 million call recordings were found and downloaded through exactly such a listing, with no login in the way. The directory browser ignores authorization.",
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
                    // The API first: the development guard walks the enclosing blocks, too much for every call.
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (apis.IsAddDirectoryBrowser(method))
                    {
                        if (!guards.IsDevelopmentOnly(invocation))
                        {
                            Report(c.ReportDiagnostic, invocation, "AddDirectoryBrowser", null);
                        }
                    }
                    else if (apis.IsUseDirectoryBrowser(method))
                    {
                        if (!guards.IsDevelopmentOnly(invocation))
                        {
                            Report(c.ReportDiagnostic, invocation, "UseDirectoryBrowser", MiddlewareFolder(invocation, apis, guards, c.CancellationToken));
                        }
                    }
                    else if (apis.IsUseFileServer(method)
                        && Argument(invocation, "enableDirectoryBrowsing") is { } enable
                        && ValueTracking.Booleans(enable, guards, c.CancellationToken).Contains(true)
                        && !guards.IsDevelopmentOnly(invocation))
                    {
                        Report(c.ReportDiagnostic, invocation, "UseFileServer(enableDirectoryBrowsing: true)", ServedFolder.WebRoot(null));
                    }
                },
                OperationKind.Invocation);

            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (ServedFolder.OfSwitchTurnedOn(assignment, apis.FileServerOptions, "EnableDirectoryBrowsing", apis, guards, c.CancellationToken) is { } folder)
                    {
                        Report(c.ReportDiagnostic, assignment, "EnableDirectoryBrowsing = true", folder);
                    }
                },
                OperationKind.SimpleAssignment);
        }

        /// <summary>UseDirectoryBrowser(), UseDirectoryBrowser("/path") and UseDirectoryBrowser(options).</summary>
        private static ServedFolder? MiddlewareFolder(IInvocationOperation invocation, StaticFileApis apis, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            if (Argument(invocation, "requestPath") is { } requestPath)
            {
                return ServedFolder.WebRoot(ServedFolder.RequestPathText(requestPath, guards, cancellationToken));
            }

            if (Argument(invocation, "options") is { } options)
            {
                var settings = OptionsSettings.Of(options, cancellationToken);
                return ServedFolder.Of(settings, "", apis, guards, cancellationToken);
            }

            return ServedFolder.WebRoot(null);
        }

        internal static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
            invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter)?.Value;

        private static void Report(System.Action<Diagnostic> report, IOperation at, string api, ServedFolder? folder)
        {
            var severity = folder is { } known && (known.OutsideWebRoot || known.SensitiveWord is not null) ? DiagnosticSeverity.Error : Rule.DefaultSeverity;
            var described = folder?.Describe() ?? "the folders a directory browser middleware serves";
            report(Diagnostic.Create(Rule, at.Syntax.GetLocation(), severity, additionalLocations: null, properties: null, api, described, folder?.Reasons() ?? ""));
        }
    }
}
