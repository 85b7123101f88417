using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Dicom;
using SensitiveDataAnalyzers.Tests.Robustness;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Dicom.AnonymousDicomAssociationAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA4001: association handlers that reach SendAssociationAcceptAsync with no test of the calling AE title, the called
    /// AE title or the remote host deciding it, and DicomCEchoProvider subclasses that keep its accept-everyone handler,
    /// against near misses: real tests in every form (comparison, allow-list, dictionary, switch, pattern, helper,
    /// assertion, loop), never accepting, look-alike types, broken code. fo-dicom 5.1, 5.0 and 4.x stand-ins.
    /// </summary>
    public class AnonymousDicomAssociationAnalyzerTests
    {
        private const string UntestedReason = "no test of the calling AE title, the called AE title or the remote host decides whether this accept is reached";
        private const string InheritedReason = "it inherits DicomCEchoProvider.OnReceiveAssociationRequestAsync, which accepts without looking at the calling AE title";

        private const string Reject = "SendAssociationRejectAsync(DicomRejectResult.Permanent, DicomRejectSource.ServiceUser, DicomRejectReason.CallingAENotRecognized)";

        private const string Usings = """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net;
            using System.Text;
            using System.Threading.Tasks;
            using FellowOakDicom.Network;
            using Microsoft.Extensions.Logging;

            Console.WriteLine("PACS");

            """;

        /// <summary>A fo-dicom 5 SCP with an allow-list, a peer map and a logger; <paramref name="members"/> holds its handler.</summary>
        private static string StoreScp(string members) => $$"""
            public class StoreScp : DicomService, IDicomServiceProvider
            {
                private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "CT1", "MR1" };
                private static readonly Dictionary<string, string> Peers = new() { ["CT1"] = "10.1.2.3" };
                private readonly ILogger _logger;

                public StoreScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                    : base(stream, fallbackEncoding, logger, dependencies) => _logger = logger;

                public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;

            {{members}}
            }
            """;

        /// <summary>A handler of <see cref="StoreScp"/> that accepts when <paramref name="condition"/> holds and rejects otherwise.</summary>
        private static string AcceptIf(string condition, bool reported) => StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if ({{condition}})
                    {
                        return {{(reported ? "{|SDA4001:SendAssociationAcceptAsync(association)|}" : "SendAssociationAcceptAsync(association)")}};
                    }

                    return {{Reject}};
                }
            """);

        private static Task VerifyAsync(string classes, params DiagnosticResult[] expected) =>
            VerifyWithAsync(FoDicomStandIns.V51, classes, expected);

        private static Task VerifyWithAsync(string standIns, string classes, params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Usings + classes + "\n" + standIns, null, expected);

        private static DiagnosticResult Untested(int location, string method) =>
            Verify.Diagnostic("SDA4001").WithLocation(location).WithArguments("'" + method + "'", UntestedReason);

        // ------------------------------------------------------------------------------------------------
        // Accepts with no test of the caller
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task HandlerThatAcceptsEveryAssociationIsReportedAtTheAccept() =>
            VerifyAsync(
                StoreScp("""
                    public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                    {
                        _logger.LogDebug("{Count} presentation contexts", association.PresentationContexts);

                        return {|#0:SendAssociationAcceptAsync(association)|};
                    }
                """),
                Untested(0, "StoreScp.OnReceiveAssociationRequestAsync"));

        [Fact]
        public Task LoggingTheTitlesIsNotATest() =>
            VerifyAsync(StoreScp("""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    _logger.LogInformation("Association from {Calling} to {Called} at {Host}", association.CallingAE, association.CalledAE, association.RemoteHost);
                    Console.WriteLine($"caller {Association.CallingAE}");
                    await {|SDA4001:SendAssociationAcceptAsync(association)|};
                }
            """));

        [Theory]
        [InlineData("association.CallingAE != null")]
        [InlineData("association.CallingAE is not null")]
        [InlineData("association.CallingAE is { }")]
        [InlineData("!string.IsNullOrEmpty(association.CallingAE)")]
        [InlineData("!string.IsNullOrWhiteSpace(Association.CalledAE)")]
        [InlineData("association.CallingAE != \"\"")]
        [InlineData("association.CallingAE != string.Empty")]
        [InlineData("!association.CallingAE.Equals(\"\")")]
        [InlineData("association.CallingAE.Length > 0 && association.CallingAE.Length <= 16")]
        [InlineData("association.CallingAE?.Length > 0")]
        [InlineData("association.CallingAE is { Length: > 0 }")]
        [InlineData("association.CallingAE.Trim() != \"\"")]
        [InlineData("association.CallingAE != association.CalledAE")]
        [InlineData("association.CallingAE is string")]
        [InlineData("association.RemoteHost != null && association.CalledAE != null")]
        public Task TriviallyTrueTestIsNotATest(string condition) =>
            VerifyAsync(AcceptIf(condition, reported: true));

        [Fact]
        public Task TestWhoseResultIsIgnoredIsNotATest() =>
            VerifyAsync(StoreScp("""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var known = Allowed.Contains(association.CallingAE);
                    Allowed.Contains(association.CalledAE);
                    if (!known)
                    {
                        _logger.LogWarning("Unknown calling AE {Ae}", association.CallingAE);
                    }

                    await {|SDA4001:SendAssociationAcceptAsync(association)|};
                }
            """));

        [Fact]
        public Task AcceptOnEveryOutcomeOfTheTestIsReportedOnEachAccept() =>
            VerifyAsync(StoreScp("""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (Allowed.Contains(association.CallingAE))
                    {
                        return {|SDA4001:SendAssociationAcceptAsync(association)|};
                    }

                    _logger.LogWarning("{Ae} is not on the list; accepting anyway", association.CallingAE);
                    return {|SDA4001:SendAssociationAcceptAsync(association)|};
                }
            """));

        [Fact]
        public Task TestAfterTheAcceptIsTooLate() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    await {|SDA4001:SendAssociationAcceptAsync(association)|};
                    if (!Allowed.Contains(association.CallingAE))
                    {
                        _logger.LogWarning("unknown caller {Ae}", association.CallingAE);
                    }
                }
            """));

        [Fact]
        public Task HelperThatOnlyChecksForNullIsNotATest() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (!IsValid(association) || !HasCaller(association.CallingAE))
                    {
                        return {{Reject}};
                    }

                    return {|SDA4001:SendAssociationAcceptAsync(association)|};
                }

                private static bool IsValid(DicomAssociation association) => !string.IsNullOrWhiteSpace(association.CallingAE);

                private bool HasCaller(string ae)
                {
                    _logger.LogInformation("caller {Ae}", ae);
                    return true;
                }
            """));

        [Fact]
        public Task AcceptInAHelperIsReportedInTheHelper() =>
            VerifyAsync(StoreScp("""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    _logger.LogInformation("association from {Ae}", association.CallingAE);
                    return AcceptAllContextsAsync(association);
                }

                private Task AcceptAllContextsAsync(DicomAssociation association)
                {
                    return {|#0:SendAssociationAcceptAsync(association)|};
                }
            """),
            Untested(0, "StoreScp.AcceptAllContextsAsync"));

        [Fact]
        public Task AcceptInAHelperSharedByTwoHandlersIsReportedOnce() =>
            VerifyAsync("""
                public abstract class ScpBase : DicomService
                {
                    protected ScpBase(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    protected Task AcceptAsync(DicomAssociation association) => {|#0:SendAssociationAcceptAsync(association)|};
                }

                public sealed class StoreScp : ScpBase, IDicomServiceProvider
                {
                    public StoreScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => AcceptAsync(association);

                    public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                }

                public sealed class FindScp : ScpBase, IDicomServiceProvider
                {
                    public FindScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => AcceptAsync(association);

                    public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                }
                """,
                Untested(0, "ScpBase.AcceptAsync"));

        [Fact]
        public Task AssertionWhoseExceptionIsSwallowedDoesNotGateTheAccept() =>
            VerifyAsync(StoreScp("""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    try
                    {
                        EnsureKnown(association);
                    }
                    catch (InvalidOperationException exception)
                    {
                        _logger.LogWarning(exception, "unknown caller");
                    }

                    await {|SDA4001:SendAssociationAcceptAsync(association)|};
                }

                private static void EnsureKnown(DicomAssociation association)
                {
                    if (!Allowed.Contains(association.CallingAE))
                    {
                        throw new InvalidOperationException("unknown calling AE");
                    }
                }
            """));

        [Fact]
        public Task ExplicitInterfaceImplementationIsReported() =>
            VerifyAsync("""
                public sealed class QueryScp : DicomService, IDicomServiceProvider
                {
                    public QueryScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    Task IDicomServiceProvider.OnReceiveAssociationRequestAsync(DicomAssociation association) => {|SDA4001:SendAssociationAcceptAsync(association)|};

                    Task IDicomServiceProvider.OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                }
                """);

        [Fact]
        public Task ConditionalAcceptOnAnUnrelatedFlagIsReported() =>
            VerifyAsync(StoreScp($$"""
                private bool _busy;

                public Task OnReceiveAssociationRequestAsync(DicomAssociation association) =>
                    _busy || association.RemotePort == 0 ? {{Reject}} : {|SDA4001:SendAssociationAcceptAsync(association)|};
            """));

        [Fact]
        public Task CallerUnknownToTheTestIsLetThrough() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    // Known callers must come from their registered host; unknown callers are not stopped at all.
                    if (Peers.TryGetValue(association.CallingAE, out var host) && host != association.RemoteHost)
                    {
                        return {{Reject}};
                    }

                    return {|SDA4001:SendAssociationAcceptAsync(association)|};
                }
            """));

        [Fact]
        public Task BlockListLetsEveryoneElseIn() =>
            VerifyAsync(StoreScp($$"""
                private static readonly HashSet<string> Blocked = new() { "ROGUE" };

                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (Blocked.Contains(association.CallingAE))
                    {
                        return {{Reject}};
                    }

                    return {|SDA4001:SendAssociationAcceptAsync(association)|};
                }
            """));

        // ------------------------------------------------------------------------------------------------
        // DicomCEchoProvider subclasses
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task EchoProviderSubclassWithoutOverrideIsReportedAtTheClassWhetherOrNotAFactoryCreatesIt() =>
            VerifyAsync(
                """
                public sealed class {|#0:VerificationScp|} : DicomCEchoProvider
                {
                    public VerificationScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }
                }

                public class {|#1:ServedEchoScp|} : DicomCEchoProvider
                {
                    public ServedEchoScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    public static IDicomServer Start() => DicomServerFactory.Create<ServedEchoScp>(11112);
                }
                """,
                Verify.Diagnostic("SDA4001").WithLocation(0).WithArguments("'VerificationScp'", InheritedReason),
                Verify.Diagnostic("SDA4001").WithLocation(1).WithArguments("'ServedEchoScp'", InheritedReason));

        [Fact]
        public Task EchoProviderOverrideThatLogsAndCallsBaseIsReportedAtTheBaseCall() =>
            VerifyAsync("""
                public sealed class LoggingEchoScp : DicomCEchoProvider
                {
                    private readonly ILogger _logger;

                    public LoggingEchoScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) => _logger = logger;

                    public override Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                    {
                        _logger.LogInformation("echo from {Ae}", association.CallingAE);
                        return {|SDA4001:base.OnReceiveAssociationRequestAsync(association)|};
                    }
                }
                """);

        [Fact]
        public Task EchoProviderOverrideThatAcceptsWithoutTestIsReported() =>
            VerifyAsync("""
                public sealed class EchoScp : DicomCEchoProvider
                {
                    public EchoScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    public override async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                    {
                        await Task.Yield();
                        await {|SDA4001:SendAssociationAcceptAsync(association)|};
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // fo-dicom 5.0 and 4.x
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task FoDicom50HandlerWithoutTestIsReported() =>
            VerifyWithAsync(FoDicomStandIns.V50, StoreScp("""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => {|SDA4001:SendAssociationAcceptAsync(association)|};
            """));

        [Fact]
        public Task FoDicom4HandlerWithoutTestIsReportedAndTestedOneIsNot() =>
            VerifyWithAsync(
                FoDicomStandIns.V51 + FoDicomStandIns.V4,
                $$"""
                namespace Legacy
                {
                    using System.Collections.Generic;
                    using System.Text;
                    using System.Threading.Tasks;
                    using Dicom.Log;
                    using Dicom.Network;

                    public class OpenScp : DicomService, IDicomServiceProvider
                    {
                        public OpenScp(INetworkStream stream, Encoding fallbackEncoding, Logger log) : base(stream, fallbackEncoding, log) { }

                        public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                        {
                            if (association.CallingAE == null)
                            {
                                return {{Reject}};
                            }

                            return {|SDA4001:SendAssociationAcceptAsync(association)|};
                        }

                        public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                    }

                    public class GuardedScp : DicomService, IDicomServiceProvider
                    {
                        private static readonly HashSet<string> Known = new() { "CT1" };

                        public GuardedScp(INetworkStream stream, Encoding fallbackEncoding, Logger log) : base(stream, fallbackEncoding, log) { }

                        public Task OnReceiveAssociationRequestAsync(DicomAssociation association) =>
                            Known.Contains(association.CallingAE) ? SendAssociationAcceptAsync(association) : {{Reject}};

                        public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses: real tests gate the accept
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("association.CallingAE == \"MODALITY1\"")]
        [InlineData("Allowed.Contains(association.CallingAE)")]
        [InlineData("Allowed.Contains(Association.CallingAE)")]
        [InlineData("Peers.ContainsKey(association.CallingAE.Trim().ToUpperInvariant())")]
        [InlineData("Peers.TryGetValue(association.CallingAE, out var host) && host == association.RemoteHost")]
        [InlineData("string.Equals(association.CalledAE, \"PACS\", StringComparison.OrdinalIgnoreCase)")]
        [InlineData("association.CalledAE.Equals(Environment.GetEnvironmentVariable(\"PACS_AE\"), StringComparison.Ordinal)")]
        [InlineData("association.CallingAE is \"CT1\" or \"MR1\"")]
        [InlineData("association.CallingAE == \"CT1\" || association.CallingAE == \"MR1\" || Peers.ContainsKey(association.CallingAE)")]
        [InlineData("association.CallingAE?.Trim() == \"CT1\"")]
        [InlineData("association.CallingAE != null && Allowed.Contains(association.CallingAE)")]
        [InlineData("Allowed.Any(a => string.Equals(a, association.CallingAE, StringComparison.OrdinalIgnoreCase))")]
        [InlineData("IPAddress.IsLoopback(IPAddress.Parse(association.RemoteHost))")]
        [InlineData("association.RemoteHost.StartsWith(\"10.1.\", StringComparison.Ordinal)")]
        public Task RealTestThatGatesTheAcceptIsNotReported(string condition) =>
            VerifyAsync(AcceptIf(condition, reported: false));

        [Fact]
        public Task EarlyRejectWhenTheTestFailsGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (string.IsNullOrEmpty(association.CallingAE) || !Allowed.Contains(association.CallingAE))
                    {
                        _logger.LogWarning("rejecting {Ae}", association.CallingAE);
                        await {{Reject}};
                        return;
                    }

                    _logger.LogInformation("accepting {Ae}", association.CallingAE);
                    await SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task ThrowOnAnUnknownCallerGatesTheAccept() =>
            VerifyAsync(StoreScp("""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (!Peers.TryGetValue(association.CallingAE, out var host) || host != association.RemoteHost)
                    {
                        throw new UnauthorizedAccessException($"unknown calling AE {association.CallingAE}");
                    }

                    await SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task CalledTitleCheckAsInTheFoDicomSamplesGatesTheAccept() =>
            VerifyAsync(StoreScp("""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (association.CalledAE != "STORESCP")
                    {
                        return SendAssociationRejectAsync(DicomRejectResult.Permanent, DicomRejectSource.ServiceUser, DicomRejectReason.CalledAENotRecognized);
                    }

                    return SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task SwitchOnTheCallingTitleGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    switch (association.CallingAE.ToUpperInvariant())
                    {
                        case "CT1":
                        case "MR1":
                            return SendAssociationAcceptAsync(association);
                        default:
                            return {{Reject}};
                    }
                }
            """));

        [Fact]
        public Task SwitchExpressionHeldInALocalGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var caller = association.CallingAE.Trim();
                    var known = caller switch { "CT1" => true, "MR1" => true, _ => false };
                    if (!known)
                    {
                        return {{Reject}};
                    }

                    return SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task FlagSetWhileSearchingTheAllowListGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var found = false;
                    foreach (var known in Allowed)
                    {
                        if (string.Equals(known, association.CallingAE, StringComparison.OrdinalIgnoreCase))
                        {
                            found = true;
                            break;
                        }
                    }

                    if (!found)
                    {
                        await {{Reject}};
                        return;
                    }

                    await SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task AcceptInsideTheLoopThatFindsTheCallerIsGated() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    foreach (var known in Allowed)
                    {
                        if (known == association.CallingAE)
                        {
                            return SendAssociationAcceptAsync(association);
                        }
                    }

                    return {{Reject}};
                }
            """));

        [Fact]
        public Task HelperInTheSameClassThatTestsTheAssociationGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    if (!await IsKnownAsync(association))
                    {
                        await {{Reject}};
                        return;
                    }

                    await SendAssociationAcceptAsync(association);
                }

                private static Task<bool> IsKnownAsync(DicomAssociation candidate)
                {
                    if (candidate.CallingAE is null)
                    {
                        return Task.FromResult(false);
                    }

                    return Task.FromResult(Peers.TryGetValue(candidate.CallingAE, out var host) && host == candidate.RemoteHost);
                }
            """));

        [Fact]
        public Task HelperInAnotherFileThatTestsTheTitleGatesTheAccept()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + StoreScp($$"""
                    public Task OnReceiveAssociationRequestAsync(DicomAssociation association) =>
                        association.CallingAE.IsRegisteredModality() ? SendAssociationAcceptAsync(association) : {{Reject}};
                """) + FoDicomStandIns.V51,
            };
            test.TestState.Sources.Add(("/0/Modalities.cs", """
                using System;
                using System.Collections.Generic;

                public static class Modalities
                {
                    private static readonly string[] Registered = (Environment.GetEnvironmentVariable("MODALITIES") ?? "").Split(',');

                    public static bool IsRegisteredModality(this string ae)
                    {
                        foreach (var registered in Registered)
                        {
                            if (registered.Equals(ae, StringComparison.OrdinalIgnoreCase))
                            {
                                return true;
                            }
                        }

                        return false;
                    }
                }
                """));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task PolicyInterfaceThatReceivesTheAssociationGatesTheAccept() =>
            VerifyAsync(
                StoreScp($$"""
                    public IAssociationPolicy Policy { get; set; } = null!;

                    public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                    {
                        if (await Policy.IsAllowedAsync(association))
                        {
                            await SendAssociationAcceptAsync(association);
                            return;
                        }

                        await {{Reject}};
                    }
                """)
                + """

                public interface IAssociationPolicy
                {
                    Task<bool> IsAllowedAsync(DicomAssociation association);
                }
                """);

        [Fact]
        public Task AssertionHelperThatThrowsOnAnUnknownCallerGatesTheAccept() =>
            VerifyAsync(StoreScp("""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    EnsureKnown(association.CallingAE);
                    await SendAssociationAcceptAsync(association);
                }

                private static void EnsureKnown(string callingAe)
                {
                    if (!Allowed.Contains(callingAe))
                    {
                        throw new InvalidOperationException("unknown calling AE");
                    }
                }
            """));

        [Fact]
        public Task HelperThatTestsAndAcceptsIsNotReported() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => AcceptKnownCallerAsync(association);

                private Task AcceptKnownCallerAsync(DicomAssociation association)
                {
                    if (!Peers.ContainsKey(association.CallingAE))
                    {
                        return {{Reject}};
                    }

                    return SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task NegatedTestHeldInALocalGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var unknown = !Allowed.Contains(association.CallingAE);
                    if (unknown)
                    {
                        return {{Reject}};
                    }

                    return SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task LookupResultThatIsNullRejectsAndGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var registeredHost = Peers.GetValueOrDefault(association.CallingAE);
                    if (registeredHost is null)
                    {
                        await {{Reject}};
                        return;
                    }

                    await SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task HelperNamedForTheFailingOutcomeGatesTheAccept() =>
            VerifyAsync(StoreScp($$"""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association) =>
                    IsUnregistered(association) ? {{Reject}} : SendAssociationAcceptAsync(association);

                private static bool IsUnregistered(DicomAssociation association) =>
                    !Peers.TryGetValue(association.CallingAE, out var host) || host != association.RemoteHost;
            """));

        [Fact]
        public Task EchoProviderOverrideThatTestsBeforeCallingBaseIsNotReported() =>
            VerifyAsync($$"""
                public sealed class GuardedEchoScp : DicomCEchoProvider
                {
                    public GuardedEchoScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }

                    public override Task OnReceiveAssociationRequestAsync(DicomAssociation association) =>
                        association.CalledAE == "ECHO_SCP" ? base.OnReceiveAssociationRequestAsync(association) : {{Reject}};
                }

                public abstract class EchoBase : DicomCEchoProvider
                {
                    protected EchoBase(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }
                }
                """);

        [Fact]
        public Task FoDicom50TestedHandlerIsNotReported() =>
            VerifyWithAsync(FoDicomStandIns.V50, AcceptIf("Allowed.Contains(association.CallingAE)", reported: false));

        // ------------------------------------------------------------------------------------------------
        // Near misses: no accept, look-alikes, broken code
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task HandlerThatNeverAcceptsIsNotReported() =>
            VerifyAsync(StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    _logger.LogWarning("maintenance: rejecting {Ae}", association.CallingAE);
                    if (association.CallingAE == null)
                    {
                        await SendAssociationRejectAsync(DicomRejectResult.Transient, DicomRejectSource.ServiceUser, DicomRejectReason.NoReasonGiven);
                        return;
                    }

                    await {{Reject}};
                    return;
                    await SendAssociationAcceptAsync(association);
                }
            """));

        [Fact]
        public Task AcceptOutsideTheAssociationHandlerIsNotReported() =>
            VerifyAsync(StoreScp("""
                public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => Task.CompletedTask;

                public Task OnReceiveAssociationRequest(DicomAssociation association) => SendAssociationAcceptAsync(association);
            """));

        [Fact]
        public Task LookAlikeTypesWithTheSameNamesAreNotReported() =>
            VerifyAsync("""
                namespace Vendor.Network
                {
                    using System.Threading.Tasks;

                    public sealed class DicomAssociation { public string CallingAE { get; } = ""; }
                    public interface IDicomServiceProvider { Task OnReceiveAssociationRequestAsync(DicomAssociation association); }
                    public abstract class DicomService
                    {
                        protected Task SendAssociationAcceptAsync(DicomAssociation association) => Task.CompletedTask;
                    }
                    public class DicomCEchoProvider : DicomService, IDicomServiceProvider
                    {
                        public virtual Task OnReceiveAssociationRequestAsync(DicomAssociation association) => SendAssociationAcceptAsync(association);
                    }

                    public sealed class OpenScp : DicomService, IDicomServiceProvider
                    {
                        public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => SendAssociationAcceptAsync(association);
                    }

                    public sealed class EchoScp : DicomCEchoProvider { }
                }
                """);

        [Fact]
        public Task CompilationWithoutFoDicomIsNotAnalyzed() =>
            Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;

                System.Console.WriteLine(new Scp().OnReceiveAssociationRequestAsync("CT1").IsCompleted);

                public sealed class Scp
                {
                    public Task OnReceiveAssociationRequestAsync(string association) => SendAssociationAcceptAsync(association);
                    private Task SendAssociationAcceptAsync(string association) => Task.CompletedTask;
                }
                """);

        [Theory]
        [InlineData("public Task OnReceiveAssociationRequestAsync(DicomAssociation association) { if (association.CallingAE == ) return SendAssociationAcceptAsync(association); }")]
        [InlineData("public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => Allowed.Contains(association.) ? {|SDA4001:SendAssociationAcceptAsync(association)|} : Missing();")]
        [InlineData("public Task OnReceiveAssociationRequestAsync(DicomAssociation association) { switch (association.CallingAE) { case : return SendAssociationAcceptAsync(; } }")]
        [InlineData("public async Task OnReceiveAssociationRequestAsync(DicomAssociation association) { try { Ensure(association); } catch { } await {|SDA4001:SendAssociationAcceptAsync(association)|} }")]
        [InlineData("public Task OnReceiveAssociationRequestAsync(DicomAssociation association) { var ae = association.CallingAE; return Recurse(ae) ? {|SDA4001:SendAssociationAcceptAsync(association)|} : null!; } bool Recurse(string a) => Recurse(a.Trim());")]
        [InlineData("public Task OnReceiveAssociationRequestAsync(DicomAssociation association) => OnReceiveAssociationRequestAsync(association.Undefined);")]
        [InlineData("public Task OnReceiveAssociationRequestAsync(UnknownAssociation association) => SendAssociationAcceptAsync(association);")]
        public Task BrokenCodeIsAnalyzedWithoutAnalyzerExceptions(string handler)
        {
            // Compiler errors are ignored; the expected findings are in the markup, and an AD0001 would fail the test.
            var test = new Verify.Test
            {
                TestCode = Usings + StoreScp(handler) + FoDicomStandIns.V51,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Every construct the rule follows, in one SCP: the source the robustness walk below breaks apart.</summary>
        private static readonly string EveryConstruct = Usings + StoreScp($$"""
                public async Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    var caller = association.CallingAE?.Trim().ToUpperInvariant() ?? "";
                    bool Listed() => Allowed.Any(a => a == caller);
                    switch (caller)
                    {
                        case "CT1" when association.CalledAE == "PACS":
                            await SendAssociationAcceptAsync(association);
                            return;
                        case "":
                            await {{Reject}};
                            return;
                    }

                    try
                    {
                        EnsureKnown(association);
                    }
                    catch (InvalidOperationException) when (caller.Length > 0)
                    {
                        throw;
                    }

                    var found = false;
                    foreach (var known in Allowed)
                    {
                        found |= string.Equals(known, caller, StringComparison.Ordinal);
                    }

                    if (!found || !Listed() || !await IsKnownAsync(association.RemoteHost))
                    {
                        await {{Reject}};
                        return;
                    }

                    await (Peers.TryGetValue(caller, out var host) && host == association.RemoteHost ? AcceptAsync(association) : base.GetHashCode() > 0 ? Task.CompletedTask : AcceptAsync(association));
                }

                private Task AcceptAsync(DicomAssociation association) => SendAssociationAcceptAsync(association);

                private static Task<bool> IsKnownAsync(string host) => Task.FromResult(Peers.ContainsValue(host));

                private static void EnsureKnown(DicomAssociation association)
                {
                    if (!Peers.ContainsKey(association.CallingAE))
                    {
                        throw new InvalidOperationException();
                    }
                }
            """) + """

            public sealed class EchoScp : DicomCEchoProvider
            {
                public EchoScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                    : base(stream, fallbackEncoding, logger, dependencies) { }
            }

            public sealed class LoggingScp : DicomService, IDicomServiceProvider
            {
                public LoggingScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
                    : base(stream, fallbackEncoding, logger, dependencies) { }

                public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
                {
                    Console.WriteLine(association.CallingAE);
                    return association.CallingAE is null ? Task.CompletedTask : SendAssociationAcceptAsync(association);
                }

                public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
            }
            """;

        [Fact]
        public async Task EveryConstructIsAnalyzedAndReported()
        {
            var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { EveryConstruct, FoDicomStandIns.V51 }, Analyzer);

            Assert.Empty(outcome.Failures);
            // StoreScp tests its callers on every path; LoggingScp only logs the title, EchoScp never looks at it.
            var findings = outcome.Diagnostics.Where(d => d.Id == "SDA4001")
                .Select(d => d.GetMessage().Split(' ')[0])
                .OrderBy(name => name, StringComparer.Ordinal);
            Assert.Equal(new[] { "'EchoScp'", "'LoggingScp.OnReceiveAssociationRequestAsync'" }, findings);
        }

        [Fact]
        public async Task PrefixesAndTokenDeletionsOfAnScpAreAnalyzedWithoutExceptions()
        {
            var tokens = CSharpSyntaxTree.ParseText(EveryConstruct).GetRoot().DescendantTokens().ToList();
            var variants = new List<string>();
            for (var i = 0; i < tokens.Count; i += 7)
            {
                variants.Add(EveryConstruct.Substring(0, tokens[i].Span.Start + (tokens[i].Span.Length / 2)));
            }

            var random = new Random(4001);
            for (var variant = 0; variant < 60; variant++)
            {
                var text = EveryConstruct;
                foreach (var token in Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart))
                {
                    text = text.Remove(token.SpanStart, token.Span.Length);
                }

                variants.Add(text);
            }

            var failures = new List<string>();
            foreach (var text in variants)
            {
                // The stand-ins stay in a file of their own, so a cut never removes the fo-dicom API.
                var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { text, FoDicomStandIns.V51 }, Analyzer);
                failures.AddRange(outcome.Failures);
            }

            Assert.True(tokens.Count > 300, "the walk should cover a whole SCP");
            Assert.Empty(failures);
        }

        private static ImmutableArray<DiagnosticAnalyzer> Analyzer => ImmutableArray.Create<DiagnosticAnalyzer>(new AnonymousDicomAssociationAnalyzer());
    }
}
