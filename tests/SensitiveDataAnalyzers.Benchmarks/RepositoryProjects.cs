using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SensitiveDataAnalyzers.Benchmarks
{
    /// <summary>
    /// The inputs of a real project's compile, as MSBuild resolves them: its Compile items, the reference assemblies
    /// the compiler is given, its defines and options. Read with <c>dotnet msbuild -getItem/-getProperty</c>, so the
    /// benchmark compiles exactly what a build compiles (less source generators, which it does not run).
    /// </summary>
    internal sealed class ProjectInputs
    {
        private ProjectInputs(string projectPath, string assemblyName, IReadOnlyList<string> sources, ImmutableArray<MetadataReference> references, CSharpParseOptions parseOptions, CSharpCompilationOptions compilationOptions)
        {
            ProjectPath = projectPath;
            AssemblyName = assemblyName;
            Sources = sources;
            References = references;
            ParseOptions = parseOptions;
            CompilationOptions = compilationOptions;
        }

        public string ProjectPath { get; }

        public string AssemblyName { get; }

        public IReadOnlyList<string> Sources { get; }

        public ImmutableArray<MetadataReference> References { get; }

        public CSharpParseOptions ParseOptions { get; }

        public CSharpCompilationOptions CompilationOptions { get; }

        /// <summary>The repository's own projects: src/*/*.csproj and samples/*/*.csproj (the tests are not shipped code).</summary>
        public static IReadOnlyList<string> RepositoryProjects(string repositoryRoot) =>
            new[] { "src", "samples" }
                .Select(folder => Path.Combine(repositoryRoot, folder))
                .Where(Directory.Exists)
                .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
                .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();

        /// <summary>Restores and evaluates the project (Release); throws InvalidOperationException with MSBuild's output when that fails.</summary>
        public static ProjectInputs Load(string projectPath)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
            var start = new ProcessStartInfo("dotnet")
            {
                // Item paths are relative to the project's folder; FullPath metadata is computed from the current one.
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "msbuild", projectPath, "-restore", "-nologo", "-p:Configuration=Release",
                "-t:FindReferenceAssembliesForReferences",
                "-getItem:Compile", "-getItem:ReferencePathWithRefAssemblies",
                "-getProperty:AssemblyName", "-getProperty:OutputType", "-getProperty:DefineConstants", "-getProperty:LangVersion",
                "-getProperty:Nullable", "-getProperty:AllowUnsafeBlocks",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet msbuild");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet msbuild {projectPath} exited with {process.ExitCode}: {Tail(stdout + stderr.Result)}");
            }

            var json = stdout.Substring(Math.Max(0, stdout.IndexOf('{', StringComparison.Ordinal)));
            using var document = JsonDocument.Parse(json);
            var properties = document.RootElement.GetProperty("Properties");
            var items = document.RootElement.GetProperty("Items");
            string Property(string name) => properties.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
            IEnumerable<string> Items(string name) => items.TryGetProperty(name, out var list)
                ? list.EnumerateArray().Select(item => item.GetProperty("Identity").GetString()).Where(path => path is not null).Select(path => Path.GetFullPath(Path.Combine(directory, path!)))
                : Array.Empty<string>();

            var sources = Items("Compile").Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
            var references = Items("ReferencePathWithRefAssemblies").Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
            var parseOptions = new CSharpParseOptions(
                LanguageVersionFacts.TryParse(Property("LangVersion"), out var version) ? version : LanguageVersion.Latest,
                DocumentationMode.Parse,
                preprocessorSymbols: Property("DefineConstants").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var compilationOptions = new CSharpCompilationOptions(
                Property("OutputType") is "Exe" or "WinExe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: Property("Nullable") is "enable" ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: Property("AllowUnsafeBlocks") == "true",
                concurrentBuild: true,
                deterministic: true);
            var assemblyName = Property("AssemblyName") is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(projectPath);
            return new ProjectInputs(Path.GetFullPath(projectPath), assemblyName, sources, references, parseOptions, compilationOptions);
        }

        private static string Tail(string text)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 8)));
        }
    }
}
