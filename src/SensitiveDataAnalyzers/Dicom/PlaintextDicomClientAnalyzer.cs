using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Finds fo-dicom clients that send DICOM in plaintext to a host beyond loopback: <c>useTls: false</c> or a null TLS
    /// initiator given to <c>DicomClientFactory.Create</c> / <c>IDicomClientFactory.Create</c> (5.x), the 4.x
    /// <c>Dicom.Network.Client.DicomClient</c> constructor and the obsolete 4.x <c>DicomClient.Send/SendAsync</c>. The
    /// flag is followed through constants, readonly fields, locals, <c>?:</c> and settings objects with constant values.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlaintextDicomClientAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.PlaintextDicomClient,
            RuleDescriptors.DicomCategory,
            title: "DICOM client without TLS",
            messageFormat: "{0} sends DICOM to {1} in plaintext ({2}); patient names, ids and images cross the network readable: use TLS",
            description: "Plain DICOM carries every header — patient name, birth date, id, exam — and the pixel data in clear text. A client that connects without TLS exposes every study it sends or retrieves to anyone on the network path.",
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
            var apis = DicomApis.Create(context.Compilation);
            if (!apis.HasClients)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(context.Compilation);

            void Check(OperationAnalysisContext c, string api, ImmutableArray<IArgumentOperation> arguments)
            {
                var (scope, host) = DicomArguments.Host(DicomArguments.Named(arguments, "host"), HostScope.Unknown, guards, c.CancellationToken);
                if (scope is HostScope.Loopback or HostScope.LocalSocket || guards.IsDevelopmentOnly(c.Operation))
                {
                    return; // a local test PACS or a TLS-terminating sidecar on the same host
                }

                var target = host is null ? "a host set at run time" : "'" + host + "'";
                if (DicomArguments.Named(arguments, "useTls") is { ArgumentKind: not ArgumentKind.DefaultValue } useTls
                    && ValueTracking.Booleans(useTls.Value, guards, c.CancellationToken).Contains(false))
                {
                    var fix = useTls.Value is ILiteralOperation ? FixProperties.UseTls : FixProperties.None;
                    c.ReportDiagnostic(Diagnostic.Create(Rule, useTls.Value.Syntax.GetLocation(), fix, api, target, "useTls: false"));
                }
                else if (DicomArguments.Named(arguments, "tlsInitiator") is { } initiator && DicomArguments.IsAbsentOrNull(initiator, guards, c.CancellationToken))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, initiator.Value.Syntax.GetLocation(), api, target, "no TLS initiator"));
                }
            }

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (apis.IsClientFactoryCreate(method))
                    {
                        Check(c, method.ContainingType.Name + ".Create", invocation.Arguments);
                    }
                    else if (method.Name is "Send" or "SendAsync"
                             && SymbolEqualityComparer.Default.Equals(method.ContainingType, apis.ObsoleteLegacyClient))
                    {
                        Check(c, "DicomClient." + method.Name, invocation.Arguments);
                    }
                },
                OperationKind.Invocation);

            if (apis.LegacyClient is { } legacyClient)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (SymbolEqualityComparer.Default.Equals(creation.Type, legacyClient))
                        {
                            Check(c, "new DicomClient", creation.Arguments);
                        }
                    },
                    OperationKind.ObjectCreation);
            }
        }
    }
}
