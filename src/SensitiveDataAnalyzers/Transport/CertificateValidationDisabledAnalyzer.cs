using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>
    /// Finds TLS certificate validation turned off: always-true validation callbacks and
    /// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>, wherever .NET takes a validator.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.CertificateValidationDisabled,
            RuleDescriptors.TransportCategory,
            title: "TLS certificate validation disabled",
            messageFormat: "{0} accepts every certificate ({1}); anyone on the network path can read and alter the traffic",
            description: "A validation callback that always returns true makes TLS worthless against a man-in-the-middle: recordings, images and credentials sent over the connection can be read and changed.",
            DiagnosticSeverity.Warning);

        private const string AlwaysTrueReason = "the callback always returns true";
        private const string DangerousValidatorReason = "DangerousAcceptAnyServerCertificateValidator";

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
            var sinks = PropertySinks.Create(
                compilation,
                ("System.Net.Http.HttpClientHandler", "ServerCertificateCustomValidationCallback"),
                ("System.Net.Security.SslClientAuthenticationOptions", "RemoteCertificateValidationCallback"),
                ("System.Net.Security.SslServerAuthenticationOptions", "RemoteCertificateValidationCallback"),
                ("System.Net.ServicePointManager", "ServerCertificateValidationCallback"),
                ("System.Net.HttpWebRequest", "ServerCertificateValidationCallback"),
                ("System.Net.WebSockets.ClientWebSocketOptions", "RemoteCertificateValidationCallback"));
            var sslStream = KnownTypes.Find(compilation, "System.Net.Security.SslStream");
            var validationCallback = KnownTypes.Find(compilation, "System.Net.Security.RemoteCertificateValidationCallback");
            if (sinks.IsEmpty && sslStream is null)
            {
                return;
            }

            var dangerousValidator = KnownTypes.Find(compilation, "System.Net.Http.HttpClientHandler")?
                .GetMembers("DangerousAcceptAnyServerCertificateValidator").FirstOrDefault();
            var guards = DevelopmentGuards.Create(compilation);

            // `insecure ? DangerousAccept… : null` turns validation off whenever the flag is set: one alternative that can
            // be taken outside Development is enough.
            string? Reason(IOperation value, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var alternative in ValueTracking.Alternatives(value, guards, cancellationToken))
                {
                    if (ValueTracking.Unwrap(alternative, cancellationToken) is IPropertyReferenceOperation property
                        && SymbolEqualityComparer.Default.Equals(property.Property, dangerousValidator))
                    {
                        return DangerousValidatorReason;
                    }

                    if (AlwaysTrueDelegates.IsAlwaysTrue(alternative, cancellationToken))
                    {
                        return AlwaysTrueReason;
                    }
                }

                return null;
            }

            void CheckArguments(OperationAnalysisContext c, ImmutableArray<IArgumentOperation> arguments)
            {
                if (guards.IsDevelopmentOnly(c.Operation))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue
                        && SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, validationCallback)
                        && Reason(argument.Value, c.CancellationToken) is { } reason)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), FixProperties.NullArgument, "SslStream", reason));
                    }
                }
            }

            if (!sinks.IsEmpty)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        if (sinks.TryMatch(c.Operation, out var match)
                            && InstallsCallback(match)
                            && Reason(match.Value, c.CancellationToken) is { } reason
                            && !guards.IsDevelopmentOnly(c.Operation))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, match.TargetSyntax.GetLocation(), FixProperties.RemoveAssignment, match.DisplayName, reason));
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment,
                    OperationKind.CoalesceAssignment);
            }

            if (sslStream is not null && validationCallback is not null)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (SymbolEqualityComparer.Default.Equals(creation.Type, sslStream))
                        {
                            CheckArguments(c, creation.Arguments);
                        }
                    },
                    OperationKind.ObjectCreation);

                // A stream derived from SslStream hands the callback over in its constructor initializer, `: base(…)`.
                context.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (invocation.TargetMethod.MethodKind == MethodKind.Constructor
                            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, sslStream))
                        {
                            CheckArguments(c, invocation.Arguments);
                        }
                    },
                    OperationKind.Invocation);
            }
        }

        /// <summary><c>=</c>, <c>+=</c> and <c>??=</c> install a callback; <c>-=</c> takes one away.</summary>
        private static bool InstallsCallback(PropertyAssignment match) =>
            match.CompoundOperator is BinaryOperatorKind.None or BinaryOperatorKind.Add;
    }
}
