using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>
    /// Finds Kestrel, HTTP.sys and HttpListener endpoints that serve plaintext HTTP beyond loopback (SDA1001), on a
    /// TLS port (SDA1002, the call-recording leak's exact mistake), or behind a TLS-terminating proxy (SDA1005).
    /// Whether a binding is harmless depends on the whole app (redirection, HTTPS endpoints, forwarded headers,
    /// endpoint defaults), so bindings and facts are gathered per compilation and judged at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlaintextHttpListenerAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor PlaintextListenerRule = RuleDescriptors.Create(
            RuleIds.PlaintextHttpListener,
            RuleDescriptors.TransportCategory,
            title: "Plaintext HTTP listener on a non-loopback address",
            messageFormat: "The server listens for plaintext HTTP on '{0}' ({1}); serve HTTPS or bind to loopback",
            description: "An HTTP listener reachable from other machines sends everything it serves, recordings and patient data included, unencrypted over the network.",
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor TlsPortRule = RuleDescriptors.Create(
            RuleIds.PlaintextHttpOnTlsPort,
            RuleDescriptors.TransportCategory,
            title: "Plaintext HTTP on a TLS port",
            messageFormat: "The server answers plaintext HTTP on TLS port {2} ('{0}', {1}); clients expect TLS there: serve HTTPS",
            description: "A medical advice line served 2.7 million call recordings as plain HTTP on TCP 443. A TLS port that speaks plaintext looks secure in every configuration review while sending data in the clear.",
            // Reported as an error (see Report); the descriptor says Warning only because Roslyn never lets a
            // DiagnosticSuppressor hide a diagnostic whose default severity is Error, and HTTPS-only Kestrel endpoints in
            // appsettings make a URL set in code harmless (KestrelConfigEndpointsSuppressor).
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor BehindProxyRule = RuleDescriptors.Create(
            RuleIds.PlaintextHttpBehindProxy,
            RuleDescriptors.TransportCategory,
            title: "Plaintext HTTP listener behind a TLS-terminating proxy",
            messageFormat: "The server listens for plaintext HTTP on '{0}' ({1}) behind UseForwardedHeaders; make sure only the TLS proxy can reach this port",
            description: "With forwarded headers the app expects TLS to end at a reverse proxy; the plaintext port must then be reachable from that proxy only.",
            DiagnosticSeverity.Info,
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(PlaintextListenerRule, TlsPortRule, BehindProxyRule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var apis = ListenerApis.TryCreate(context.Compilation);
            if (apis is null)
            {
                return;
            }

            var application = new ApplicationListeners(apis, DevelopmentGuards.Create(context.Compilation));
            context.RegisterOperationAction(c => application.OnInvocation((IInvocationOperation)c.Operation, c.CancellationToken), OperationKind.Invocation);
            context.RegisterOperationAction(c => application.OnAssignment((ISimpleAssignmentOperation)c.Operation, c.CancellationToken), OperationKind.SimpleAssignment);
            context.RegisterCompilationEndAction(c => Report(c, application));
        }

        private static void Report(CompilationAnalysisContext context, ApplicationListeners application)
        {
            foreach (var listener in application.PlaintextListeners)
            {
                if (listener.IsKestrelEndpoint && application.EndpointDefaultsUseHttps)
                {
                    continue;
                }

                var address = listener.Address;
                var scope = ListenerAddress.Describe(address.Scope, address.Host);
                var properties = address.Port is int known
                    ? listener.FixProperties.SetItem(DiagnosticPropertyNames.ListenerPort, known.ToString(CultureInfo.InvariantCulture))
                    : listener.FixProperties;
                if (address.Port is int port
                    && (SdaOptions.TlsPorts(context.Options, listener.Location.SourceTree).Contains(port) || application.HttpsPorts.Contains(port)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(TlsPortRule, listener.Location, DiagnosticSeverity.Error, additionalLocations: null, properties, address.Text, scope, port.ToString(CultureInfo.InvariantCulture)));
                }
                else if (application.HasHttpsRedirection && application.HasHttpsEndpoint)
                {
                    // Beside an HTTPS endpoint, UseHttpsRedirection turns the plaintext port into a redirect.
                    continue;
                }
                else
                {
                    var rule = application.HasForwardedHeaders ? BehindProxyRule : PlaintextListenerRule;
                    context.ReportDiagnostic(Diagnostic.Create(rule, listener.Location, properties, address.Text, scope));
                }
            }
        }
    }
}
