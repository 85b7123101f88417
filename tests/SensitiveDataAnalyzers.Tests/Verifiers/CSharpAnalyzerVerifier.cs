using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SensitiveDataAnalyzers.Tests.Verifiers
{
    /// <summary>Runs one analyzer over sources compiled against the ASP.NET Core 8 reference assemblies.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string diagnosticId) =>
            CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

        /// <param name="source">Test code; expected diagnostics as {|SDAnnnn:span|} markup.</param>
        /// <param name="editorConfig">Optional .editorconfig body (applied to every .cs file).</param>
        public static Task VerifyAnalyzerAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferenceAssemblies.AspNetCore80;
                // Test snippets are whole programs; top-level statements need an executable.
                TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            }
        }
    }
}
