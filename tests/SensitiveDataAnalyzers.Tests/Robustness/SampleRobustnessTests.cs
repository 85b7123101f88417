using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;

namespace SensitiveDataAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The bundled samples exercise every rule family (transport, identifiers in names across files, DICOM, anonymous
    /// access). Each of their files is analyzed as it would be while typed in an IDE – cut at evenly spaced points inside
    /// its tokens, the other files of the sample unchanged – and with random tokens deleted: no analyzer may throw. Many
    /// compilations of them analyzed at once by the same analyzer instances give the results each gives alone.
    /// </summary>
    public class SampleRobustnessTests
    {
        /// <summary>Cuts per file: bounds the suite's time (a few hundred analyses per sample) while covering the whole file.</summary>
        private const int MaxCutsPerFile = 120;

        private const int DeletionVariantsPerSample = 40;

        public static TheoryData<string> Samples => new() { "CallRecordings", "DicomGateway" };

        [Theory]
        [InlineData("CallRecordings", new[] { "SDA1001", "SDA1002", "SDA1003", "SDA1004", "SDA2001", "SDA4002", "SDA4003", "SDA4005" })]
        [InlineData("DicomGateway", new[] { "SDA2001", "SDA3001", "SDA3002", "SDA3003", "SDA3004", "SDA3005", "SDA4001" })]
        public async Task WholeSampleShowsItsFindingsWithoutExceptions(string sample, string[] expectedIds)
        {
            var outcome = await AnalyzerHarness.AnalyzeAsync(SampleSources(sample).Select(s => s.Text));

            Assert.Empty(outcome.Failures);
            Assert.Equal(expectedIds, outcome.Diagnostics.Select(d => d.Id).Where(id => id.StartsWith("SDA", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task EveryFileOfTheSampleAsTypedIsAnalyzedWithoutExceptions(string sample)
        {
            var sources = SampleSources(sample);
            var failures = new List<string>();
            var analyses = 0;
            foreach (var (path, text) in sources.Where(s => !IsLibraryStandIn(s.Path)))
            {
                var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
                var step = Math.Max(1, tokens.Count / MaxCutsPerFile);
                for (var i = 0; i < tokens.Count; i += step)
                {
                    // Inside the token, as a half-typed identifier or string would be.
                    var cut = tokens[i].Span.Start + (tokens[i].Span.Length / 2);
                    var outcome = await AnalyzerHarness.AnalyzeAsync(sources.Select(s => s.Path == path ? text.Substring(0, cut) : s.Text));
                    failures.AddRange(outcome.Failures.Select(f => $"{Path.GetFileName(path)} cut at {cut} chars: {f}"));
                    analyses++;
                }
            }

            Assert.True(analyses >= 100, $"only {analyses} prefixes of {sample} were analyzed");
            Assert.Empty(failures);
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task RandomTokenDeletionsInTheSampleAreAnalyzedWithoutExceptions(string sample)
        {
            var sources = SampleSources(sample);
            var editable = sources.Where(s => !IsLibraryStandIn(s.Path)).ToList();
            var random = new Random(20261123);
            var failures = new List<string>();
            for (var variant = 0; variant < DeletionVariantsPerSample; variant++)
            {
                var (path, text) = editable[random.Next(editable.Count)];
                var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
                var removed = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart);
                var damaged = text;
                foreach (var token in removed)
                {
                    damaged = damaged.Remove(token.SpanStart, token.Span.Length);
                }

                var outcome = await AnalyzerHarness.AnalyzeAsync(sources.Select(s => s.Path == path ? damaged : s.Text));
                failures.AddRange(outcome.Failures.Select(f => $"variant {variant} ({Path.GetFileName(path)}): {f}"));
            }

            Assert.Empty(failures);
        }

        [Fact]
        public async Task SamplesGiveTheSameResultsWhenAnalyzedOnManyCompilationsAtOnce()
        {
            // One set of analyzer instances, as in the IDE and in a build: per-compilation state only.
            var analyzers = AnalyzerHarness.CreateAnalyzers();
            var compilations = new List<List<string>>();
            for (var copy = 0; copy < 6; copy++)
            {
                compilations.Add(SampleSources("CallRecordings").Select(s => s.Text.Replace("8080", (8100 + copy).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList());
                compilations.Add(SampleSources("DicomGateway").Select(s => s.Text).ToList());
            }

            var alone = new List<string>();
            foreach (var sources in compilations)
            {
                alone.Add((await AnalyzerHarness.AnalyzeAsync(sources, analyzers)).Fingerprint);
            }

            var together = await Task.WhenAll(compilations.Select(sources => Task.Run(() => AnalyzerHarness.AnalyzeAsync(sources, analyzers))));

            Assert.All(together, outcome => Assert.Empty(outcome.Failures));
            Assert.Equal(alone, together.Select(outcome => outcome.Fingerprint));
            Assert.All(alone, fingerprint => Assert.Contains("SDA2001", fingerprint, StringComparison.Ordinal));
            Assert.Contains(alone, fingerprint => fingerprint.Contains("SDA4005", StringComparison.Ordinal));
            Assert.Contains(alone, fingerprint => fingerprint.Contains("SDA4001", StringComparison.Ordinal));
        }

        /// <summary>The fo-dicom stand-ins play the library: a user types their own code, not the library's.</summary>
        private static bool IsLibraryStandIn(string path) =>
            path.Replace('\\', '/').Contains("/FoDicomStandIns/", StringComparison.Ordinal);

        private static List<(string Path, string Text)> SampleSources(string sample)
        {
            var directory = Path.Combine(RepositoryRoot.Path, "samples", sample);
            return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal) && !path.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (path, File.ReadAllText(path)))
                .ToList();
        }
    }
}
