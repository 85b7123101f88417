using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Tests.Verifiers;

namespace SensitiveDataAnalyzers.Tests.Access
{
    /// <summary>Minimal-hosting programs for the static-file rules, compiled against the ASP.NET Core 8 references.</summary>
    internal static class AccessTestCode
    {
        public const string Usings = """
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.StaticFiles;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.FileProviders;
            using Microsoft.Extensions.Hosting;

            """;

        /// <summary>A Program.cs: builder, app code, then members (local functions, types).</summary>
        public static string Program(string appCode, string members = "") =>
            Usings
            + "var builder = WebApplication.CreateBuilder(args);\n"
            + "var app = builder.Build();\n"
            + appCode + "\n"
            + "app.Run();\n"
            + members + "\n";

        public static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new() =>
            VerifyAsync<TAnalyzer>(source, CompilerDiagnostics.Errors, expected);

        /// <summary>Broken code: compiler errors are ignored, only the rule's diagnostics (and no AD0001) are checked.</summary>
        public static Task VerifyBrokenAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new() =>
            VerifyAsync<TAnalyzer>(source, CompilerDiagnostics.None, expected);

        private static Task VerifyAsync<TAnalyzer>(string source, CompilerDiagnostics compilerDiagnostics, DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source, CompilerDiagnostics = compilerDiagnostics };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
