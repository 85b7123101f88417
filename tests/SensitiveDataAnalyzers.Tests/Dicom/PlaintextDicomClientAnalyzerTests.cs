using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Dicom;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Dicom.PlaintextDicomClientAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA3001: fo-dicom clients that send DICOM in plaintext beyond loopback — 5.1 and 5.0 DicomClientFactory /
    /// IDicomClientFactory.Create, the 4.x Dicom.Network.Client.DicomClient constructor and the obsolete 4.x
    /// DicomClient.Send/SendAsync — with useTls followed through constants, fields, locals, ?: and settings objects;
    /// against TLS on, loopback hosts, unknown values, development-only code and look-alike types.
    /// </summary>
    public class PlaintextDicomClientAnalyzerTests
    {
        private const string Factory = "DicomClientFactory.Create";
        private const string FactoryInterface = "IDicomClientFactory.Create";
        private const string LegacyConstructor = "new DicomClient";
        private const string UseTlsFalse = "useTls: false";
        private const string NoInitiator = "no TLS initiator";
        private const string Pacs = "'pacs.example.org'";
        private const string RunTimeHost = "a host set at run time";

        private static Task VerifyAsync(FoDicom version, string statements, string members = "", params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<PlaintextDicomClientAnalyzer>(version, DicomTestCode.WebProgram(version, statements, members), Array.Empty<(string, string)>(), broken: false, expected);

        private static Task VerifyBrokenAsync(FoDicom version, string statements, params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<PlaintextDicomClientAnalyzer>(version, DicomTestCode.Program(version, statements), Array.Empty<(string, string)>(), broken: true, expected);

        private static DiagnosticResult Finding(string api, string host, string reason) =>
            Verify.Diagnostic("SDA3001").WithLocation(0).WithArguments(api, host, reason);

        // ------------------------------------------------------------------------------------------------
        // fo-dicom 5.1: useTls false or no initiator, every overload and receiver
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, {|#0:false|}, \"SCU\", \"PACS\");", Factory, Pacs, UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(host: \"pacs.example.org\", port: 11112, useTls: {|#0:false|}, callingAe: \"SCU\", calledAe: \"PACS\");", Factory, Pacs, UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(useTls: {|#0:false|}, calledAe: \"PACS\", callingAe: \"SCU\", port: 104, host: \"10.20.30.40\");", Factory, "'10.20.30.40'", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(\"PACS-01\", 104, {|#0:false|}, \"SCU\", \"PACS\");", Factory, "'PACS-01'", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, {|#0:null|}, \"SCU\", \"PACS\");", Factory, Pacs, NoInitiator)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, tlsInitiator: {|#0:null|}, callingAe: \"SCU\", calledAe: \"PACS\");", Factory, Pacs, NoInitiator)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, {|#0:default(ITlsInitiator)|}, \"SCU\", \"PACS\");", Factory, Pacs, NoInitiator)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 11112, {|#0:(ITlsInitiator?)null|}, \"SCU\", \"PACS\");", Factory, Pacs, NoInitiator)]
        [InlineData("app.Services.GetRequiredService<IDicomClientFactory>().Create(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", FactoryInterface, Pacs, UseTlsFalse)]
        [InlineData("app.Services.GetRequiredService<IDicomClientFactory>().Create(\"pacs.example.org\", 104, {|#0:null|}, \"SCU\", \"PACS\");", FactoryInterface, Pacs, NoInitiator)]
        [InlineData("new DefaultDicomClientFactory().Create(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", "DefaultDicomClientFactory.Create", Pacs, UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(args[0], 104, {|#0:false|}, \"SCU\", \"PACS\");", Factory, RunTimeHost, UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(app.Configuration[\"Pacs:Host\"]!, 104, {|#0:null|}, \"SCU\", \"PACS\");", Factory, RunTimeHost, NoInitiator)]
        [InlineData("DicomClientFactory.Create($\"{args[0]}.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", Factory, RunTimeHost, UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(args.Length > 0 ? \"localhost\" : \"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", Factory, Pacs, UseTlsFalse)]
        public Task PlaintextClientIn51IsReported(string call, string api, string host, string reason) =>
            VerifyAsync(FoDicom.V51, call, expected: Finding(api, host, reason));

        [Theory]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", Factory, Pacs)]
        [InlineData("DicomClientFactory.Create(\"192.168.1.20\", 104, useTls: {|#0:false|}, callingAe: \"SCU\", calledAe: \"PACS\");", Factory, "'192.168.1.20'")]
        [InlineData("var client = DicomClientFactory.Create(args[0], 104, {|#0:false|}, \"SCU\", \"PACS\");\nclient.ServiceOptions.IgnoreSslPolicyErrors = false;", Factory, RunTimeHost)]
        public Task PlaintextClientIn50IsReported(string call, string api, string host) =>
            VerifyAsync(FoDicom.V50, call, expected: Finding(api, host, UseTlsFalse));

        [Theory]
        [InlineData("var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", LegacyConstructor)]
        [InlineData("var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\", associationRequestTimeoutInMs: 1000);", LegacyConstructor)]
        [InlineData("Dicom.Network.Client.DicomClient client = new(\"pacs.example.org\", 104, useTls: {|#0:false|}, callingAe: \"SCU\", calledAe: \"PACS\");", LegacyConstructor)]
        [InlineData("new DicomClient().Send(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");", "DicomClient.Send")]
        [InlineData("await new DicomClient().SendAsync(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\", 1000);", "DicomClient.SendAsync")]
        public Task PlaintextClientIn4IsReported(string call, string api) =>
            VerifyAsync(FoDicom.V4, call, expected: Finding(api, Pacs, UseTlsFalse));

        [Fact]
        public Task Versions51And4InOneCompilationAreBothReported() =>
            VerifyAsync(
                FoDicom.V51AndV4,
                """
                var modern = DicomClientFactory.Create("pacs.example.org", 11112, {|#0:false|}, "SCU", "PACS");
                var legacy = new Dicom.Network.Client.DicomClient("archive.example.org", 104, {|#1:false|}, "SCU", "ARCHIVE");
                """,
                expected: new[]
                {
                    Finding(Factory, Pacs, UseTlsFalse),
                    Verify.Diagnostic("SDA3001").WithLocation(1).WithArguments(LegacyConstructor, "'archive.example.org'", UseTlsFalse),
                });

        // ------------------------------------------------------------------------------------------------
        // The flag and the initiator followed through constants, fields, locals, ?: and settings objects
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("const bool useTls = false;\nDicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:useTls|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("var secure = false;\nDicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:secure|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:PacsDefaults.UseTls|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:PacsDefaults.Secure|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(PacsDefaults.Host, 104, {|#0:PacsDefaults.UseTls|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:args.Length > 0 ? true : false|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("var secure = args.Length > 0 ? false : PacsDefaults.Secure;\nDicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:secure|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("var options = new PacsOptions { Host = \"pacs.example.org\", UseTls = false };\nDicomClientFactory.Create(options.Host, 104, {|#0:options.UseTls|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("var options = new PacsRecord(\"ignored\") { Host = \"pacs.example.org\", UseTls = false };\nDicomClientFactory.Create(options.Host, 104, {|#0:options.UseTls|}, \"SCU\", \"PACS\");", UseTlsFalse)]
        [InlineData("ITlsInitiator? initiator = null;\nDicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:initiator|}, \"SCU\", \"PACS\");", NoInitiator)]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:args.Length > 0 ? new DefaultTlsInitiator() : null|}, \"SCU\", \"PACS\");", NoInitiator)]
        public Task TrackedPlaintextSettingIsReported(string statements, string reason) =>
            VerifyAsync(FoDicom.V51, statements, PacsSettings, Finding(Factory, Pacs, reason));

        private const string PacsSettings = """
            static class PacsDefaults
            {
                public const string Host = "pacs.example.org";
                public const bool UseTls = false;
                public static readonly bool Secure = false;
                public static readonly bool Encrypted = true;
            }

            sealed class PacsOptions
            {
                public string Host { get; set; } = "";
                public bool UseTls { get; set; }
            }

            sealed record PacsRecord(string Name)
            {
                public string Host { get; init; } = "";
                public bool UseTls { get; init; }
            }
            """;

        // ------------------------------------------------------------------------------------------------
        // Near misses: TLS on, unknown values
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 11112, true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(host: \"pacs.example.org\", port: 11112, useTls: true, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 11112, new DefaultTlsInitiator { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var initiator = new DefaultTlsInitiator();\nDicomClientFactory.Create(\"pacs.example.org\", 11112, tlsInitiator: initiator, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 11112, app.Services.GetRequiredService<ITlsInitiator>(), \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "app.Services.GetRequiredService<IDicomClientFactory>().Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, args.Length > 0 ? new DefaultTlsInitiator() : app.Services.GetRequiredService<ITlsInitiator>(), \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var options = new PacsOptions { Host = \"pacs.example.org\", UseTls = true };\nDicomClientFactory.Create(options.Host, 104, options.UseTls, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(PacsDefaults.Host, 104, PacsDefaults.Encrypted, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, bool.Parse(args[0]), \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, app.Configuration.GetValue<bool>(\"Pacs:UseTls\"), \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var secure = false;\nsecure = args.Length > 0;\nDicomClientFactory.Create(\"pacs.example.org\", 104, secure, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var options = new PacsOptions { Host = \"pacs.example.org\", UseTls = false };\noptions.UseTls = true;\nDicomClientFactory.Create(options.Host, 104, options.UseTls, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var options = new PacsOptions { Host = \"pacs.example.org\", UseTls = false };\napp.Configuration.Bind(\"Pacs\", options);\nDicomClientFactory.Create(options.Host, 104, options.UseTls, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V50, "DicomClientFactory.Create(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V50, "DicomClientFactory.Create(\"pacs.example.org\", 104, useTls: PacsDefaults.Encrypted, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "new DicomClient().Send(\"pacs.example.org\", 104, true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "await new DicomClient().SendAsync(\"pacs.example.org\", 104, useTls: true, callingAe: \"SCU\", calledAe: \"PACS\");")]
        public Task TlsOnOrUnknownIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements, PacsSettings);

        // ------------------------------------------------------------------------------------------------
        // Near misses: loopback hosts (a local test PACS or a TLS-terminating sidecar)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"localhost\", 11112, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"LocalHost\", 11112, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"127.0.0.1\", 11112, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"::1\", 11112, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(NetworkManager.IPv4Loopback, 11112, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(NetworkManager.IPv6Loopback, 11112, useTls: false, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"localhost\", 11112, null, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "app.Services.GetRequiredService<IDicomClientFactory>().Create(\"127.0.0.1\", 104, tlsInitiator: null, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "const string host = \"localhost\";\nDicomClientFactory.Create(host, 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(args.Length > 0 ? \"localhost\" : NetworkManager.IPv4Loopback, 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "var options = new PacsOptions { Host = \"localhost\", UseTls = false };\nDicomClientFactory.Create(options.Host, 104, options.UseTls, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V50, "DicomClientFactory.Create(\"localhost\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V50, "DicomClientFactory.Create(NetworkManager.IPv4Loopback, 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"::1\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "new DicomClient().Send(\"localhost\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "await new DicomClient().SendAsync(\"127.0.0.1\", 104, false, \"SCU\", \"PACS\");")]
        public Task LoopbackHostIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements, PacsSettings);

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "if (app.Environment.IsDevelopment())\n{\n    DicomClientFactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");\n}")]
        [InlineData(FoDicom.V51, "if (app.Environment.IsDevelopment()) DicomClientFactory.Create(\"pacs.example.org\", 104, null, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, app.Environment.IsDevelopment() ? false : true, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, app.Environment.IsDevelopment() ? null : new DefaultTlsInitiator(), \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "if (!app.Environment.IsDevelopment()) { Console.WriteLine(\"production\"); } else { DicomClientFactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\"); }")]
        [InlineData(FoDicom.V50, "if (app.Environment.IsEnvironment(\"Development\")) { DicomClientFactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\"); }")]
        [InlineData(FoDicom.V4, "if (app.Environment.EnvironmentName == Environments.Development) { new DicomClient().Send(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\"); }")]
        [InlineData(FoDicom.V4, "if (app.Environment.IsDevelopment()) { var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\"); }")]
        public Task DevelopmentOnlyPlaintextIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements);

        [Fact]
        public Task StatementsAfterANonDevelopmentReturnAreSilent() =>
            VerifyAsync(
                FoDicom.V51,
                """
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                DicomClientFactory.Create("pacs.example.org", 104, false, "SCU", "PACS");
                """);

        [Theory]
        [InlineData("if (app.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); }\nDicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\");")]
        [InlineData("if (!app.Environment.IsDevelopment()) { DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:false|}, \"SCU\", \"PACS\"); }")]
        [InlineData("DicomClientFactory.Create(\"pacs.example.org\", 104, {|#0:app.Environment.IsDevelopment() ? true : false|}, \"SCU\", \"PACS\");")]
        public Task PlaintextOutsideDevelopmentIsReported(string statements) =>
            VerifyAsync(FoDicom.V51, statements, expected: Finding(Factory, Pacs, UseTlsFalse));

        // ------------------------------------------------------------------------------------------------
        // Near misses: look-alike types with the same simple names in another namespace
        // ------------------------------------------------------------------------------------------------

        private const string LookAlikes = """
            namespace Acme.Pacs.Network.Client
            {
                public interface ITlsInitiator { }
                public interface IDicomClient { }
                public interface IDicomClientFactory
                {
                    IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe);
                }
                public static class DicomClientFactory
                {
                    public static IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe) => null!;
                    public static IDicomClient Create(string host, int port, ITlsInitiator? tlsInitiator, string callingAe, string calledAe) => null!;
                }
                public class DicomClient
                {
                    public DicomClient(string host, int port, bool useTls, string callingAe, string calledAe) { }
                    public void Send(string host, int port, bool useTls, string callingAe, string calledAe) { }
                    public Task SendAsync(string host, int port, bool useTls, string callingAe, string calledAe) => Task.CompletedTask;
                }
            }
            """;

        [Theory]
        [InlineData(FoDicom.V51, "Acme.Pacs.Network.Client.DicomClientFactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "Acme.Pacs.Network.Client.DicomClientFactory.Create(\"pacs.example.org\", 104, tlsInitiator: null, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "Acme.Pacs.Network.Client.IDicomClientFactory factory = null!;\nfactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "var client = new Acme.Pacs.Network.Client.DicomClient(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "new Acme.Pacs.Network.Client.DicomClient(\"localhost\", 104, true, \"SCU\", \"PACS\").Send(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "await new Acme.Pacs.Network.Client.DicomClient(\"localhost\", 104, true, \"SCU\", \"PACS\").SendAsync(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        public Task LookAlikeTypesAreSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements, LookAlikes);

        [Fact]
        public Task ReadingClientPropertiesIsSilent() =>
            VerifyAsync(
                FoDicom.V51,
                """
                IDicomClient client = app.Services.GetRequiredService<IDicomClientFactory>().Create("pacs.example.org", 104, true, "SCU", "PACS");
                Console.WriteLine($"{client.Host}:{client.Port} TLS={client.TlsInitiator is not null}");
                """);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception (AD0001)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, ")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, fals, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(useTls: false);")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", \"104\", false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(host: , port: 104, useTls: false, callingAe: \"SCU\", calledAe: \"PACS\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Create(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\", \"extra\");")]
        [InlineData(FoDicom.V51, "DicomClientFactory.Creat(\"pacs.example.org\", 104, false, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "IDicomClientFactory factory = null!;\nfactory.Create(\"pacs.example.org\", 104, tlsInitiator: , \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V51, "bool secure = secure;\nDicomClientFactory.Create(\"pacs.example.org\", 104, secure, \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient(\"pacs.example.org\", 104, false")]
        [InlineData(FoDicom.V4, "new DicomClient().Send(")]
        [InlineData(FoDicom.V4, "new DicomClient().SendAsync(\"pacs.example.org\", 104, useTls: , \"SCU\", \"PACS\");")]
        [InlineData(FoDicom.V4, "var client = new Dicom.Network.Client.DicomClient { };")]
        public Task BrokenCodeIsSilent(FoDicom version, string statements) =>
            VerifyBrokenAsync(version, statements);
    }
}
