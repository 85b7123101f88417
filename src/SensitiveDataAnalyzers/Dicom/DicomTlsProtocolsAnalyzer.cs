using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Finds fo-dicom TLS that allows obsolete protocol versions: <c>Protocols</c> of a <c>DefaultTlsInitiator</c> or
    /// <c>DefaultTlsAcceptor</c> set to include SSL 3, TLS 1.0 or TLS 1.1 (SDA3004), and — because the library's default
    /// Protocols include TLS 1.0 and 1.1 — an initiator or acceptor created without ever setting Protocols (SDA3005,
    /// lower severity: the operating system may still refuse the old versions).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DicomTlsProtocolsAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor ObsoleteRule = RuleDescriptors.Create(
            RuleIds.ObsoleteDicomTlsProtocol,
            RuleDescriptors.DicomCategory,
            title: "Obsolete TLS protocol version for DICOM",
            messageFormat: "{0} enables obsolete {1}; use SslProtocols.Tls12 | SslProtocols.Tls13",
            description: "SSL 3.0, TLS 1.0 and TLS 1.1 have known attacks; a DICOM peer that offers them can be downgraded and its patient data read.",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DefaultRule = RuleDescriptors.Create(
            RuleIds.DefaultDicomTlsProtocols,
            RuleDescriptors.DicomCategory,
            title: "DICOM TLS left on fo-dicom's default protocols",
            messageFormat: "{0} is created without setting Protocols, and fo-dicom's default allows TLS 1.0 and 1.1; set Protocols = SslProtocols.Tls12 | SslProtocols.Tls13",
            description: "fo-dicom's DefaultTlsInitiator and DefaultTlsAcceptor default to Tls | Tls11 | Tls12. Whether the old versions are really offered depends on the operating system; setting Protocols makes the choice explicit.",
            DiagnosticSeverity.Info);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ObsoleteRule, DefaultRule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var apis = DicomApis.Create(compilation);
            var protocols = PropertySinks.Create(
                compilation,
                ("FellowOakDicom.Network.Tls.DefaultTlsInitiator", "Protocols"),
                ("FellowOakDicom.Network.Tls.DefaultTlsAcceptor", "Protocols"));
            if (protocols.IsEmpty)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(compilation);
            context.RegisterOperationAction(
                c =>
                {
                    if (!protocols.TryMatch(c.Operation, out var match)
                        || match.CompoundOperator is not (BinaryOperatorKind.None or BinaryOperatorKind.Or)
                        || guards.IsDevelopmentOnly(c.Operation))
                    {
                        return;
                    }

                    foreach (var value in ValueTracking.Alternatives(match.Value, guards, c.CancellationToken))
                    {
                        var complete = true;
                        if (TlsProtocolFlags.Known(value, ref complete, c.CancellationToken) is long flags
                            && TlsProtocolFlags.ObsoleteNames(flags) is { Count: > 0 } names)
                        {
                            var fix = complete ? FixProperties.ModernTls("SslProtocols") : FixProperties.None;
                            c.ReportDiagnostic(Diagnostic.Create(ObsoleteRule, value.Syntax.GetLocation(), fix, match.DisplayName, "SslProtocols." + string.Join(", SslProtocols.", names)));
                        }
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);

            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (!(SymbolEqualityComparer.Default.Equals(creation.Type, apis.DefaultTlsInitiator) || SymbolEqualityComparer.Default.Equals(creation.Type, apis.DefaultTlsAcceptor))
                        || SetsProtocols(creation, protocols)
                        || guards.IsDevelopmentOnly(creation))
                    {
                        return;
                    }

                    c.ReportDiagnostic(Diagnostic.Create(DefaultRule, creation.Syntax.GetLocation(), creation.Type!.Name));
                },
                OperationKind.ObjectCreation);
        }

        /// <summary>
        /// Protocols set in the object initializer, or later on the local that holds the object (<c>|=</c> does not count:
        /// it keeps the defaults). A local handed to a method of this compilation may get its Protocols there: not judged.
        /// </summary>
        private static bool SetsProtocols(IObjectCreationOperation creation, PropertySinks protocols)
        {
            foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (protocols.TryMatch(initializer, out _))
                {
                    return true;
                }
            }

            var local = (creation.Parent as IVariableInitializerOperation)?.Parent is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
            if (local is null)
            {
                return false;
            }

            foreach (var change in ValueTracking.LaterChanges(local, creation))
            {
                switch (change)
                {
                    // `|=` only adds to the defaults, which keep TLS 1.0 and 1.1; `=` and `&=` decide.
                    case IAssignmentOperation assignment when protocols.TryMatch(assignment, out var set) && set.CompoundOperator != BinaryOperatorKind.Or:
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false } }:
                        return true;
                }
            }

            return false;
        }
    }
}
