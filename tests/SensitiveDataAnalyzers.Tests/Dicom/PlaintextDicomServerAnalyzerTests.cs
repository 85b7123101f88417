using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Dicom;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Dicom.PlaintextDicomServerAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA3002 (reported at compilation end): fo-dicom servers that accept plaintext DICOM beyond loopback — 5.1
    /// DicomServerFactory / IDicomServerFactory.Create without a TLS acceptor, 5.0 and 4.x Create without a certificate
    /// name, ASP.NET Core AddDicomServer — against acceptors given or registered for dependency injection (any form,
    /// any file), certificate names, loopback addresses, development-only code and look-alike types.
    /// </summary>
    public class PlaintextDicomServerAnalyzerTests
    {
        private const string EchoFactory = "DicomServerFactory.Create<DicomCEchoProvider>";
        private const string LegacyFactory = "DicomServer.Create<LegacyScp>";
        private const string Hosted = "AddDicomServer<DicomCEchoProvider>";
        private const string AllInterfaces104 = "port 104 on all network interfaces";
        private const string HostedWhere = "its configured port on all network interfaces";
        private const string NoAcceptor = "no TLS acceptor";
        private const string NoCertificate = "no certificate name";
        private const string NoRegisteredAcceptor = "no TLS acceptor registered";

        /// <summary>A 4.x service provider (the 4.x stand-ins have no DicomCEchoProvider), named in full so it compiles beside 5.1.</summary>
        private const string LegacyScp = """
            public sealed class LegacyScp : Dicom.Network.DicomService, Dicom.Network.IDicomServiceProvider
            {
                public LegacyScp(Dicom.Network.INetworkStream stream, System.Text.Encoding fallbackEncoding, Dicom.Log.Logger log) : base(stream, fallbackEncoding, log) { }
                public Task OnReceiveAssociationRequestAsync(Dicom.Network.DicomAssociation association) => SendAssociationAcceptAsync(association);
                public Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
            }
            """;

        /// <summary>A 5.1 acceptor type, for registrations by type.</summary>
        private const string PinnedAcceptor = """
            public sealed class PinnedAcceptor : DefaultTlsAcceptor
            {
                public PinnedAcceptor() : base("pacs.example.org") { }
            }
            """;

        private static Task VerifyAsync(FoDicom version, string statements, string services = "", string members = "", params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<PlaintextDicomServerAnalyzer>(version, DicomTestCode.WebProgram(version, statements, Members(version) + "\n" + members, services), Array.Empty<(string, string)>(), broken: false, expected);

        private static Task VerifyBrokenAsync(FoDicom version, string statements, params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<PlaintextDicomServerAnalyzer>(version, DicomTestCode.WebProgram(version, statements, Members(version)), Array.Empty<(string, string)>(), broken: true, expected);

        private static string Members(FoDicom version) => version switch
        {
            FoDicom.V51 => PinnedAcceptor,
            FoDicom.V50 => string.Empty,
            FoDicom.V4 => LegacyScp,
            _ => PinnedAcceptor + "\n" + LegacyScp,
        };

        private static DiagnosticResult Finding(int location, string api, string where, string reason) =>
            Verify.Diagnostic("SDA3002").WithLocation(location).WithArguments(api, where, reason);

        // ------------------------------------------------------------------------------------------------
        // fo-dicom 5.1: no TLS acceptor beyond loopback
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(11112, null)|};", EchoFactory, "port 11112 on all network interfaces")]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(port: 104, tlsAcceptor: null)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"::\", 104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv4Any, 104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv6Any, 104, tlsAcceptor: null)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"10.0.0.5\", 104)|};", EchoFactory, "port 104 on 10.0.0.5")]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"pacs.example.org\", 104)|};", EchoFactory, "port 104 on pacs.example.org")]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(args[0], 104)|};", EchoFactory, "port 104 on an address set at run time")]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(int.Parse(args[0]))|};", EchoFactory, "the configured port on all network interfaces")]
        [InlineData("const int port = 11112;\nusing var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(port)|};", EchoFactory, "port 11112 on all network interfaces")]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(args.Length > 0 ? \"127.0.0.1\" : \"0.0.0.0\", 104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104, args.Length > 0 ? new DefaultTlsAcceptor(\"pacs.example.org\") : null)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider, IDicomServer<DicomCEchoProvider>>(\"0.0.0.0\", 104)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider, IDicomServer<DicomCEchoProvider>>(\"0.0.0.0\", 104, userState: null, tlsAcceptor: null)|};", EchoFactory, AllInterfaces104)]
        [InlineData("using var server = {|#0:app.Services.GetRequiredService<IDicomServerFactory>().Create<DicomCEchoProvider>(104)|};", "IDicomServerFactory.Create<DicomCEchoProvider>", AllInterfaces104)]
        public Task ServerWithoutAcceptorIn51IsReported(string statements, string api, string where) =>
            VerifyAsync(FoDicom.V51, statements, expected: Finding(0, api, where, NoAcceptor));

        [Theory]
        [InlineData(FoDicom.V51, "{|#0:builder.Services.AddDicomServer<DicomCEchoProvider>(new DicomServerServiceOptions { Port = 11112 })|};")]
        [InlineData(FoDicom.V51, "{|#0:builder.Services.AddDicomServer<DicomCEchoProvider>(options => options.Port = 104)|};")]
        [InlineData(FoDicom.V51, "builder.Services.AddSingleton(new DefaultTlsAcceptor(\"pacs.example.org\"));\n{|#0:builder.Services.AddDicomServer<DicomCEchoProvider>(options => options.Port = 104)|};")]
        [InlineData(FoDicom.V50, "{|#0:builder.Services.AddFellowOakDicom().AddDicomServer<DicomCEchoProvider>(options => options.Port = 104)|};")]
        public Task HostedServerWithoutRegisteredAcceptorIsReported(FoDicom version, string services) =>
            VerifyAsync(version, string.Empty, services, expected: Finding(0, Hosted, HostedWhere, NoRegisteredAcceptor));

        [Fact]
        public Task AcceptorRegisteredOnlyAsItsConcreteTypeDoesNotCount() =>
            // GetService<ITlsAcceptor>() does not find a service registered as DefaultTlsAcceptor.
            VerifyAsync(
                FoDicom.V51,
                "using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};",
                "builder.Services.AddSingleton<DefaultTlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\"));",
                expected: Finding(0, EchoFactory, AllInterfaces104, NoAcceptor));

        [Fact]
        public Task AcceptorRegisteredOnlyInDevelopmentDoesNotCount() =>
            VerifyAsync(
                FoDicom.V51,
                "using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};",
                "if (builder.Environment.IsDevelopment())\n{\n    builder.Services.AddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"dev.example.org\"));\n}",
                expected: Finding(0, EchoFactory, AllInterfaces104, NoAcceptor));

        [Fact]
        public Task KeyedAcceptorRegistrationDoesNotCount() =>
            // The factory asks for GetService<ITlsAcceptor>(), which does not return keyed services.
            VerifyAsync(
                FoDicom.V51,
                "using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};",
                "builder.Services.AddKeyedSingleton<ITlsAcceptor>(\"pacs\", new DefaultTlsAcceptor(\"pacs.example.org\"));\nbuilder.Services.Add(new ServiceDescriptor(typeof(ITlsAcceptor), \"archive\", new PinnedAcceptor()));",
                expected: Finding(0, EchoFactory, AllInterfaces104, NoAcceptor));

        [Fact]
        public Task LookAlikeAcceptorRegistrationDoesNotCount() =>
            VerifyAsync(
                FoDicom.V51,
                "using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};",
                "builder.Services.AddSingleton<Acme.Pacs.ITlsAcceptor, Acme.Pacs.Acceptor>();",
                "namespace Acme.Pacs { public interface ITlsAcceptor { } public sealed class Acceptor : ITlsAcceptor { } }",
                expected: Finding(0, EchoFactory, AllInterfaces104, NoAcceptor));

        // ------------------------------------------------------------------------------------------------
        // fo-dicom 5.0 and 4.x: no certificate name beyond loopback
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104, \"\")|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104, null)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104, certificateName: string.Empty)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 104)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv6Any, 104, certificateName: \"\")|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(\"10.0.0.5\", 11112, null)|};", "port 11112 on 10.0.0.5")]
        [InlineData("string? certificate = args.Length > 0 ? \"pacs.example.org\" : null;\nusing var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104, certificate)|};", AllInterfaces104)]
        public Task ServerWithoutCertificateIn50IsReported(string statements, string where) =>
            VerifyAsync(FoDicom.V50, statements, expected: Finding(0, EchoFactory, where, NoCertificate));

        [Theory]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(104)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(104, null, new DicomServiceOptions())|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(104, certificateName: \"\")|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(\"0.0.0.0\", 104)|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(\"::\", 104, null, \"\")|};", AllInterfaces104)]
        [InlineData("using var server = {|#0:DicomServer.Create<LegacyScp>(\"192.168.0.10\", 104, userState: \"pacs\")|};", "port 104 on 192.168.0.10")]
        public Task ServerWithoutCertificateIn4IsReported(string statements, string where) =>
            VerifyAsync(FoDicom.V4, statements, expected: Finding(0, LegacyFactory, where, NoCertificate));

        [Fact]
        public Task RegisteredAcceptorDoesNotSilenceThe4xServer() =>
            // 4.x reads only its certificate name; a 5.1 acceptor in dependency injection does not reach it.
            VerifyAsync(
                FoDicom.V51AndV4,
                "using var modern = DicomServerFactory.Create<DicomCEchoProvider>(104);\nusing var legacy = {|#0:Dicom.Network.DicomServer.Create<LegacyScp>(11112)|};",
                "builder.Services.AddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\"));",
                expected: Finding(0, LegacyFactory, "port 11112 on all network interfaces", NoCertificate));

        // ------------------------------------------------------------------------------------------------
        // Near misses: an acceptor or a certificate name given
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, new DefaultTlsAcceptor(\"pacs.example.org\"));")]
        [InlineData(FoDicom.V51, "var acceptor = new DefaultTlsAcceptor(\"pacs.pfx\", \"secret\");\nusing var server = DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 104, tlsAcceptor: acceptor);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, new DefaultTlsAcceptor(new X509Certificate2(\"pacs.pfx\")));")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider, IDicomServer<DicomCEchoProvider>>(\"0.0.0.0\", 104, null, new PinnedAcceptor());")]
        [InlineData(FoDicom.V51, "using var server = app.Services.GetRequiredService<IDicomServerFactory>().Create<DicomCEchoProvider>(104, app.Services.GetRequiredService<ITlsAcceptor>());")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, args.Length > 0 ? new DefaultTlsAcceptor(\"a.example.org\") : new PinnedAcceptor());")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, \"pacs.example.org\");")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 104, certificateName: \"pacs.example.org\");")]
        [InlineData(FoDicom.V50, "const string certificate = \"pacs.example.org\";\nusing var server = DicomServerFactory.Create<DicomCEchoProvider>(104, certificate);")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, app.Configuration[\"Pacs:Certificate\"]);")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(104, \"pacs.example.org\");")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(\"0.0.0.0\", 104, null, \"pacs.example.org\");")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(\"0.0.0.0\", 104, certificateName: \"pacs.example.org\", options: new DicomServiceOptions());")]
        public Task ServerWithAcceptorOrCertificateIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements);

        // ------------------------------------------------------------------------------------------------
        // Near misses: loopback addresses
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"127.0.0.1\", 104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"localhost\", 104, null);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"::1\", 104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv4Loopback, 104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv6Loopback, 104, tlsAcceptor: null);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider, IDicomServer<DicomCEchoProvider>>(\"127.0.0.1\", 104);")]
        [InlineData(FoDicom.V51, "using var server = app.Services.GetRequiredService<IDicomServerFactory>().Create<DicomCEchoProvider>(\"localhost\", 104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(args.Length > 0 ? \"::1\" : NetworkManager.IPv4Loopback, 104);")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"127.0.0.1\", 104);")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(NetworkManager.IPv4Loopback, 104, \"\");")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(\"127.0.0.1\", 104);")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(\"localhost\", 104, null, null);")]
        public Task LoopbackServerIsSilent(FoDicom version, string statements) =>
            VerifyAsync(version, statements);

        // ------------------------------------------------------------------------------------------------
        // Near misses: an ITlsAcceptor registered for dependency injection, in any form and any file
        // ------------------------------------------------------------------------------------------------

        private const string BothServers =
            "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104);\nusing var onAddress = DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 11112, tlsAcceptor: null);";

        [Theory]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\"));")]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor>(services => new DefaultTlsAcceptor(\"pacs.example.org\"));")]
        [InlineData("builder.Services.AddSingleton<ITlsAcceptor, PinnedAcceptor>();")]
        [InlineData("builder.Services.AddTransient<ITlsAcceptor, PinnedAcceptor>();")]
        [InlineData("builder.Services.AddSingleton(typeof(ITlsAcceptor), new DefaultTlsAcceptor(\"pacs.example.org\"));")]
        [InlineData("builder.Services.AddSingleton(typeof(ITlsAcceptor), typeof(PinnedAcceptor));")]
        [InlineData("builder.Services.TryAddSingleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\"));")]
        [InlineData("builder.Services.TryAddSingleton(typeof(ITlsAcceptor), typeof(PinnedAcceptor));")]
        [InlineData("builder.Services.Add(ServiceDescriptor.Singleton<ITlsAcceptor>(new DefaultTlsAcceptor(\"pacs.example.org\")));")]
        [InlineData("builder.Services.Add(ServiceDescriptor.Singleton<ITlsAcceptor, PinnedAcceptor>());")]
        [InlineData("builder.Services.Add(new ServiceDescriptor(typeof(ITlsAcceptor), new DefaultTlsAcceptor(\"pacs.example.org\")));")]
        [InlineData("builder.Services.TryAdd(ServiceDescriptor.Describe(typeof(ITlsAcceptor), typeof(PinnedAcceptor), ServiceLifetime.Singleton));")]
        public Task RegisteredAcceptorSilencesFactoryAndHostedServers(string registration) =>
            VerifyAsync(
                FoDicom.V51,
                BothServers,
                registration + "\nbuilder.Services.AddDicomServer<DicomCEchoProvider>(options => options.Port = 104);");

        [Fact]
        public Task AcceptorRegisteredInAnotherFileSilencesTheServers() =>
            DicomTestCode.VerifyAsync<PlaintextDicomServerAnalyzer>(
                FoDicom.V51,
                DicomTestCode.WebProgram(FoDicom.V51, BothServers, services: "builder.Services.AddPacsTls();\nbuilder.Services.AddDicomServer<DicomCEchoProvider>(new DicomServerServiceOptions { Port = 104 });"),
                new[]
                {
                    ("/0/PacsTls.cs", """
                        public static class PacsTls
                        {
                            public static IServiceCollection AddPacsTls(this IServiceCollection services) =>
                                services.AddSingleton<ITlsAcceptor>(provider => new DefaultTlsAcceptor("pacs.example.org") { Protocols = SslProtocols.Tls12 | SslProtocols.Tls13 });
                        }
                        """),
                },
                broken: false,
                Array.Empty<DiagnosticResult>());

        [Fact]
        public Task AcceptorRegisteredAfterTheServerIsCreatedStillCounts() =>
            // The factory reads the registration when it builds the server; where the call stands in the file does not matter.
            VerifyAsync(
                FoDicom.V51,
                BothServers + "\nConfigure(new ServiceCollection());\nstatic void Configure(IServiceCollection services) => services.AddSingleton<ITlsAcceptor, PinnedAcceptor>();");

        // ------------------------------------------------------------------------------------------------
        // Near misses: development-only code
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "if (app.Environment.IsDevelopment())\n{\n    using var server = DicomServerFactory.Create<DicomCEchoProvider>(104);\n}", "")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(app.Environment.IsDevelopment() ? \"0.0.0.0\" : \"127.0.0.1\", 104);", "")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, app.Environment.IsDevelopment() ? null : new PinnedAcceptor());", "")]
        [InlineData(FoDicom.V51, "", "if (builder.Environment.IsDevelopment()) builder.Services.AddDicomServer<DicomCEchoProvider>(options => options.Port = 104);")]
        [InlineData(FoDicom.V50, "if (app.Environment.IsEnvironment(\"Development\")) { using var server = DicomServerFactory.Create<DicomCEchoProvider>(104); }", "")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, app.Environment.IsDevelopment() ? \"\" : \"pacs.example.org\");", "")]
        [InlineData(FoDicom.V4, "if (!app.Environment.IsDevelopment()) { Console.WriteLine(\"production\"); } else { using var server = DicomServer.Create<LegacyScp>(104); }", "")]
        public Task DevelopmentOnlyServerIsSilent(FoDicom version, string statements, string services) =>
            VerifyAsync(version, statements, services);

        [Fact]
        public Task ServerOutsideTheDevelopmentBranchIsReported() =>
            VerifyAsync(
                FoDicom.V51,
                "if (app.Environment.IsDevelopment()) { Console.WriteLine(\"dev\"); }\nusing var server = {|#0:DicomServerFactory.Create<DicomCEchoProvider>(104)|};",
                expected: Finding(0, EchoFactory, AllInterfaces104, NoAcceptor));

        // ------------------------------------------------------------------------------------------------
        // Near misses: look-alike types with the same simple names in another namespace
        // ------------------------------------------------------------------------------------------------

        private const string LookAlikes = """
            namespace Acme.Pacs
            {
                using Microsoft.Extensions.DependencyInjection;

                public static class DicomServerFactory
                {
                    public static IDisposable Create<T>(int port, object? tlsAcceptor = null) => null!;
                    public static IDisposable Create<T>(string ipAddress, int port, object? tlsAcceptor = null) => null!;
                }
                public static class DicomServer
                {
                    public static IDisposable Create<T>(int port, string? certificateName = null) => null!;
                }
                public static class ServiceCollectionExtensions
                {
                    public static IServiceCollection AddDicomServer<T>(this IServiceCollection services, Action<object> configure) => services;
                }
            }
            """;

        [Theory]
        [InlineData(FoDicom.V51, "using var server = Acme.Pacs.DicomServerFactory.Create<DicomCEchoProvider>(104);", "")]
        [InlineData(FoDicom.V51, "using var server = Acme.Pacs.DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", 104, tlsAcceptor: null);", "")]
        [InlineData(FoDicom.V51, "", "Acme.Pacs.ServiceCollectionExtensions.AddDicomServer<DicomCEchoProvider>(builder.Services, options => { });")]
        [InlineData(FoDicom.V50, "using var server = Acme.Pacs.DicomServerFactory.Create<DicomCEchoProvider>(104);", "")]
        [InlineData(FoDicom.V4, "using var server = Acme.Pacs.DicomServer.Create<LegacyScp>(104);", "")]
        public Task LookAlikeTypesAreSilent(FoDicom version, string statements, string services) =>
            VerifyAsync(version, statements, services, LookAlikes);

        // ------------------------------------------------------------------------------------------------
        // Broken code: no analyzer exception (AD0001)
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<>(104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create(104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(\"0.0.0.0\", );")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(tlsAcceptor: , port: 104);")]
        [InlineData(FoDicom.V51, "using var server = DicomServerFactory.Create<DicomCEchoProvider, >(\"0.0.0.0\", 104);")]
        [InlineData(FoDicom.V51, "builder.Services.AddDicomServer<>(options => options.Port = 104);")]
        [InlineData(FoDicom.V51, "builder.Services.AddDicomServer<DicomCEchoProvider>(")]
        [InlineData(FoDicom.V51, "builder.Services.AddSingleton<ITlsAcceptor>(")]
        [InlineData(FoDicom.V51, "builder.Services.AddSingleton(typeof(), new PinnedAcceptor());")]
        [InlineData(FoDicom.V50, "using var server = DicomServerFactory.Create<DicomCEchoProvider>(104, certificateName: );")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(\"0.0.0.0\", 104, certificateName: ")]
        [InlineData(FoDicom.V4, "using var server = DicomServer.Create<LegacyScp>(port: \"104\");")]
        public Task BrokenCodeIsSilent(FoDicom version, string statements) =>
            VerifyBrokenAsync(version, statements);
    }
}
