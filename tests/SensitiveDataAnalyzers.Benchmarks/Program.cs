using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Shared;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace SensitiveDataAnalyzers.Benchmarks
{
    /// <summary>
    /// Measures what the analyzers add to a build: a generated ASP.NET Core-style code base is compiled
    /// (parse, Emit with its diagnostics) and analyzed with every analyzer of the SensitiveDataAnalyzers assembly,
    /// after one warm-up, several times; analyzer time is Roslyn's own per-analyzer execution time.
    /// Exit codes: 0 ok, 1 an analyzer threw (AD0001), 2 bad arguments or environment, 3 the generated code
    /// does not compile (the timings would not be representative).
    /// </summary>
    internal static class Program
    {

        private const double TargetPercent = 3.0;
        private const string SolutionFile = "SensitiveDataAnalyzers.sln";
        private const string DefaultOutput = "tests/SensitiveDataAnalyzers.Benchmarks/results.md";

        private sealed class Options
        {
            public int Files { get; set; } = 2000;
            public int Runs { get; set; } = 5;
            public string? Output { get; set; }
            public string? Dump { get; set; }
            public HashSet<string> Only { get; } = new(StringComparer.OrdinalIgnoreCase);
            public bool Repository { get; set; } = true;
        }

        private sealed class RunResult
        {
            public double ParseMs { get; set; }
            public double CompileMs { get; set; }
            public double AnalysisWallMs { get; set; }
            /// <summary>CPU time of each analyzer's callbacks on their own threads (see <see cref="CpuMeteredAnalyzer"/>).</summary>
            public Dictionary<DiagnosticAnalyzer, double> AnalyzerMs { get; } = new();

            /// <summary>Roslyn's telemetry: wall time in each analyzer's callbacks, waits for a core and GC pauses included.</summary>
            public Dictionary<DiagnosticAnalyzer, double> AnalyzerWallMs { get; } = new();

            public Dictionary<DiagnosticAnalyzer, long> Callbacks { get; } = new();

            /// <summary>What metering one callback costs, measured on an analyzer that does nothing in the same run.</summary>
            public double MeterNanoseconds { get; set; }

            public Dictionary<DiagnosticAnalyzer, List<(string Kind, TimeSpan CpuTime, long Callbacks)>> ByKind { get; } = new();
            public Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry { get; } = new();
            public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; set; }
            public ImmutableArray<Diagnostic> CompilerErrors { get; set; }
        }

        public static async Task<int> Main(string[] args)
        {
            Options options;
            try
            {
                options = ParseArgs(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                PrintUsage();
                return 2;
            }

            if (options.Files < 0)
            {
                PrintUsage();
                return 0;
            }

            string dotnetRoot;
            IReadOnlyList<ReferencePack> packs;
            Assembly analyzerAssembly;
            ImmutableArray<DiagnosticAnalyzer> analyzers;
            try
            {
                dotnetRoot = ReferencePacks.FindDotnetRoot();
                packs = ReferencePacks.Find(dotnetRoot);
                (analyzerAssembly, analyzers) = AnalyzerLoader.Load();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or FileNotFoundException or TypeLoadException)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 2;
            }

            if (options.Only.Count > 0)
            {
                analyzers = analyzers
                    .Where(a => options.Only.Contains(a.GetType().Name) || a.SupportedDiagnostics.Any(d => options.Only.Contains(d.Id)))
                    .ToImmutableArray();
            }

            if (analyzers.IsEmpty)
            {
                Console.Error.WriteLine($"error: no [DiagnosticAnalyzer] types found in {analyzerAssembly.Location}.");
                return 2;
            }

            var repoRoot = FindRepoRoot();
            var outputPath = options.Output is not null
                ? Path.GetFullPath(options.Output)
                : Path.Combine(repoRoot ?? Directory.GetCurrentDirectory(), DefaultOutput.Replace('/', Path.DirectorySeparatorChar));
            if (options.Output is null && repoRoot is null)
            {
                outputPath = Path.Combine(Directory.GetCurrentDirectory(), "results.md");
                Console.Error.WriteLine($"warning: {SolutionFile} not found above the current directory; writing {outputPath}.");
            }

            var references = packs.SelectMany(p => p.Assemblies).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
            Console.WriteLine($"dotnet root: {dotnetRoot}");
            foreach (var pack in packs)
            {
                Console.WriteLine($"  {pack.Name} {pack.Version}: {pack.Assemblies.Count} assemblies");
            }

            Console.WriteLine($"analyzers ({analyzers.Length}): {string.Join(", ", analyzers.Select(a => a.GetType().Name))}");

            var loadBefore = LoadAverage();
            var total = Stopwatch.StartNew();
            var files = new CodeBaseGenerator().Generate(options.Files);
            var lines = files.Sum(f => CountLines(f.Text));
            var bytes = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
            var findingFiles = files.Count(f => f.ExpectedIds.Count > 0);
            Console.WriteLine($"generated {files.Count} files, {lines:N0} lines, {bytes / 1024.0 / 1024.0:0.0} MB; {findingFiles} files with findings (seed {CodeBaseGenerator.DefaultSeed})");
            if (options.Dump is not null)
            {
                DumpFiles(files, options.Dump);
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
            var compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: true,
                deterministic: true);
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var sources = files.Select(f => (f.Path, f.Text)).ToList();
            var results = new List<RunResult>();
            for (var run = 0; run <= options.Runs; run++)
            {
                var label = run == 0 ? "warm-up" : $"run {run}/{options.Runs}";
                var result = await MeasureAsync(sources, "Contoso.Care", references, parseOptions, compilationOptions, analyzerOptions, analyzers);
                var analyzerTotal = result.AnalyzerMs.Values.Sum();
                Console.WriteLine(
                    $"{label,-10} compile {Format.Ms(result.CompileMs),8} ms (parse {Format.Ms(result.ParseMs)} ms) | analyzers {Format.Ms(analyzerTotal),7} ms " +
                    $"= {Format.Percent(100 * analyzerTotal / result.CompileMs)} | analysis wall {Format.Ms(result.AnalysisWallMs)} ms | {result.AnalyzerDiagnostics.Length} diagnostics");
                if (run == 0)
                {
                    if (!result.CompilerErrors.IsEmpty)
                    {
                        Console.Error.WriteLine($"error: the generated code has {result.CompilerErrors.Length} compiler errors; first ones:");
                        foreach (var d in result.CompilerErrors.Take(10))
                        {
                            Console.Error.WriteLine("  " + d);
                        }

                        return 3;
                    }

                    continue;
                }

                results.Add(result);
            }

            var projects = new List<ProjectResult>();
            if (options.Repository && repoRoot is not null)
            {
                foreach (var projectPath in ProjectInputs.RepositoryProjects(repoRoot))
                {
                    projects.Add(await MeasureProjectAsync(projectPath, repoRoot, options.Runs, analyzerOptions, analyzers));
                }
            }

            total.Stop();
            var load = loadBefore is null ? null : $"{loadBefore} before, {LoadAverage()} after";
            var report = BuildReport(options, files, lines, bytes, packs, analyzerAssembly, analyzers, results, total.Elapsed, load, out var failures)
                + ProjectReport(projects, options.Runs, failures);
            Console.WriteLine();
            Console.WriteLine(report);
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            File.WriteAllText(outputPath, report);
            Console.WriteLine($"results written to {outputPath}");
            if (failures.Count > 0)
            {
                Console.Error.WriteLine("FAILED: analyzer exceptions:");
                foreach (var failure in failures)
                {
                    Console.Error.WriteLine("  " + failure);
                }

                return 1;
            }

            return 0;
        }

        private static async Task<RunResult> MeasureAsync(
            IReadOnlyList<(string Path, string Text)> files,
            string assemblyName,
            ImmutableArray<MetadataReference> references,
            CSharpParseOptions parseOptions,
            CSharpCompilationOptions compilationOptions,
            AnalyzerOptions analyzerOptions,
            ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var result = new RunResult();

            // 1. Compile as csc does: parse (in parallel), then Emit, which reports the parse, declaration and
            //    method-body diagnostics itself. A separate GetDiagnostics() before Emit would bind every method
            //    body twice and inflate the denominator, flattering the analyzers.
            Collect();
            var sw = Stopwatch.StartNew();
            var trees = new SyntaxTree[files.Count];
            Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(files[i].Text, parseOptions, files[i].Path, Encoding.UTF8));
            result.ParseMs = sw.Elapsed.TotalMilliseconds;
            var compilation = CSharpCompilation.Create(assemblyName, trees, references, compilationOptions);
            ImmutableArray<Diagnostic> diagnostics;
            using (var peStream = new MemoryStream())
            {
                diagnostics = compilation.Emit(peStream).Diagnostics;
            }

            sw.Stop();
            result.CompileMs = sw.Elapsed.TotalMilliseconds;
            result.CompilerErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Distinct().ToImmutableArray();

            // 2. Analyze a fresh compilation of the same trees (nothing bound yet), timing each analyzer's callbacks.
            Collect();
            var fresh = CSharpCompilation.Create(assemblyName, trees, references, compilationOptions);
            // In a build the compiler binds the references (and loads their symbols) whatever analyzers run; here the
            // compilation is fresh, so the first analyzer to look a type up would be charged for it.
            _ = fresh.GetTypeByMetadataName("System.Object");
            var metered = analyzers.Select(a => new CpuMeteredAnalyzer(a)).ToImmutableArray();
            var empty = new CpuMeteredAnalyzer(new EmptyAnalyzer());
            var withAnalyzers = new CompilationWithAnalyzers(
                fresh,
                metered.Add(empty).CastArray<DiagnosticAnalyzer>(),
                new CompilationWithAnalyzersOptions(
                    options: analyzerOptions,
                    onAnalyzerException: null,
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: true));
            sw.Restart();
            result.AnalyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            sw.Stop();
            result.AnalysisWallMs = sw.Elapsed.TotalMilliseconds;
            // Read the meters before asking for telemetry: that request runs the compilation start actions again (to
            // count the actions they register), which is not part of the analysis.
            result.MeterNanoseconds = empty.NanosecondsPerCallback;
            foreach (var meter in metered)
            {
                result.AnalyzerMs[meter.Inner] = meter.CpuTime(result.MeterNanoseconds).TotalMilliseconds;
                result.Callbacks[meter.Inner] = meter.Callbacks;
                result.ByKind[meter.Inner] = meter.ByKind(result.MeterNanoseconds).OrderBy(k => k.Kind, StringComparer.Ordinal).ToList();
            }

            foreach (var meter in metered)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(meter, CancellationToken.None);
                result.Telemetry[meter.Inner] = telemetry;
                result.AnalyzerWallMs[meter.Inner] = telemetry.ExecutionTime.TotalMilliseconds;
            }

            return result;
        }

        private static string BuildReport(
            Options options,
            IReadOnlyList<GeneratedFile> files,
            int lines,
            long bytes,
            IReadOnlyList<ReferencePack> packs,
            Assembly analyzerAssembly,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            IReadOnlyList<RunResult> runs,
            TimeSpan elapsed,
            string? load,
            out List<string> failures)
        {
            var inv = CultureInfo.InvariantCulture;
            var compile = Summary.Of(runs.Select(r => r.CompileMs));
            var parse = Summary.Of(runs.Select(r => r.ParseMs));
            var wall = Summary.Of(runs.Select(r => r.AnalysisWallMs));
            var totalAnalyzers = Summary.Of(runs.Select(r => r.AnalyzerMs.Values.Sum()));
            var totalPercent = Summary.Of(runs.Select(r => 100 * r.AnalyzerMs.Values.Sum() / r.CompileMs));

            var sb = new StringBuilder();
            sb.Append("# SensitiveDataAnalyzers benchmark results\n\n");
            sb.Append($"Analyzer time as a share of compile time: **{Format.Percent(totalPercent.Median)}** (median of {runs.Count} runs; target ≤ {TargetPercent.ToString("0.#", inv)} %: ");
            sb.Append(totalPercent.Median <= TargetPercent ? "**met**" : "**NOT met**").Append(").\n\n");
            sb.Append("Reproduce from the repository root:\n\n```sh\n");
            sb.Append($"dotnet run -c Release --project tests/SensitiveDataAnalyzers.Benchmarks -- --files {options.Files} --runs {options.Runs}\n```\n\n");

            sb.Append("## Machine\n\n");
            sb.Append($"- Date (UTC): {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)}\n");
            sb.Append($"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})\n");
            sb.Append($"- Logical cores: {Environment.ProcessorCount}\n");
            if (load is not null)
            {
                sb.Append($"- Load average (1/5/15 min): {load} (other work on the machine makes the timings noisy)\n");
            }

            sb.Append($"- Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC\n");
            sb.Append($"- Roslyn (Microsoft.CodeAnalysis): {InformationalVersion(typeof(Compilation).Assembly)}\n");
            sb.Append($"- Analyzer assembly: {analyzerAssembly.GetName().Name} {InformationalVersion(analyzerAssembly)}\n");
            sb.Append($"- Benchmark build: {BuildConfiguration}{(BuildConfiguration == "Debug" ? " (**timings not representative: use -c Release**)" : "")}\n");
            foreach (var pack in packs)
            {
                sb.Append($"- References: {pack.Name} {pack.Version} (ref/{ReferencePacks.RuntimeTfm}, {pack.Assemblies.Count} assemblies)\n");
            }

            sb.Append("\n## Parameters\n\n");
            sb.Append($"- Files: {files.Count} generated (seed {CodeBaseGenerator.DefaultSeed}), {lines.ToString("N0", inv)} lines, {(bytes / 1024.0 / 1024.0).ToString("0.0", inv)} MB; ");
            sb.Append($"{files.Count(f => f.ExpectedIds.Count > 0)} files with a finding ({(100.0 * files.Count(f => f.ExpectedIds.Count > 0) / files.Count).ToString("0.0", inv)} %)\n");
            sb.Append("- Mix: " + string.Join(", ", files.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")) + "\n");
            sb.Append($"- Runs: 1 warm-up + {runs.Count} measured; total wall time {Format.Seconds(elapsed)}\n");
            sb.Append("- Compile = parse (parallel) + `Emit` to a MemoryStream (which reports every compiler diagnostic, as in csc; no separate `GetDiagnostics()`, which would bind every method body twice), fresh compilation each run, C# ");
            sb.Append($"{LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString()}, Release, nullable enabled, concurrent build\n");
            sb.Append(ThreadCpuClock.IsSupported
                ? "- Analyzer time = the CPU time of each analyzer's callbacks on their own threads (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)` around every callback), "
                : "- Analyzer time = **wall time** of each analyzer's callbacks (no per-thread CPU clock on this OS; the figures include waits for a core), ");
            sb.Append($"less the meter's own cost per callback, measured in the same run on an analyzer that does nothing on invocations, creations, assignments and literals ({Summary.Of(runs.Select(r => r.MeterNanoseconds / 1000)).Median.ToString("0.00", inv)} µs median); ");
            sb.Append("from `CompilationWithAnalyzers` (concurrent analysis) on another fresh compilation of the same trees; it includes the Roslyn APIs the analyzer calls (symbols, attributes, operation trees of other methods). ");
            sb.Append("Summed over threads, it is compared with the compile's wall time: a conservative ratio.\n");
            sb.Append("- Callback wall time = Roslyn's `AnalyzerTelemetryInfo.ExecutionTime`: a stopwatch around the same callbacks, so it also counts the time a callback's thread waits for one of the cores and the garbage collections the compiler's threads start meanwhile. ");
            sb.Append("On a loaded 2-core machine that charges analyzers with many short callbacks for the compiler's work; here it also includes the CPU meter's two system calls per callback (each a point where the thread may lose its core), so it is far above the analyzers' cost: shown for comparison, not used for the target.\n");
            sb.Append("- The analyzers treat one compilation as one application, so the generated code base contains no app-wide switch (`UseForwardedHeaders`, HTTPS endpoint + `UseHttpsRedirection`) that would change every listener's verdict; SDA1005 is therefore not planted.\n");
            sb.Append("- SDA2001/SDA2002 are planted in recording-storage files (`storage`): names, downloads, archive entries, directories, links and Content-Disposition headers built from a phone number, patient id or email, directly, through a helper in the same file, through an unkeyed hash, and through the shared `RecordingStore` in another file (expected at the call); their near misses put the identifiers in contents and logs, name by the opaque RecordingId or a GUID, use a keyed HMAC or a metadata member, and call the shared store with the RecordingId.\n\n");

            sb.Append("## Timings (ms)\n\n");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var analyzer in analyzers)
            {
                var s = Summary.Of(runs.Select(r => r.AnalyzerMs[analyzer]));
                var callbackWall = Summary.Of(runs.Select(r => r.AnalyzerWallMs[analyzer]));
                var ruleIds = string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
                rows.Add(new[]
                {
                    analyzer.GetType().Name, ruleIds, Format.Ms(s.Min), Format.Ms(s.Median), Format.Ms(s.Max),
                    Format.Percent(100 * s.Median / compile.Median), Format.Ms(callbackWall.Median),
                    runs[^1].Callbacks[analyzer].ToString("N0", inv), Actions(runs[^1].Telemetry[analyzer]),
                });
            }

            var totalWall = Summary.Of(runs.Select(r => r.AnalyzerWallMs.Values.Sum()));
            rows.Add(new[]
            {
                "**All analyzers**", "", Format.Ms(totalAnalyzers.Min), Format.Ms(totalAnalyzers.Median), Format.Ms(totalAnalyzers.Max),
                "**" + Format.Percent(totalPercent.Median) + "**", Format.Ms(totalWall.Median), runs[^1].Callbacks.Values.Sum().ToString("N0", inv), "",
            });
            rows.Add(new[] { "Compile (parse + emit)", "", Format.Ms(compile.Min), Format.Ms(compile.Median), Format.Ms(compile.Max), "100.00 %", "", "", "" });
            rows.Add(new[] { "of which parse", "", Format.Ms(parse.Min), Format.Ms(parse.Median), Format.Ms(parse.Max), Format.Percent(100 * parse.Median / compile.Median), "", "", "" });
            rows.Add(new[] { "Analysis wall time (includes binding)", "", Format.Ms(wall.Min), Format.Ms(wall.Median), Format.Ms(wall.Max), "", "", "", "" });
            sb.Append(Format.Table(
                new[] { "Analyzer", "Rules", "CPU min", "CPU median", "CPU max", "% of compile (median)", "Callback wall time (median)", "Callbacks", "Registered actions" },
                new[] { false, false, true, true, true, true, true, true, false },
                rows));
            sb.Append($"\nThe \"All analyzers\" percentage is the median of the per-run ratios (min {Format.Percent(totalPercent.Min)}, max {Format.Percent(totalPercent.Max)}); ");
            sb.Append($"fastest analyzer run / fastest compile: {Format.Percent(100 * totalAnalyzers.Min / compile.Min)}. Per-analyzer percentages divide the analyzer's median by the median compile time.\n\n");

            sb.Append("\nCPU time by kind of callback (median over the runs, ms; callbacks of the last run):\n\n");
            var kindRows = new List<IReadOnlyList<string>>();
            foreach (var analyzer in analyzers)
            {
                foreach (var kind in runs[^1].ByKind[analyzer])
                {
                    var cpu = Summary.Of(runs.Select(r => r.ByKind[analyzer].Where(k => k.Kind == kind.Kind).Sum(k => k.CpuTime.TotalMilliseconds)));
                    kindRows.Add(new[] { analyzer.GetType().Name, kind.Kind, Format.Ms(cpu.Median), kind.Callbacks.ToString("N0", inv) });
                }
            }

            sb.Append(Format.Table(new[] { "Analyzer", "Callback", "CPU median", "Callbacks" }, new[] { false, false, true, true }, kindRows));
            sb.Append("\n");

            // Sanity: diagnostics per id, stable across runs, and compared with what the generator planted.
            failures = new List<string>();
            var last = runs[^1].AnalyzerDiagnostics;
            foreach (var d in runs.SelectMany(r => r.AnalyzerDiagnostics).Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)))
            {
                failures.Add($"{d.Id}: {d.GetMessage(inv)}");
            }

            failures = failures.Distinct().ToList();
            var plantedByPath = files.ToDictionary(f => f.Path, f => f, StringComparer.Ordinal);
            var actualByPath = last
                .Where(d => d.Location.IsInSource)
                .GroupBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList(), StringComparer.Ordinal);
            var modelledIds = files.SelectMany(f => f.ExpectedIds).ToHashSet(StringComparer.Ordinal);

            sb.Append("## Diagnostics (sanity check)\n\n");
            var stable = runs.Select(r => Fingerprint(r.AnalyzerDiagnostics)).Distinct().Count() == 1;
            sb.Append(stable ? "Identical diagnostics in every measured run.\n\n" : "**Diagnostics differ between runs** (nondeterministic analysis).\n\n");
            var ids = last.Select(d => d.Id).Concat(modelledIds).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
            sb.Append(Format.Table(
                new[] { "Id", "Severity", "Diagnostics", "Files", "Files planted by the generator", "Planted files found" },
                new[] { false, false, true, true, true, true },
                ids.Select(id =>
                {
                    var ofId = last.Where(d => d.Id == id).ToList();
                    var filesWith = ofId.Where(d => d.Location.IsInSource).Select(d => d.Location.SourceTree!.FilePath).Distinct().Count();
                    var planted = files.Where(f => f.ExpectedIds.Contains(id)).ToList();
                    var found = planted.Count(f => actualByPath.TryGetValue(f.Path, out var set) && set.Contains(id));
                    var severity = ofId.Count > 0 ? string.Join("/", ofId.Select(d => d.Severity.ToString()).Distinct()) : "";
                    return (IReadOnlyList<string>)new[]
                    {
                        id, severity, ofId.Count.ToString(inv), filesWith.ToString(inv),
                        modelledIds.Contains(id) ? planted.Count.ToString(inv) : "(not modelled)",
                        modelledIds.Contains(id) ? found.ToString(inv) : "",
                    };
                })));

            // Files where the planted rules disagree with the generator's plan, grouped by code shape. Diagnostics are
            // attributed to the file of their location (a call into another file's method is reported in the calling
            // file) and counted: a planted form expects exactly one diagnostic per id listed.
            var mismatches = new List<(string variant, string path, string expected, string actual)>();
            foreach (var file in files)
            {
                var expected = file.ExpectedIds.OrderBy(i => i, StringComparer.Ordinal).ToList();
                var actual = actualByPath.TryGetValue(file.Path, out var reported)
                    ? reported.Where(modelledIds.Contains).OrderBy(i => i, StringComparer.Ordinal).ToList()
                    : new List<string>();
                if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
                {
                    mismatches.Add((file.Variant, file.Path, Join(expected), Join(actual)));
                }
            }

            sb.Append("\n");
            if (mismatches.Count == 0)
            {
                sb.Append("Every planted finding was reported and no near miss or ordinary file was flagged.\n");
            }
            else
            {
                sb.Append($"{mismatches.Count} files where the reported ids differ from the planted ones (by code shape; a near miss that is reported is a false positive, a planted finding that is not is a false negative):\n\n");
                sb.Append(Format.Table(
                    new[] { "Code shape", "Planted", "Reported", "Files", "Example" },
                    new[] { false, false, false, true, false },
                    mismatches.GroupBy(m => (m.variant, m.expected, m.actual)).OrderByDescending(g => g.Count()).Select(g =>
                        (IReadOnlyList<string>)new[] { g.Key.variant, g.Key.expected, g.Key.actual, g.Count().ToString(inv), "`" + g.First().path + "`" })));
            }

            sb.Append("\n");
            sb.Append(failures.Count == 0
                ? "No analyzer exception (AD0001).\n"
                : $"**{failures.Count} analyzer exception(s)**:\n\n" + string.Join("\n", failures.Select(f => "- " + f.Replace("\r", "", StringComparison.Ordinal).Split('\n')[0])) + "\n");
            return sb.ToString();
        }

        private sealed class ProjectResult
        {
            public ProjectResult(string name) => Name = name;

            public string Name { get; }

            public string? Error { get; set; }

            public int Files { get; set; }

            public int Lines { get; set; }

            public List<RunResult> Runs { get; } = new();
        }

        /// <summary>One of the repository's projects, compiled from the inputs MSBuild resolves for it, measured like the generated code base.</summary>
        private static async Task<ProjectResult> MeasureProjectAsync(string projectPath, string repoRoot, int runs, AnalyzerOptions analyzerOptions, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var result = new ProjectResult(Path.GetRelativePath(repoRoot, projectPath).Replace('\\', '/'));
            ProjectInputs inputs;
            List<(string, string)> sources;
            try
            {
                inputs = ProjectInputs.Load(projectPath);
                sources = inputs.Sources.Select(path => (path, File.ReadAllText(path))).ToList();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or System.ComponentModel.Win32Exception or KeyNotFoundException)
            {
                result.Error = ex.Message;
                Console.Error.WriteLine($"warning: {result.Name} not measured: {ex.Message}");
                return result;
            }

            result.Files = sources.Count;
            result.Lines = sources.Sum(source => CountLines(source.Item2));
            for (var run = 0; run <= runs; run++)
            {
                var measured = await MeasureAsync(sources, inputs.AssemblyName, inputs.References, inputs.ParseOptions, inputs.CompilationOptions, analyzerOptions, analyzers);
                Console.WriteLine(
                    $"{result.Name,-60} {(run == 0 ? "warm-up" : $"run {run}/{runs}"),-10} compile {Format.Ms(measured.CompileMs),7} ms | analyzers {Format.Ms(measured.AnalyzerMs.Values.Sum()),6} ms " +
                    $"= {Format.Percent(100 * measured.AnalyzerMs.Values.Sum() / measured.CompileMs)} | {measured.AnalyzerDiagnostics.Length} diagnostics");
                if (run > 0)
                {
                    result.Runs.Add(measured);
                }
            }

            return result;
        }

        private static string ProjectReport(IReadOnlyList<ProjectResult> projects, int runs, List<string> failures)
        {
            if (projects.Count == 0)
            {
                return "";
            }

            var inv = CultureInfo.InvariantCulture;
            var measured = projects.Where(p => p.Runs.Count > 0).ToList();
            var sb = new StringBuilder();
            sb.Append("\n## The repository's own projects\n\n");
            sb.Append($"Each project under `src/` and `samples/`, compiled from the inputs `dotnet msbuild -getItem` resolves for it (Compile items, reference assemblies, defines; Release; source generators not run), 1 warm-up + {runs} runs, measured as above. ");
            sb.Append("Small projects make a noisy ratio: a compilation start costs the same for 4 files as for 2,000.\n\n");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var project in projects)
            {
                if (project.Runs.Count == 0)
                {
                    rows.Add(new[] { project.Name, "", "", "", "", "", "", "not measured: " + project.Error });
                    continue;
                }

                var compile = Summary.Of(project.Runs.Select(r => r.CompileMs));
                var cpu = Summary.Of(project.Runs.Select(r => r.AnalyzerMs.Values.Sum()));
                var percent = Summary.Of(project.Runs.Select(r => 100 * r.AnalyzerMs.Values.Sum() / r.CompileMs));
                var last = project.Runs[^1];
                var found = last.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("SDA", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
                rows.Add(new[]
                {
                    project.Name, project.Files.ToString(inv), project.Lines.ToString("N0", inv), last.CompilerErrors.Length.ToString(inv),
                    Format.Ms(compile.Median), Format.Ms(cpu.Median), $"{Format.Percent(percent.Median)} ({Format.Percent(percent.Min)}–{Format.Percent(percent.Max)})",
                    string.Join(", ", found),
                });
                failures.AddRange(project.Runs.SelectMany(r => r.AnalyzerDiagnostics).Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)).Select(d => $"{project.Name}: {d.Id}: {d.GetMessage(inv)}").Distinct());
            }

            if (measured.Count > 0)
            {
                var totalPercent = Summary.Of(Enumerable.Range(0, runs).Select(i =>
                    100 * measured.Sum(p => p.Runs[i].AnalyzerMs.Values.Sum()) / measured.Sum(p => p.Runs[i].CompileMs)));
                rows.Add(new[]
                {
                    "**All projects**", measured.Sum(p => p.Files).ToString(inv), measured.Sum(p => p.Lines).ToString("N0", inv), "",
                    Format.Ms(measured.Sum(p => Summary.Of(p.Runs.Select(r => r.CompileMs)).Median)),
                    Format.Ms(measured.Sum(p => Summary.Of(p.Runs.Select(r => r.AnalyzerMs.Values.Sum())).Median)),
                    $"**{Format.Percent(totalPercent.Median)}** ({Format.Percent(totalPercent.Min)}–{Format.Percent(totalPercent.Max)})", "",
                });
            }

            sb.Append(Format.Table(
                new[] { "Project", "Files", "Lines", "Compiler errors", "Compile median ms", "Analyzers CPU median ms", "% of compile, median (min–max)", "SDA diagnostics (last run)" },
                new[] { false, true, true, true, true, true, true, false },
                rows));
            sb.Append("\nCompiler errors, if any, come from source generators the benchmark does not run; the timings stay representative of the code that binds.\n");
            if (measured.Count > 0)
            {
                sb.Append("\nCPU time per analyzer over all projects (sum of each project's median, ms; compilation start / the rest):\n\n");
                var analyzerRows = measured[0].Runs[0].AnalyzerMs.Keys
                    .Select(analyzer =>
                    {
                        double MedianOf(Func<RunResult, double> value) => measured.Sum(p => Summary.Of(p.Runs.Select(value)).Median);
                        var total = MedianOf(r => r.AnalyzerMs[analyzer]);
                        var start = MedianOf(r => r.ByKind[analyzer].Where(k => k.Kind == "CompilationStart").Sum(k => k.CpuTime.TotalMilliseconds));
                        return (analyzer, total, start);
                    })
                    .OrderByDescending(row => row.total)
                    .Select(row => (IReadOnlyList<string>)new[] { row.analyzer.GetType().Name, Format.Ms(row.total), Format.Ms(row.start), Format.Ms(row.total - row.start) });
                sb.Append(Format.Table(new[] { "Analyzer", "CPU", "compilation start", "other callbacks" }, new[] { false, true, true, true }, analyzerRows));
            }

            return sb.ToString();
        }

        private static string Join(IEnumerable<string> ids)
        {
            var list = ids.OrderBy(i => i, StringComparer.Ordinal).ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }

        private static string Fingerprint(ImmutableArray<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Id + "@" + d.Location.SourceTree?.FilePath + ":" + d.Location.SourceSpan.Start).OrderBy(s => s, StringComparer.Ordinal));

        private static string Actions(AnalyzerTelemetryInfo t)
        {
            var parts = new List<string>();
            void Add(string name, int count)
            {
                if (count > 0)
                {
                    parts.Add($"{name} {count}");
                }
            }

            Add("compilation start", t.CompilationStartActionsCount);
            Add("compilation end", t.CompilationEndActionsCount);
            Add("compilation", t.CompilationActionsCount);
            Add("syntax tree", t.SyntaxTreeActionsCount);
            Add("semantic model", t.SemanticModelActionsCount);
            Add("symbol", t.SymbolActionsCount);
            Add("symbol start", t.SymbolStartActionsCount);
            Add("syntax node", t.SyntaxNodeActionsCount);
            Add("code block start", t.CodeBlockStartActionsCount);
            Add("code block", t.CodeBlockActionsCount);
            Add("operation", t.OperationActionsCount);
            Add("operation block start", t.OperationBlockStartActionsCount);
            Add("operation block", t.OperationBlockActionsCount);
            return string.Join(", ", parts);
        }

        private static string InformationalVersion(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? assembly.GetName().Version?.ToString()
            ?? "?";

#if DEBUG
        private const string BuildConfiguration = "Debug";
#else
        private const string BuildConfiguration = "Release";
#endif

        /// <summary>The 1, 5 and 15 minute load averages on Linux; null elsewhere.</summary>
        private static string? LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static int CountLines(string text)
        {
            var count = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    count++;
                }
            }

            return count;
        }

        private static void DumpFiles(IReadOnlyList<GeneratedFile> files, string directory)
        {
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            Console.WriteLine($"generated sources written to {Path.GetFullPath(directory)}");
        }

        /// <summary>Walks up from the current directory, then from the executable, to the folder holding the .sln.</summary>
        private static string? FindRepoRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    {
                        return dir.FullName;
                    }
                }
            }

            return null;
        }

        private static Options ParseArgs(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Positive(string name)
                {
                    var text = Value();
                    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw new ArgumentException($"{name} must be a positive integer, not '{text}'.");
                }

                switch (args[i])
                {
                    case "--files":
                        options.Files = Positive("--files");
                        break;
                    case "--runs":
                        options.Runs = Positive("--runs");
                        break;
                    case "--output":
                        options.Output = Value();
                        break;
                    case "--dump":
                        options.Dump = Value();
                        break;
                    case "--no-repository":
                        options.Repository = false;
                        break;
                    case "--only":
                        foreach (var name in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            options.Only.Add(name);
                        }

                        break;
                    case "-h":
                    case "--help":
                        options.Files = -1;
                        return options;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }

            return options;
        }

        private static void PrintUsage()
        {
            Console.WriteLine("usage: dotnet run -c Release --project tests/SensitiveDataAnalyzers.Benchmarks -- [--files N] [--runs N] [--output PATH] [--dump DIR] [--only A,B] [--no-repository]");
            Console.WriteLine("  --files N      generated source files (default 2000; about 5% contain findings)");
            Console.WriteLine("  --runs N       measured runs after one warm-up (default 5)");
            Console.WriteLine($"  --output PATH  Markdown results (default <repo root>/{DefaultOutput})");
            Console.WriteLine("  --dump DIR     also write the generated sources to DIR, to inspect them");
            Console.WriteLine("  --only A,B     measure only these analyzers (type names or rule ids), e.g. to profile one of them");
            Console.WriteLine("  --no-repository  skip the repository's own projects (src/, samples/), measured after the generated code base");
        }
    }
}
