using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Transport.ObsoleteTlsProtocolAnalyzer>;
using FixVerify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.ObsoleteTlsProtocolAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.UseModernTlsProtocolsCodeFixProvider>;

namespace SensitiveDataAnalyzers.Tests.Transport
{
    /// <summary>
    /// SDA1004: SSL 2/3, TLS 1.0 and TLS 1.1 (and SslProtocols.Default, which is Ssl3 | Tls) given to Kestrel,
    /// SslStream, Ssl*AuthenticationOptions, HttpClientHandler and ServicePointManager, with the value followed
    /// through constants, fields and locals; against modern values, removals, look-alike APIs, unknown values and
    /// development-only code. Compiled against the real .NET 8 / ASP.NET Core 8 reference assemblies.
    /// </summary>
    public class ObsoleteTlsProtocolAnalyzerTests
    {
        private const string KestrelSink = "HttpsConnectionAdapterOptions.SslProtocols";
        private const string ClientOptionsSink = "SslClientAuthenticationOptions.EnabledSslProtocols";
        private const string ServerOptionsSink = "SslServerAuthenticationOptions.EnabledSslProtocols";
        private const string HandlerSink = "HttpClientHandler.SslProtocols";
        private const string ServicePointSink = "ServicePointManager.SecurityProtocol";

        // SslProtocols.Ssl2/Ssl3/Default are CS0618, Tls/Tls11 SYSLIB0039, ServicePointManager SYSLIB0014.
        private const string Usings = """
            #nullable enable
            #pragma warning disable CS0618, SYSLIB0014, SYSLIB0039
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Net.Sockets;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.AspNetCore.Server.Kestrel.Https;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            """;

        private static string Program(string statements, string members = "") =>
            Usings + statements + "\n" + members + "\n";

        /// <summary>A minimal-hosting Program.cs with <paramref name="builderCode"/> before Build().</summary>
        private static string WebProgram(string builderCode, string members = "") =>
            Program("var builder = WebApplication.CreateBuilder(args);\n" + builderCode + "\nvar app = builder.Build();\napp.Run();", members);

        private static Task VerifyAsync(string statements, string members = "", params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Program(statements, members), null, expected);

        private static Task VerifyWebAsync(string builderCode, string members = "", params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(WebProgram(builderCode, members), null, expected);

        /// <summary>Broken code: compiler errors are ignored, only SDA1004 (and no AD0001) is checked.</summary>
        private static Task VerifyBrokenAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Usings + source, CompilerDiagnostics = CompilerDiagnostics.None };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        // ------------------------------------------------------------------------------------------------
        // Kestrel HttpsConnectionAdapterOptions.SslProtocols: every obsolete value, with the names in the message
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("SslProtocols.Tls", "SslProtocols.Tls")]
        [InlineData("SslProtocols.Tls11", "SslProtocols.Tls11")]
        [InlineData("SslProtocols.Ssl2", "SslProtocols.Ssl2")]
        [InlineData("SslProtocols.Ssl3", "SslProtocols.Ssl3")]
        [InlineData("SslProtocols.Default", "SslProtocols.Ssl3, SslProtocols.Tls")]
        [InlineData("SslProtocols.Tls11 | SslProtocols.Tls12", "SslProtocols.Tls11")]
        [InlineData("SslProtocols.Tls13 | SslProtocols.Tls12 | SslProtocols.Tls", "SslProtocols.Tls")]
        [InlineData("SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13", "SslProtocols.Tls, SslProtocols.Tls11")]
        [InlineData("SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11", "SslProtocols.Ssl2, SslProtocols.Ssl3, SslProtocols.Tls, SslProtocols.Tls11")]
        [InlineData("(SslProtocols)192", "SslProtocols.Tls")]
        [InlineData("(SslProtocols)(768 | 3072)", "SslProtocols.Tls11")]
        [InlineData("SslProtocols.Default | SslProtocols.Tls12", "SslProtocols.Ssl3, SslProtocols.Tls")]
        public Task KestrelHttpsDefaultsWithObsoleteProtocolsAreReported(string value, string names) =>
            VerifyWebAsync(
                "builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|#0:" + value + "|}));",
                expected: Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(KestrelSink, names));

        [Theory]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => { h.SslProtocols = {|SDA1004:SslProtocols.Tls11|}; }));")]
        [InlineData("builder.WebHost.ConfigureKestrel((context, o) => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls|}));")]
        [InlineData("builder.WebHost.UseKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls|}));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols |= {|SDA1004:SslProtocols.Tls11|}));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(443, listen => listen.UseHttps(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls|})));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Any, 8443, listen => { listen.UseHttps(https => { https.SslProtocols = {|SDA1004:SslProtocols.Tls11 | SslProtocols.Tls12|}; }); }));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(443, listen => listen.UseHttps(new HttpsConnectionAdapterOptions { SslProtocols = {|SDA1004:SslProtocols.Tls|} })));")]
        [InlineData("builder.Services.Configure<KestrelServerOptions>(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Ssl3|}));")]
        [InlineData("var https = new HttpsConnectionAdapterOptions();\nhttps.SslProtocols = {|SDA1004:SslProtocols.Tls11|};")]
        public Task KestrelFormsAreReportedOnTheValue(string builderCode) => VerifyWebAsync(builderCode);

        // ------------------------------------------------------------------------------------------------
        // SslClientAuthenticationOptions / SocketsHttpHandler / SslServerAuthenticationOptions / HttpClientHandler
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task SslClientAuthenticationOptionsAreReported() =>
            VerifyAsync(
                """
                var options = new SslClientAuthenticationOptions { TargetHost = "pacs.example.org", EnabledSslProtocols = {|#0:SslProtocols.Tls|} };
                options.EnabledSslProtocols = {|#1:SslProtocols.Tls11 | SslProtocols.Tls12|};
                options.EnabledSslProtocols |= {|#2:SslProtocols.Ssl3|};
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(ClientOptionsSink, "SslProtocols.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ClientOptionsSink, "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(ClientOptionsSink, "SslProtocols.Ssl3"),
                });

        [Fact]
        public Task SocketsHttpHandlerSslOptionsAreReported() =>
            VerifyAsync(
                """
                var handler = new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    SslOptions = { EnabledSslProtocols = {|#0:SslProtocols.Tls11|} },
                };
                handler.SslOptions.EnabledSslProtocols = {|#1:SslProtocols.Tls|};
                var other = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#2:SslProtocols.Default|} } };
                using var client = new HttpClient(handler);
                using var otherClient = new HttpClient(other);
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(ClientOptionsSink, "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ClientOptionsSink, "SslProtocols.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(ClientOptionsSink, "SslProtocols.Ssl3, SslProtocols.Tls"),
                });

        [Fact]
        public Task SslServerAuthenticationOptionsAreReported() =>
            VerifyAsync(
                """
                var options = new SslServerAuthenticationOptions { ClientCertificateRequired = false, EnabledSslProtocols = {|#0:SslProtocols.Tls | SslProtocols.Tls12|} };
                options.EnabledSslProtocols = {|#1:SslProtocols.Tls11|};
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(ServerOptionsSink, "SslProtocols.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ServerOptionsSink, "SslProtocols.Tls11"),
                });

        [Fact]
        public Task HttpClientHandlerSslProtocolsAreReported() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler { SslProtocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|} };
                handler.SslProtocols = {|#1:SslProtocols.Tls|};
                handler.SslProtocols |= {|#2:SslProtocols.Tls11|};
                using var client = new HttpClient(handler);
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(HandlerSink, "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(HandlerSink, "SslProtocols.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(HandlerSink, "SslProtocols.Tls11"),
                });

        [Fact]
        public Task HttpClientFactoryPrimaryHandlerIsReported() =>
            VerifyWebAsync(
                """
                builder.Services.AddHttpClient("pacs").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { SslProtocols = {|SDA1004:SslProtocols.Tls11|} });
                builder.Services.AddHttpClient("ris").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { SslOptions = { EnabledSslProtocols = {|SDA1004:SslProtocols.Tls|} } });
                """);

        // ------------------------------------------------------------------------------------------------
        // SslStream.AuthenticateAs*(…, enabledSslProtocols, …)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("ssl.AuthenticateAsClient(\"pacs.example.org\", null, {|#0:SslProtocols.Tls|}, false);", "SslStream.AuthenticateAsClient", "SslProtocols.Tls")]
        [InlineData("await ssl.AuthenticateAsClientAsync(\"pacs.example.org\", null, {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|}, true);", "SslStream.AuthenticateAsClientAsync", "SslProtocols.Tls11")]
        [InlineData("ssl.AuthenticateAsServer(certificate, false, {|#0:SslProtocols.Ssl3|}, false);", "SslStream.AuthenticateAsServer", "SslProtocols.Ssl3")]
        [InlineData("await ssl.AuthenticateAsServerAsync(certificate, true, {|#0:SslProtocols.Default|}, false);", "SslStream.AuthenticateAsServerAsync", "SslProtocols.Ssl3, SslProtocols.Tls")]
        [InlineData("ssl.AuthenticateAsClient(targetHost: \"pacs\", clientCertificates: null, enabledSslProtocols: {|#0:SslProtocols.Tls|}, checkCertificateRevocation: true);", "SslStream.AuthenticateAsClient", "SslProtocols.Tls")]
        [InlineData("await ssl.AuthenticateAsServerAsync(enabledSslProtocols: {|#0:SslProtocols.Tls11|}, checkCertificateRevocation: false, clientCertificateRequired: false, serverCertificate: certificate);", "SslStream.AuthenticateAsServerAsync", "SslProtocols.Tls11")]
        [InlineData("ssl.AuthenticateAsClient(\"pacs\", new X509CertificateCollection(), {|#0:(SslProtocols)768|}, false);", "SslStream.AuthenticateAsClient", "SslProtocols.Tls11")]
        public Task SslStreamAuthenticationWithObsoleteProtocolsIsReported(string call, string sink, string names) =>
            VerifyAsync(
                "using var tcp = new TcpClient();\nusing var ssl = new SslStream(tcp.GetStream());\nusing var certificate = new X509Certificate2(\"server.pfx\", \"secret\");\n" + call,
                expected: Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(sink, names));

        [Fact]
        public Task DerivedSslStreamIsReported() =>
            VerifyAsync(
                """
                using var stream = new PacsStream(new MemoryStream());
                stream.AuthenticateAsClient("pacs", null, {|SDA1004:SslProtocols.Tls11|}, false);
                await stream.AuthenticateAsClientAsync("pacs", null, {|SDA1004:SslProtocols.Tls|}, false);
                """,
                """
                class PacsStream : SslStream
                {
                    public PacsStream(Stream inner) : base(inner) { }

                    public override Task AuthenticateAsClientAsync(string targetHost, X509CertificateCollection? clientCertificates, SslProtocols enabledSslProtocols, bool checkCertificateRevocation)
                    {
                        Console.WriteLine(targetHost);
                        return base.AuthenticateAsClientAsync(targetHost, clientCertificates, enabledSslProtocols, checkCertificateRevocation);
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // ServicePointManager.SecurityProtocol
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("=", "SecurityProtocolType.Tls", "SecurityProtocolType.Tls")]
        [InlineData("=", "SecurityProtocolType.Tls11", "SecurityProtocolType.Tls11")]
        [InlineData("=", "SecurityProtocolType.Ssl3", "SecurityProtocolType.Ssl3")]
        [InlineData("=", "SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11", "SecurityProtocolType.Tls11")]
        [InlineData("=", "SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12", "SecurityProtocolType.Tls, SecurityProtocolType.Tls11")]
        [InlineData("=", "SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls13", "SecurityProtocolType.Ssl3")]
        [InlineData("=", "(SecurityProtocolType)3072 | (SecurityProtocolType)192", "SecurityProtocolType.Tls")]
        [InlineData("|=", "SecurityProtocolType.Tls11", "SecurityProtocolType.Tls11")]
        [InlineData("|=", "SecurityProtocolType.Tls | SecurityProtocolType.Tls11", "SecurityProtocolType.Tls, SecurityProtocolType.Tls11")]
        public Task ServicePointManagerWithObsoleteProtocolsIsReported(string assignment, string value, string names) =>
            VerifyAsync(
                "ServicePointManager.SecurityProtocol " + assignment + " {|#0:" + value + "|};",
                expected: Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(ServicePointSink, names));

        [Fact]
        public Task ExplicitConversionsAndParenthesesAreLookedThrough() =>
            VerifyWebAsync(
                """
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = ({|#0:SslProtocols.Tls11|})));
                ServicePointManager.SecurityProtocol = {|#1:(SecurityProtocolType)SslProtocols.Tls|};
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#2:(SslProtocols)(int)SecurityProtocolType.Tls11|} };
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(KestrelSink, "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ServicePointSink, "SecurityProtocolType.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(ClientOptionsSink, "SslProtocols.Tls11"),
                });

        [Fact]
        public Task ServicePointManagerWithUsingStaticIsReported() =>
            VerifyAsync("using static System.Net.ServicePointManager;\nSecurityProtocol = {|SDA1004:SecurityProtocolType.Tls|};");

        // ------------------------------------------------------------------------------------------------
        // Value tracking: constants, fields, locals
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task ConstFieldsAndLocalsAreFollowed() =>
            VerifyWebAsync(
                """
                const SslProtocols legacy = SslProtocols.Tls | SslProtocols.Tls12;
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|#0:legacy|}));
                ServicePointManager.SecurityProtocol = {|#1:TlsSettings.Legacy|};
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#2:TlsSettings.ClientProtocols|} };
                """,
                """
                static class TlsSettings
                {
                    public const SecurityProtocolType Legacy = SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
                    public const SslProtocols ClientProtocols = SslProtocols.Ssl3;
                }
                """,
                Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(KestrelSink, "SslProtocols.Tls"),
                Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ServicePointSink, "SecurityProtocolType.Tls11"),
                Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(ClientOptionsSink, "SslProtocols.Ssl3"));

        [Fact]
        public Task StaticReadonlyFieldsAreFollowed() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler { SslProtocols = {|#0:Protocols.Legacy|} };
                var options = new SslServerAuthenticationOptions();
                options.EnabledSslProtocols = {|#1:Protocols.Compatible|};
                using var client = new HttpClient(handler);
                """,
                """
                static class Protocols
                {
                    public static readonly SslProtocols Legacy = SslProtocols.Tls11;
                    public static readonly SslProtocols Compatible = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;
                }
                """,
                Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(HandlerSink, "SslProtocols.Tls11"),
                Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ServerOptionsSink, "SslProtocols.Tls, SslProtocols.Tls11"));

        [Fact]
        public Task LocalsAssignedOnceAreFollowed() =>
            VerifyAsync(
                """
                var protocols = SslProtocols.Tls11;
                SslProtocols explicitlyTyped = SslProtocols.Tls | SslProtocols.Tls12;
                var security = SecurityProtocolType.Tls11;
                using var ssl = new SslStream(new MemoryStream());
                ssl.AuthenticateAsClient("pacs", null, {|#0:protocols|}, false);
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#1:explicitlyTyped|} };
                ServicePointManager.SecurityProtocol |= {|#2:security|};
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments("SslStream.AuthenticateAsClient", "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ClientOptionsSink, "SslProtocols.Tls"),
                    Verify.Diagnostic("SDA1004").WithLocation(2).WithArguments(ServicePointSink, "SecurityProtocolType.Tls11"),
                });

        [Fact]
        public Task TrackedValuesCombinedWithFlagsAreFollowed() =>
            VerifyAsync(
                """
                var legacy = SslProtocols.Tls11;
                var handler = new HttpClientHandler { SslProtocols = {|#0:legacy | SslProtocols.Tls12|} };
                handler.SslProtocols = {|#1:SslProtocols.Tls13 | Protocols.Legacy|};
                using var client = new HttpClient(handler);
                """,
                """
                static class Protocols
                {
                    public static readonly SslProtocols Legacy = SslProtocols.Tls;
                }
                """,
                Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(HandlerSink, "SslProtocols.Tls11"),
                Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(HandlerSink, "SslProtocols.Tls"));

        [Fact]
        public Task ObsoleteFlagAddedToAnUnknownValueIsReported() =>
            VerifyAsync(
                "Console.WriteLine();",
                """
                static class KestrelTls
                {
                    public static void Apply(HttpsConnectionAdapterOptions https, SslProtocols configured) =>
                        https.SslProtocols = {|#0:configured | SslProtocols.Tls11|};
                }
                """,
                Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(KestrelSink, "SslProtocols.Tls11"));

        [Fact]
        public Task ProtocolsChosenByAFlagAreReportedOnTheObsoleteBranch() =>
            VerifyWebAsync(
                """
                var legacyClients = builder.Configuration.GetValue<bool>("Tls:LegacyClients");
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h =>
                    h.SslProtocols = legacyClients ? {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|} : SslProtocols.Tls12 | SslProtocols.Tls13));
                var security = legacyClients ? SecurityProtocolType.Tls12 : {|#1:SecurityProtocolType.Tls|};
                ServicePointManager.SecurityProtocol = security;
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(KestrelSink, "SslProtocols.Tls11"),
                    Verify.Diagnostic("SDA1004").WithLocation(1).WithArguments(ServicePointSink, "SecurityProtocolType.Tls"),
                });

        [Theory]
        [InlineData("h.SslProtocols = builder.Environment.IsDevelopment() ? SslProtocols.Tls11 | SslProtocols.Tls12 : SslProtocols.Tls12")]
        [InlineData("h.SslProtocols = !builder.Environment.IsDevelopment() ? SslProtocols.None : SslProtocols.Tls")]
        [InlineData("h.SslProtocols = args.Length > 0 ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13")]
        public Task DevelopmentOnlyOrModernBranchesAreSilent(string assignment) =>
            VerifyWebAsync("builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => " + assignment + "));");

        [Fact]
        public Task KestrelOnAuthenticateServerOptionsAreReported() =>
            VerifyWebAsync(
                """
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h =>
                    h.OnAuthenticate = (connection, ssl) => ssl.EnabledSslProtocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|}));
                """,
                expected: Verify.Diagnostic("SDA1004").WithLocation(0).WithArguments(ServerOptionsSink, "SslProtocols.Tls11"));

        [Fact]
        public Task FixIsOfferedWhenTheWholeValueIsKnown()
        {
            var test = new FixVerify.Test
            {
                TestCode = Program("var legacy = SslProtocols.Tls11;\nvar handler = new HttpClientHandler { SslProtocols = {|SDA1004:legacy | SslProtocols.Tls12|} };"),
                FixedCode = Program("var legacy = SslProtocols.Tls11;\nvar handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };"),
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixIsNotOfferedWhereItWouldDropAnUnknownPart()
        {
            // Rewriting "configured | Tls11" to "Tls12 | Tls13" would silently drop the caller's protocols.
            var source = Program(
                "Console.WriteLine();",
                "static class KestrelTls\n{\n    public static void Apply(HttpsConnectionAdapterOptions https, SslProtocols configured) => https.SslProtocols = {|SDA1004:configured | SslProtocols.Tls11|};\n}");
            var test = new FixVerify.Test { TestCode = source, FixedCode = source };
            return test.RunAsync(CancellationToken.None);
        }

        // ------------------------------------------------------------------------------------------------
        // Classes and non-development branches
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task StartupClassIsReported() =>
            VerifyAsync(
                "Console.WriteLine(new Startup());",
                """
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.Configure<KestrelServerOptions>(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls11|}));
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        ServicePointManager.SecurityProtocol = {|SDA1004:SecurityProtocolType.Tls|};
                    }
                }
                """);

        [Theory]
        [InlineData("if (builder.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); } else { builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls11|})); }")]
        [InlineData("if (!builder.Environment.IsDevelopment()) { builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls11|})); }")]
        [InlineData("if (builder.Environment.IsProduction()) { ServicePointManager.SecurityProtocol = {|SDA1004:SecurityProtocolType.Tls|}; }")]
        [InlineData("if (builder.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); }\nServicePointManager.SecurityProtocol = {|SDA1004:SecurityProtocolType.Tls|};")]
        [InlineData("if (builder.Environment.IsDevelopment() || args.Length > 0) { ServicePointManager.SecurityProtocol = {|SDA1004:SecurityProtocolType.Tls11|}; }")]
        public Task ObsoleteProtocolsOutsideDevelopmentOnlyCodeAreReported(string builderCode) => VerifyWebAsync(builderCode);

        // ------------------------------------------------------------------------------------------------
        // Near misses: modern values and removals
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("SslProtocols.None")]
        [InlineData("SslProtocols.Tls12")]
        [InlineData("SslProtocols.Tls13")]
        [InlineData("SslProtocols.Tls12 | SslProtocols.Tls13")]
        [InlineData("(SslProtocols)0")]
        [InlineData("(SslProtocols)12288")]
        [InlineData("default")]
        [InlineData("default(SslProtocols)")]
        [InlineData("SslProtocols.Tls13 & ~SslProtocols.Tls11")]
        public Task ModernKestrelProtocolsAreSilent(string value) =>
            VerifyWebAsync(
                "builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = " + value + "));\n"
                + "var options = new SslClientAuthenticationOptions { EnabledSslProtocols = " + value + " };\n"
                + "var handler = new HttpClientHandler { SslProtocols = " + value + " };\n"
                + "using var ssl = new SslStream(new MemoryStream());\n"
                + "ssl.AuthenticateAsClient(\"pacs\", null, " + value + ", true);");

        [Theory]
        [InlineData("= SecurityProtocolType.SystemDefault")]
        [InlineData("= SecurityProtocolType.Tls12")]
        [InlineData("= SecurityProtocolType.Tls13")]
        [InlineData("= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13")]
        [InlineData("|= SecurityProtocolType.Tls12")]
        [InlineData("|= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13")]
        [InlineData("&= ~SecurityProtocolType.Tls")]
        [InlineData("&= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11)")]
        public Task ModernServicePointManagerProtocolsAreSilent(string assignment) =>
            VerifyAsync("ServicePointManager.SecurityProtocol " + assignment + ";");

        [Fact]
        public Task RemovingObsoleteProtocolsIsSilent() =>
            VerifyWebAsync(
                """
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols &= ~(SslProtocols.Tls | SslProtocols.Tls11)));
                var options = new SslClientAuthenticationOptions();
                options.EnabledSslProtocols &= ~SslProtocols.Tls11;
                var handler = new HttpClientHandler();
                handler.SslProtocols &= ~(SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11);
                """);

        [Fact]
        public Task ReadingAndComparingProtocolsIsSilent() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler();
                if (handler.SslProtocols == SslProtocols.Tls || (handler.SslProtocols & SslProtocols.Tls11) != 0)
                {
                    Console.WriteLine("legacy protocols configured");
                }

                var current = ServicePointManager.SecurityProtocol;
                Console.WriteLine(current.HasFlag(SecurityProtocolType.Tls11));
                Console.WriteLine(SslProtocols.Tls11);
                """);

        [Fact]
        public Task SslStreamWithoutObsoleteProtocolsIsSilent() =>
            VerifyAsync(
                """
                using var ssl = new SslStream(new MemoryStream());
                ssl.AuthenticateAsClient("pacs");
                ssl.AuthenticateAsClient("pacs", null, SslProtocols.None, true);
                ssl.AuthenticateAsClient("pacs", null, false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "pacs", EnabledSslProtocols = SslProtocols.Tls13 });
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 });
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses: values never given to a sink, look-alike APIs, unknown values
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task ObsoleteValuesNotGivenToASinkAreSilent() =>
            VerifyAsync(
                """
                var legacy = SslProtocols.Tls | SslProtocols.Tls11;
                Console.WriteLine(legacy);
                var settings = new TlsSettings { Protocols = SslProtocols.Tls11 };
                settings.Protocols = SslProtocols.Tls;
                settings.Security = SecurityProtocolType.Tls;
                settings.Protocols |= SslProtocols.Ssl3;
                Configure(SslProtocols.Tls);
                SslProtocols[] supported = { SslProtocols.Tls, SslProtocols.Tls11 };
                Console.WriteLine(supported.Length);
                static void Configure(SslProtocols protocols) => Console.WriteLine(protocols);
                """,
                """
                class TlsSettings
                {
                    public SslProtocols Protocols { get; set; }

                    public SecurityProtocolType Security { get; set; }

                    public void AuthenticateAsClient(string targetHost, X509CertificateCollection? clientCertificates, SslProtocols enabledSslProtocols, bool checkCertificateRevocation) =>
                        Console.WriteLine(enabledSslProtocols);
                }
                """);

        [Fact]
        public Task UserTypesNamedLikeTheFrameworkTypesAreSilent() =>
            VerifyAsync(
                """
                var https = new Fake.HttpsConnectionAdapterOptions { SslProtocols = SslProtocols.Tls };
                var handler = new Fake.HttpClientHandler();
                handler.SslProtocols = SslProtocols.Tls11;
                Fake.ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
                new Fake.SslStream().AuthenticateAsClient("pacs", null, SslProtocols.Tls, false);
                new TlsSettings().AuthenticateAsClient("pacs", null, SslProtocols.Tls, false);
                Console.WriteLine(https);
                """,
                """
                class TlsSettings
                {
                    public void AuthenticateAsClient(string targetHost, X509CertificateCollection? clientCertificates, SslProtocols enabledSslProtocols, bool checkCertificateRevocation) =>
                        Console.WriteLine(enabledSslProtocols);
                }

                namespace Fake
                {
                    public class HttpsConnectionAdapterOptions
                    {
                        public SslProtocols SslProtocols { get; set; }
                    }

                    public class HttpClientHandler
                    {
                        public SslProtocols SslProtocols { get; set; }
                    }

                    public static class ServicePointManager
                    {
                        public static SecurityProtocolType SecurityProtocol { get; set; }
                    }

                    public class SslStream
                    {
                        public void AuthenticateAsClient(string targetHost, X509CertificateCollection? clientCertificates, SslProtocols enabledSslProtocols, bool checkCertificateRevocation) =>
                            Console.WriteLine(enabledSslProtocols);
                    }
                }
                """);

        [Fact]
        public Task UnknownValuesAreSilent() =>
            VerifyWebAsync(
                """
                var configured = builder.Configuration.GetValue<SslProtocols>("Tls:Protocols");
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = configured));
                var parsed = Enum.Parse<SslProtocols>(args.Length > 0 ? args[0] : "Tls12");
                var handler = new HttpClientHandler { SslProtocols = parsed };
                """,
                """
                static class Tls
                {
                    public static void Apply(HttpsConnectionAdapterOptions https, SslProtocols protocols) => https.SslProtocols = protocols;

                    public static void Apply(SslStream ssl, SslProtocols protocols) => ssl.AuthenticateAsClient("pacs", null, protocols, true);

                    public static void Apply(SecurityProtocolType protocols) => ServicePointManager.SecurityProtocol = protocols;

                    public static void Apply(SslClientAuthenticationOptions options, SslProtocols protocols) => options.EnabledSslProtocols = protocols | SslProtocols.Tls13;
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("if (builder.Environment.IsDevelopment())\n{\n    builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = SslProtocols.Tls11));\n}")]
        [InlineData("if (builder.Environment.IsDevelopment()) ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls;")]
        [InlineData("if (!builder.Environment.IsDevelopment()) { Console.WriteLine(\"prod\"); } else { var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls }; }")]
        [InlineData("if (builder.Environment.IsEnvironment(\"Development\")) { using var ssl = new SslStream(new MemoryStream()); ssl.AuthenticateAsClient(\"localhost\", null, SslProtocols.Tls, false); }")]
        [InlineData("if (builder.Environment.EnvironmentName == \"Development\") { var o = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls11 }; }")]
        [InlineData("if (builder.Environment.IsDevelopment() && args.Length > 0) { var o = new SslServerAuthenticationOptions { EnabledSslProtocols = SslProtocols.Default }; }")]
        public Task DevelopmentOnlyCodeIsSilent(string builderCode) => VerifyWebAsync(builderCode);

        [Fact]
        public Task StatementsAfterNonDevelopmentReturnAreSilent() =>
            VerifyAsync(
                """
                var builder = WebApplication.CreateBuilder(args);
                if (!builder.Environment.IsDevelopment())
                {
                    builder.Build().Run();
                    return;
                }

                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = SslProtocols.Tls));
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11;
                builder.Build().Run();
                """);

        [Fact]
        public Task StartupDevelopmentBranchIsSilent() =>
            VerifyAsync(
                "Console.WriteLine(new Startup());",
                """
                public class Startup
                {
                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        if (env.IsDevelopment())
                        {
                            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
                            var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls11 };
                            Console.WriteLine(options);
                        }
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception, nothing invented
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtocols = SslProtocols.")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtocols = SslProtocols.Tls1;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtocols = ")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtocols = ;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtocols = (SslProtocols)\"Tls\";")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.SslProtcols = SslProtocols.Tls;")]
        [InlineData("undefinedOptions.SslProtocols = SslProtocols.Tls;")]
        [InlineData("var handler = new HttpClientHandlr { SslProtocols = SslProtocols.Tls };")]
        [InlineData("ServicePointManager.SecurityProtocol |= ")]
        [InlineData("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | ;")]
        [InlineData("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | Unknown.Value;")]
        [InlineData("var options = new SslClientAuthenticationOptions { EnabledSslProtocols = };")]
        [InlineData("var options = new SslClientAuthenticationOptions { EnabledSslProtocols")]
        [InlineData("using var ssl = new SslStream(new MemoryStream());\nssl.AuthenticateAsClient(\"pacs\", null, SslProtocols.")]
        [InlineData("using var ssl = new SslStream(new MemoryStream());\nssl.AuthenticateAsClient(\"pacs\", null, protocols, false);")]
        [InlineData("using var ssl = new SslStream(new MemoryStream());\nssl.AuthenticateAs(\"pacs\", null, SslProtocols.Tls, false);")]
        [InlineData("var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = ")]
        public Task BrokenCodeIsSilent(string source) => VerifyBrokenAsync(source);

        [Fact]
        public Task SelfReferencingLocalDoesNotHangOrThrow() =>
            VerifyBrokenAsync(
                """
                SslProtocols protocols = protocols | SslProtocols.Tls12;
                var handler = new HttpClientHandler { SslProtocols = protocols };
                SslProtocols a = b, b = a;
                handler.SslProtocols = a;
                """);

        [Fact]
        public Task UnfinishedFileStillReportsTheCompleteAssignment() =>
            VerifyBrokenAsync(
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h => h.SslProtocols = {|SDA1004:SslProtocols.Tls11|}
                var app = builder.
                """);
    }
}
