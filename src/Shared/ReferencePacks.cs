using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SensitiveDataAnalyzers.Shared
{
    /// <summary>A reference pack found under the dotnet root, e.g. Microsoft.NETCore.App.Ref 10.0.12 ref/net10.0.</summary>
    internal sealed record ReferencePack(string Name, string Version, string Directory, IReadOnlyList<string> Assemblies);

    internal static class ReferencePacks
    {
        public static readonly string[] PackNames = { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" };

        /// <summary>The target framework of the running runtime, e.g. net10.0.</summary>
        public static string RuntimeTfm => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

        /// <summary>
        /// The dotnet root: typeof(object).Assembly lives in &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/.
        /// Falls back to DOTNET_ROOT for unusual layouts.
        /// </summary>
        public static string FindDotnetRoot()
        {
            var candidates = new List<string>();
            var coreLib = typeof(object).Assembly.Location;
            if (!string.IsNullOrEmpty(coreLib))
            {
                var versionDir = Path.GetDirectoryName(coreLib);
                var root = versionDir is null ? null : Path.GetFullPath(Path.Combine(versionDir, "..", "..", ".."));
                if (root is not null)
                {
                    candidates.Add(root);
                }
            }

            var env = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(env))
            {
                candidates.Add(env);
            }

            foreach (var candidate in candidates)
            {
                if (Directory.Exists(Path.Combine(candidate, "packs")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException(
                "No dotnet root with a packs/ folder found (tried: " + string.Join(", ", candidates) + ").");
        }

        /// <summary>Both packs (the .NET and the ASP.NET Core reference assemblies) for the running runtime's framework.</summary>
        public static IReadOnlyList<ReferencePack> Find(string dotnetRoot) => Find(dotnetRoot, PackNames);

        /// <summary>The named packs, newest version with ref/&lt;runtime tfm&gt; each; throws when one is missing.</summary>
        public static IReadOnlyList<ReferencePack> Find(string dotnetRoot, IEnumerable<string> names)
        {
            var tfm = RuntimeTfm;
            var packs = new List<ReferencePack>();
            foreach (var name in names)
            {
                var packDir = Path.Combine(dotnetRoot, "packs", name);
                if (!Directory.Exists(packDir))
                {
                    throw new InvalidOperationException($"Reference pack {name} not found under {dotnetRoot}/packs.");
                }

                // Newest version that has ref/<runtime tfm>; versions compare numerically, a release beats its previews.
                var best = Directory.GetDirectories(packDir)
                    .Select(dir => (dir, version: Path.GetFileName(dir), refDir: Path.Combine(dir, "ref", tfm)))
                    .Where(x => Directory.Exists(x.refDir))
                    .OrderByDescending(x => ParseVersion(x.version).numeric)
                    .ThenByDescending(x => ParseVersion(x.version).isRelease)
                    .ThenByDescending(x => x.version, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (best.dir is null)
                {
                    throw new InvalidOperationException($"No version of {name} has ref/{tfm} under {packDir}.");
                }

                var dlls = Directory.GetFiles(best.refDir, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
                packs.Add(new ReferencePack(name, best.version, best.refDir, dlls));
            }

            return packs;
        }

        private static (Version numeric, bool isRelease) ParseVersion(string text)
        {
            var dash = text.IndexOf('-');
            var core = dash < 0 ? text : text.Substring(0, dash);
            return (Version.TryParse(core, out var v) ? v : new Version(0, 0), dash < 0);
        }
    }

    /// <summary>The analyzers of the SensitiveDataAnalyzers assembly (shared by the benchmark and <c>sda scan</c>).</summary>
    internal static class AnalyzerLoader
    {
        public const string AnalyzerAssemblyName = "SensitiveDataAnalyzers";

        /// <summary>
        /// Every non-abstract <see cref="DiagnosticAnalyzer"/> with [DiagnosticAnalyzer] in the analyzer assembly,
        /// found by reflection so that rules added later are measured without editing the benchmark.
        /// </summary>
        public static (Assembly assembly, ImmutableArray<DiagnosticAnalyzer> analyzers) Load()
        {
            var assembly = Assembly.Load(new AssemblyName(AnalyzerAssemblyName));
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                var loaderErrors = string.Join("; ", ex.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct());
                throw new InvalidOperationException("Could not load the types of " + AnalyzerAssemblyName + ": " + loaderErrors, ex);
            }

            var analyzers = types
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Where(t => t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
                .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            return (assembly, analyzers);
        }
    }
}
