using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SensitiveDataAnalyzers.Tests.Verifiers
{
    /// <summary>Runs an analyzer and its code fix (single fixes and Fix All) against ASP.NET Core 8 references.</summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string diagnosticId) =>
            CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

        /// <summary>Checks the fixed code; Fix All in document, project and solution scopes is checked by the framework too.</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferenceAssemblies.AspNetCore80;
                TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
                FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;

                // The listener rules report at compilation end (their verdict depends on the whole app), which makes
                // their diagnostics non-local; fixes for them are applied from build or full-solution analysis.
                CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            }
        }
    }
}
