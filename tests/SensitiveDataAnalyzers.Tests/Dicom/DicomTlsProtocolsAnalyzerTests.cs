using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Dicom;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Dicom.DicomTlsProtocolsAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA3004: Protocols of a fo-dicom 5.1 DefaultTlsInitiator / DefaultTlsAcceptor that include SSL 3, TLS 1.0 or
    /// TLS 1.1, followed through constants, fields, locals and ?:; SDA3005 (Info): an initiator or acceptor created
    /// without setting Protocols (fo-dicom's default includes TLS 1.0 and 1.1). Against modern protocols, Protocols set
    /// after construction or in a method of the compilation, unknown values, development-only code and look-alikes.
    /// </summary>
    public class DicomTlsProtocolsAnalyzerTests
    {
        private const string InitiatorProtocols = "DefaultTlsInitiator.Protocols";
        private const string AcceptorProtocols = "DefaultTlsAcceptor.Protocols";

        private const string Members = """
            static void Harden(DefaultTlsInitiator initiator) => initiator.Protocols = SslProtocols.Tls13;

            static class PacsTls
            {
                public const SslProtocols Modern = SslProtocols.Tls12 | SslProtocols.Tls13;
                public static readonly SslProtocols Legacy = SslProtocols.Tls11 | SslProtocols.Tls12;
            }
            """;

        private const string LookAlikes = """
            namespace Acme.Pacs.Tls
            {
                public class DefaultTlsInitiator { public SslProtocols Protocols { get; set; } }
                public class DefaultTlsAcceptor { public DefaultTlsAcceptor(string certificateName) { } public SslProtocols Protocols { get; set; } }
            }
            """;

        private static Task VerifyAsync(FoDicom version, string statements, params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<DicomTlsProtocolsAnalyzer>(version, DicomTestCode.WebProgram(version, statements, Members + LookAlikes), Array.Empty<(string, string)>(), broken: false, expected);

        private static DiagnosticResult Obsolete(string target, string protocols) =>
            Verify.Diagnostic("SDA3004").WithLocation(0).WithArguments(target, protocols);

        private static DiagnosticResult Default(string type) =>
            Verify.Diagnostic("SDA3005").WithLocation(0).WithArguments(type);

        // ------------------------------------------------------------------------------------------------
        // SDA3004: obsolete protocols set on the initiator or acceptor
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.Protocols = {|#0:SslProtocols.Tls|};", InitiatorProtocols, "SslProtocols.Tls")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|} };", InitiatorProtocols, "SslProtocols.Tls, SslProtocols.Tls11")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:SslProtocols.Ssl3|} };", InitiatorProtocols, "SslProtocols.Ssl3")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:SslProtocols.Default|} };", InitiatorProtocols, "SslProtocols.Ssl3, SslProtocols.Tls")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls13|} };", InitiatorProtocols, "SslProtocols.Tls11")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:(SslProtocols)192|} };", InitiatorProtocols, "SslProtocols.Tls")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls12 };\ninitiator.Protocols |= {|#0:SslProtocols.Tls|};", InitiatorProtocols, "SslProtocols.Tls")]
        [InlineData("const SslProtocols legacy = SslProtocols.Tls | SslProtocols.Tls12;\nvar initiator = new DefaultTlsInitiator { Protocols = {|#0:legacy|} };", InitiatorProtocols, "SslProtocols.Tls")]
        [InlineData("var protocols = SslProtocols.Tls11;\nvar initiator = new DefaultTlsInitiator();\ninitiator.Protocols = {|#0:protocols|};", InitiatorProtocols, "SslProtocols.Tls11")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:PacsTls.Legacy|} };", InitiatorProtocols, "SslProtocols.Tls11")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = args.Length > 0 ? {|#0:SslProtocols.Tls11|} : SslProtocols.Tls13 };", InitiatorProtocols, "SslProtocols.Tls11")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = {|#0:app.Configuration.GetValue<SslProtocols>(\"Pacs:Protocols\") | SslProtocols.Tls|} };", InitiatorProtocols, "SslProtocols.Tls")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { Protocols = {|#0:SslProtocols.Tls11|} };", AcceptorProtocols, "SslProtocols.Tls11")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.pfx\", \"secret\");\nacceptor.Protocols = {|#0:SslProtocols.Tls | SslProtocols.Tls12|};", AcceptorProtocols, "SslProtocols.Tls")]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\") { Protocols = {|#0:SslProtocols.Ssl3 | SslProtocols.Tls|} });", AcceptorProtocols, "SslProtocols.Ssl3, SslProtocols.Tls")]
        public Task ObsoleteProtocolsAreReported(string statements, string target, string protocols) =>
            VerifyAsync(FoDicom.V51, statements, Obsolete(target, protocols));

        [Fact]
        public Task EachObsoleteBranchIsReportedWhereItIsWritten() =>
            VerifyAsync(
                FoDicom.V51,
                "var initiator = new DefaultTlsInitiator { Protocols = args.Length > 0 ? {|#0:SslProtocols.Tls|} : {|#1:SslProtocols.Tls11|} };",
                Obsolete(InitiatorProtocols, "SslProtocols.Tls"),
                Verify.Diagnostic("SDA3004").WithLocation(1).WithArguments(InitiatorProtocols, "SslProtocols.Tls11"));

        // ------------------------------------------------------------------------------------------------
        // SDA3005: created without setting Protocols
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = {|#0:new DefaultTlsInitiator()|};", "DefaultTlsInitiator")]
        [InlineData("var initiator = {|#0:new DefaultTlsInitiator { IgnoreSslPolicyErrors = false, CheckCertificateRevocation = true }|};", "DefaultTlsInitiator")]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:new DefaultTlsInitiator()|}, \"SCU\", \"PACS\");", "DefaultTlsInitiator")]
        [InlineData("var initiator = {|#0:new DefaultTlsInitiator()|};\ninitiator.Protocols |= SslProtocols.Tls13;", "DefaultTlsInitiator")]
        [InlineData("var initiator = {|#0:new DefaultTlsInitiator()|};\nvar other = new DefaultTlsInitiator();\nother.Protocols = SslProtocols.Tls13;", "DefaultTlsInitiator")]
        [InlineData("var acceptor = {|#0:new DefaultTlsAcceptor(\"pacs.example.org\")|};", "DefaultTlsAcceptor")]
        [InlineData("using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, {|#0:new DefaultTlsAcceptor(\"pacs.pfx\", \"secret\")|});", "DefaultTlsAcceptor")]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor>({|#0:new DefaultTlsAcceptor(\"pacs.example.org\") { RequireMutualAuthentication = true }|});", "DefaultTlsAcceptor")]
        [InlineData("var acceptor = {|#0:new DefaultTlsAcceptor(\"pacs.example.org\")|};\nbuilder.Services.AddSingleton<ITlsAcceptor>(acceptor);", "DefaultTlsAcceptor")]
        public Task DefaultProtocolsAreReported(string statements, string type) =>
            VerifyAsync(FoDicom.V51, statements, Default(type));

        // ------------------------------------------------------------------------------------------------
        // Near misses: modern protocols, set after construction or in a method, unknown values
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13 };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.None };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = PacsTls.Modern };")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13, RequireMutualAuthentication = true };")]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\");\nacceptor.Protocols = SslProtocols.Tls12;\nbuilder.Services.AddSingleton<ITlsAcceptor>(acceptor);")]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.Protocols &= ~(SslProtocols.Tls | SslProtocols.Tls11);")]
        [InlineData("var initiator = new DefaultTlsInitiator();\nHarden(initiator);")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = (SslProtocols)int.Parse(args[0]) };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = app.Configuration.GetValue<SslProtocols>(\"Pacs:Protocols\") };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };\nConsole.WriteLine(initiator.Protocols.HasFlag(SslProtocols.Tls));")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls12 };\ninitiator.Protocols |= SslProtocols.Tls13;")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13 };\nacceptor.Protocols &= ~SslProtocols.Tls11;")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = args.Length > 0 ? SslProtocols.Tls12 : SslProtocols.Tls13 };")]
        [InlineData("var protocols = SslProtocols.Tls11;\nprotocols = SslProtocols.Tls13;\nvar initiator = new DefaultTlsInitiator { Protocols = protocols };")]
        [InlineData("var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls11 };\nvar initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };")]
        public Task ModernOrUnknownProtocolsAreSilent(string statements) =>
            VerifyAsync(FoDicom.V51, statements);

        [Theory]
        [InlineData(FoDicom.V50, "var client = DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.ServiceOptions.IgnoreSslPolicyErrors = false;")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");")]
        public Task VersionsWithoutTlsTypesAreSilent(FoDicom version, string statements) =>
            // 5.0 and 4.x take no protocol setting from code: there is nothing to judge.
            DicomTestCode.VerifyAsync<DicomTlsProtocolsAnalyzer>(version, DicomTestCode.WebProgram(version, statements), Array.Empty<(string, string)>(), broken: false, Array.Empty<DiagnosticResult>());

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("if (app.Environment.IsDevelopment())\n{\n    var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls };\n}")]
        [InlineData("if (app.Environment.IsDevelopment()) { var initiator = new DefaultTlsInitiator(); }")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = app.Environment.IsDevelopment() ? SslProtocols.Tls : SslProtocols.Tls13 };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };\nif (app.Environment.IsEnvironment(\"Development\")) { initiator.Protocols = SslProtocols.Tls11; }")]
        [InlineData("if (!app.Environment.IsDevelopment()) { Console.WriteLine(\"production\"); } else { var acceptor = new DefaultTlsAcceptor(\"dev.example.org\") { Protocols = SslProtocols.Tls11 }; }")]
        [InlineData("if (!app.Environment.IsDevelopment())\n{\n    return;\n}\n\nvar acceptor = new DefaultTlsAcceptor(\"dev.example.org\");\nacceptor.Protocols = SslProtocols.Tls;")]
        public Task DevelopmentOnlyProtocolsAreSilent(string statements) =>
            VerifyAsync(FoDicom.V51, statements);

        // ------------------------------------------------------------------------------------------------
        // Near misses: look-alike types with the same simple names in another namespace
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new Acme.Pacs.Tls.DefaultTlsInitiator { Protocols = SslProtocols.Tls };")]
        [InlineData("var initiator = new Acme.Pacs.Tls.DefaultTlsInitiator();")]
        [InlineData("var acceptor = new Acme.Pacs.Tls.DefaultTlsAcceptor(\"pacs.example.org\");\nacceptor.Protocols = SslProtocols.Tls11;")]
        public Task LookAlikeTypesAreSilent(string statements) =>
            VerifyAsync(FoDicom.V51, statements);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception (AD0001)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };\ninitiator.Protocols = SslProtocols.")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };\ninitiator.Protocols = (SslProtocols)undefined;")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 | };")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls13 };\ninitiator.Protocols |= ;")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { Protocols = SslProtocols.Tls13 };\nacceptor.Protocols = Tls13;")]
        [InlineData("var acceptor = new DefaultTlsAcceptor() { Protocols = SslProtocols.Tls13 };")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\", 42) { Protocols = SslProtocols.Tls13 };")]
        public Task BrokenCodeIsSilent(string statements) =>
            DicomTestCode.VerifyAsync<DicomTlsProtocolsAnalyzer>(FoDicom.V51, DicomTestCode.Program(FoDicom.V51, statements, Members), Array.Empty<(string, string)>(), broken: true, Array.Empty<DiagnosticResult>());
    }
}
