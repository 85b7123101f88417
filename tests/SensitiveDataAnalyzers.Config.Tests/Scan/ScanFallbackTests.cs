using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Cli.Scan;
using SensitiveDataAnalyzers.Config.Tests.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Scan
{
    /// <summary>Projects MSBuild cannot restore or load are compiled against the reference packs, with a notice; the scan carries on.</summary>
    [Collection(DotnetProcessCollection.Name)]
    public sealed class ScanFallbackTests : IDisposable
    {
        private readonly CliWorkspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public void Unrestorable_and_broken_projects_get_a_notice_and_their_code_findings()
        {
            ScanRepository.AddWebProject(_workspace, "Unrestorable", "Unrestorable", ScanRepository.PlaintextProgram, ScanRepository.UnrestorableProject);
            ScanRepository.AddWebProject(_workspace, "Broken", "Broken", ScanRepository.PlaintextProgram, ScanRepository.BrokenProject);
            _workspace.Write("deploy/docker-compose.yml", "services:\n  api:\n    image: unrestorable:latest\n    ports:\n      - \"127.0.0.1:8080:8080\"\n");

            var result = _workspace.Run("scan", ".", "--fail-on", "none");

            Assert.Equal(0, result.ExitCode);
            var lines = result.StdoutLines;
            Assert.Contains(lines, line => line.StartsWith("Unrestorable/Unrestorable.csproj:1:1: warning SDA0005: project 'Unrestorable' was compiled without its build (restore failed", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith("Unrestorable/Program.cs:2:", StringComparison.Ordinal) && line.Contains("SDA1001", StringComparison.Ordinal));

            // Invalid XML: the notice points at the XML error (the unclosed PropertyGroup is found at line 4).
            Assert.Contains(lines, line => line.StartsWith("Broken/Broken.csproj:4:", StringComparison.Ordinal) && line.Contains("SDA0005", StringComparison.Ordinal) && line.Contains("not valid XML", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith("Broken/Program.cs:2:", StringComparison.Ordinal) && line.Contains("SDA1001", StringComparison.Ordinal));

            // Published on loopback only: no correlation.
            Assert.DoesNotContain(lines, line => line.Contains("SDA1106", StringComparison.Ordinal));
        }

        [Fact]
        public void An_analyzer_that_throws_is_a_notice_and_the_other_findings_stay()
        {
            ScanRepository.AddWebProject(_workspace, "Broken", "Broken", ScanRepository.PlaintextProgram, ScanRepository.BrokenProject);
            var project = Path.Combine(_workspace.Root, "Broken", "Broken.csproj");
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer(), new SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer());
            var scanner = new CodeScanner(new PathDisplay(_workspace.Root), restore: false, SilentProgress.Instance, analyzers);

            var result = scanner.ScanAsync(new[] { project }, CancellationToken.None).GetAwaiter().GetResult();

            var findings = result.Findings.Select(f => f.ToString()).ToList();
            Assert.Contains(findings, f => f.Contains("SDA0006", StringComparison.Ordinal) && f.Contains("ThrowingAnalyzer", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Contains("SDA1001", StringComparison.Ordinal) && f.Contains("Program.cs:2:", StringComparison.Ordinal));
            Assert.Equal(1, findings.Count(f => f.Contains("SDA0006", StringComparison.Ordinal)));
        }

        /// <summary>Throws on every invocation: the scan must report it once per project and carry on.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new("TEST0001", "Never", "Never", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
            }
        }
    }
}
