using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Tests.Verifiers;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>The fo-dicom surface a test program compiles against (5.1 and 5.0 exclude each other; 4.x adds to 5.1).</summary>
    public enum FoDicom
    {
        V51,
        V50,
        V4,
        V51AndV4,
    }

    /// <summary>
    /// Test programs for the DICOM rules: usings that exist in the chosen fo-dicom version, the stand-ins as a second
    /// file (/0/FoDicom.cs), optional further files, and a run of one analyzer over them.
    /// </summary>
    internal static class DicomTestCode
    {
        public const string StandInsPath = "/0/FoDicom.cs";

        private const string CommonUsings = """
            #nullable enable
            #pragma warning disable CS0618, SYSLIB0039
            using System;
            using System.IO;
            using System.Net.Security;
            using System.Security.Authentication;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using Microsoft.Extensions.Hosting;

            """;

        private const string Usings5 = "using FellowOakDicom;\nusing FellowOakDicom.AspNetCore;\nusing FellowOakDicom.Network;\nusing FellowOakDicom.Network.Client;\n";

        private const string UsingsTls = "using FellowOakDicom.Network.Tls;\n";

        // 4.x has two DicomClient classes (Dicom.Network and Dicom.Network.Client): tests name the new one in full.
        private const string Usings4 = "using Dicom;\nusing Dicom.Network;\n";

        public static string Usings(FoDicom version) => CommonUsings + version switch
        {
            FoDicom.V51 => Usings5 + UsingsTls,
            FoDicom.V50 => Usings5,
            FoDicom.V4 => Usings4,
            FoDicom.V51AndV4 => Usings5 + UsingsTls,
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };

        public static string StandIns(FoDicom version) => version switch
        {
            FoDicom.V51 => FoDicomStandIns.V51,
            FoDicom.V50 => FoDicomStandIns.V50,
            FoDicom.V4 => FoDicomStandIns.V4,
            FoDicom.V51AndV4 => FoDicomStandIns.V51 + FoDicomStandIns.V4,
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };

        /// <summary>A top-level program: the version's usings, statements, then local functions and types.</summary>
        public static string Program(FoDicom version, string statements, string members = "") =>
            Usings(version) + statements + "\n" + members + "\n";

        /// <summary>
        /// A minimal-hosting program: builder, <paramref name="services"/> (registrations on <c>builder.Services</c>), app,
        /// <paramref name="statements"/> (where <c>app.Environment.IsDevelopment()</c> is in scope), then members.
        /// </summary>
        public static string WebProgram(FoDicom version, string statements, string members = "", string services = "") =>
            Program(version, "var builder = WebApplication.CreateBuilder(args);\n" + services + "\nvar app = builder.Build();\n" + statements + "\napp.Run();", members);

        /// <summary>
        /// Runs <typeparamref name="TAnalyzer"/> over <paramref name="program"/> (markup allowed), the stand-ins and
        /// <paramref name="otherFiles"/> (each gets the version's usings). Broken code: compiler errors are not checked.
        /// </summary>
        public static Task VerifyAsync<TAnalyzer>(FoDicom version, string program, (string Path, string Code)[] otherFiles, bool broken, DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = program };
            test.TestState.Sources.Add((StandInsPath, StandIns(version)));
            foreach (var (path, code) in otherFiles)
            {
                test.TestState.Sources.Add((path, Usings(version) + code));
            }

            if (broken)
            {
                test.CompilerDiagnostics = CompilerDiagnostics.None;
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Checks <typeparamref name="TCodeFix"/> on <paramref name="statements"/> (markup) against
        /// <paramref name="fixedStatements"/> (markup: findings left unfixed), Fix All included; equal texts mean no fix
        /// may be offered.
        /// </summary>
        public static Task VerifyCodeFixAsync<TAnalyzer, TCodeFix>(FoDicom version, string statements, string fixedStatements)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test
            {
                TestCode = Program(version, statements),
                FixedCode = Program(version, fixedStatements),
            };
            test.TestState.Sources.Add((StandInsPath, StandIns(version)));
            test.FixedState.Sources.Add((StandInsPath, StandIns(version)));

            // Markup in the fixed code marks the findings that stay (values the fix must not touch), fixable ids included.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }
    }
}
