using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Transport.CertificateValidationDisabledAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Transport
{
    /// <summary>
    /// SDA1003: always-true certificate validation callbacks and DangerousAcceptAnyServerCertificateValidator,
    /// over every sink, delegate form and assignment form the rule knows, against the near misses a real check,
    /// a development-only branch or a look-alike API produce. Compiled against the real .NET 8 / ASP.NET Core 8
    /// reference assemblies.
    /// </summary>
    public class CertificateValidationDisabledAnalyzerTests
    {
        private const string AlwaysTrueReason = "the callback always returns true";
        private const string DangerousReason = "DangerousAcceptAnyServerCertificateValidator";
        private const string HandlerSink = "HttpClientHandler.ServerCertificateCustomValidationCallback";
        private const string ClientOptionsSink = "SslClientAuthenticationOptions.RemoteCertificateValidationCallback";
        private const string ServerOptionsSink = "SslServerAuthenticationOptions.RemoteCertificateValidationCallback";
        private const string ServicePointSink = "ServicePointManager.ServerCertificateValidationCallback";
        private const string WebRequestSink = "HttpWebRequest.ServerCertificateValidationCallback";

        // ServicePointManager, WebRequest and HttpWebRequest are obsolete (SYSLIB0014).
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
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            """;

        /// <summary>A top-level program: statements, then type declarations.</summary>
        private static string Program(string statements, string members = "") =>
            Usings + statements + "\n" + members + "\n";

        private static Task VerifyAsync(string statements, string members = "", params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Program(statements, members), null, expected);

        /// <summary>Program.cs plus a second file, for declarations the rule must read from syntax alone.</summary>
        private static Task VerifyTwoFilesAsync(string program, string secondFile, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Usings + program };
            test.TestState.Sources.Add(("/0/Validators.cs", Usings + secondFile));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Broken code: compiler errors are ignored, only SDA1003 (and no AD0001) is checked.</summary>
        private static Task VerifyBrokenAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Usings + source, CompilerDiagnostics = CompilerDiagnostics.None };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>An HttpClientHandler whose callback is set by a plain assignment, reported on the target when expected.</summary>
        private static string HandlerAssignment(string value, bool reported) =>
            "var allowUntrusted = args.Length > 0;\n"
            + "var handler = new HttpClientHandler();\n"
            + (reported ? "{|SDA1003:handler.ServerCertificateCustomValidationCallback|}" : "handler.ServerCertificateCustomValidationCallback")
            + " = " + value + ";\n"
            + "using var client = new HttpClient(handler);\n";

        // ------------------------------------------------------------------------------------------------
        // HttpClientHandler.ServerCertificateCustomValidationCallback: every always-true delegate form
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("(message, certificate, chain, errors) => true")]
        [InlineData("(_, _, _, _) => true")]
        [InlineData("(message, certificate, chain, errors) => (true)")]
        [InlineData("static (message, certificate, chain, errors) => true")]
        [InlineData("(message, certificate, chain, errors) => { return true; }")]
        [InlineData("(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true")]
        [InlineData("delegate { return true; }")]
        [InlineData("delegate (HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { return true; }")]
        [InlineData("(message, certificate, chain, errors) => { Console.WriteLine($\"TLS problem: {errors}\"); return true; }")]
        [InlineData("(message, certificate, chain, errors) => { if (errors != SslPolicyErrors.None) { Console.Error.WriteLine(errors); return true; } return true; }")]
        [InlineData("(message, certificate, chain, errors) => { try { Console.WriteLine(certificate!.Subject); } catch (Exception e) { Console.WriteLine(e.Message); return true; } return true; }")]
        [InlineData("(message, certificate, chain, errors) => { Func<bool> strict = () => errors == SslPolicyErrors.None; Console.WriteLine(strict()); return true; }")]
        [InlineData("(message, certificate, chain, errors) => { bool Strict() => errors == SslPolicyErrors.None; Console.WriteLine(Strict()); return true; }")]
        [InlineData("new Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>((message, certificate, chain, errors) => true)")]
        [InlineData("(Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>)((message, certificate, chain, errors) => true)")]
        [InlineData("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator")]
        [InlineData("(HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)")]
        public Task AlwaysTrueCallbackAssignedToHttpClientHandlerIsReported(string value) =>
            VerifyAsync(HandlerAssignment(value, reported: true));

        [Theory]
        [InlineData("(message, certificate, chain, errors) => true", AlwaysTrueReason)]
        [InlineData("delegate { return true; }", AlwaysTrueReason)]
        [InlineData("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator", DangerousReason)]
        public Task MessageNamesTheHandlerPropertyAndTheReason(string value, string reason) =>
            VerifyAsync(
                "var handler = new HttpClientHandler();\n{|#0:handler.ServerCertificateCustomValidationCallback|} = " + value + ";",
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, reason));

        [Theory]
        [InlineData("(message, certificate, chain, errors) => true")]
        [InlineData("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator")]
        public Task CompoundAssignmentIsReported(string value) =>
            VerifyAsync("var handler = new HttpClientHandler();\n{|SDA1003:handler.ServerCertificateCustomValidationCallback|} += " + value + ";");

        [Fact]
        public Task CoalescingAssignmentIsReported() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler();
                {|#0:handler.ServerCertificateCustomValidationCallback|} ??= HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                {|#1:ServicePointManager.ServerCertificateValidationCallback|} ??= (sender, certificate, chain, errors) => true;
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, DangerousReason),
                    Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(ServicePointSink, AlwaysTrueReason),
                });

        [Theory]
        [InlineData("(message, certificate, chain, errors) => true")]
        [InlineData("delegate { return true; }")]
        [InlineData("(message, certificate, chain, errors) => { Console.WriteLine(certificate?.Subject); return true; }")]
        [InlineData("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator")]
        public Task ObjectInitializerIsReportedOnThePropertyName(string value) =>
            VerifyAsync(
                "using var client = new HttpClient(new HttpClientHandler\n{\n    UseProxy = false,\n    {|SDA1003:ServerCertificateCustomValidationCallback|} = "
                + value + ",\n    AllowAutoRedirect = false,\n});");

        [Fact]
        public Task TargetTypedNewWithInitializerIsReported() =>
            VerifyAsync(
                """
                HttpClientHandler handler = new() { {|SDA1003:ServerCertificateCustomValidationCallback|} = (m, c, ch, e) => true };
                Console.WriteLine(handler);
                """);

        [Fact]
        public Task AlwaysTrueCallbackInsideHttpClientFactoryRegistrationIsReported() =>
            VerifyAsync(
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHttpClient("pacs")
                    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                    {
                        {|SDA1003:ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                    });
                builder.Services.AddHttpClient("ris")
                    .ConfigurePrimaryHttpMessageHandler(() =>
                    {
                        var handler = new HttpClientHandler();
                        {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = (message, certificate, chain, errors) => true;
                        return handler;
                    });
                var app = builder.Build();
                app.Run();
                """);

        // ------------------------------------------------------------------------------------------------
        // Through locals
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task CallbackHeldInLocalIsReported() =>
            VerifyAsync(
                """
                Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> acceptAll = (message, certificate, chain, errors) => true;
                var handler = new HttpClientHandler();
                {|#0:handler.ServerCertificateCustomValidationCallback|} = acceptAll;
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, AlwaysTrueReason));

        [Fact]
        public Task DangerousValidatorHeldInVarLocalIsReported() =>
            VerifyAsync(
                """
                var callback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                var handler = new HttpClientHandler { {|#0:ServerCertificateCustomValidationCallback|} = callback };
                Console.WriteLine(handler);
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, DangerousReason));

        [Fact]
        public Task ExplicitlyTypedLambdaHeldInVarLocalIsReported() =>
            VerifyAsync(
                """
                var accept = (HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                var handler = new HttpClientHandler();
                {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = accept;
                """);

        [Fact]
        public Task ValidationCallbackDelegateLocalIsReportedOnEverySink() =>
            VerifyAsync(
                """
                RemoteCertificateValidationCallback trustAll = delegate { return true; };
                var client = new SslClientAuthenticationOptions { TargetHost = "pacs.example.org", {|SDA1003:RemoteCertificateValidationCallback|} = trustAll };
                var server = new SslServerAuthenticationOptions();
                {|SDA1003:server.RemoteCertificateValidationCallback|} = trustAll;
                {|SDA1003:ServicePointManager.ServerCertificateValidationCallback|} = trustAll;
                using var stream = new SslStream(new MemoryStream(), false, {|SDA1003:trustAll|});
                Console.WriteLine(client.TargetHost);
                """);

        // ------------------------------------------------------------------------------------------------
        // Method groups and local functions
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;")]
        [InlineData("public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => (true);")]
        [InlineData("public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { return true; }")]
        [InlineData("public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { Console.WriteLine(errors); if (errors == SslPolicyErrors.None) { return true; } return true; }")]
        [InlineData("public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { Func<bool> strict = () => { return false; }; Console.WriteLine(strict()); return true; }")]
        [InlineData("internal static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { bool Strict() { return false; } Console.WriteLine(Strict()); return true; }")]
        public Task MethodGroupToAlwaysTrueMethodIsReported(string method) =>
            VerifyAsync(
                "var handler = new HttpClientHandler();\n{|SDA1003:handler.ServerCertificateCustomValidationCallback|} = Validators.AcceptAll;",
                "static class Validators\n{\n    " + method + "\n}");

        [Fact]
        public Task MethodGroupToMethodInAnotherFileIsReported() =>
            VerifyTwoFilesAsync(
                """
                var handler = new HttpClientHandler();
                {|#0:handler.ServerCertificateCustomValidationCallback|} = CertificatePolicies.AcceptAll;
                var options = new SslClientAuthenticationOptions { {|#1:RemoteCertificateValidationCallback|} = CertificatePolicies.TrustEveryone };
                Console.WriteLine(options);
                """,
                """
                public static class CertificatePolicies
                {
                    public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

                    public static bool TrustEveryone(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        Console.WriteLine($"Accepting {certificate?.Subject} despite {errors}");
                        return true;
                    }
                }
                """,
                Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, AlwaysTrueReason),
                Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(ClientOptionsSink, AlwaysTrueReason));

        [Fact]
        public Task MethodGroupWithRealCheckInAnotherFileIsSilent() =>
            VerifyTwoFilesAsync(
                """
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = CertificatePolicies.Pinned;
                """,
                """
                public static class CertificatePolicies
                {
                    private const string Thumbprint = "3B1EFD3A66EA28B16697394703A72CA340A05BD5";

                    public static bool Pinned(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        if (errors == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        return certificate?.Thumbprint == Thumbprint;
                    }
                }
                """);

        [Fact]
        public Task InstanceMethodGroupIsReported() =>
            VerifyAsync(
                "new PacsClient().Connect();",
                """
                class PacsClient
                {
                    public HttpClient Connect()
                    {
                        var handler = new HttpClientHandler();
                        {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = this.Accept;
                        return new HttpClient(handler);
                    }

                    private bool Accept(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                }
                """);

        [Theory]
        [InlineData("bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;")]
        [InlineData("static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) { Console.WriteLine(errors); return true; }")]
        public Task LocalFunctionIsReported(string localFunction) =>
            VerifyAsync(
                "var options = new SslClientAuthenticationOptions();\n{|SDA1003:options.RemoteCertificateValidationCallback|} = AcceptAll;\n" + localFunction);

        [Fact]
        public Task DelegateConstructedFromMethodGroupIsReported() =>
            VerifyAsync(
                """
                {|#0:ServicePointManager.ServerCertificateValidationCallback|} = new RemoteCertificateValidationCallback(AcceptAll);
                static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ServicePointSink, AlwaysTrueReason));

        // ------------------------------------------------------------------------------------------------
        // SslClientAuthenticationOptions / SocketsHttpHandler / SslServerAuthenticationOptions
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task SocketsHttpHandlerNestedInitializerIsReported() =>
            VerifyAsync(
                """
                var handler = new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    SslOptions = { {|#0:RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true },
                };
                using var client = new HttpClient(handler);
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ClientOptionsSink, AlwaysTrueReason));

        [Fact]
        public Task SocketsHttpHandlerSslOptionsAssignmentIsReported() =>
            VerifyAsync(
                """
                var handler = new SocketsHttpHandler();
                {|SDA1003:handler.SslOptions.RemoteCertificateValidationCallback|} = delegate { return true; };
                var other = new SocketsHttpHandler
                {
                    SslOptions = new SslClientAuthenticationOptions { {|SDA1003:RemoteCertificateValidationCallback|} = (s, c, ch, e) => { return true; } },
                };
                using var client = new HttpClient(handler);
                using var otherClient = new HttpClient(other);
                """);

        [Fact]
        public async Task SslClientAuthenticationOptionsAreReported()
        {
            await VerifyAsync(
                """
                using var tcp = new TcpClient("pacs.example.org", 2762);
                using var ssl = new SslStream(tcp.GetStream());
                var options = new SslClientAuthenticationOptions
                {
                    TargetHost = "pacs.example.org",
                    {|#0:RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true,
                };
                await ssl.AuthenticateAsClientAsync(options);
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ClientOptionsSink, AlwaysTrueReason));
        }

        [Fact]
        public Task SslServerAuthenticationOptionsAreReported() =>
            VerifyAsync(
                """
                var options = new SslServerAuthenticationOptions
                {
                    ClientCertificateRequired = true,
                    {|#0:RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true,
                };
                var later = new SslServerAuthenticationOptions();
                {|#1:later.RemoteCertificateValidationCallback|} = delegate { Console.WriteLine("client certificate accepted"); return true; };
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ServerOptionsSink, AlwaysTrueReason),
                    Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(ServerOptionsSink, AlwaysTrueReason),
                });

        // ------------------------------------------------------------------------------------------------
        // ServicePointManager and HttpWebRequest
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("=", "(sender, certificate, chain, errors) => true")]
        [InlineData("+=", "(sender, certificate, chain, errors) => true")]
        [InlineData("+=", "delegate { return true; }")]
        [InlineData("=", "delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) { return true; }")]
        [InlineData("+=", "new RemoteCertificateValidationCallback(delegate { return true; })")]
        public Task ServicePointManagerIsReported(string assignment, string value) =>
            VerifyAsync(
                "{|#0:ServicePointManager.ServerCertificateValidationCallback|} " + assignment + " " + value + ";",
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ServicePointSink, AlwaysTrueReason));

        [Fact]
        public Task ServicePointManagerWithUsingStaticIsReportedOnTheIdentifier() =>
            VerifyAsync(
                "using static System.Net.ServicePointManager;\n{|SDA1003:ServerCertificateValidationCallback|} += (sender, certificate, chain, errors) => true;");

        [Fact]
        public Task HttpWebRequestIsReported() =>
            VerifyAsync(
                """
                var request = (HttpWebRequest)WebRequest.Create("https://pacs.example.org/studies");
                {|#0:request.ServerCertificateValidationCallback|} = (sender, certificate, chain, errors) => true;
                var other = WebRequest.CreateHttp("https://ris.example.org");
                {|#1:other.ServerCertificateValidationCallback|} += delegate { return true; };
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(WebRequestSink, AlwaysTrueReason),
                    Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(WebRequestSink, AlwaysTrueReason),
                });

        // ------------------------------------------------------------------------------------------------
        // SslStream constructor argument
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("new SslStream(inner, false, {|#0:(sender, certificate, chain, errors) => true|})")]
        [InlineData("new SslStream(inner, false, {|#0:delegate { return true; }|})")]
        [InlineData("new SslStream(inner, false, {|#0:(s, c, ch, e) => { Console.WriteLine(e); return true; }|}, null)")]
        [InlineData("new SslStream(inner, false, {|#0:(s, c, ch, e) => true|}, (s, host, local, remote, issuers) => null!, EncryptionPolicy.RequireEncryption)")]
        [InlineData("new SslStream(inner, leaveInnerStreamOpen: true, userCertificateValidationCallback: {|#0:(sender, certificate, chain, errors) => true|})")]
        [InlineData("new SslStream(userCertificateValidationCallback: {|#0:delegate { return true; }|}, innerStream: inner, leaveInnerStreamOpen: false)")]
        [InlineData("new SslStream(inner, false, {|#0:AcceptAll|})")]
        [InlineData("new SslStream(inner, false, {|#0:new RemoteCertificateValidationCallback(AcceptAll)|})")]
        public Task SslStreamConstructorArgumentIsReported(string creation) =>
            VerifyAsync(
                "using var inner = new MemoryStream();\nusing var ssl = " + creation + ";\n"
                + "static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;",
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments("SslStream", AlwaysTrueReason));

        [Fact]
        public Task SslStreamTargetTypedNewAndLocalCallbackAreReported() =>
            VerifyAsync(
                """
                RemoteCertificateValidationCallback trustAll = (sender, certificate, chain, errors) => true;
                using var tcp = new TcpClient();
                SslStream first = new(tcp.GetStream(), false, {|SDA1003:trustAll|});
                using var second = new SslStream(tcp.GetStream(), true, {|SDA1003:(_, _, _, _) => true|});
                first.Dispose();
                """);

        // ------------------------------------------------------------------------------------------------
        // Classes, derived handlers and non-development branches
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task DerivedHandlerConfiguredInItsConstructorIsReported() =>
            VerifyAsync(
                "using var client = new HttpClient(new PacsHandler());\nvar other = new PacsHandler { {|#1:ServerCertificateCustomValidationCallback|} = delegate { return true; } };",
                """
                class PacsHandler : HttpClientHandler
                {
                    public PacsHandler()
                    {
                        {|#0:ServerCertificateCustomValidationCallback|} = (message, certificate, chain, errors) => true;
                    }
                }
                """,
                Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, AlwaysTrueReason),
                Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(HandlerSink, AlwaysTrueReason));

        [Fact]
        public Task StartupClassIsReported() =>
            VerifyAsync(
                "Console.WriteLine(new Startup());",
                """
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddHttpClient<Startup>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                        {
                            SslOptions = new SslClientAuthenticationOptions { {|SDA1003:RemoteCertificateValidationCallback|} = delegate { return true; } },
                        });
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        {|SDA1003:ServicePointManager.ServerCertificateValidationCallback|} = (sender, certificate, chain, errors) => true;
                    }
                }
                """);

        [Theory]
        [InlineData("if (app.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); } else { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (!app.Environment.IsDevelopment()) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsProduction()) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); }\n{|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;")]
        [InlineData("if (args.Length > 0) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() || args.Length > 0) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("var isDevelopment = app.Environment.IsDevelopment();\nisDevelopment = args.Length > 0;\nif (isDevelopment) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() == false) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.EnvironmentName == Environments.Production) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (string.Equals(app.Environment.ApplicationName, \"Development\")) { {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        public Task BypassOutsideDevelopmentOnlyCodeIsReported(string statement) =>
            VerifyAsync(
                "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nvar handler = new HttpClientHandler();\n" + statement + "\napp.Run();");

        [Fact]
        public Task StaticReadonlyDelegateFieldIsReported() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler { {|#0:ServerCertificateCustomValidationCallback|} = Policies.AcceptAll };
                {|#1:ServicePointManager.ServerCertificateValidationCallback|} = Policies.TrustAll;
                Console.WriteLine(handler);
                """,
                """
                static class Policies
                {
                    public static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> AcceptAll = (message, certificate, chain, errors) => true;
                    public static readonly RemoteCertificateValidationCallback TrustAll = delegate { return true; };
                }
                """,
                Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, AlwaysTrueReason),
                Verify.Diagnostic("SDA1003").WithLocation(1).WithArguments(ServicePointSink, AlwaysTrueReason));

        [Fact]
        public Task KestrelOnAuthenticateServerOptionsAreReported() =>
            VerifyAsync(
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(h =>
                    h.OnAuthenticate = (connection, ssl) => {|#0:ssl.RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true));
                var app = builder.Build();
                app.Run();
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(ServerOptionsSink, AlwaysTrueReason));

        [Fact]
        public Task ClientWebSocketOptionsAreReported() =>
            VerifyAsync(
                """
                using var socket = new System.Net.WebSockets.ClientWebSocket();
                {|#0:socket.Options.RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true;
                socket.Options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                await socket.ConnectAsync(new Uri("wss://pacs.example.org/events"), default);
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments("ClientWebSocketOptions.RemoteCertificateValidationCallback", AlwaysTrueReason));

        [Fact]
        public Task DerivedSslStreamPassingTheCallbackToItsBaseIsReported() =>
            VerifyAsync(
                "using var stream = new InsecureStream(new MemoryStream());",
                """
                class InsecureStream : SslStream
                {
                    public InsecureStream(Stream inner) : base(inner, false, {|#0:(sender, certificate, chain, errors) => true|})
                    {
                    }

                    public InsecureStream(Stream inner, bool leaveOpen) : base(inner, leaveOpen, (sender, certificate, chain, errors) => errors == SslPolicyErrors.None)
                    {
                    }
                }
                """,
                Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments("SslStream", AlwaysTrueReason));

        [Theory]
        [InlineData("{|#0:handler.ServerCertificateCustomValidationCallback|} = insecure ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null;", DangerousReason)]
        [InlineData("{|#0:handler.ServerCertificateCustomValidationCallback|} = !insecure ? null : (message, certificate, chain, errors) => true;", AlwaysTrueReason)]
        [InlineData("{|#0:handler.ServerCertificateCustomValidationCallback|} = configured ?? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", DangerousReason)]
        [InlineData("var callback = insecure ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : configured;\n{|#0:handler.ServerCertificateCustomValidationCallback|} = callback;", DangerousReason)]
        [InlineData("{|#0:handler.ServerCertificateCustomValidationCallback|} = !app.Environment.IsDevelopment() ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null;", DangerousReason)]
        public Task CallbackChosenByAFlagIsReported(string statement, string reason) =>
            VerifyAsync(
                "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nvar insecure = args.Contains(\"--insecure\");\n"
                + "Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? configured = null;\nvar handler = new HttpClientHandler();\n"
                + statement,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments(HandlerSink, reason));

        [Fact]
        public Task SslStreamCallbackChosenByAFlagIsReported() =>
            VerifyAsync(
                """
                var insecure = args.Length > 0;
                using var ssl = new SslStream(new MemoryStream(), false, {|#0:insecure ? (sender, certificate, chain, errors) => true : null|});
                """,
                expected: Verify.Diagnostic("SDA1003").WithLocation(0).WithArguments("SslStream", AlwaysTrueReason));

        // ------------------------------------------------------------------------------------------------
        // Near misses: callbacks that check something
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("(message, certificate, chain, errors) => errors == SslPolicyErrors.None")]
        [InlineData("(message, certificate, chain, errors) => false")]
        [InlineData("(message, certificate, chain, errors) => certificate?.Thumbprint == \"3B1EFD3A66EA28B16697394703A72CA340A05BD5\"")]
        [InlineData("(message, certificate, chain, errors) => errors == SslPolicyErrors.None || certificate?.GetCertHashString() == \"3B1EFD3A66EA28B16697394703A72CA340A05BD5\"")]
        [InlineData("(message, certificate, chain, errors) => { if (errors == SslPolicyErrors.None) { return true; } return false; }")]
        [InlineData("(message, certificate, chain, errors) => { if (errors == SslPolicyErrors.RemoteCertificateChainErrors) return false; return true; }")]
        [InlineData("(message, certificate, chain, errors) => { if (errors != SslPolicyErrors.None) { throw new AuthenticationException(errors.ToString()); } return true; }")]
        [InlineData("(message, certificate, chain, errors) => errors == SslPolicyErrors.None ? true : throw new AuthenticationException(errors.ToString())")]
        [InlineData("(message, certificate, chain, errors) => { Func<bool> accept = () => true; Console.WriteLine(accept()); return errors == SslPolicyErrors.None; }")]
        [InlineData("(message, certificate, chain, errors) => { bool Accept() => true; Console.WriteLine(Accept()); return errors == SslPolicyErrors.None; }")]
        [InlineData("(message, certificate, chain, errors) => Check(() => true)")]
        [InlineData("(message, certificate, chain, errors) => allowUntrusted")]
        [InlineData("(message, certificate, chain, errors) => allowUntrusted ? true : errors == SslPolicyErrors.None")]
        [InlineData("(message, certificate, chain, errors) => chain!.Build(certificate!)")]
        [InlineData("delegate { return allowUntrusted; }")]
        [InlineData("null")]
        [InlineData("null!")]
        [InlineData("default")]
        public Task CallbacksThatCheckSomethingAreSilent(string value) =>
            VerifyAsync(HandlerAssignment(value, reported: false) + "static bool Check(Func<bool> inner) => inner() && DateTime.UtcNow.Year > 2000;");

        [Theory]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => false;")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { if (errors == SslPolicyErrors.None) return true; return certificate?.Thumbprint == \"AB12\"; }")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { if (errors != SslPolicyErrors.None) throw new AuthenticationException(); return true; }")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None ? true : throw new AuthenticationException();")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { Func<bool> lax = () => true; return lax() && errors == SslPolicyErrors.None; }")]
        [InlineData("public static bool Strict(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) { bool Lax() { return true; } return Lax() && errors == SslPolicyErrors.None; }")]
        public Task MethodGroupWithRealCheckIsSilent(string method) =>
            VerifyAsync(
                "var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = Validators.Strict;",
                "static class Validators\n{\n    " + method + "\n}");

        [Fact]
        public Task LocalFunctionWithRealCheckIsSilent() =>
            VerifyAsync(
                """
                using var ssl = new SslStream(new MemoryStream(), false, Pinned);
                ServicePointManager.ServerCertificateValidationCallback = Pinned;
                bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                    errors == SslPolicyErrors.None || certificate?.GetCertHashString() == "3B1EFD3A66EA28B16697394703A72CA340A05BD5";
                """);

        [Fact]
        public Task LocalReassignedAfterDeclarationIsSilent() =>
            VerifyAsync(
                """
                RemoteCertificateValidationCallback callback = (sender, certificate, chain, errors) => true;
                if (args.Length == 0)
                {
                    callback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                }

                var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = callback };
                Console.WriteLine(options);
                """);

        [Fact]
        public Task RemovingACallbackIsSilent() =>
            VerifyAsync(
                """
                ServicePointManager.ServerCertificateValidationCallback -= AcceptAll;
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback -= HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                """);

        [Fact]
        public Task ReadingOrComparingTheCallbackIsSilent() =>
            VerifyAsync(
                """
                var handler = new HttpClientHandler();
                var current = handler.ServerCertificateCustomValidationCallback;
                Console.WriteLine(current == HttpClientHandler.DangerousAcceptAnyServerCertificateValidator);
                Console.WriteLine(ServicePointManager.ServerCertificateValidationCallback is null);
                """);

        [Fact]
        public Task SslStreamWithoutOrWithRealCallbackIsSilent() =>
            VerifyAsync(
                """
                using var inner = new MemoryStream();
                using var a = new SslStream(inner);
                using var b = new SslStream(inner, false);
                using var c = new SslStream(inner, false, null);
                using var d = new SslStream(inner, false, (sender, certificate, chain, errors) => errors == SslPolicyErrors.None);
                using var e = new SslStream(inner, false, (sender, certificate, chain, errors) => { if (errors != SslPolicyErrors.None) throw new AuthenticationException(); return true; }, null);
                using var f = new SslStream(inner, false, null, (sender, host, local, remote, issuers) => local[0]);
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("if (app.Environment.IsDevelopment())\n{\n    handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;\n}")]
        [InlineData("if (app.Environment.IsDevelopment()) handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;")]
        [InlineData("if (!app.Environment.IsDevelopment()) { Console.WriteLine(\"prod\"); } else { ServicePointManager.ServerCertificateValidationCallback += delegate { return true; }; }")]
        [InlineData("if (app.Environment.IsEnvironment(\"Development\")) { using var ssl = new SslStream(new MemoryStream(), false, (s, c, ch, e) => true); }")]
        [InlineData("if (app.Environment.EnvironmentName == \"Development\") { var o = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = delegate { return true; } }; }")]
        [InlineData("if (app.Environment.IsDevelopment() && args.Length > 0) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment()) { builder.Services.AddHttpClient(\"pacs\").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }); }")]
        [InlineData("if (app.Environment.IsEnvironment(Environments.Development)) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.EnvironmentName == Environments.Development) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("var isDevelopment = app.Environment.IsDevelopment();\nif (isDevelopment) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() == true) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() is true) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() != false) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.IsDevelopment() == false) { Console.WriteLine(\"prod\"); } else { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (string.Equals(app.Environment.EnvironmentName, \"Development\", StringComparison.OrdinalIgnoreCase)) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        [InlineData("if (app.Environment.EnvironmentName.Equals(Environments.Development)) { handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; }")]
        public Task DevelopmentOnlyBypassIsSilent(string statement) =>
            VerifyAsync(
                "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nvar handler = new HttpClientHandler();\n" + statement + "\napp.Run();");

        [Theory]
        [InlineData("handler.ServerCertificateCustomValidationCallback = app.Environment.IsDevelopment() ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null;")]
        [InlineData("handler.ServerCertificateCustomValidationCallback = !app.Environment.IsDevelopment() ? null : HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;")]
        [InlineData("handler.ServerCertificateCustomValidationCallback = app.Environment.IsDevelopment() ? (m, c, ch, e) => true : (m, c, ch, e) => e == SslPolicyErrors.None;")]
        [InlineData("handler.ServerCertificateCustomValidationCallback = args.Length > 0 ? (m, c, ch, e) => e == SslPolicyErrors.None : null;")]
        [InlineData("handler.ServerCertificateCustomValidationCallback = handler.ServerCertificateCustomValidationCallback ?? ((m, c, ch, e) => e == SslPolicyErrors.None);")]
        [InlineData("using var ssl = new SslStream(new MemoryStream(), false, app.Environment.IsDevelopment() ? (s, c, ch, e) => true : null);")]
        public Task DevelopmentOnlyOrCheckingBranchesAreSilent(string statement) =>
            VerifyAsync(
                "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nvar handler = new HttpClientHandler();\n" + statement + "\napp.Run();");

        [Fact]
        public Task StatementsAfterNonDevelopmentReturnAreSilent() =>
            VerifyAsync(
                """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.Run();
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
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
                            ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
                            Console.WriteLine(handler);
                        }
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses: look-alike APIs
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task AlwaysTrueDelegateOnUnrelatedPropertyOrMethodIsSilent() =>
            VerifyAsync(
                """
                var settings = new TlsSettings { Validator = (message, certificate, chain, errors) => true };
                settings.Validator = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                settings.Fallback = delegate { return true; };
                Register((sender, certificate, chain, errors) => true);
                Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> unused = (m, c, ch, e) => true;
                Console.WriteLine(unused);
                static void Register(RemoteCertificateValidationCallback callback) => Console.WriteLine(callback);
                """,
                """
                class TlsSettings
                {
                    public Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? Validator { get; set; }

                    public RemoteCertificateValidationCallback? Fallback { get; set; }
                }
                """);

        [Fact]
        public Task UserTypesNamedLikeTheFrameworkTypesAreSilent() =>
            VerifyAsync(
                """
                var handler = new Fake.HttpClientHandler { ServerCertificateCustomValidationCallback = (a, b, c, d) => true };
                handler.ServerCertificateCustomValidationCallback = Fake.HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                Fake.ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                var options = new Fake.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = delegate { return true; } };
                var stream = new Fake.SslStream(new MemoryStream(), false, (sender, certificate, chain, errors) => true);
                Console.WriteLine(options);
                Console.WriteLine(stream);
                """,
                """
                namespace Fake
                {
                    public class HttpClientHandler
                    {
                        public static Func<object, object, object, object, bool> DangerousAcceptAnyServerCertificateValidator { get; } = (a, b, c, d) => true;

                        public Func<object, object, object, object, bool>? ServerCertificateCustomValidationCallback { get; set; }
                    }

                    public static class ServicePointManager
                    {
                        public static RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
                    }

                    public class SslClientAuthenticationOptions
                    {
                        public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }
                    }

                    public class SslStream
                    {
                        public SslStream(Stream inner, bool leaveOpen, RemoteCertificateValidationCallback callback) => Console.WriteLine(callback);
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception, nothing invented
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = (a, b")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = ")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = ;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = AcceptEverything;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = Validators.AcceptEverything;")]
        [InlineData("var handler = new HttpClientHandlr { ServerCertificateCustomValidationCallback = (a, b, c, d) => true };")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallbak = (a, b, c, d) => true;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = (a, b, c, d) => accept;")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAny")]
        [InlineData("using var ssl = new SslStream(new MemoryStream(), false, (s, c")]
        [InlineData("using var ssl = new SslStream(")]
        [InlineData("using var ssl = new SslStream(stream, false, AcceptEverything);")]
        [InlineData("ServicePointManager.ServerCertificateValidationCallback = delegate { return")]
        [InlineData("var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = (a, b, c, d) =>")]
        [InlineData("RemoteCertificateValidationCallback callback = callback;\nServicePointManager.ServerCertificateValidationCallback = callback;")]
        [InlineData("var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = AcceptAll };\nstatic bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors);")]
        [InlineData("var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => { return; } };")]
        [InlineData("var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => { } };")]
        [InlineData("var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = = true };")]
        [InlineData("var options = new SslClientAuthenticationOptions {\n    RemoteCertificateValidationCallback\n")]
        public Task BrokenCodeIsSilent(string source) => VerifyBrokenAsync(source);

        [Fact]
        public Task UnfinishedFileStillReportsTheCompleteBypass() =>
            VerifyBrokenAsync(
                """
                var handler = new HttpClientHandler();
                {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = (message, certificate, chain, errors) => { return true;
                var client = new HttpClient(handler
                """);

        [Fact]
        public Task LambdaWithParametersStillBeingTypedIsReported() =>
            // The parameter list is unfinished, the body already accepts everything: what is being written is a bypass.
            VerifyBrokenAsync(
                """
                var handler = new HttpClientHandler();
                {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = (a, b) => true;
                """);

        [Fact]
        public Task BrokenCodeElsewhereDoesNotHideABypass() =>
            VerifyBrokenAsync(
                """
                var handler = new HttpClientHandler();
                {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                var broken = new SslStream(new MemoryStream(), false, (s, c
                """);
    }
}
