using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Finds fo-dicom TLS that accepts any certificate: <c>DefaultTlsInitiator.IgnoreSslPolicyErrors = true</c> (5.1+),
    /// <c>DicomServiceOptions.IgnoreSslPolicyErrors = true</c> (5.0 and 4.x), and a <c>CertificateValidationCallback</c>
    /// that always returns true on a <c>DefaultTlsInitiator</c> or <c>DefaultTlsAcceptor</c>. These are the DICOM rule's
    /// own: the generic certificate-validation rule (SDA1003) does not watch fo-dicom types, so each mistake is reported once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DicomCertificateChecksDisabledAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DicomCertificateChecksDisabled,
            RuleDescriptors.DicomCategory,
            title: "DICOM TLS certificate checks disabled",
            messageFormat: "{0} {1}; anyone on the network path can pose as the DICOM peer and read or alter the studies: keep the certificate checks",
            description: "TLS without certificate validation encrypts the connection to whoever answers: an attacker in the path presents any certificate, reads the patient data and forwards it.",
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
            var compilation = context.Compilation;
            var ignoreErrors = PropertySinks.Create(
                compilation,
                ("FellowOakDicom.Network.Tls.DefaultTlsInitiator", "IgnoreSslPolicyErrors"),
                ("FellowOakDicom.Network.DicomServiceOptions", "IgnoreSslPolicyErrors"),
                ("Dicom.Network.DicomServiceOptions", "IgnoreSslPolicyErrors"));
            var callbacks = PropertySinks.Create(
                compilation,
                ("FellowOakDicom.Network.Tls.DefaultTlsInitiator", "CertificateValidationCallback"),
                ("FellowOakDicom.Network.Tls.DefaultTlsAcceptor", "CertificateValidationCallback"));
            if (ignoreErrors.IsEmpty && callbacks.IsEmpty)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(compilation);
            context.RegisterOperationAction(
                c =>
                {
                    if (guards.IsDevelopmentOnly(c.Operation))
                    {
                        return;
                    }

                    if (ignoreErrors.TryMatch(c.Operation, out var flag)
                        && ValueTracking.Booleans(flag.Value, guards, c.CancellationToken).Contains(true))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, flag.TargetSyntax.GetLocation(), FixProperties.RemoveAssignment, flag.DisplayName + " = true", "accepts any certificate"));
                    }
                    else if (callbacks.TryMatch(c.Operation, out var callback)
                             && callback.CompoundOperator is BinaryOperatorKind.None or BinaryOperatorKind.Add
                             && ValueTracking.Alternatives(callback.Value, guards, c.CancellationToken).Any(value => AlwaysTrueDelegates.IsAlwaysTrue(value, c.CancellationToken)))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, callback.TargetSyntax.GetLocation(), FixProperties.RemoveAssignment, callback.DisplayName, "always returns true, so every certificate passes"));
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment);
        }
    }
}
