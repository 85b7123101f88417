using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>
    /// Finds SSL 2/3, TLS 1.0 and TLS 1.1 enabled for Kestrel HTTPS, SslStream, Ssl*AuthenticationOptions,
    /// HttpClientHandler and ServicePointManager, with the value followed through constants, fields and locals.
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

        /// <summary>Obsolete members, by value; SslProtocols and SecurityProtocolType share these values.</summary>
        private static readonly (long Value, string Name)[] ObsoleteMembers =
        {
            (12, "Ssl2"),
            (48, "Ssl3"),
            (192, "Tls"),
            (768, "Tls11"),
        };

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
            var sslProtocols = compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols");
            var securityProtocolType = compilation.GetTypeByMetadataName("System.Net.SecurityProtocolType");
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
            var sslStream = compilation.GetTypeByMetadataName("System.Net.Security.SslStream");
            var guards = DevelopmentGuards.Create(compilation);

            void Check(OperationAnalysisContext c, IOperation value, string sink)
            {
                var type = value.Type;
                var enumName = SymbolEqualityComparer.Default.Equals(type, sslProtocols) ? "SslProtocols"
                    : SymbolEqualityComparer.Default.Equals(type, securityProtocolType) ? "SecurityProtocolType"
                    : null;
                if (enumName is null
                    || ValueTracking.Integer(value, c.CancellationToken) is not long flags
                    || ObsoleteNames(flags) is not { Count: > 0 } names
                    || guards.IsDevelopmentOnly(c.Operation))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), FixProperties.ModernTls(enumName), sink, enumName + "." + string.Join(", " + enumName + ".", names)));
            }

            if (!sinks.IsEmpty)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        if (sinks.TryMatch(c.Operation, out var match))
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
                            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, sslStream))
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

        private static List<string> ObsoleteNames(long flags)
        {
            var names = new List<string>();
            foreach (var (value, name) in ObsoleteMembers)
            {
                if ((flags & value) != 0)
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}
