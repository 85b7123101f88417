using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Tests.Verifiers;

namespace SensitiveDataAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Runs every analyzer of the product (found by reflection, so new rules are covered without edits) over
    /// arbitrary, possibly broken source, and records analyzer exceptions instead of letting them surface as AD0001.
    /// </summary>
    public static class AnalyzerHarness
    {
        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(() =>
            TestReferenceAssemblies.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static async Task<AnalysisOutcome> AnalyzeAsync(IEnumerable<string> sources, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
        {
            var references = await References.Value.ConfigureAwait(false);
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs"));
            var compilation = CSharpCompilation.Create(
                "Robustness",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(new InvalidOperationException($"{analyzer.GetType().Name}: {diagnostic.GetMessage()}", exception)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers ?? CreateAnalyzers(), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return new AnalysisOutcome(diagnostics, exceptions.ToImmutableArray());
        }
    }

    public sealed class AnalysisOutcome
    {
        public AnalysisOutcome(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Exception> exceptions)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Analyzer exceptions, including those reported as AD0001 diagnostics.</summary>
        public ImmutableArray<Exception> Exceptions { get; }

        public IEnumerable<string> Failures =>
            Exceptions.Select(e => e.ToString())
                .Concat(Diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));

        /// <summary>A stable textual form of the SDA findings, for comparisons between runs.</summary>
        public string Fingerprint => string.Join(
            "\n",
            Diagnostics.Where(d => d.Id.StartsWith("SDA", StringComparison.Ordinal))
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()}")
                .OrderBy(s => s, StringComparer.Ordinal));
    }
}
