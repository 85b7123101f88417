using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Transport
{
    /// <summary>
    /// SDA1001 (plaintext beyond loopback), SDA1002 (plaintext on a TLS port) and SDA1005 (plaintext behind
    /// UseForwardedHeaders) over every binding API, value-tracking form and app-wide fact the rule knows.
    /// Programs are compiled against the real ASP.NET Core 8 reference assemblies.
    /// </summary>
    public class PlaintextHttpListenerAnalyzerTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Hosting.Server;
            using Microsoft.AspNetCore.Hosting.Server.Features;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.HttpOverrides;
            using Microsoft.AspNetCore.HttpsPolicy;
            using Microsoft.AspNetCore.Server.HttpSys;
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            """;

        /// <summary>A minimal-hosting Program.cs: builder code, then app code, then local functions or types.</summary>
        private static string Program(string builderCode, string appCode = "", string members = "") =>
            Usings
            + "var builder = WebApplication.CreateBuilder(args);\n"
            + builderCode + "\n"
            + "var app = builder.Build();\n"
            + appCode + "\n"
            + members + "\n";

        private static Task VerifyProgramAsync(string builderCode, string appCode = "", string members = "", string? editorConfig = null, params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Program(builderCode, appCode, members), editorConfig, expected);

        /// <summary>Program.cs plus a second source file, to prove that facts are gathered app-wide.</summary>
        private static Task VerifyTwoFilesAsync(string program, string secondFile, string? editorConfig = null, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = program };
            test.TestState.Sources.Add(("/0/Startup.cs", Usings + secondFile));
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Broken code: compiler errors are ignored, only the rule's diagnostics (and no AD0001) are checked.</summary>
        private static Task VerifyBrokenProgramAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        // ------------------------------------------------------------------------------------------------
        // Every binding API, plaintext on a non-TLS port beyond loopback: SDA1001
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});", "")]
        [InlineData("builder.WebHost.UseUrls(\"http://localhost:5000\", {|SDA1001:\"http://+:5001\"|});", "")]
        [InlineData("builder.WebHost.UseUrls(new[] { \"http://localhost:5000\", {|SDA1001:\"http://*:5001\"|} });", "")]
        [InlineData("builder.WebHost.UseSetting(\"urls\", {|SDA1001:\"http://0.0.0.0:8080\"|});", "")]
        [InlineData("builder.WebHost.UseSetting(\"URLS\", {|SDA1001:\"http://0.0.0.0:8080\"|});", "")]
        [InlineData("builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, {|SDA1001:\"http://[::]:8080\"|});", "")]
        [InlineData("", "app.Urls.Add({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("", "app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Add({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("", "app.Run({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("", "await app.RunAsync({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("using var host = WebHost.Start({|SDA1001:\"http://*:8080\"|}, (HttpContext context) => Task.CompletedTask);", "")]
        [InlineData("using var host = WebHost.StartWith({|SDA1001:\"http://*:8080\"|}, a => { });", "")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1001:\"http://+:80/\"|}));", "")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1001:UrlPrefix.Create(\"http\", \"+\", 80, \"/\")|}));", "")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1001:UrlPrefix.Create(\"http\", \"+\", \"8080\", \"/\")|}));", "")]
        [InlineData("var listener = new HttpListener();\nlistener.Prefixes.Add({|SDA1001:\"http://+:8080/\"|});", "")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", {|SDA1001:\"http://*:8080\"|});", "")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTP_PORTS\", {|SDA1001:\"8080\"|});", "")]
        [InlineData("builder.Configuration[\"urls\"] = {|SDA1001:\"http://*:8080\"|};", "")]
        [InlineData("builder.Configuration[WebHostDefaults.ServerUrlsKey] = {|SDA1001:\"http://*:8080\"|};", "")]
        public Task UrlBindingApisReportPlaintextBeyondLoopback(string builderCode, string appCode) =>
            VerifyProgramAsync(builderCode, appCode);

        [Theory]
        [InlineData("o => {|SDA1001:o.Listen(IPAddress.Any, 8080)|}")]
        [InlineData("o => {|SDA1001:o.Listen(IPAddress.IPv6Any, 8080)|}")]
        [InlineData("o => {|SDA1001:o.Listen(IPAddress.Parse(\"10.1.2.3\"), 8080)|}")]
        [InlineData("o => {|SDA1001:o.Listen(new IPEndPoint(IPAddress.Any, 8080))|}")]
        [InlineData("o => {|SDA1001:o.Listen(new IPEndPoint(IPAddress.Parse(\"192.168.0.10\"), 80))|}")]
        [InlineData("o => {|SDA1001:o.Listen(IPAddress.Any, 8080, lo => lo.Protocols = HttpProtocols.Http1AndHttp2)|}")]
        [InlineData("o => {|SDA1001:o.Listen(new IPEndPoint(IPAddress.Any, 8080), lo => { lo.Protocols = HttpProtocols.Http1; })|}")]
        [InlineData("o => {|SDA1001:o.ListenAnyIP(8080)|}")]
        [InlineData("o => {|SDA1001:o.ListenAnyIP(8080, lo => { })|}")]
        [InlineData("o => {|SDA1001:o.ListenAnyIP(port: 80)|}")]
        [InlineData("o => {|SDA1001:o.Configure(builder.Configuration.GetSection(\"Kestrel\")).AnyIPEndpoint(8080)|}")]
        [InlineData("o => {|SDA1001:o.Configure(builder.Configuration.GetSection(\"Kestrel\")).Endpoint(IPAddress.Any, 8080)|}")]
        [InlineData("o => {|SDA1001:o.Configure(builder.Configuration.GetSection(\"Kestrel\")).Endpoint(new IPEndPoint(IPAddress.IPv6Any, 8080))|}")]
        [InlineData("(context, o) => {|SDA1001:o.ListenAnyIP(8080)|}")]
        public Task KestrelEndpointsWithoutHttpsAreReportedOnTheWholeInvocation(string configureKestrel) =>
            VerifyProgramAsync("builder.WebHost.ConfigureKestrel(" + configureKestrel + ");");

        [Fact]
        public Task KestrelOptionsConfiguredThroughServicesAreReported() =>
            VerifyProgramAsync("builder.Services.Configure<KestrelServerOptions>(o => { {|SDA1001:o.ListenAnyIP(8080)|}; });");

        // ------------------------------------------------------------------------------------------------
        // TLS ports (443, 8443 by default): SDA1002
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("builder.WebHost.UseUrls({|SDA1002:\"http://*:443\"|});", "")]
        [InlineData("builder.WebHost.UseUrls({|SDA1002:\"http://0.0.0.0:8443\"|});", "")]
        [InlineData("builder.WebHost.UseSetting(\"urls\", {|SDA1002:\"http://+:443\"|});", "")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(443)|});", "")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Listen(IPAddress.Any, 8443)|});", "")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Listen(new IPEndPoint(IPAddress.IPv6Any, 443))|});", "")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Listen(IPAddress.Any, 443, lo => lo.Protocols = HttpProtocols.Http1)|});", "")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Configure(builder.Configuration.GetSection(\"Kestrel\")).AnyIPEndpoint(443)|});", "")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1002:\"http://+:443/\"|}));", "")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1002:UrlPrefix.Create(\"http\", \"+\", 443, \"/\")|}));", "")]
        [InlineData("var listener = new HttpListener();\nlistener.Prefixes.Add({|SDA1002:\"http://*:443/\"|});", "")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", {|SDA1002:\"http://*:443\"|});", "")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTP_PORTS\", {|SDA1002:\"443\"|});", "")]
        [InlineData("builder.Configuration[\"urls\"] = {|SDA1002:\"http://*:8443\"|};", "")]
        [InlineData("", "app.Urls.Add({|SDA1002:\"http://10.0.0.5:443\"|});")]
        [InlineData("", "app.Run({|SDA1002:\"http://*:443\"|});")]
        [InlineData("using var host = WebHost.Start({|SDA1002:\"http://*:443\"|}, (HttpContext context) => Task.CompletedTask);", "")]
        public Task PlaintextOnDefaultTlsPortsIsAnError(string builderCode, string appCode) =>
            VerifyProgramAsync(builderCode, appCode);

        [Fact]
        public Task PlaintextOnTlsPortMessageNamesAddressScopeAndPort() =>
            VerifyProgramAsync(
                "builder.WebHost.ConfigureKestrel(o => { {|#0:o.ListenAnyIP(443)|}; {|#1:o.Listen(IPAddress.IPv6Any, 8443)|}; });",
                expected: new[]
                {
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithArguments("http://*:443", "all network interfaces", "443"),
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(1).WithArguments("http://[::]:8443", "all network interfaces", "8443"),
                });

        [Fact]
        public Task PlaintextMessagesDescribeTheScope() =>
            VerifyProgramAsync(
                """
                builder.WebHost.UseUrls({|#0:"http://*:8080"|}, {|#1:"http://api.example.com:8080"|});
                builder.WebHost.ConfigureKestrel(o => {|#2:o.Listen(IPAddress.Parse("10.1.2.3"), 8081)|});
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1001").WithLocation(0).WithArguments("http://*:8080", "all network interfaces"),
                    Verify.Diagnostic("SDA1001").WithLocation(1).WithArguments("http://api.example.com:8080", "host name 'api.example.com', which Kestrel binds to all network interfaces"),
                    Verify.Diagnostic("SDA1001").WithLocation(2).WithArguments("http://10.1.2.3:8081", "non-loopback address 10.1.2.3"),
                });

        [Fact]
        public Task PortListsReportEachEntryWithItsOwnArguments() =>
            VerifyProgramAsync(
                """
                builder.WebHost.UseUrls({|#0:"http://localhost:5000; http://*:8080;http://+:443"|});
                Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", {|#1:"8080;443"|});
                """,
                expected: new[]
                {
                    Verify.Diagnostic("SDA1001").WithLocation(0).WithArguments("http://*:8080", "all network interfaces"),
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithArguments("http://+:443", "all network interfaces", "443"),
                    Verify.Diagnostic("SDA1001").WithLocation(1).WithArguments("http://*:8080", "all network interfaces"),
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(1).WithArguments("http://*:443", "all network interfaces", "443"),
                });

        // ------------------------------------------------------------------------------------------------
        // Hosts
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("http://*:8080")]
        [InlineData("http://+:8080")]
        [InlineData("http://0.0.0.0:8080")]
        [InlineData("http://[::]:8080")]
        [InlineData("http://10.0.0.5:8080")]
        [InlineData("http://192.168.1.20")]
        [InlineData("http://[fe80::1]:8080")]
        [InlineData("http://api.example.com:8080")]
        [InlineData("http://*")]
        [InlineData("HTTP://*:8080")]
        [InlineData("http://*:8080/")]
        public Task HostsReachableFromOtherMachinesAreReported(string url) =>
            VerifyProgramAsync("builder.WebHost.UseUrls({|SDA1001:\"" + url + "\"|});");

        [Theory]
        [InlineData("http://localhost:8080")]
        [InlineData("http://LocalHost:443")]
        [InlineData("http://127.0.0.1:8080")]
        [InlineData("http://127.1.2.3:443")]
        [InlineData("http://[::1]:8080")]
        [InlineData("http://unix:/tmp/x.sock")]
        [InlineData("http://pipe:/name")]
        [InlineData("https://*:443")]
        [InlineData("https://0.0.0.0:8080")]
        [InlineData("https://api.example.com")]
        [InlineData("")]
        [InlineData("not a url")]
        [InlineData("ftp://*:21")]
        public Task LoopbackLocalSocketsHttpsAndNonUrlsAreSilent(string url) =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls(\"" + url + "\");\nbuilder.WebHost.UseSetting(\"urls\", \"" + url + "\");",
                "app.Urls.Add(\"" + url + "\");");

        // ------------------------------------------------------------------------------------------------
        // Kestrel endpoints that are not plaintext beyond loopback
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("o.ListenLocalhost(8080);")]
        [InlineData("o.ListenLocalhost(443);")]
        [InlineData("o.ListenUnixSocket(\"/tmp/x.sock\");")]
        [InlineData("o.Listen(IPAddress.Loopback, 443);")]
        [InlineData("o.Listen(IPAddress.IPv6Loopback, 8080);")]
        [InlineData("o.Listen(IPAddress.Parse(\"127.0.0.1\"), 443);")]
        [InlineData("o.Listen(new IPEndPoint(IPAddress.Loopback, 443));")]
        [InlineData("o.ListenAnyIP(443, lo => lo.UseHttps());")]
        [InlineData("o.Listen(IPAddress.Any, 443, lo => { lo.Protocols = HttpProtocols.Http1AndHttp2; lo.UseHttps(); });")]
        [InlineData("o.Listen(new IPEndPoint(IPAddress.Any, 8443), listenOptions => listenOptions.UseHttps(https => { }));")]
        [InlineData("o.Configure(builder.Configuration.GetSection(\"Kestrel\")).AnyIPEndpoint(443, lo => lo.UseHttps());")]
        [InlineData("o.Configure(builder.Configuration.GetSection(\"Kestrel\")).LocalhostEndpoint(8080);")]
        [InlineData("o.Configure(builder.Configuration.GetSection(\"Kestrel\")).Endpoint(\"Public\", e => { });")]
        [InlineData("o.ListenAnyIP(int.Parse(args[0]));")]
        [InlineData("o.Listen(IPAddress.Parse(args[0]), 8080);")]
        [InlineData("o.ListenAnyIP(0);")]
        public Task KestrelEndpointsThatAreLoopbackHttpsOrUnknownAreSilent(string statement) =>
            VerifyProgramAsync("builder.WebHost.ConfigureKestrel(o => { " + statement + " });");

        [Fact]
        public Task MethodGroupConfigureDelegateCannotBeSeenIntoAndIsSilent() =>
            VerifyProgramAsync(
                "builder.WebHost.ConfigureKestrel(o => { o.ListenAnyIP(443, ConfigureTls); o.Listen(IPAddress.Any, 8080, ConfigureTls); });",
                members: "static void ConfigureTls(ListenOptions listenOptions) => listenOptions.UseHttps();");

        [Fact]
        public Task EndpointDefaultsWithUseHttpsCoverEveryKestrelEndpoint() =>
            VerifyProgramAsync("""
                builder.WebHost.ConfigureKestrel(o =>
                {
                    o.ConfigureEndpointDefaults(lo => lo.UseHttps());
                    o.ListenAnyIP(443);
                    o.Listen(IPAddress.Any, 8080);
                    o.Configure(builder.Configuration.GetSection("Kestrel")).AnyIPEndpoint(8443);
                });
                """);

        [Fact]
        public Task EndpointDefaultsCoverKestrelEndpointsDeclaredInAnotherConfigureCall() =>
            VerifyProgramAsync("""
                builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(443));
                builder.Services.Configure<KestrelServerOptions>(o => o.ConfigureEndpointDefaults(lo => { lo.UseHttps(); }));
                """);

        [Fact]
        public Task EndpointDefaultsWithoutUseHttpsDoNotCoverEndpoints() =>
            VerifyProgramAsync("""
                builder.WebHost.ConfigureKestrel(o =>
                {
                    o.ConfigureEndpointDefaults(lo => lo.Protocols = HttpProtocols.Http1AndHttp2);
                    {|SDA1002:o.ListenAnyIP(443)|};
                });
                """);

        [Fact]
        public Task DevelopmentOnlyEndpointDefaultsDoNotCoverProductionEndpoints() =>
            VerifyProgramAsync("""
                builder.WebHost.ConfigureKestrel((context, o) =>
                {
                    if (context.HostingEnvironment.IsDevelopment())
                    {
                        o.ConfigureEndpointDefaults(lo => lo.UseHttps());
                    }

                    {|SDA1002:o.ListenAnyIP(443)|};
                });
                """);

        [Fact]
        public Task NullConfigureDelegateIsNoConfiguration() =>
            VerifyProgramAsync("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(443, null!)|});");

        // ------------------------------------------------------------------------------------------------
        // Value tracking and locations
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("const string url = \"http://*:8080\";\nbuilder.WebHost.UseUrls({|SDA1001:url|});")]
        [InlineData("var url = \"http://*:8080\";\nbuilder.WebHost.UseUrls({|SDA1001:url|});")]
        [InlineData("string url;\nurl = \"http://localhost:5000\";\nvar other = \"http://*:8080\";\nbuilder.WebHost.UseUrls({|SDA1001:other|});")]
        [InlineData("var host = \"*\";\nvar url = $\"http://{host}:8080\";\nbuilder.WebHost.UseUrls({|SDA1001:url|});")]
        [InlineData("var urls = new[] { \"http://localhost:5000\", \"http://*:8080\" };\nbuilder.WebHost.UseUrls({|SDA1001:urls|});")]
        [InlineData("const int port = 8080;\nbuilder.WebHost.UseUrls({|SDA1001:$\"http://*:{port}\"|});")]
        [InlineData("const string host = \"0.0.0.0\";\nbuilder.WebHost.UseUrls({|SDA1002:$\"http://{host}:443\"|});")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:$\"http://*:{8080}\"|});")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:\"http://*:\" + 8080|});")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:\"http://\" + \"*\" + \":8080\"|});")]
        [InlineData("var port = 443;\nbuilder.WebHost.UseUrls({|SDA1002:\"http://*:\" + port|});")]
        [InlineData("builder.WebHost.UseUrls(string.Join(\";\", \"http://localhost:5000\", {|SDA1001:\"http://*:8080\"|}));")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:string.Concat(\"http://*:\", \"8080\")|});")]
        [InlineData("builder.WebHost.UseUrls(args.Length > 0 ? {|SDA1001:\"http://*:8080\"|} : {|SDA1002:\"http://*:443\"|});")]
        [InlineData("builder.WebHost.UseUrls(builder.Environment.IsDevelopment() ? \"http://*:5000\" : {|SDA1001:\"http://*:8080\"|});")]
        [InlineData("builder.WebHost.UseUrls(!builder.Environment.IsDevelopment() ? {|SDA1001:\"http://*:8080\"|} : \"http://*:5000\");")]
        [InlineData("builder.WebHost.UseUrls(Environment.GetEnvironmentVariable(\"PUBLIC_URL\") ?? {|SDA1001:\"http://*:8080\"|});")]
        [InlineData("var listener = new HttpListener();\nvar prefix = \"http://+:8080/\";\nlistener.Prefixes.Add({|SDA1001:prefix|});")]
        [InlineData("const int port = 443;\nbuilder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(port)|});")]
        [InlineData("var address = IPAddress.Parse(\"10.1.2.3\");\nbuilder.WebHost.ConfigureKestrel(o => {|SDA1001:o.Listen(address, 8080)|});")]
        [InlineData("var endPoint = new IPEndPoint(IPAddress.Any, 443);\nbuilder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Listen(endPoint)|});")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1001:o.Listen(new IPEndPoint(0L, 8080))|});")]
        public Task ValuesAreTrackedAndReportedWhereTheyAreWritten(string builderCode) =>
            VerifyProgramAsync(builderCode);

        [Theory]
        [InlineData("builder.WebHost.UseUrls(string.Join(';', {|SDA1002:\"http://*:443\"|}, \"http://localhost:5000\"));")]
        [InlineData("builder.WebHost.UseUrls(string.Join(\"; \", new[] { {|SDA1001:\"http://*:8080\"|}, \"https://*:5001\" }));")]
        [InlineData("builder.WebHost.UseUrls(string.Join(value: new[] { {|SDA1001:\"http://*:8080\"|} }, separator: \";\"));")]
        [InlineData("builder.WebHost.UseSetting(\"urls\", string.Join(\";\", \"http://localhost:5000\", {|SDA1001:\"http://+:8080\"|}));")]
        [InlineData("const string tls = \"http://*:8443\";\nbuilder.WebHost.UseUrls(string.Join(\";\", {|SDA1002:tls|}, {|SDA1001:\"http://*:\" + 8080|}));")]
        [InlineData("var urls = string.Join(\";\", \"http://localhost:5000\", \"http://*:8080\");\nbuilder.WebHost.UseUrls({|SDA1001:urls|});")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:string.Join(\",\", \"http://*:8080\", \"http://*:8081\")|});")]
        [InlineData("builder.WebHost.UseUrls(string.Join(\";\", new List<string> { \"http://*:8080\" }));")]
        public Task StringJoinWithTheListSeparatorReportsEachElement(string builderCode) =>
            VerifyProgramAsync(builderCode);

        [Theory]
        [InlineData("builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, {|SDA1002:\"http://*:443\"|});")]
        [InlineData("builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, {|SDA1001:\"8080\"|});")]
        [InlineData("builder.Configuration[WebHostDefaults.HttpPortsKey] = {|SDA1002:\"443\"|};")]
        [InlineData("var key = WebHostDefaults.ServerUrlsKey;\nbuilder.WebHost.UseSetting(key, {|SDA1001:\"http://*:8080\"|});")]
        [InlineData("builder.Configuration[WebHostDefaults.HttpsPortsKey] = \"8080\";\nbuilder.WebHost.UseUrls({|SDA1002:\"http://*:8080\"|});")]
        [InlineData("builder.WebHost.UseSetting(WebHostDefaults.EnvironmentKey, \"http://*:8080\");\nbuilder.WebHost.UseSetting(WebHostDefaults.ContentRootKey, \"http://*:443\");")]
        public Task WebHostDefaultsKeysAreRecognised(string builderCode) =>
            VerifyProgramAsync(builderCode);

        [Theory]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:\"http://bücher.example:8080\"|});")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:\"http://my_host-01.internal\"|});")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add({|SDA1001:\"http://*.example.com:80/\"|}));")]
        [InlineData("builder.WebHost.UseUrls(\"http://[not-an-address]:8080\", \"http://)\", \"http://a\\\"b:8080\", \"http://:8080\");")]
        public Task OnlyTextThatCanBeAHostNameIsJudgedAsOne(string builderCode) =>
            VerifyProgramAsync(builderCode);

        [Theory]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:Endpoints.Public|});", "static class Endpoints { public const string Public = \"http://*:8080\"; }")]
        [InlineData("builder.WebHost.UseUrls({|SDA1001:Endpoints.Public|});", "static class Endpoints { public static readonly string Public = \"http://*:8080\"; }")]
        [InlineData("builder.WebHost.UseUrls({|SDA1002:Endpoints.Public|});", "static class Endpoints { public static readonly string Public = \"http://*:\" + \"443\"; }")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(Ports.Public)|});", "static class Ports { public static readonly int Public = 443; }")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => {|SDA1001:o.Listen(Ports.Address, 8080)|});", "static class Ports { public static readonly IPAddress Address = IPAddress.Any; }")]
        public Task ConstAndStaticReadonlyFieldsInTheSameFileAreFollowed(string builderCode, string members) =>
            VerifyProgramAsync(builderCode, members: members);

        [Fact]
        public Task StaticReadonlyFieldsInAnotherFileAreFollowed() =>
            VerifyTwoFilesAsync(
                Program("builder.WebHost.UseUrls({|SDA1001:Endpoints.Public|}, {|SDA1002:Endpoints.Tls|}, Endpoints.Local, {|SDA1001:Endpoints.Interpolated|});"),
                """
                static class Endpoints
                {
                    public static readonly string Public = "http://*:8080";
                    public static readonly string Tls = "http://0.0.0.0:" + "443";
                    public static readonly string Local = "http://localhost:8080";
                    public static readonly string Interpolated = $"http://{"+"}:8080";
                }
                """);

        [Fact]
        public Task ConstFieldInAnotherFileIsFollowed() =>
            VerifyTwoFilesAsync(
                Program("", "app.Urls.Add({|SDA1002:Endpoints.Public|});"),
                "static class Endpoints { public const string Public = \"http://*:8443\"; }");

        [Theory]
        [InlineData("var url = \"http://*:8080\";\nurl = Environment.GetEnvironmentVariable(\"URL\")!;\nbuilder.WebHost.UseUrls(url);")]
        [InlineData("var url = \"http://*:8080\";\nurl += \"/api\";\nbuilder.WebHost.UseUrls(url);")]
        [InlineData("var port = 443;\nport++;\nbuilder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(port));")]
        [InlineData("var url = \"http://*:8080\";\nSet(ref url);\nbuilder.WebHost.UseUrls(url);\nstatic void Set(ref string value) => value = \"http://localhost:1\";")]
        [InlineData("builder.WebHost.UseUrls(args[0]);")]
        [InlineData("builder.WebHost.UseUrls(builder.Configuration[\"PublicUrl\"]!);")]
        [InlineData("builder.WebHost.UseUrls($\"http://{args[0]}:8080\");")]
        [InlineData("builder.WebHost.UseUrls(\"http://\" + args[0] + \":443\");")]
        [InlineData("builder.WebHost.UseUrls(GetUrl());\nstatic string GetUrl() => \"http://*:8080\";")]
        [InlineData("Bind(builder.WebHost, \"http://*:8080\");\nstatic void Bind(IWebHostBuilder webHost, string url) => webHost.UseUrls(url);")]
        [InlineData("builder.WebHost.UseUrls(builder.Environment.IsDevelopment() ? \"http://*:5000\" : \"https://*:443\");")]
        [InlineData("builder.WebHost.UseUrls(builder.Environment.IsEnvironment(\"Development\") ? \"http://*:443\" : \"http://localhost:5000\");")]
        [InlineData("builder.WebHost.UseUrls(!builder.Environment.IsDevelopment() ? \"https://*:443\" : \"http://*:5000\");")]
        [InlineData("var urls = new List<string>();\nurls.Add(\"http://*:8080\");")]
        [InlineData("builder.WebHost.UseSetting(\"environment\", \"http://*:8080\");")]
        [InlineData("Environment.SetEnvironmentVariable(\"URLS\", \"http://*:8080\");\nEnvironment.SetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\", \"http://*:443\");")]
        [InlineData("var url = builder.Configuration[\"urls\"];")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTP_PORTS\", args[0]);")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(UrlPrefix.Create(\"http\", args[0], 80, \"/\")));")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(UrlPrefix.Create(\"https\", \"+\", 443, \"/\")));")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(UrlPrefix.Create(\"http\", \"localhost\", 80, \"/\")));")]
        public Task UnresolvableReassignedAndIrrelevantValuesAreSilent(string builderCode) =>
            VerifyProgramAsync(builderCode);

        // ------------------------------------------------------------------------------------------------
        // Development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("if (builder.Environment.IsDevelopment())\n{\n    builder.WebHost.UseUrls(\"http://*:443\");\n}", "")]
        [InlineData("if (builder.Environment.IsEnvironment(\"Development\")) builder.WebHost.UseUrls(\"http://*:443\");", "")]
        [InlineData("if (builder.Environment.EnvironmentName == \"Development\") builder.WebHost.UseUrls(\"http://*:8080\");", "")]
        [InlineData("if (\"Development\" == builder.Environment.EnvironmentName) builder.WebHost.UseUrls(\"http://*:8080\");", "")]
        [InlineData("if (builder.Environment.IsDevelopment() && args.Length > 0) builder.WebHost.UseUrls(\"http://*:8080\");", "")]
        [InlineData("if (!builder.Environment.IsDevelopment())\n{\n    builder.WebHost.UseUrls(\"https://*:443\");\n}\nelse\n{\n    builder.WebHost.UseUrls(\"http://*:8080\");\n}", "")]
        [InlineData("if (builder.Environment.EnvironmentName != \"Development\") { } else { Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", \"http://*:443\"); }", "")]
        [InlineData("", "if (app.Environment.IsDevelopment())\n{\n    app.Urls.Add(\"http://*:8080\");\n    app.Urls.Add(\"http://*:443\");\n}")]
        [InlineData("builder.WebHost.ConfigureKestrel((context, o) =>\n{\n    if (context.HostingEnvironment.IsDevelopment())\n    {\n        o.ListenAnyIP(443);\n        o.Listen(IPAddress.Any, 8080);\n    }\n});", "")]
        [InlineData("if (builder.Environment.IsDevelopment()) builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(\"http://+:443/\"));", "")]
        [InlineData("if (builder.Environment.IsDevelopment()) builder.Configuration[\"urls\"] = \"http://*:443\";", "")]
        [InlineData("if (builder.Environment.IsDevelopment()) Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTP_PORTS\", \"443\");", "")]
        [InlineData("", "if (app.Environment.IsDevelopment()) { app.Run(\"http://*:443\"); }")]
        public Task DevelopmentOnlyBindingsAreSilent(string builderCode, string appCode) =>
            VerifyProgramAsync(builderCode, appCode);

        [Fact]
        public Task StatementsAfterANonDevelopmentReturnAreDevelopmentOnly() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls(\"https://*:443\");",
                "UseDevelopmentUrls(app);",
                """
                static void UseDevelopmentUrls(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        return;
                    }

                    app.Urls.Add("http://*:8080");
                    app.Urls.Add("http://*:443");
                }
                """);

        [Fact]
        public Task TopLevelStatementsAfterANonDevelopmentReturnAreDevelopmentOnly() =>
            VerifyProgramAsync("""
                if (!builder.Environment.IsDevelopment()) return;
                builder.WebHost.UseUrls("http://*:443");
                """);

        [Fact]
        public Task StatementsAfterANonDevelopmentThrowAreDevelopmentOnly() =>
            VerifyProgramAsync("""
                if (!builder.Environment.IsDevelopment()) throw new InvalidOperationException("development tool");
                builder.WebHost.UseUrls("http://*:443");
                """);

        [Theory]
        [InlineData("if (!builder.Environment.IsDevelopment())\n{\n    builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});\n}")]
        [InlineData("if (builder.Environment.IsDevelopment())\n{\n}\nelse\n{\n    builder.WebHost.UseUrls({|SDA1002:\"http://*:443\"|});\n}")]
        [InlineData("if (builder.Environment.IsProduction()) builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("if (builder.Environment.IsDevelopment() || args.Length > 0) builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("if (builder.Environment.EnvironmentName != \"Development\") builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("if (builder.Environment.IsStaging()) builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(443)|});")]
        [InlineData("if (builder.Environment.IsDevelopment()) { }\nbuilder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("if (!builder.Environment.IsDevelopment()) { Console.WriteLine(\"production\"); }\nbuilder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});")]
        [InlineData("builder.WebHost.ConfigureKestrel((context, o) =>\n{\n    if (!context.HostingEnvironment.IsDevelopment())\n    {\n        {|SDA1002:o.ListenAnyIP(443)|};\n    }\n});")]
        public Task NonDevelopmentBranchesAreReported(string builderCode) =>
            VerifyProgramAsync(builderCode);

        // ------------------------------------------------------------------------------------------------
        // HTTPS redirection beside an HTTPS endpoint
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("builder.WebHost.UseUrls(\"http://*:8080\", \"https://*:8081\");")]
        [InlineData("builder.WebHost.UseUrls(\"http://*:8080;https://*:5001\");")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => { o.Listen(IPAddress.Any, 8080); o.ListenAnyIP(5001, lo => lo.UseHttps()); });")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => { o.ListenAnyIP(8080); o.ConfigureEndpointDefaults(lo => lo.UseHttps()); });\nbuilder.WebHost.UseUrls(\"http://*:8081\");")]
        [InlineData("builder.WebHost.UseUrls(\"http://*:8080\");\nbuilder.WebHost.UseSetting(\"https_ports\", \"5001\");")]
        [InlineData("builder.WebHost.UseUrls(\"http://*:8080\");\nbuilder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, \"5001\");")]
        [InlineData("builder.WebHost.UseHttpSys(o => { o.UrlPrefixes.Add(\"http://+:80/\"); o.UrlPrefixes.Add(UrlPrefix.Create(\"https\", \"+\", 5001, \"/\")); });")]
        public Task RedirectionBesideAnHttpsEndpointSilencesPlaintextPorts(string builderCode) =>
            VerifyProgramAsync(builderCode, "app.UseHttpsRedirection();");

        [Fact]
        public Task PlaintextWithoutRedirectionIsReportedDespiteAnHttpsEndpoint() =>
            VerifyProgramAsync("builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|}, \"https://*:5001\");");

        [Fact]
        public Task RedirectionWithoutAnHttpsEndpointDoesNotSilence() =>
            VerifyProgramAsync("builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|}, \"https://*:5001\".Replace(\"https\", \"http\"));", "app.UseHttpsRedirection();");

        [Fact]
        public Task RedirectionWithOnlyPlaintextEndpointsDoesNotSilence() =>
            VerifyProgramAsync("builder.WebHost.ConfigureKestrel(o => {|SDA1001:o.ListenAnyIP(8080)|});", "app.UseHttpsRedirection();");

        [Fact]
        public Task DevelopmentOnlyRedirectionDoesNotSilence() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|}, \"https://*:5001\");",
                "if (app.Environment.IsDevelopment())\n{\n    app.UseHttpsRedirection();\n}");

        [Fact]
        public Task DevelopmentOnlyHttpsEndpointDoesNotCountForRedirection() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});\nif (builder.Environment.IsDevelopment()) builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(5001, lo => lo.UseHttps()));",
                "app.UseHttpsRedirection();");

        [Fact]
        public Task RedirectionDoesNotSilencePlaintextOnATlsPort() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1002:\"http://*:443\"|}, \"http://*:8080\", \"https://*:5001\");",
                "app.UseHttpsRedirection();");

        [Fact]
        public Task RedirectionInAnotherFileSilencesPlaintextPorts() =>
            VerifyTwoFilesAsync(
                Program("builder.WebHost.UseUrls(\"http://*:8080\", \"https://*:5001\");", "app.UseSecurityPipeline();"),
                """
                static class Pipeline
                {
                    public static WebApplication UseSecurityPipeline(this WebApplication app)
                    {
                        app.UseHttpsRedirection();
                        return app;
                    }
                }
                """);

        [Fact]
        public Task HttpsEndpointInAnotherFileCountsForRedirection() =>
            VerifyTwoFilesAsync(
                Program("builder.WebHost.UseUrls(\"http://*:8080\");\nbuilder.WebHost.ConfigureKestrel(Tls.Configure);", "app.UseHttpsRedirection();"),
                """
                static class Tls
                {
                    public static void Configure(KestrelServerOptions options) => options.ListenAnyIP(5001, lo => lo.UseHttps());
                }
                """);

        [Fact]
        public Task DevelopmentOnlyRedirectionInAnotherFileDoesNotSilence() =>
            VerifyTwoFilesAsync(
                Program("builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|}, \"https://*:5001\");", "new Startup().Configure(app, app.Environment);"),
                """
                class Startup
                {
                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        if (env.IsDevelopment())
                        {
                            app.UseHttpsRedirection();
                        }
                    }
                }
                """);

        // ------------------------------------------------------------------------------------------------
        // sda.tls_ports and ports the app configures for HTTPS
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task TlsPortsOptionMakesPort80ATlsPortAndReplacesTheDefaults() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|#0:\"http://*:80\"|}, {|#1:\"http://*\"|}, {|SDA1001:\"http://*:443\"|});",
                editorConfig: "sda.tls_ports = 80\n",
                expected: new[]
                {
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithArguments("http://*:80", "all network interfaces", "80"),
                    Verify.Diagnostic("SDA1002").WithSeverity(DiagnosticSeverity.Error).WithLocation(1).WithArguments("http://*", "all network interfaces", "80"),
                });

        [Fact]
        public Task TlsPortsOptionWithA9443MakesPort443APlainFinding() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1001:\"http://*:443\"|}, {|SDA1001:\"http://*:8443\"|});\nbuilder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(9443)|});",
                editorConfig: "sda.tls_ports = 9443\n");

        [Fact]
        public Task TlsPortsOptionAcceptsAList() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1002:\"http://*:80\"|}, {|SDA1002:\"http://*:8080\"|}, {|SDA1001:\"http://*:8081\"|}, {|SDA1001:\"http://*:443\"|});",
                editorConfig: "sda.tls_ports = 80, 8080\n");

        [Fact]
        public Task TlsPortsOptionAppliesAcrossFiles() =>
            VerifyTwoFilesAsync(
                Program("Hosting.Bind(builder.WebHost);"),
                "static class Hosting { public static void Bind(IWebHostBuilder webHost) => webHost.UseUrls({|SDA1002:\"http://*:8000\"|}); }",
                editorConfig: "sda.tls_ports = 8000\n");

        [Theory]
        [InlineData("builder.Services.AddHttpsRedirection(o => o.HttpsPort = 8080);")]
        [InlineData("builder.Services.Configure<HttpsRedirectionOptions>(o => { o.HttpsPort = 8080; });")]
        [InlineData("const int httpsPort = 8080;\nbuilder.Services.AddHttpsRedirection(o => o.HttpsPort = httpsPort);")]
        [InlineData("builder.WebHost.UseSetting(\"https_port\", \"8080\");")]
        [InlineData("builder.WebHost.UseSetting(\"https_ports\", \"5001;8080\");")]
        [InlineData("builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, \"8080\");")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTPS_PORT\", \"8080\");")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTPS_PORTS\", \"8080\");")]
        [InlineData("builder.Configuration[\"https_port\"] = \"8080\";")]
        [InlineData("builder.WebHost.UseUrls(\"https://localhost:8080\");")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Configure(builder.Configuration.GetSection(\"Kestrel\"))); builder.WebHost.UseSetting(\"urls\", \"https://127.0.0.1:8080\");")]
        public Task PortsTheAppConfiguresForHttpsAreTlsPorts(string httpsPortCode) =>
            VerifyProgramAsync(httpsPortCode + "\nbuilder.WebHost.ConfigureKestrel(o => {|SDA1002:o.Listen(IPAddress.Parse(\"10.1.2.3\"), 8080)|});");

        [Fact]
        public Task HttpsPortSetInAnotherFileIsATlsPort() =>
            VerifyTwoFilesAsync(
                Program("builder.Services.AddSecurity();\nbuilder.WebHost.UseUrls({|SDA1002:\"http://*:5443\"|});"),
                """
                static class Security
                {
                    public static IServiceCollection AddSecurity(this IServiceCollection services) =>
                        services.AddHttpsRedirection(options => options.HttpsPort = 5443);
                }
                """);

        [Fact]
        public Task HttpsPortOnlyInDevelopmentIsNotATlsPort() =>
            VerifyProgramAsync(
                "if (builder.Environment.IsDevelopment())\n{\n    builder.Services.AddHttpsRedirection(o => o.HttpsPort = 8080);\n    builder.WebHost.UseSetting(\"https_port\", \"8080\");\n}\nbuilder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});");

        [Fact]
        public Task HttpsPortDoesNotAffectOtherPorts() =>
            VerifyProgramAsync("builder.Services.AddHttpsRedirection(o => o.HttpsPort = 5001);\nbuilder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});");

        // ------------------------------------------------------------------------------------------------
        // UseForwardedHeaders: SDA1005 instead of SDA1001, never instead of SDA1002
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task ForwardedHeadersDowngradePlaintextToInfo() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|#0:\"http://*:8080\"|});\nbuilder.WebHost.ConfigureKestrel(o => {|#1:o.ListenAnyIP(8081)|});",
                "app.UseForwardedHeaders();",
                expected: new[]
                {
                    Verify.Diagnostic("SDA1005").WithLocation(0).WithArguments("http://*:8080", "all network interfaces"),
                    Verify.Diagnostic("SDA1005").WithLocation(1).WithArguments("http://*:8081", "all network interfaces"),
                });

        [Fact]
        public Task ForwardedHeadersWithOptionsDowngradePlaintextToInfo() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1005:\"http://10.0.0.5:8080\"|});",
                "app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });");

        [Fact]
        public Task ForwardedHeadersNeverDowngradePlaintextOnATlsPort() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1002:\"http://*:443\"|}, {|SDA1005:\"http://*:8080\"|});",
                "app.UseForwardedHeaders();");

        [Fact]
        public Task DevelopmentOnlyForwardedHeadersDoNotDowngrade() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});",
                "if (app.Environment.IsDevelopment()) app.UseForwardedHeaders();");

        [Fact]
        public Task RedirectionBesideHttpsTakesPrecedenceOverForwardedHeaders() =>
            VerifyProgramAsync(
                "builder.WebHost.UseUrls(\"http://*:8080\", \"https://*:5001\", {|SDA1002:\"http://*:8443\"|});",
                "app.UseForwardedHeaders();\napp.UseHttpsRedirection();");

        [Fact]
        public Task ForwardedHeadersInAnotherFileDowngradePlaintext() =>
            VerifyTwoFilesAsync(
                Program("", "app.Urls.Add({|SDA1005:\"http://*:8080\"|});\napp.Urls.Add({|SDA1002:\"http://*:443\"|});\nProxy.Configure(app);"),
                "static class Proxy { public static void Configure(IApplicationBuilder app) => app.UseForwardedHeaders(); }");

        // ------------------------------------------------------------------------------------------------
        // Several findings and facts in one app
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task EveryBindingOfAnAppIsJudgedIndependently() =>
            VerifyProgramAsync(
                """
                builder.WebHost.UseUrls({|SDA1001:"http://*:8080"|}, "http://localhost:5000", "https://*:5001");
                builder.WebHost.ConfigureKestrel(o =>
                {
                    {|SDA1002:o.ListenAnyIP(443)|};
                    o.ListenAnyIP(8443, lo => lo.UseHttps());
                    o.ListenLocalhost(8444);
                });
                if (builder.Environment.IsDevelopment())
                {
                    builder.WebHost.UseUrls("http://*:5002");
                }
                """,
                """
                app.Urls.Add({|SDA1001:"http://0.0.0.0:9000"|});
                app.Run({|SDA1002:"http://+:8443"|});
                """);

        [Fact]
        public Task SameLiteralBoundTwiceIsReportedTwice() =>
            VerifyProgramAsync(
                "const string url = \"http://*:8080\";\nbuilder.WebHost.UseUrls({|SDA1001:url|});",
                "app.Urls.Add({|SDA1001:url|});");

        [Fact]
        public Task HttpListenerAloneIsAnalyzed() =>
            Verify.VerifyAnalyzerAsync("""
                using System.Net;
                var listener = new HttpListener();
                listener.Prefixes.Add({|SDA1001:"http://*:8080/"|});
                listener.Prefixes.Add({|SDA1002:"http://+:443/"|});
                listener.Prefixes.Add("http://localhost:8081/");
                listener.Prefixes.Add("https://+:8443/");
                listener.Start();
                """);

        [Fact]
        public Task ObsoleteWebHostBuilderIsAnalyzed() =>
            Verify.VerifyAnalyzerAsync("""
                using Microsoft.AspNetCore;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Http;

                #pragma warning disable ASPDEPR004, ASPDEPR008, CS0618
                var host = WebHost.CreateDefaultBuilder(args)
                    .UseUrls({|SDA1001:"http://*:8080"|})
                    .UseKestrel(o => {|SDA1002:o.ListenAnyIP(8443)|})
                    .Configure(a => a.Run(context => context.Response.WriteAsync("ok")))
                    .Build();
                host.Run();
                """);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception, findings where the code is still readable
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("builder.WebHost.UseUrls(undefinedVariable);")]
        [InlineData("builder.WebHost.UseUrls(")]
        [InlineData("builder.WebHost.UseUrls(\"http://*:80")]
        [InlineData("builder.WebHost.UseUrls($\"http://{(\");")]
        [InlineData("builder.WebHost.UseUrls($\"http://{Missing.Host}:8080\");")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(UnknownAddress, 443));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(port: , ));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(undefinedPort));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(new IPEndPoint(IPAddress.Any), 443));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Any, 443, lo => lo.))")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(443, lo => lo.UseHttps(")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(UrlPrefix.Create(\"http\", \"+\", , \"/\")));")]
        [InlineData("builder.WebHost.UseHttpSys(o => o.UrlPrefixes.Add(UrlPrefix.Create(\"http\", , 80, \"/\")));")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\");")]
        [InlineData("Environment.SetEnvironmentVariable(, \"http://*:8080\");")]
        [InlineData("builder.Configuration[] = \"http://*:8080\";")]
        [InlineData("builder.WebHost.UseSetting(\"https_port\", );")]
        [InlineData("builder.Services.AddHttpsRedirection(o => o.HttpsPort = );")]
        [InlineData("var url = ;\nbuilder.WebHost.UseUrls(url);")]
        [InlineData("var url = \"http://*:8080\" +;\nbuilder.WebHost.UseUrls(url);")]
        [InlineData("builder.WebHost.UseUrls(string.Join(, \"http://*:8080\"));")]
        [InlineData("builder.WebHost.UseUrls(Endpoints.Missing);\nstatic class Endpoints { public static readonly string Public = ; }")]
        public Task BrokenCodeProducesNoFindingAndNoException(string builderCode) =>
            VerifyBrokenProgramAsync(Program(builderCode, "app.UseHttpsRedirection();"));

        [Fact]
        public Task FindingsSurviveACompilerErrorElsewhere() =>
            Verify.VerifyAnalyzerAsync(Program(
                "builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});\nvar broken = {|CS1525:;|}",
                "app.Urls.Add({|SDA1002:\"http://*:443\"|});"));

        [Fact]
        public Task HalfTypedBindingAfterACompleteOneStillReportsTheCompleteOne() =>
            VerifyBrokenProgramAsync(
                Usings + "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls({|SDA1002:\"http://*:443\"|});\nbuilder.WebHost.UseUrls(");

        [Fact]
        public Task UnresolvedArgumentMakesTheWholeCallInvalidAndSilent() =>
            // Roslyn binds UseUrls(undefined, "…") as an invalid operation, not an invocation: nothing to judge.
            VerifyBrokenProgramAsync(Program("builder.WebHost.UseUrls(undefinedVariable, \"http://*:8080\");"));

        [Fact]
        public Task CompleteBindingInsideAnUnclosedDevelopmentCheckIsStillReported() =>
            // The UseUrls call parses as an argument of the unclosed IsDevelopment( call: it is not guarded by it.
            VerifyBrokenProgramAsync(Program("if (builder.Environment.IsDevelopment( builder.WebHost.UseUrls({|SDA1001:\"http://*:8080\"|});"));

        [Fact]
        public Task BrokenInterpolationDoesNotInventAHostName() =>
            // $"http://{(" lexes the hole as the unterminated literal ");", giving "http://);": ")" is no host name.
            VerifyBrokenProgramAsync(Program("builder.WebHost.UseUrls($\"http://{(\");"));

        [Fact]
        public async Task FindingsCarryTheListenerPortForToolsThatJoinThemWithDeployments()
        {
            var outcome = await Robustness.AnalyzerHarness.AnalyzeAsync(
                new[] { Program("builder.WebHost.UseUrls(\"http://0.0.0.0:8080\", \"http://*:443\", \"http://example.org\");") },
                System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer()));

            var ports = new System.Collections.Generic.List<string>();
            foreach (var diagnostic in System.Linq.Enumerable.OrderBy(outcome.Diagnostics, d => d.Location.SourceSpan.Start))
            {
                ports.Add(diagnostic.Id + ":" + (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ListenerPort, out var port) ? port : "none"));
            }

            Assert.Equal(new[] { "SDA1001:8080", "SDA1002:443", "SDA1001:80" }, ports);
        }
    }
}
