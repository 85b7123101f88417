using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Finds fo-dicom servers (SCPs) that accept plaintext DICOM beyond loopback: 5.1+ <c>DicomServerFactory</c> /
    /// <c>IDicomServerFactory.Create&lt;T&gt;</c> without a TLS acceptor, 5.0 and 4.x <c>Create&lt;T&gt;</c> without a
    /// certificate name, and the ASP.NET Core <c>AddDicomServer&lt;T&gt;</c> hosting. The 5.1+ factory and the hosting
    /// fall back to an <c>ITlsAcceptor</c> registered for dependency injection, so those findings are decided once the
    /// whole compilation has been seen: a registration anywhere in it silences them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlaintextDicomServerAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.PlaintextDicomServer,
            RuleDescriptors.DicomCategory,
            title: "DICOM server without TLS beyond loopback",
            messageFormat: "{0} accepts plaintext DICOM on {1} ({2}); give it a TLS acceptor (a certificate name in fo-dicom 4.x and 5.0) or bind it to loopback",
            description: "A PACS or DICOM gateway that listens without TLS exposes every study sent to it, with the patient's name, birth date and id, to anyone on the network path; surveys found thousands of such servers reachable from the Internet.",
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

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
            if (!apis.HasServers)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(context.Compilation);
            var candidates = new ConcurrentQueue<(Diagnostic Finding, bool DependsOnRegisteredAcceptor)>();
            var acceptorRegistered = false;

            var serviceDescriptor = KnownTypes.Find(context.Compilation, "Microsoft.Extensions.DependencyInjection.ServiceDescriptor");

            // An acceptor registered only in Development leaves the servers plaintext everywhere else.
            if (apis.TlsAcceptor is { } tlsAcceptor)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        if (!acceptorRegistered && RegistersAcceptor(c.Operation, tlsAcceptor, serviceDescriptor) && !guards.IsDevelopmentOnly(c.Operation))
                        {
                            acceptorRegistered = true;
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
            }

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;

                    // Create<>(104) as it is being typed binds to no service type: nothing to judge yet.
                    if (method.TypeArguments.Any(type => type.TypeKind == TypeKind.Error) || guards.IsDevelopmentOnly(invocation))
                    {
                        return;
                    }

                    var arguments = invocation.Arguments;
                    if (apis.IsServerFactoryCreate(method))
                    {
                        // The port-only overloads listen on every interface.
                        var (scope, address) = DicomArguments.Host(DicomArguments.Named(arguments, "ipAddress"), HostScope.AllInterfaces, guards, c.CancellationToken);
                        if (scope is HostScope.Loopback or HostScope.LocalSocket)
                        {
                            return;
                        }

                        var where = DicomArguments.Port(DicomArguments.Named(arguments, "port"), c.CancellationToken) + " " + Describe(scope, address);
                        var api = method.ContainingType.Name + ".Create<" + (method.TypeArguments.IsEmpty ? "T" : method.TypeArguments[0].Name) + ">";
                        if (DicomArguments.Named(arguments, "tlsAcceptor") is { } acceptor)
                        {
                            if (DicomArguments.IsAbsentOrNull(acceptor, guards, c.CancellationToken))
                            {
                                candidates.Enqueue((Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), api, where, "no TLS acceptor"), true));
                            }
                        }
                        else if (DicomArguments.IsAbsentOrEmpty(DicomArguments.Named(arguments, "certificateName"), guards, c.CancellationToken))
                        {
                            candidates.Enqueue((Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), api, where, "no certificate name"), false));
                        }
                    }
                    else if (apis.IsHostedServer(method))
                    {
                        var api = "AddDicomServer<" + method.TypeArguments[0].Name + ">";
                        candidates.Enqueue((Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), api, "its configured port on all network interfaces", "no TLS acceptor registered"), true));
                    }
                },
                OperationKind.Invocation);

            context.RegisterCompilationEndAction(c =>
            {
                foreach (var (finding, dependsOnRegisteredAcceptor) in candidates)
                {
                    if (!(dependsOnRegisteredAcceptor && acceptorRegistered))
                    {
                        c.ReportDiagnostic(finding);
                    }
                }
            });
        }

        private static string Describe(HostScope scope, string? address) => scope switch
        {
            HostScope.AllInterfaces => "on all network interfaces",
            HostScope.Unknown => "on an address set at run time",
            _ => "on " + address,
        };

        /// <summary>
        /// Any service registration whose service type is ITlsAcceptor: <c>services.AddSingleton&lt;ITlsAcceptor&gt;(…)</c>,
        /// <c>AddSingleton&lt;ITlsAcceptor, MyAcceptor&gt;()</c>, <c>TryAddSingleton(typeof(ITlsAcceptor), …)</c>, and the
        /// descriptors handed to <c>Add</c>/<c>TryAdd</c>: <c>ServiceDescriptor.Singleton&lt;ITlsAcceptor&gt;(…)</c>,
        /// <c>ServiceDescriptor.Describe(typeof(ITlsAcceptor), …)</c>, <c>new ServiceDescriptor(typeof(ITlsAcceptor), …)</c>.
        /// Keyed registrations are not what the factory's <c>GetService&lt;ITlsAcceptor&gt;()</c> finds.
        /// </summary>
        private static bool RegistersAcceptor(IOperation operation, INamedTypeSymbol tlsAcceptor, INamedTypeSymbol? serviceDescriptor)
        {
            ImmutableArray<IArgumentOperation> arguments;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var registers = method.Name.StartsWith("Add", System.StringComparison.Ordinal)
                        || method.Name.StartsWith("TryAdd", System.StringComparison.Ordinal)
                        || (serviceDescriptor is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, serviceDescriptor));
                    if (!registers || method.Name.Contains("Keyed"))
                    {
                        return false;
                    }

                    if (!method.TypeArguments.IsEmpty && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], tlsAcceptor))
                    {
                        return true;
                    }

                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation when serviceDescriptor is not null && SymbolEqualityComparer.Default.Equals(creation.Type, serviceDescriptor):
                    arguments = creation.Arguments;
                    break;
                default:
                    return false;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == "serviceKey")
                {
                    return false;
                }
            }

            foreach (var argument in arguments)
            {
                if (argument.Value is ITypeOfOperation { TypeOperand: var type } && SymbolEqualityComparer.Default.Equals(type, tlsAcceptor))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
