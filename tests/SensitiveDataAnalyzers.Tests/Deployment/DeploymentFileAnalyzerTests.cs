using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Deployment;
using SensitiveDataAnalyzers.Tests.Verifiers;

namespace SensitiveDataAnalyzers.Tests.Deployment
{
    /// <summary>
    /// The config rules as an analyzer: deployment files passed as AdditionalFiles give the diagnostics `sda lint` gives
    /// for the same files (ids, severities, messages, positions), judged together; unreadable files give notices; the
    /// appsettings findings say when the project's code takes its Kestrel endpoints from that file.
    /// </summary>
    public class DeploymentFileAnalyzerTests
    {
        private const string ProductionSettings = """
            {
              "Kestrel": {
                "Endpoints": {
                  "Web": { "Url": "http://0.0.0.0:443" }
                }
              }
            }
            """;

        private const string ConfigDrivenProgram = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """;

        private const string TlsMessage = "Kestrel answers plaintext HTTP on TLS port 443 ('http://0.0.0.0:443', all network interfaces); serve HTTPS";

        [Fact]
        public async Task AppSettings_CodeWithoutEndpoints_FindingSaysCodeTakesEndpointsFromFile()
        {
            var test = NewTest(ConfigDrivenProgram, ("/app/appsettings.Production.json", ProductionSettings));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SDA1002", DiagnosticSeverity.Error)
                .WithSpan("/app/appsettings.Production.json", 4, 23, 4, 43)
                .WithSpan("/0/Test0.cs", 3, 15, 3, 49)
                .WithMessage(TlsMessage + "; the project's code takes its Kestrel endpoints from this file (Test0.cs line 3)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AppSettings_KestrelSectionLoadedExplicitly_FindingPointsAtTheLoadingCall()
        {
            const string program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel((context, options) =>
                {
                    options.ListenLocalhost(5000);
                    options.Configure(context.Configuration.GetSection("Kestrel"));
                });
                builder.Build().Run();
                """;
            var test = NewTest(program, ("/app/appsettings.json", ProductionSettings));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SDA1002", DiagnosticSeverity.Error)
                .WithSpan("/app/appsettings.json", 4, 23, 4, 43)
                .WithSpan("/0/Test0.cs", 8, 5, 8, 67)
                .WithMessage(TlsMessage + "; the project's code takes its Kestrel endpoints from this file (Test0.cs line 8)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AppSettings_CodeDeclaresItsOwnEndpoints_PlainLinterMessage()
        {
            const string program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(options => options.ListenLocalhost(5000));
                builder.Build().Run();
                """;
            var test = NewTest(program, ("/app/appsettings.Production.json", ProductionSettings));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SDA1002", DiagnosticSeverity.Error)
                .WithSpan("/app/appsettings.Production.json", 4, 23, 4, 43)
                .WithMessage(TlsMessage));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task DevelopmentSettings_AndFilesThatAreNotDeploymentFiles_NoDiagnostics()
        {
            var test = NewTest(
                ConfigDrivenProgram,
                ("/app/appsettings.Development.json", ProductionSettings),
                ("/app/notes.txt", "services: {{ broken"),
                ("/app/launchSettings.json", "{ \"profiles\": { \"web\": { \"applicationUrl\": \"http://0.0.0.0:443\" } } }"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task UnreadableFiles_GivePositionedNotices_NeverAnAnalyzerException()
        {
            var test = NewTest(
                ConfigDrivenProgram,
                ("/deploy/docker-compose.yml", "services:\n  web:\n    image: [unclosed\n"),
                ("/deploy/k8s/chart.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n"),
                ("/deploy/k8s/binary.yml", "kind: \0\0\0"),
                ("/deploy/appsettings.json", new string('[', 1000) + new string(']', 1000)),
                ("/deploy/k8s/bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"));
            test.ExpectedDiagnostics.AddRange(Expected(test));
            Assert.Contains(test.ExpectedDiagnostics, d => d.Id == "SDA0001");
            Assert.Contains(test.ExpectedDiagnostics, d => d.Id == "SDA0002");
            Assert.Contains(test.ExpectedDiagnostics, d => d.Id == "SDA0003");
            Assert.Contains(test.ExpectedDiagnostics, d => d.Id == "SDA0004");
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BundledDeployments_SameFindingsAsSdaLint()
        {
            // samples/deploy: compose + Orthanc JSON it mounts, compose behind Traefik, Kubernetes Services and
            // Deployments in separate files - cross-file facts decide most of these findings.
            var root = Path.Combine(RepositoryRoot.Path, "samples", "deploy");
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Where(DeploymentFiles.IsCandidate)
                .Select(path => ("/deploy/" + Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
                .ToArray();
            var test = NewTest(ConfigDrivenProgram, files);
            test.ExpectedDiagnostics.AddRange(Expected(test));
            Assert.True(test.ExpectedDiagnostics.Count >= 20, "sda lint finds 22 errors in samples/deploy");
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void Descriptors_MatchTheLinterCatalog()
        {
            var analyzer = new DeploymentFileAnalyzer();
            Assert.Equal(ConfigLinter.Rules.Select(r => r.Id), analyzer.SupportedDiagnostics.Select(d => d.Id));
            foreach (var rule in ConfigLinter.Rules)
            {
                var descriptor = analyzer.SupportedDiagnostics.Single(d => d.Id == rule.Id);
                Assert.Equal(rule.Title, descriptor.Title.ToString());
                Assert.Equal(rule.Description, descriptor.Description.ToString());
                Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
                Assert.Equal(DeploymentRules.Severity(rule.DefaultSeverity), descriptor.DefaultSeverity);
                Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
            }
        }

        /// <summary>What `sda lint` reports for the test's additional files, as expected diagnostics (start positions).</summary>
        private static IEnumerable<DiagnosticResult> Expected(CSharpAnalyzerVerifier<DeploymentFileAnalyzer>.Test test)
        {
            var loaded = test.TestState.AdditionalFiles
                .Where(f => DeploymentFiles.IsCandidate(f.filename))
                .Select(f => ConfigLoader.Load(f.filename, Encoding.UTF8.GetBytes(f.content.ToString())));
            return ConfigLinter.Lint(loaded.ToList()).Select(finding =>
                new DiagnosticResult(finding.Rule.Id, DeploymentRules.Severity(finding.Severity))
                    .WithLocation(finding.Location.Path, finding.Location.Line, finding.Location.Column)
                    .WithMessage(finding.Message));
        }

        private static CSharpAnalyzerVerifier<DeploymentFileAnalyzer>.Test NewTest(string program, params (string Path, string Content)[] files)
        {
            var test = new CSharpAnalyzerVerifier<DeploymentFileAnalyzer>.Test { TestCode = program };
            foreach (var (path, content) in files)
            {
                test.TestState.AdditionalFiles.Add((path, content));
            }

            return test;
        }
    }
}
