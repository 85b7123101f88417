using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>
    /// Finds SSL 2/3, TLS 1.0 and TLS 1.1 enabled for Kestrel HTTPS, SslStream, Ssl*AuthenticationOptions,
    /// HttpClientHandler and ServicePointManager, with the value followed through constants, fields, locals, <c>|</c>
    /// combinations and the branches of <c>?:</c> that can run outside Development.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ObsoleteTlsProtocolAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.ObsoleteTlsProtocol,
            RuleDescriptors.TransportCategory,
            title: "Obsolete TLS protocol version",
            messageFormat: "{0} enables obsolete {1}; use Tls12 | Tls13, or None to let the operating system choose",
            description: "SSL 3.0, TLS 1.0 and TLS 1.1 have known attacks and are disabled by current operating systems and browsers; allowing them lets an attacker downgrade the connection.",
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
            var sslProtocols = KnownTypes.Find(compilation, "System.Security.Authentication.SslProtocols");
            var securityProtocolType = KnownTypes.Find(compilation, "System.Net.SecurityProtocolType");
            if (sslProtocols is null && securityProtocolType is null)
            {
                return;
            }

            var sinks = PropertySinks.Create(
                compilation,
                ("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions", "SslProtocols"),
                ("System.Net.Security.SslClientAuthenticationOptions", "EnabledSslProtocols"),
                ("System.Net.Security.SslServerAuthenticationOptions", "EnabledSslProtocols"),
                ("System.Net.Http.HttpClientHandler", "SslProtocols"),
                ("System.Net.ServicePointManager", "SecurityProtocol"));
            var sslStream = KnownTypes.Find(compilation, "System.Net.Security.SslStream");
            var guards = DevelopmentGuards.Create(compilation);

            // `legacy ? Tls11 | Tls12 : Tls12`: each alternative that can be taken outside Development is a value given to the sink.
            void Check(OperationAnalysisContext c, IOperation value, string sink)
            {
                foreach (var alternative in ValueTracking.Alternatives(value, guards, c.CancellationToken))
                {
                    CheckValue(c, alternative, sink);
                }
            }

            void CheckValue(OperationAnalysisContext c, IOperation value, string sink)
            {
                var type = value.Type;
                var enumName = SymbolEqualityComparer.Default.Equals(type, sslProtocols) ? "SslProtocols"
                    : SymbolEqualityComparer.Default.Equals(type, securityProtocolType) ? "SecurityProtocolType"
                    : null;
                var complete = true;
                if (enumName is null
                    || TlsProtocolFlags.Known(value, ref complete, c.CancellationToken) is not long flags
                    || TlsProtocolFlags.ObsoleteNames(flags) is not { Count: > 0 } names
                    || guards.IsDevelopmentOnly(c.Operation))
                {
                    return;
                }

                // The fix rewrites the whole value: offered only where no unknown part (a parameter | Tls11) would be dropped.
                var properties = complete ? FixProperties.ModernTls(enumName) : FixProperties.None;
                c.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, sink, enumName + "." + string.Join(", " + enumName + ".", names)));
            }

            if (!sinks.IsEmpty)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        // |= adds protocols; &= ~X and the like only take them away.
                        if (sinks.TryMatch(c.Operation, out var match)
                            && match.CompoundOperator is BinaryOperatorKind.None or BinaryOperatorKind.Or)
                        {
                            Check(c, match.Value, match.DisplayName);
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment);
            }

            if (sslStream is not null)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if (!method.Name.StartsWith("AuthenticateAs", System.StringComparison.Ordinal)
                            || !IsDeclaredBy(method, sslStream))
                        {
                            return;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name == "enabledSslProtocols")
                            {
                                Check(c, argument.Value, "SslStream." + method.Name);
                            }
                        }
                    },
                    OperationKind.Invocation);
            }
        }

        /// <summary>The method is SslStream's own, or an override of it in a derived stream.</summary>
        private static bool IsDeclaredBy(IMethodSymbol method, INamedTypeSymbol? type)
        {
            for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.ContainingType, type))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
