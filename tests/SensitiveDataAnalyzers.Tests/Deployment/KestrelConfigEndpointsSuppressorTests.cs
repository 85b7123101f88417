using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Deployment;
using SensitiveDataAnalyzers.Tests.Verifiers;
using SensitiveDataAnalyzers.Transport;

namespace SensitiveDataAnalyzers.Tests.Deployment
{
    /// <summary>
    /// Kestrel ignores URLs set in code (UseUrls, app.Urls, ASPNETCORE_URLS) when Kestrel:Endpoints are configured; an
    /// HTTPS-only endpoint section in the project's non-Development appsettings therefore suppresses the code finding
    /// for those URL forms, SDA1002 (reported as an error, Warning by default so that it can be suppressed) included.
    /// Listen* calls are added to the configured endpoints and stay reported.
    /// </summary>
    public class KestrelConfigEndpointsSuppressorTests
    {
        private const string HttpsOnly = """
            {
              "Kestrel": {
                "Endpoints": {
                  "Https": { "Url": "https://0.0.0.0:443" }
                }
              }
            }
            """;

        private const string UrlsInCode = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls({|#0:"http://0.0.0.0:8080"|});
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", {|#1:"http://*:443"|});
            var app = builder.Build();
            app.Urls.Add({|#2:"http://+:80"|});
            app.Run();
            """;

        [Fact]
        public async Task HttpsOnlyEndpointsInAppSettings_SuppressUrlFormsInCode()
        {
            var test = NewTest(UrlsInCode, ("/app/appsettings.json", HttpsOnly));
            ExpectUrlsInCode(test, suppressed: true);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task JustificationNamesTheSettingsFile()
        {
            var suppressor = new KestrelConfigEndpointsSuppressor();
            Assert.Contains(suppressor.SupportedSuppressions, s => s.SuppressedDiagnosticId == "SDA1001" && s.Justification.ToString().Contains("appsettings.Production.json"));
            var test = NewTest(UrlsInCode, ("/app/appsettings.Production.json", HttpsOnly));
            ExpectUrlsInCode(test, suppressed: true);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task DevelopmentOnlySettings_DoNotSuppress()
        {
            var test = NewTest(UrlsInCode, ("/app/appsettings.Development.json", HttpsOnly));
            ExpectUrlsInCode(test, suppressed: false);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task HttpsPlusPlaintextEndpointInSettings_DoesNotSuppress()
        {
            const string mixed = """
                {
                  "Kestrel": {
                    "Endpoints": {
                      "Https": { "Url": "https://0.0.0.0:443" },
                      "Http": { "Url": "http://0.0.0.0:80" }
                    }
                  }
                }
                """;
            var test = NewTest(UrlsInCode, ("/app/appsettings.json", HttpsOnly), ("/app/appsettings.Production.json", mixed));
            ExpectUrlsInCode(test, suppressed: false);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task LoopbackPlaintextEndpointBesideHttps_StillSuppresses()
        {
            const string withLoopback = """
                {
                  "Kestrel": {
                    "Endpoints": {
                      "Https": { "Url": "https://*:443" },
                      "Health": { "Url": "http://localhost:5000" }
                    }
                  }
                }
                """;
            var test = NewTest(UrlsInCode, ("/app/appsettings.json", withLoopback));
            ExpectUrlsInCode(test, suppressed: true);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ListenCalls_AreAddedToConfiguredEndpoints_StayReported()
        {
            const string program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(options =>
                {
                    {|#0:options.ListenAnyIP(8080)|};
                });
                builder.WebHost.UseUrls({|#1:"http://0.0.0.0:8081"|});
                builder.Build().Run();
                """;
            var test = NewTest(program, ("/app/appsettings.json", HttpsOnly));
            test.ExpectedDiagnostics.Add(Result("SDA1001", DiagnosticSeverity.Warning, 0, suppressed: false));
            test.ExpectedDiagnostics.Add(Result("SDA1001", DiagnosticSeverity.Warning, 1, suppressed: true));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task HostThatDoesNotLoadKestrelSection_DoesNotSuppress()
        {
            const string program = """
                using Microsoft.AspNetCore.Hosting;

                class Program
                {
                    static void Main() =>
                        new WebHostBuilder().UseKestrel().UseUrls({|#0:"http://0.0.0.0:8080"|}).Build().Run();
                }
                """;
            var test = NewTest(program, ("/app/appsettings.json", HttpsOnly));
            test.ExpectedDiagnostics.Add(Result("SDA1001", DiagnosticSeverity.Warning, 0, suppressed: false));
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>UrlsInCode's findings: SDA1001 for UseUrls and app.Urls, SDA1002 for ASPNETCORE_URLS on 443.</summary>
        private static void ExpectUrlsInCode(Test test, bool suppressed)
        {
            test.ExpectedDiagnostics.Add(Result("SDA1001", DiagnosticSeverity.Warning, 0, suppressed));
            test.ExpectedDiagnostics.Add(Result("SDA1002", DiagnosticSeverity.Error, 1, suppressed));
            test.ExpectedDiagnostics.Add(Result("SDA1001", DiagnosticSeverity.Warning, 2, suppressed));
        }

        private static DiagnosticResult Result(string id, DiagnosticSeverity severity, int location, bool suppressed) =>
            new DiagnosticResult(id, severity).WithLocation(location).WithIsSuppressed(suppressed);

        private static Test NewTest(string program, params (string Path, string Content)[] files)
        {
            var test = new Test { TestCode = program };
            foreach (var (path, content) in files)
            {
                test.TestState.AdditionalFiles.Add((path, content));
            }

            return test;
        }

        /// <summary>The listener analyzer and the suppressor, as a build runs them.</summary>
        private sealed class Test : CSharpAnalyzerTest<PlaintextHttpListenerAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferenceAssemblies.AspNetCore80;
                TestState.OutputKind = OutputKind.ConsoleApplication;
            }

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new PlaintextHttpListenerAnalyzer(), new KestrelConfigEndpointsSuppressor() };
        }
    }
}
