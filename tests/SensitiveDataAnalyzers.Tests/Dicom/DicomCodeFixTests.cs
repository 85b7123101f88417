using System.Threading.Tasks;
using SensitiveDataAnalyzers.CodeFixes.Dicom;
using SensitiveDataAnalyzers.CodeFixes.Transport;
using SensitiveDataAnalyzers.Dicom;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// The DICOM rules' code fixes, single and Fix All (the verifier applies Fix All in document, project and solution
    /// scope whenever several diagnostics are fixable): useTls false → true (SDA3001), removal of the certificate check
    /// bypass (SDA3003), Tls12 | Tls13 for obsolete protocols (SDA3004); and no fix where the value is not a literal.
    /// </summary>
    public class DicomCodeFixTests
    {
        private static Task UseTlsAsync(FoDicom version, string statements, string fixedStatements) =>
            DicomTestCode.VerifyCodeFixAsync<PlaintextDicomClientAnalyzer, UseDicomTlsCodeFixProvider>(version, statements, fixedStatements);

        private static Task RemoveBypassAsync(FoDicom version, string statements, string fixedStatements) =>
            DicomTestCode.VerifyCodeFixAsync<DicomCertificateChecksDisabledAnalyzer, RemoveCertificateValidationBypassCodeFixProvider>(version, statements, fixedStatements);

        private static Task ModernProtocolsAsync(string statements, string fixedStatements) =>
            DicomTestCode.VerifyCodeFixAsync<DicomTlsProtocolsAnalyzer, UseModernTlsProtocolsCodeFixProvider>(FoDicom.V51, statements, fixedStatements);

        // ------------------------------------------------------------------------------------------------
        // SDA3001: useTls: false becomes true
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51)]
        [InlineData(FoDicom.V50)]
        public Task PositionalUseTlsFalseBecomesTrue(FoDicom version) =>
            UseTlsAsync(
                version,
                "var client = DicomClientFactory.Create(\"pacs.example.org\", 11112, {|SDA3001:false|}, \"SCU\", \"PACS\");",
                "var client = DicomClientFactory.Create(\"pacs.example.org\", 11112, true, \"SCU\", \"PACS\");");

        [Fact]
        public Task NamedUseTlsFalseBecomesTrue() =>
            UseTlsAsync(
                FoDicom.V51,
                """
                IDicomClientFactory factory = new DefaultDicomClientFactory();
                var client = factory.Create(host: "pacs.example.org", port: 104, useTls: {|SDA3001:false|}, callingAe: "SCU", calledAe: "PACS");
                """,
                """
                IDicomClientFactory factory = new DefaultDicomClientFactory();
                var client = factory.Create(host: "pacs.example.org", port: 104, useTls: true, callingAe: "SCU", calledAe: "PACS");
                """);

        [Fact]
        public Task FixAllTurnsTlsOnForEvery4xClient() =>
            UseTlsAsync(
                FoDicom.V4,
                """
                var client = new Dicom.Network.Client.DicomClient("pacs.example.org", 104, {|SDA3001:false|}, "SCU", "PACS");
                new DicomClient().Send("archive.example.org", 104, {|SDA3001:false|}, "SCU", "ARCHIVE");
                await new DicomClient().SendAsync("ris.example.org", 104, useTls: {|SDA3001:false|}, callingAe: "SCU", calledAe: "RIS");
                """,
                """
                var client = new Dicom.Network.Client.DicomClient("pacs.example.org", 104, true, "SCU", "PACS");
                new DicomClient().Send("archive.example.org", 104, true, "SCU", "ARCHIVE");
                await new DicomClient().SendAsync("ris.example.org", 104, useTls: true, callingAe: "SCU", calledAe: "RIS");
                """);

        [Fact]
        public Task FixAllLeavesTheNonLiteralFindingsAlone() =>
            UseTlsAsync(
                FoDicom.V51,
                """
                const bool plain = false;
                var first = DicomClientFactory.Create("pacs.example.org", 104, {|SDA3001:false|}, "SCU", "PACS");
                var second = DicomClientFactory.Create("archive.example.org", 104, {|SDA3001:plain|}, "SCU", "ARCHIVE");
                var third = DicomClientFactory.Create("ris.example.org", 104, useTls: {|SDA3001:false|}, callingAe: "SCU", calledAe: "RIS");
                """,
                """
                const bool plain = false;
                var first = DicomClientFactory.Create("pacs.example.org", 104, true, "SCU", "PACS");
                var second = DicomClientFactory.Create("archive.example.org", 104, {|SDA3001:plain|}, "SCU", "ARCHIVE");
                var third = DicomClientFactory.Create("ris.example.org", 104, useTls: true, callingAe: "SCU", calledAe: "RIS");
                """);

        [Theory]
        [InlineData("const bool useTls = false;\nvar client = DicomClientFactory.Create(\"pacs.example.org\", 104, {|SDA3001:useTls|}, \"SCU\", \"PACS\");")]
        [InlineData("var client = DicomClientFactory.Create(\"pacs.example.org\", 104, {|SDA3001:Settings.UseTls|}, \"SCU\", \"PACS\");\nstatic class Settings { public static readonly bool UseTls = false; }")]
        [InlineData("var secure = false;\nvar client = DicomClientFactory.Create(\"pacs.example.org\", 104, {|SDA3001:secure|}, \"SCU\", \"PACS\");")]
        [InlineData("var client = DicomClientFactory.Create(\"pacs.example.org\", 104, {|SDA3001:args.Length > 0 ? true : false|}, \"SCU\", \"PACS\");")]
        [InlineData("var client = DicomClientFactory.Create(\"pacs.example.org\", 104, {|SDA3001:null|}, \"SCU\", \"PACS\");")]
        public Task NoFixWhenTheValueIsNotALiteralFalse(string statements) =>
            UseTlsAsync(FoDicom.V51, statements, statements);

        // ------------------------------------------------------------------------------------------------
        // SDA3003: the bypass is removed
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task IgnoreSslPolicyErrorsStatementIsRemoved() =>
            RemoveBypassAsync(
                FoDicom.V51,
                """
                var initiator = new DefaultTlsInitiator();
                {|SDA3003:initiator.IgnoreSslPolicyErrors|} = true;
                var client = DicomClientFactory.Create("pacs.example.org", 11112, initiator, "SCU", "PACS");
                """,
                """
                var initiator = new DefaultTlsInitiator();
                var client = DicomClientFactory.Create("pacs.example.org", 11112, initiator, "SCU", "PACS");
                """);

        [Fact]
        public Task IgnoreSslPolicyErrorsInitializerMemberIsRemoved() =>
            RemoveBypassAsync(
                FoDicom.V51,
                """
                var initiator = new DefaultTlsInitiator
                {
                    {|SDA3003:IgnoreSslPolicyErrors|} = true,
                    Protocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                };
                """,
                """
                var initiator = new DefaultTlsInitiator
                {
                    Protocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                };
                """);

        [Fact]
        public Task ServiceOptionsStatementIsRemovedIn50() =>
            RemoveBypassAsync(
                FoDicom.V50,
                """
                var client = DicomClientFactory.Create("pacs.example.org", 104, true, "SCU", "PACS");
                {|SDA3003:client.ServiceOptions.IgnoreSslPolicyErrors|} = true;
                await client.SendAsync();
                """,
                """
                var client = DicomClientFactory.Create("pacs.example.org", 104, true, "SCU", "PACS");
                await client.SendAsync();
                """);

        [Fact]
        public Task ServiceOptionsInitializerMemberIsRemovedIn4() =>
            RemoveBypassAsync(
                FoDicom.V4,
                """
                var client = new Dicom.Network.Client.DicomClient("pacs.example.org", 104, true, "SCU", "PACS");
                client.Options = new DicomServiceOptions
                {
                    {|SDA3003:IgnoreSslPolicyErrors|} = true,
                };
                """,
                """
                var client = new Dicom.Network.Client.DicomClient("pacs.example.org", 104, true, "SCU", "PACS");
                client.Options = new DicomServiceOptions
                {
                };
                """);

        [Fact]
        public Task FixAllRemovesEveryBypass() =>
            RemoveBypassAsync(
                FoDicom.V51,
                """
                var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13, {|SDA3003:CertificateValidationCallback|} = (sender, certificate, chain, errors) => true };
                {|SDA3003:initiator.IgnoreSslPolicyErrors|} = true;
                var acceptor = new DefaultTlsAcceptor("pacs.example.org");
                {|SDA3003:acceptor.CertificateValidationCallback|} = delegate { return true; };
                acceptor.RequireMutualAuthentication = true;
                """,
                """
                var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };
                var acceptor = new DefaultTlsAcceptor("pacs.example.org");
                acceptor.RequireMutualAuthentication = true;
                """);

        // ------------------------------------------------------------------------------------------------
        // SDA3004: obsolete protocols become Tls12 | Tls13
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task ObsoleteProtocolsAssignmentBecomesTls12And13() =>
            ModernProtocolsAsync(
                """
                var initiator = new DefaultTlsInitiator();
                initiator.Protocols = {|SDA3004:SslProtocols.Tls | SslProtocols.Tls11|};
                """,
                """
                var initiator = new DefaultTlsInitiator();
                initiator.Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                """);

        [Fact]
        public Task ObsoleteConditionalBranchIsFixedAlone() =>
            ModernProtocolsAsync(
                "var initiator = new DefaultTlsInitiator { Protocols = args.Length > 0 ? {|SDA3004:SslProtocols.Tls11|} : SslProtocols.Tls13 };",
                "var initiator = new DefaultTlsInitiator { Protocols = args.Length > 0 ? SslProtocols.Tls12 | SslProtocols.Tls13 : SslProtocols.Tls13 };");

        [Fact]
        public Task FixAllCoversInitiatorsAndAcceptors() =>
            ModernProtocolsAsync(
                """
                var initiator = new DefaultTlsInitiator { Protocols = {|SDA3004:SslProtocols.Default|} };
                var acceptor = new DefaultTlsAcceptor("pacs.example.org") { Protocols = {|SDA3004:SslProtocols.Tls11 | SslProtocols.Tls12|}, RequireMutualAuthentication = true };
                """,
                """
                var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
                var acceptor = new DefaultTlsAcceptor("pacs.example.org") { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13, RequireMutualAuthentication = true };
                """);

        [Fact]
        public Task NoFixWhenPartOfTheValueIsUnknown() =>
            ModernProtocolsAsync(
                "var initiator = new DefaultTlsInitiator { Protocols = {|SDA3004:(SslProtocols)int.Parse(args[0]) | SslProtocols.Tls|} };",
                "var initiator = new DefaultTlsInitiator { Protocols = {|SDA3004:(SslProtocols)int.Parse(args[0]) | SslProtocols.Tls|} };");
    }
}
