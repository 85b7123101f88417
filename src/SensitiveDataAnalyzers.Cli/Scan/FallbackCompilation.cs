using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Shared;

namespace SensitiveDataAnalyzers.Cli.Scan
{
    /// <summary>What <c>sda scan</c> reads from a project file itself (a broken one still gets a name and an SDK).</summary>
    internal sealed class ProjectFileFacts
    {
        private ProjectFileFacts(string path)
        {
            Path = path;
            Name = System.IO.Path.GetFileNameWithoutExtension(path);
        }

        public string Path { get; }

        public string Name { get; private set; }

        public string? AssemblyName { get; private set; }

        public string? ContainerRepository { get; private set; }

        public bool IsWeb { get; private set; }

        public bool IsExe { get; private set; }

        public bool ImplicitUsings { get; private set; }

        /// <summary>Set when the file is not well-formed XML: the message and where it fails.</summary>
        public (string Message, int Line, int Column)? XmlError { get; private set; }

        public static ProjectFileFacts Read(string path)
        {
            var facts = new ProjectFileFacts(path);
            try
            {
                var document = XDocument.Load(path, LoadOptions.SetLineInfo);
                var root = document.Root;
                var sdk = (string?)root?.Attribute("Sdk") ?? string.Empty;
                var sdks = root?.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name") ?? string.Empty) ?? Enumerable.Empty<string>();
                string? Property(string name) => root?.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
                facts.IsWeb = sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
                    || sdks.Any(name => name.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
                    || (root?.Descendants().Any(e => e.Name.LocalName == "FrameworkReference" && string.Equals((string?)e.Attribute("Include"), "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase)) ?? false);
                facts.AssemblyName = Property("AssemblyName");
                facts.ContainerRepository = Property("ContainerRepository");
                facts.IsExe = facts.IsWeb || string.Equals(Property("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);
                facts.ImplicitUsings = Property("ImplicitUsings") is { } implicitUsings
                    && (string.Equals(implicitUsings, "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(implicitUsings, "true", StringComparison.OrdinalIgnoreCase));
            }
            catch (XmlException exception)
            {
                facts.XmlError = (exception.Message, exception.LineNumber, exception.LinePosition);

                // Not XML, so the SDK and settings are guessed from the text as written.
                var text = File.ReadAllText(path);
                facts.IsWeb = text.IndexOf("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\"Microsoft.AspNetCore.App\"", StringComparison.OrdinalIgnoreCase) >= 0;
                facts.IsExe = facts.IsWeb || text.IndexOf("<OutputType>Exe", StringComparison.OrdinalIgnoreCase) >= 0;
                facts.ImplicitUsings = text.IndexOf("<ImplicitUsings>enable", StringComparison.OrdinalIgnoreCase) >= 0;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                facts.XmlError = (exception.Message, 1, 1);
            }

            if (!string.IsNullOrEmpty(facts.AssemblyName) && facts.AssemblyName!.IndexOf('$') < 0)
            {
                facts.Name = facts.AssemblyName;
            }

            return facts;
        }

        /// <summary>Names an image of the project would have.</summary>
        public IReadOnlyList<string> ImageNames(string? assemblyName) =>
            new[] { assemblyName, AssemblyName, ContainerRepository, System.IO.Path.GetFileNameWithoutExtension(Path) }
                .Where(name => !string.IsNullOrWhiteSpace(name) && name!.IndexOf('$') < 0)
                .Select(name => name!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
    }

    /// <summary>
    /// A project that MSBuild could not load or restore, compiled the way the SDK would with nothing but the framework:
    /// its .cs files (not bin, obj or nested projects) against the reference packs under the dotnet root
    /// (Microsoft.NETCore.App.Ref, and Microsoft.AspNetCore.App.Ref for web projects), the SDK's implicit usings, and
    /// the severities and options of the .editorconfig files above each file.
    /// </summary>
    internal static class FallbackCompilation
    {
        private static readonly string[] SdkUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        private static readonly string[] WebUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
            "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        private static readonly Lazy<string?> DotnetRoot = new(() =>
        {
            try
            {
                return ReferencePacks.FindDotnetRoot();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        });

        public static (Compilation Compilation, AnalyzerOptions Options) Create(ProjectFileFacts project, CancellationToken cancellationToken)
        {
            var directory = Path.GetDirectoryName(project.Path)!;
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var trees = SourceFiles(directory)
                .Select(file => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(file), System.Text.Encoding.UTF8), parseOptions, file, cancellationToken))
                .ToList();
            if (project.ImplicitUsings)
            {
                var usings = project.IsWeb ? SdkUsings.Concat(WebUsings) : SdkUsings;
                trees.Add(CSharpSyntaxTree.ParseText(
                    string.Concat(usings.Select(name => "global using global::" + name + ";\n")),
                    parseOptions,
                    Path.Combine(directory, "obj", project.Name + ".GlobalUsings.g.cs"),
                    cancellationToken: cancellationToken));
            }

            var editorConfig = EditorConfigOptions.For(trees.Select(tree => tree.FilePath));
            var options = new CSharpCompilationOptions(project.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSyntaxTreeOptionsProvider(editorConfig.TreeOptions);
            var compilation = CSharpCompilation.Create(project.Name, trees, References(project.IsWeb), options);
            return (compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, editorConfig));
        }

        private static IEnumerable<MetadataReference> References(bool web)
        {
            if (DotnetRoot.Value is not { } root)
            {
                return Array.Empty<MetadataReference>();
            }

            var names = web ? ReferencePacks.PackNames : ReferencePacks.PackNames.Take(1);
            try
            {
                return ReferencePacks.Find(root, names).SelectMany(pack => pack.Assemblies).Select(path => MetadataReference.CreateFromFile(path)).ToList();
            }
            catch (InvalidOperationException)
            {
                return web ? References(web: false) : Array.Empty<MetadataReference>();
            }
        }

        /// <summary>The project's .cs files: its directory and below, without bin, obj, hidden folders or folders of other projects.</summary>
        private static IEnumerable<string> SourceFiles(string projectDirectory)
        {
            var pending = new Stack<string>();
            pending.Push(projectDirectory);
            while (pending.Count > 0)
            {
                var directory = pending.Pop();
                string[] files;
                string[] subdirectories;
                try
                {
                    files = Directory.GetFiles(directory, "*.cs");
                    subdirectories = Directory.GetDirectories(directory);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
                {
                    yield return file;
                }

                foreach (var subdirectory in subdirectories.OrderByDescending(d => d, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(subdirectory);
                    if (name is "bin" or "obj" or "node_modules" || name.StartsWith(".", StringComparison.Ordinal)
                        || Directory.EnumerateFiles(subdirectory, "*.csproj").Any())
                    {
                        continue;
                    }

                    pending.Push(subdirectory);
                }
            }
        }
    }
}
