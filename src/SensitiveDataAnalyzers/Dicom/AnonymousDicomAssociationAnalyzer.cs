using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Finds fo-dicom SCPs that accept any calling application: an <c>OnReceiveAssociationRequestAsync</c> that reaches
    /// <c>SendAssociationAcceptAsync</c> on a path where no test of the calling AE title, the called AE title or the remote
    /// host decides it, and concrete <c>DicomCEchoProvider</c> subclasses that keep its accept-everyone handler.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnonymousDicomAssociationAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.AnonymousDicomAssociation,
            RuleDescriptors.AccessCategory,
            title: "DICOM SCP accepts any calling application",
            messageFormat: "{0} accepts every DICOM association: {1}; any DICOM client that reaches the port gets in",
            description: "DICOM has no login: the calling AE title, the called AE title and the remote host are all an SCP knows about its peer. An SCP that accepts an association without testing them lets any DICOM client on the network read and write patient studies.",
            DiagnosticSeverity.Warning);

        private const string UntestedReason = "no test of the calling AE title, the called AE title or the remote host decides whether this accept is reached";

        private const string InheritedReason = "it inherits DicomCEchoProvider.OnReceiveAssociationRequestAsync, which accepts without looking at the calling AE title";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var apis = DicomAssociationApis.Create(context.Compilation);
            if (apis is null)
            {
                return;
            }

            var paths = new AcceptPaths(apis, new SourceMethodBodies(context.Compilation));

            // An accept inside a helper shared by several handlers is reported once.
            var reported = new ConcurrentDictionary<Location, byte>();

            context.RegisterOperationBlockAction(c =>
            {
                // DicomCEchoProvider's own handler is the library's (its subclasses are reported at the class).
                if (c.OwningSymbol is not IMethodSymbol method || !apis.IsHandler(method) || apis.IsAcceptAllHandler(method)
                    || MethodBody(c.OperationBlocks) is not { } body)
                {
                    return;
                }

                foreach (var site in paths.UnguardedAccepts(method, c.GetControlFlowGraph(body), c.CancellationToken))
                {
                    var location = site.Call.Syntax.GetLocation();
                    if (reported.TryAdd(location, 0))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, location, "'" + site.Method.ContainingType.Name + "." + site.Method.Name + "'", UntestedReason));
                    }
                }
            });

            context.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    if (!type.Locations.IsEmpty && apis.InheritsAcceptAllHandler(type))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], "'" + type.Name + "'", InheritedReason));
                    }
                },
                SymbolKind.NamedType);
        }

        /// <summary>The operation block of the method's body (the one the context builds a graph for).</summary>
        private static IOperation? MethodBody(ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                if (OperationTree.Root(block) is IMethodBodyOperation)
                {
                    return block;
                }
            }

            return null;
        }
    }
}
