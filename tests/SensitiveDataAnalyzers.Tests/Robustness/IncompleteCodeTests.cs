using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SensitiveDataAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Code in an IDE is broken most of the time it is analyzed. Every analyzer must stay silent rather than throw
    /// (an AD0001 is a bug) on prefixes of a file as it is typed, on random token deletions and on unresolved names.
    /// </summary>
    public class IncompleteCodeTests
    {
        [Fact]
        public async Task KitchenSinkIsAnalyzedWithFindingsAndWithoutExceptions()
        {
            var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { KitchenSink.Program });

            Assert.Empty(outcome.Failures);
            // UseHttpsRedirection (outside development) beside HTTPS endpoints silences every SDA1001 here;
            // the TLS ports 443 and 8443 stay errors, and the development branch of the ?: is not reported.
            var findings = outcome.Diagnostics
                .Select(d => $"{d.Id}@{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
                .OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(
                new[] { "SDA1002@18", "SDA1002@22", "SDA1002@52", "SDA1003@35", "SDA1003@38", "SDA1003@48", "SDA1004@26", "SDA1004@36", "SDA1004@39", "SDA1004@49" },
                findings);
        }

        [Fact]
        public async Task EveryTokenPrefixAsTypedIsAnalyzedWithoutExceptions()
        {
            var tokens = CSharpSyntaxTree.ParseText(KitchenSink.Program).GetRoot().DescendantTokens().ToList();
            var failures = new List<string>();
            foreach (var token in tokens)
            {
                // Cut inside the token too, as a half-typed identifier or string would be.
                var cut = token.Span.Start + (token.Span.Length / 2);
                var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { KitchenSink.Program.Substring(0, cut) });
                failures.AddRange(outcome.Failures.Select(f => $"prefix of {cut} chars: {f}"));
            }

            Assert.True(tokens.Count > 300, "the prefix walk should cover the whole program");
            Assert.Empty(failures);
        }

        [Fact]
        public async Task RandomTokenDeletionsAreAnalyzedWithoutExceptions()
        {
            var tokens = CSharpSyntaxTree.ParseText(KitchenSink.Program).GetRoot().DescendantTokens().ToList();
            var random = new Random(20261123);
            var failures = new List<string>();
            for (var variant = 0; variant < 150; variant++)
            {
                var removed = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).OrderByDescending(t => t.SpanStart).ToList();
                var text = KitchenSink.Program;
                foreach (var token in removed.Distinct())
                {
                    text = text.Remove(token.SpanStart, token.Span.Length);
                }

                var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { text });
                failures.AddRange(outcome.Failures.Select(f => $"variant {variant}: {f}"));
            }

            Assert.Empty(failures);
        }

        [Theory]
        [InlineData("builder.WebHost.UseUrls(undefinedUrl);")]
        [InlineData("builder.WebHost.UseUrls(")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(UnknownAddress, 443));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(port: , ));")]
        [InlineData("new System.Net.Http.HttpClientHandler { ServerCertificateCustomValidationCallback = (a, b")]
        [InlineData("new System.Net.Http.HttpClientHandler { ServerCertificateCustomValidationCallback = Missing.Method };")]
        [InlineData("new System.Net.Security.SslStream(null!, false, (s, c, ch, e) => { return; });")]
        [InlineData("System.Net.ServicePointManager.SecurityProtocol = (System.Net.SecurityProtocolType)undefined;")]
        [InlineData("var x = $\"http://{(\";")]
        [InlineData("builder.WebHost.UseUrls(\"http://[::\");")]
        [InlineData("builder.WebHost.UseUrls(\"http://0.0.0.0:99999999999\", \"http://:80\", \"://\", \"\", null!);")]
        public async Task UnresolvedAndMalformedCodeIsAnalyzedWithoutExceptions(string statement)
        {
            var source = "var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);\n" + statement + "\n";
            var outcome = await AnalyzerHarness.AnalyzeAsync(new[] { source });

            Assert.Empty(outcome.Failures);
        }

        [Fact]
        public async Task AnalyzersGiveTheSameResultsWhenRunOnManyCompilationsAtOnce()
        {
            // Analyzer instances are shared across compilations in the IDE and in a build; no state may leak between them.
            var analyzers = AnalyzerHarness.CreateAnalyzers();
            var variants = Enumerable.Range(0, 16)
                .Select(i => KitchenSink.Program.Replace("8082", (8100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var sequential = new List<string>();
            foreach (var variant in variants)
            {
                sequential.Add((await AnalyzerHarness.AnalyzeAsync(new[] { variant }, analyzers)).Fingerprint);
            }

            var parallel = await Task.WhenAll(variants.Select(v => Task.Run(() => AnalyzerHarness.AnalyzeAsync(new[] { v }, analyzers))));

            Assert.All(parallel, outcome => Assert.Empty(outcome.Failures));
            Assert.Equal(sequential, parallel.Select(o => o.Fingerprint));
            Assert.All(sequential, fingerprint => Assert.Contains("SDA1002", fingerprint, StringComparison.Ordinal));
        }
    }
}
