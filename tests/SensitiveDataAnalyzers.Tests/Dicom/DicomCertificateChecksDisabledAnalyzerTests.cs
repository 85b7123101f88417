using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Dicom;
using SensitiveDataAnalyzers.Transport;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Dicom.DicomCertificateChecksDisabledAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA3003: fo-dicom TLS that accepts any certificate — DefaultTlsInitiator.IgnoreSslPolicyErrors = true (5.1),
    /// DicomServiceOptions.IgnoreSslPolicyErrors = true (5.0 and 4.x) and always-true CertificateValidationCallbacks on
    /// DefaultTlsInitiator / DefaultTlsAcceptor — against false flags, callbacks that really check, development-only
    /// code and look-alike types; and the generic SDA1003 staying off fo-dicom's own types.
    /// </summary>
    public class DicomCertificateChecksDisabledAnalyzerTests
    {
        private const string IgnoreOnInitiator = "DefaultTlsInitiator.IgnoreSslPolicyErrors = true";
        private const string IgnoreOnOptions = "DicomServiceOptions.IgnoreSslPolicyErrors = true";
        private const string AnyCertificate = "accepts any certificate";
        private const string InitiatorCallback = "DefaultTlsInitiator.CertificateValidationCallback";
        private const string AcceptorCallback = "DefaultTlsAcceptor.CertificateValidationCallback";
        private const string AlwaysTrue = "always returns true, so every certificate passes";

        private const string Members = """
            static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

            static bool CheckErrors(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

            static class PacsTls
            {
                public const string Thumbprint = "3B1EFD3A66EA28B16841394A4A4A9AA5C3FA0C2A";
                public const bool TrustAll = true;
                public static readonly bool Lenient = true;
            }

            sealed class PacsTlsSettings
            {
                public bool IgnoreErrors { get; set; }
            }
            """;

        private static Task VerifyAsync(FoDicom version, string statements, params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<DicomCertificateChecksDisabledAnalyzer>(version, DicomTestCode.WebProgram(version, statements, Members), Array.Empty<(string, string)>(), broken: false, expected);

        private static DiagnosticResult Finding(string target, string reason) =>
            Verify.Diagnostic("SDA3003").WithLocation(0).WithArguments(target, reason);

        // ------------------------------------------------------------------------------------------------
        // IgnoreSslPolicyErrors = true: 5.1 initiator, 5.0 and 4.x DicomServiceOptions
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.IgnoreSslPolicyErrors|} = true;")]
        [InlineData("var initiator = new DefaultTlsInitiator { Protocols = SslProtocols.Tls12, {|#0:IgnoreSslPolicyErrors|} = true };")]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.IgnoreSslPolicyErrors|} |= true;")]
        [InlineData("const bool trustAll = true;\nvar initiator = new DefaultTlsInitiator();\n{|#0:initiator.IgnoreSslPolicyErrors|} = trustAll;")]
        [InlineData("var initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = PacsTls.TrustAll };")]
        [InlineData("var initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = PacsTls.Lenient };")]
        [InlineData("var initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = args.Length > 0 ? true : false };")]
        [InlineData("var settings = new PacsTlsSettings { IgnoreErrors = true };\nvar initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = settings.IgnoreErrors };")]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = true }, \"SCU\", \"PACS\");")]
        [InlineData("if (app.Environment.IsProduction()) { var initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = true }; }")]
        public Task IgnoredPolicyErrorsOnTheInitiatorAreReported(string statements) =>
            VerifyAsync(FoDicom.V51, statements, Finding(IgnoreOnInitiator, AnyCertificate));

        [Theory]
        [InlineData(FoDicom.V50, "var client = DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\n{|#0:client.ServiceOptions.IgnoreSslPolicyErrors|} = true;")]
        [InlineData(FoDicom.V50, "var options = new DicomServiceOptions { {|#0:IgnoreSslPolicyErrors|} = true };")]
        [InlineData(FoDicom.V50, "var client = DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\n{|#0:client.ServiceOptions.IgnoreSslPolicyErrors|} = PacsTls.TrustAll;")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.Options = new DicomServiceOptions { {|#0:IgnoreSslPolicyErrors|} = true };")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\n{|#0:client.Options.IgnoreSslPolicyErrors|} = true;")]
        [InlineData(FoDicom.V4, "var serverOptions = new DicomServiceOptions();\n{|#0:serverOptions.IgnoreSslPolicyErrors|} = PacsTls.Lenient;")]
        public Task IgnoredPolicyErrorsInServiceOptionsAreReported(FoDicom version, string statements) =>
            VerifyAsync(version, statements, Finding(IgnoreOnOptions, AnyCertificate));

        // ------------------------------------------------------------------------------------------------
        // Always-true CertificateValidationCallback on the 5.1 initiator and acceptor
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.CertificateValidationCallback|} = (sender, certificate, chain, errors) => true;", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator { {|#0:CertificateValidationCallback|} = delegate { return true; } };", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator { {|#0:CertificateValidationCallback|} = AcceptAll };", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.CertificateValidationCallback|} += AcceptAll;", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.CertificateValidationCallback|} ??= (s, c, ch, e) => true;", InitiatorCallback)]
        [InlineData("RemoteCertificateValidationCallback trustAll = delegate { return true; };\nvar initiator = new DefaultTlsInitiator { {|#0:CertificateValidationCallback|} = trustAll };", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.CertificateValidationCallback|} = args.Length > 0 ? (s, c, ch, e) => true : null;", InitiatorCallback)]
        [InlineData("var initiator = new DefaultTlsInitiator();\n{|#0:initiator.CertificateValidationCallback|} = (s, c, ch, errors) => { Console.WriteLine($\"TLS: {errors}\"); return true; };", InitiatorCallback)]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { {|#0:CertificateValidationCallback|} = (s, c, ch, e) => true };", AcceptorCallback)]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.pfx\", \"secret\") { RequireMutualAuthentication = true };\n{|#0:acceptor.CertificateValidationCallback|} = AcceptAll;", AcceptorCallback)]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\") { {|#0:CertificateValidationCallback|} = delegate { return true; } });", AcceptorCallback)]
        public Task AlwaysTrueCallbackIsReported(string statements, string target) =>
            VerifyAsync(FoDicom.V51, statements, Finding(target, AlwaysTrue));

        [Fact]
        public Task EveryBypassInOneProgramIsReportedOnce() =>
            VerifyAsync(
                FoDicom.V51,
                """
                var initiator = new DefaultTlsInitiator { {|#0:IgnoreSslPolicyErrors|} = true, {|#1:CertificateValidationCallback|} = AcceptAll };
                var acceptor = new DefaultTlsAcceptor("pacs.example.org");
                {|#2:acceptor.CertificateValidationCallback|} = (s, c, ch, e) => true;
                """,
                Finding(IgnoreOnInitiator, AnyCertificate),
                Verify.Diagnostic("SDA3003").WithLocation(1).WithArguments(InitiatorCallback, AlwaysTrue),
                Verify.Diagnostic("SDA3003").WithLocation(2).WithArguments(AcceptorCallback, AlwaysTrue));

        // ------------------------------------------------------------------------------------------------
        // Near misses: checks kept, callbacks that really check, unknown values
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.IgnoreSslPolicyErrors = false;")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = false, CheckCertificateRevocation = true };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = bool.Parse(args[0]) };")]
        [InlineData(FoDicom.V51, "var settings = new PacsTlsSettings { IgnoreErrors = false };\nvar initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = settings.IgnoreErrors };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\nif (initiator.IgnoreSslPolicyErrors) { Console.WriteLine(\"insecure\"); }")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.IgnoreSslPolicyErrors &= false;")]
        [InlineData(FoDicom.V50, "var client = DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.ServiceOptions.IgnoreSslPolicyErrors = false;")]
        [InlineData(FoDicom.V50, "var options = new DicomServiceOptions { IgnoreSslPolicyErrors = app.Configuration.GetValue<bool>(\"Pacs:IgnoreSslPolicyErrors\") };")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.Options = new DicomServiceOptions { IgnoreSslPolicyErrors = false };")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.Options.IgnoreSslPolicyErrors = false;")]
        public Task PolicyErrorsNotIgnoredAreSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements);

        [Theory]
        [InlineData("var initiator = new DefaultTlsInitiator { CertificateValidationCallback = (s, c, ch, errors) => errors == SslPolicyErrors.None };")]
        [InlineData("var initiator = new DefaultTlsInitiator { CertificateValidationCallback = CheckErrors };")]
        [InlineData("var initiator = new DefaultTlsInitiator { CertificateValidationCallback = (s, certificate, ch, errors) => certificate is not null && string.Equals(certificate.GetCertHashString(), PacsTls.Thumbprint, StringComparison.OrdinalIgnoreCase) };")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { CertificateValidationCallback = (s, certificate, ch, errors) => { if (errors == SslPolicyErrors.None) return true; return certificate?.GetCertHashString() == PacsTls.Thumbprint; } };")]
        [InlineData("var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\");\nacceptor.CertificateValidationCallback = (s, c, ch, errors) => { if (errors != SslPolicyErrors.None) throw new AuthenticationException(errors.ToString()); return true; };")]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.CertificateValidationCallback -= AcceptAll;")]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.CertificateValidationCallback = null;")]
        [InlineData("var initiator = new DefaultTlsInitiator();\ninitiator.CertificateValidationCallback = args.Length > 0 ? CheckErrors : null;")]
        public Task CallbackThatReallyChecksIsSilent(string statements) =>
            VerifyAsync(FoDicom.V51, statements);

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\nif (app.Environment.IsDevelopment())\n{\n    initiator.IgnoreSslPolicyErrors = true;\n}")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = app.Environment.IsDevelopment() };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = app.Environment.IsDevelopment() ? true : false };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\nif (app.Environment.IsDevelopment()) initiator.CertificateValidationCallback = (s, c, ch, e) => true;")]
        [InlineData(FoDicom.V51, "var acceptor = new DefaultTlsAcceptor(\"pacs.example.org\") { CertificateValidationCallback = app.Environment.IsDevelopment() ? AcceptAll : CheckErrors };")]
        [InlineData(FoDicom.V50, "var client = DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nif (app.Environment.IsEnvironment(\"Development\")) { client.ServiceOptions.IgnoreSslPolicyErrors = true; }")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nif (!app.Environment.IsDevelopment()) { Console.WriteLine(\"production\"); } else { client.Options = new DicomServiceOptions { IgnoreSslPolicyErrors = true }; }")]
        public Task DevelopmentOnlyBypassIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements);

        // ------------------------------------------------------------------------------------------------
        // Near misses: look-alike types with the same simple names in another namespace
        // ------------------------------------------------------------------------------------------------

        private const string LookAlikes = """
            namespace Acme.Pacs
            {
                public class DicomServiceOptions { public bool IgnoreSslPolicyErrors { get; set; } }
            }

            namespace Acme.Pacs.Tls
            {
                public class DefaultTlsInitiator
                {
                    public bool IgnoreSslPolicyErrors { get; set; }
                    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }
                }

                public class DefaultTlsAcceptor
                {
                    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }
                }
            }
            """;

        [Theory]
        [InlineData("var initiator = new Acme.Pacs.Tls.DefaultTlsInitiator { IgnoreSslPolicyErrors = true, CertificateValidationCallback = (s, c, ch, e) => true };")]
        [InlineData("var initiator = new Acme.Pacs.Tls.DefaultTlsInitiator();\ninitiator.IgnoreSslPolicyErrors = true;\ninitiator.CertificateValidationCallback = AcceptAll;")]
        [InlineData("var acceptor = new Acme.Pacs.Tls.DefaultTlsAcceptor { CertificateValidationCallback = delegate { return true; } };")]
        [InlineData("var options = new Acme.Pacs.DicomServiceOptions { IgnoreSslPolicyErrors = true };\noptions.IgnoreSslPolicyErrors = true;")]
        public Task LookAlikeTypesAreSilent(string statements) =>
            DicomTestCode.VerifyAsync<DicomCertificateChecksDisabledAnalyzer>(
                FoDicom.V51, DicomTestCode.WebProgram(FoDicom.V51, statements, Members + LookAlikes), Array.Empty<(string, string)>(), broken: false, Array.Empty<DiagnosticResult>());

        // ------------------------------------------------------------------------------------------------
        // The generic SDA1003 does not watch fo-dicom's types: each mistake is reported once, by SDA3003
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task GenericCertificateRuleIgnoresFoDicomInitiatorsAndAcceptors() =>
            DicomTestCode.VerifyAsync<CertificateValidationDisabledAnalyzer>(
                FoDicom.V51,
                DicomTestCode.Program(
                    FoDicom.V51,
                    """
                    var initiator = new DefaultTlsInitiator { CertificateValidationCallback = (sender, certificate, chain, errors) => true };
                    initiator.CertificateValidationCallback = delegate { return true; };
                    var acceptor = new DefaultTlsAcceptor("pacs.example.org") { CertificateValidationCallback = (s, c, ch, e) => true };
                    // The same callback on a .NET sink is SDA1003's: the rule runs, and stays off fo-dicom.
                    var options = new SslClientAuthenticationOptions { {|#0:RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true };
                    """),
                Array.Empty<(string, string)>(),
                broken: false,
                new[] { Verifiers.CSharpAnalyzerVerifier<CertificateValidationDisabledAnalyzer>.Diagnostic("SDA1003").WithLocation(0).WithArguments("SslClientAuthenticationOptions.RemoteCertificateValidationCallback", "the callback always returns true") });

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception (AD0001)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.IgnoreSslPolicyErrors = ")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { IgnoreSslPolicyErrors = };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.CertificateValidationCallback = (s, c")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.CertificateValidationCallback = AcceptEverything;")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\ninitiator.IgnoreSslPolicyError = true;")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { CertificateValidationCallback = (s, c, ch, e) => { return; } };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator { CertificateValidationCallback = = true };")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator {\n    IgnoreSslPolicyErrors\n")]
        [InlineData(FoDicom.V50, "var options = new DicomServiceOptions { IgnoreSslPolicyErrors = tru };")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");\nclient.Options.IgnoreSslPolicyErrors = ")]
        public Task BrokenCodeIsSilent(FoDicom version, string statements) =>
            DicomTestCode.VerifyAsync<DicomCertificateChecksDisabledAnalyzer>(version, DicomTestCode.Program(version, statements, Members), Array.Empty<(string, string)>(), broken: true, Array.Empty<DiagnosticResult>());
    }
}
