using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;
using YamlDotNet.Core;

namespace SensitiveDataAnalyzers.Config.Benchmarks
{
    /// <summary>
    /// Throughput, memory and cold-start benchmark of the config linter (Stopwatch harness, deterministic corpus).
    /// dotnet run -c Release --project tests/SensitiveDataAnalyzers.Config.Benchmarks -- --documents 10000 --runs 5
    /// </summary>
    internal static class Program
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private static int Main(string[] args)
        {
            var options = Options.Parse(args);
            if (options is null)
            {
                Console.Error.WriteLine("usage: [--documents N] [--runs N] [--seed N] [--dump DIR] [--output PATH] [--cold-runs N] [--no-cold-start] [--sda PATH/TO/sda.dll]");
                return 2;
            }

#if DEBUG
            Console.Error.WriteLine("warning: Debug build; figures are only meaningful with -c Release");
#endif
            var root = RepositoryRoot();
            var output = options.Output ?? (root is null ? "results.md" : Path.Combine(root, "tests", "SensitiveDataAnalyzers.Config.Benchmarks", "results.md"));

            Console.Error.WriteLine($"generating {options.Documents:N0} documents (seed {options.Seed})...");
            var generation = Stopwatch.StartNew();
            var corpus = new CorpusGenerator(options.Seed).Generate(options.Documents);
            generation.Stop();
            if (options.Dump is not null)
            {
                corpus.Dump(options.Dump);
                Console.Error.WriteLine($"wrote {corpus.Files.Count:N0} files under {options.Dump}");
            }

            var files = corpus.Files;
            // d. memory first, while the process has done nothing but generate the corpus.
            Console.Error.WriteLine("measuring memory of one linter run...");
            var memory = MeasureMemory(files);

            Console.Error.WriteLine($"timing: 1 warm-up + {options.Runs} runs of each pass...");
            var (baseline, linter, pairedRatios) = TimeInterleaved(options.Runs, () => ParseOnly(files), () => LintAll(files).Count);
            var phases = ProfilePhases(files, options.Runs);
            var half = Time(Math.Max(1, options.Runs / 2), () => LintAll(files.Take(files.Count / 2).ToList()).Count);

            var findings = LintAll(files);
            var sanity = Sanity(corpus, findings);

            ColdStart? cold = null;
            if (!options.NoColdStart)
            {
                Console.Error.WriteLine("cold start of sda lint...");
                cold = MeasureColdStart(root, options, files);
                if (cold.Error is not null)
                {
                    Console.Error.WriteLine("cold start: " + cold.Error);
                }
            }

            var markdown = Render(options, corpus, generation.Elapsed, baseline, linter, pairedRatios, phases, half, memory, sanity, cold);
            var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (outputDirectory is not null)
            {
                Directory.CreateDirectory(outputDirectory);
            }

            File.WriteAllText(output, markdown);
            Console.WriteLine(markdown);
            Console.Error.WriteLine("results written to " + Path.GetFullPath(output));
            return sanity.Ok && (cold?.Error is null) ? 0 : 1;
        }

        // ------------------------------------------------------------------ passes

        private static readonly JsonReaderOptions BaselineJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

        /// <summary>a. The cheapest pass over the same bytes: every YAML event (after UTF-8 decoding), every JSON token.</summary>
        private static long ParseOnly(List<GeneratedFile> files)
        {
            long count = 0;
            foreach (var file in files)
            {
                if (file.IsJson)
                {
                    var reader = new Utf8JsonReader(file.Bytes, BaselineJson);
                    while (reader.Read())
                    {
                        count++;
                    }
                }
                else
                {
                    var parser = new Parser(new StringReader(Encoding.UTF8.GetString(file.Bytes)));
                    while (parser.MoveNext())
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        /// <summary>
        /// b. What one run of sda lint does: load every file and lint them together as one deployment. The files are
        /// loaded lazily as the linter consumes them (as the CLI does), so each file's tree dies young.
        /// </summary>
        private static IReadOnlyList<Finding> LintAll(List<GeneratedFile> files) =>
            ConfigLinter.Lint(files.Select(file => ConfigLoader.Load(file.Path, file.Bytes)));

        private sealed class Timing
        {
            public Timing(List<double> seconds) => Seconds = seconds;

            public List<double> Seconds { get; }

            public double Min => Seconds.Min();

            public double Max => Seconds.Max();

            public double Median
            {
                get
                {
                    var sorted = Seconds.OrderBy(s => s).ToList();
                    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                }
            }
        }

        private static Timing Time<T>(int runs, Func<T> action)
        {
            GC.KeepAlive(action()); // warm-up (JIT, tiering, caches)
            var seconds = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                seconds.Add(Measure(action));
            }

            return new Timing(seconds);
        }

        /// <summary>
        /// Times two passes in alternating order (a b, b a, a b, ...), so that a noisy neighbour slows both alike, and
        /// returns each pass's timings and the b/a ratio of every pair.
        /// </summary>
        private static (Timing A, Timing B, Timing Ratios) TimeInterleaved<TA, TB>(int runs, Func<TA> a, Func<TB> b)
        {
            GC.KeepAlive(a()); // warm-up
            GC.KeepAlive(b());
            var first = new List<double>();
            var second = new List<double>();
            var ratios = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                double ta, tb;
                if (i % 2 == 0)
                {
                    ta = Measure(a);
                    tb = Measure(b);
                }
                else
                {
                    tb = Measure(b);
                    ta = Measure(a);
                }

                first.Add(ta);
                second.Add(tb);
                ratios.Add(tb / ta);
            }

            return (new Timing(first), new Timing(second), new Timing(ratios));
        }

        /// <summary>One timed run after a full collection, so no run pays for the previous run's garbage.</summary>
        private static double Measure<T>(Func<T> action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var result = action();
            watch.Stop();
            GC.KeepAlive(result);
            return watch.Elapsed.TotalSeconds;
        }

        private sealed class Memory
        {
            public long ManagedBefore;
            public long ManagedAfterRun;
            public long ManagedRetained;
            public long AllocatedThread;
            public long AllocatedProcess;
            public long PeakWorkingSetBefore;
            public long PeakWorkingSetAfter;
            public long WorkingSetAfter;
            public int Gen0;
            public int Gen1;
            public int Gen2;
            public long CorpusBytes;
        }

        private static Memory MeasureMemory(List<GeneratedFile> files)
        {
            var memory = new Memory { CorpusBytes = files.Sum(f => (long)f.Bytes.Length) };
            using var process = Process.GetCurrentProcess();
            memory.ManagedBefore = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            memory.PeakWorkingSetBefore = process.PeakWorkingSet64;
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var threadBefore = GC.GetAllocatedBytesForCurrentThread();
            var processBefore = GC.GetTotalAllocatedBytes(precise: true);

            // What a real run keeps until it reports: the findings (the model is dropped when Lint returns).
            var findings = ConfigLinter.Lint(files.Select(file => ConfigLoader.Load(file.Path, file.Bytes)));

            memory.AllocatedThread = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
            memory.AllocatedProcess = GC.GetTotalAllocatedBytes(precise: true) - processBefore;
            memory.ManagedAfterRun = GC.GetTotalMemory(forceFullCollection: false);
            memory.Gen0 = GC.CollectionCount(0) - gen0;
            memory.Gen1 = GC.CollectionCount(1) - gen1;
            memory.Gen2 = GC.CollectionCount(2) - gen2;
            memory.ManagedRetained = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            memory.PeakWorkingSetAfter = process.PeakWorkingSet64;
            memory.WorkingSetAfter = process.WorkingSet64;
            GC.KeepAlive(findings);
            return memory;
        }

        // ------------------------------------------------------------------ phase profile

        private sealed class Phases
        {
            public double LoadYaml;
            public double LoadJson;
            public double ParseYaml;
            public double ParseJson;
            public double Model;
            public double Sink;
            public double Sort;
            public readonly List<(string Check, double Seconds)> Checks = new();
            public readonly Dictionary<string, long> Allocated = new(StringComparer.Ordinal);
            public readonly List<(string What, string Value)> Joins = new();

            public double LintOnly => Model + Sink + Checks.Sum(c => c.Seconds) + Sort;
        }

        /// <summary>Where the linter's time goes: Load (YAML vs JSON) against the matching parse-only pass, then Lint's stages (medians).</summary>
        private static Phases ProfilePhases(List<GeneratedFile> files, int runs)
        {
            var yaml = files.Where(f => !f.IsJson).ToList();
            var json = files.Where(f => f.IsJson).ToList();
            var phases = new Phases
            {
                ParseYaml = Time(runs, () => ParseOnly(yaml)).Median,
                ParseJson = Time(runs, () => ParseOnly(json)).Median,
                LoadYaml = Time(runs, () => yaml.Select(f => ConfigLoader.Load(f.Path, f.Bytes)).Count()).Median,
                LoadJson = Time(runs, () => json.Select(f => ConfigLoader.Load(f.Path, f.Bytes)).Count()).Median,
            };
            phases.Allocated["parse-yaml"] = AllocatedBy(() => ParseOnly(yaml));
            phases.Allocated["parse-json"] = AllocatedBy(() => ParseOnly(json));
            phases.Allocated["load-yaml"] = AllocatedBy(() => yaml.Select(f => ConfigLoader.Load(f.Path, f.Bytes)).Count());
            phases.Allocated["load-json"] = AllocatedBy(() => json.Select(f => ConfigLoader.Load(f.Path, f.Bytes)).Count());

            var loaded = files.Select(f => ConfigLoader.Load(f.Path, f.Bytes)).ToList();
            var configFiles = loaded.Where(r => r.File is not null).Select(r => r.File!).ToList();
            var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            void Add(string key, double value)
            {
                if (!samples.TryGetValue(key, out var list))
                {
                    samples[key] = list = new List<double>();
                }

                list.Add(value);
            }

            for (var run = 0; run <= runs; run++)
            {
                var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var sink = new FindingSink(configFiles);
                sink.AddRange(loaded.SelectMany(r => r.Notices));
                var sinkTime = watch.Elapsed.TotalSeconds;
                allocated["sink"] = GC.GetAllocatedBytesForCurrentThread() - before;
                before = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                var deployment = DeploymentModel.Build(configFiles);
                var modelTime = watch.Elapsed.TotalSeconds;
                allocated["model"] = GC.GetAllocatedBytesForCurrentThread() - before;
                var checkTimes = new List<(string, double)>();
                foreach (var check in ConfigLinter.Checks)
                {
                    before = GC.GetAllocatedBytesForCurrentThread();
                    watch.Restart();
                    check.Run(deployment, sink);
                    checkTimes.Add((check.GetType().Name, watch.Elapsed.TotalSeconds));
                    allocated["check:" + check.GetType().Name] = GC.GetAllocatedBytesForCurrentThread() - before;
                }

                watch.Restart();
                var sorted = sink.Findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ToList();
                var sortTime = watch.Elapsed.TotalSeconds;
                GC.KeepAlive(sorted);
                if (run == 0)
                {
                    continue; // warm-up
                }

                foreach (var (key, bytes) in allocated)
                {
                    phases.Allocated[key] = bytes;
                }

                Add("sink", sinkTime);
                Add("model", modelTime);
                Add("sort", sortTime);
                foreach (var (name, seconds) in checkTimes)
                {
                    Add("check:" + name, seconds);
                }
            }

            static double Median(List<double> values)
            {
                var sorted = values.OrderBy(v => v).ToList();
                return sorted[sorted.Count / 2];
            }

            phases.Sink = Median(samples["sink"]);
            phases.Model = Median(samples["model"]);
            phases.Sort = Median(samples["sort"]);
            foreach (var check in ConfigLinter.Checks)
            {
                phases.Checks.Add((check.GetType().Name, Median(samples["check:" + check.GetType().Name])));
            }

            Joins(phases, configFiles, runs);
            return phases;
        }

        private static long AllocatedBy<T>(Func<T> action)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(action());
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        /// <summary>The cross-file joins the checks repeat, timed alone on the built model (public API only).</summary>
        private static void Joins(Phases phases, List<ConfigFile> configFiles, int runs)
        {
            var deployment = DeploymentModel.Build(configFiles);
            var objects = deployment.KubernetesObjects.Count;
            var workloads = deployment.KubernetesWorkloads.ToList();
            var services = deployment.KubernetesServices.ToList();
            var ingresses = deployment.Ingresses.ToList();
            var orthancs = OrthancInstance.Find(deployment);
            phases.Joins.Add(("Kubernetes objects / workloads / Services / Ingresses", $"{objects:N0} / {workloads.Count:N0} / {services.Count:N0} / {ingresses.Count:N0}"));
            phases.Joins.Add(("compose services / Orthanc instances found", $"{deployment.ComposeServices.Count:N0} / {orthancs.Count:N0}"));

            string Ms(Timing t) => (t.Median * 1000).ToString("F1", Inv) + " ms";
            var find = Time(runs, () => OrthancInstance.Find(deployment).Count);
            phases.Joins.Add(("one `OrthancInstance.Find(deployment)` (called 4× per Lint: 3 `OrthancCheck` subclasses + `PacsListenerCheck`)", Ms(find)));
            var ingressJoin = Time(runs, () => ingresses.Sum(i => i.BackendServices.SelectMany(name => deployment.ServicesNamed(name, i.Namespace)).SelectMany(deployment.SelectedBy).Count()));
            phases.Joins.Add(("Ingress → `ServicesNamed` → `SelectedBy` for every Ingress (done by `IngressTlsCheck` and again by `PacsListenerCheck`)", Ms(ingressJoin)));
            var workloadJoin = Time(runs, () => workloads.Sum(w => deployment.KubernetesServices.Count(s => s.IsExternal && KubernetesObject.Selects(s.Selector, w.PodLabels) && s.Namespace == w.Namespace)));
            phases.Joins.Add(("workload → every `KubernetesServices` (`PlaintextListenerSettingsCheck`, `PortReachability.HowReachable`)", Ms(workloadJoin)));
            var scan = Time(runs, () => Enumerable.Range(0, 1000).Sum(_ => deployment.KubernetesServices.Count()));
            phases.Joins.Add(("one `deployment.KubernetesServices` enumeration (`OfType` over all objects)", scan.Median.ToString("F3", Inv) + " ms"));
        }

        // ------------------------------------------------------------------ sanity

        private sealed class SanityResult
        {
            public readonly SortedDictionary<string, int> PerRule = new(StringComparer.Ordinal);
            public readonly SortedDictionary<string, int> PlantedPerRule = new(StringComparer.Ordinal);
            public readonly SortedDictionary<string, int> DetectedPerRule = new(StringComparer.Ordinal);
            public readonly List<string> Missed = new();
            public readonly List<Finding> Unexpected = new();
            public int FilesWithFindings;
            public int UnexpectedFiles;
            public int Notices;

            /// <summary>The required checks: no tool notice on the valid corpus, every planted rule reported. Misses and near-miss hits are reported, not fatal.</summary>
            public bool Ok => Notices == 0 && PlantedPerRule.Keys.All(id => PerRule.TryGetValue(id, out var n) && n > 0);
        }

        private static SanityResult Sanity(Corpus corpus, IReadOnlyList<Finding> findings)
        {
            var result = new SanityResult();
            foreach (var finding in findings)
            {
                result.PerRule[finding.Rule.Id] = result.PerRule.TryGetValue(finding.Rule.Id, out var n) ? n + 1 : 1;
            }

            result.Notices = findings.Count(f => f.Rule.Id is "SDA0001" or "SDA0002" or "SDA0003" or "SDA0004");
            var byPath = findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            result.FilesWithFindings = byPath.Count;
            foreach (var file in corpus.Files)
            {
                byPath.TryGetValue(file.Path, out var found);
                foreach (var id in file.Planted)
                {
                    result.PlantedPerRule[id] = result.PlantedPerRule.TryGetValue(id, out var n) ? n + 1 : 1;
                    if (found?.Any(f => f.Rule.Id == id) == true)
                    {
                        result.DetectedPerRule[id] = result.DetectedPerRule.TryGetValue(id, out var d) ? d + 1 : 1;
                    }
                    else
                    {
                        result.Missed.Add($"{file.Path}: planted {id} not reported");
                    }
                }

                if (file.Planted.Count == 0 && found is not null)
                {
                    result.UnexpectedFiles++;
                    result.Unexpected.AddRange(found);
                }
            }

            return result;
        }

        // ------------------------------------------------------------------ cold start

        private sealed class ColdStart
        {
            public string? Error;
            public string? Dll;
            public DateTime DllTime;
            public string? File;
            public readonly List<double> Seconds = new();
            public readonly List<int> ExitCodes = new();
            public string? FirstOutput;
        }

        private static ColdStart MeasureColdStart(string? root, Options options, List<GeneratedFile> files)
        {
            var cold = new ColdStart();
            var dll = options.SdaDll ?? (root is null ? null : Path.Combine(root, "src", "SensitiveDataAnalyzers.Cli", "bin", "Release", "net10.0", "sda.dll"));
            if (dll is null)
            {
                cold.Error = "repository root (folder with SensitiveDataAnalyzers.sln) not found; pass --sda PATH/TO/sda.dll";
                return cold;
            }

            if (!File.Exists(dll))
            {
                if (options.SdaDll is not null || root is null)
                {
                    cold.Error = $"{dll} does not exist; build it with: dotnet build src/SensitiveDataAnalyzers.Cli -c Release";
                    return cold;
                }

                Console.Error.WriteLine("sda.dll missing: dotnet build src/SensitiveDataAnalyzers.Cli -c Release");
                var (code, text) = Run("dotnet", new[] { "build", Path.Combine(root, "src", "SensitiveDataAnalyzers.Cli"), "-c", "Release", "-nologo", "-v", "q" }, root);
                if (code != 0 || !File.Exists(dll))
                {
                    cold.Error = $"building the CLI failed (exit {code}); run: dotnet build src/SensitiveDataAnalyzers.Cli -c Release\n{Tail(text, 2000)}";
                    return cold;
                }
            }

            cold.Dll = dll;
            cold.DllTime = File.GetLastWriteTimeUtc(dll);

            // One realistic file: the first compose file of the corpus that has a planted finding (the CLI then reports and exits 1).
            var sample = files.FirstOrDefault(f => f.Path.EndsWith(".yml", StringComparison.Ordinal) && f.Planted.Count > 0) ?? files[0];
            var directory = Path.Combine(Path.GetTempPath(), "sda-bench-coldstart-" + Environment.ProcessId.ToString(Inv));
            Directory.CreateDirectory(directory);
            cold.File = Path.Combine(directory, Path.GetFileName(sample.Path));
            File.WriteAllBytes(cold.File, sample.Bytes);
            try
            {
                for (var i = 0; i < options.ColdRuns; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var (code, text) = Run("dotnet", new[] { dll, "lint", cold.File }, directory);
                    watch.Stop();
                    cold.Seconds.Add(watch.Elapsed.TotalSeconds);
                    cold.ExitCodes.Add(code);
                    cold.FirstOutput ??= text;
                    if (code is not (0 or 1))
                    {
                        cold.Error = $"sda lint exited {code}: {Tail(text, 1000)}";
                        break;
                    }
                }
            }
            finally
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }

            return cold;
        }

        private static (int Code, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text.Substring(text.Length - length);

        // ------------------------------------------------------------------ report

        private static string Render(Options options, Corpus corpus, TimeSpan generation, Timing baseline, Timing linter, Timing pairedRatios, Phases phases, Timing half, Memory memory, SanityResult sanity, ColdStart? cold)
        {
            var sb = new StringBuilder();
            var mb = corpus.Bytes / (1024.0 * 1024.0);
            var yamlFiles = corpus.Files.Count(f => !f.IsJson);
            var jsonFiles = corpus.Files.Count - yamlFiles;
            var ratio = pairedRatios.Median;
            string S(double seconds) => seconds < 1 ? (seconds * 1000).ToString("F1", Inv) + " ms" : seconds.ToString("F3", Inv) + " s";
            string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", Inv) + " MB";
            string N(double value) => value.ToString("N0", Inv);

            sb.AppendLine("# Config linter benchmark");
            sb.AppendLine();
            sb.AppendLine($"Generated {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Inv)} UTC by `tests/SensitiveDataAnalyzers.Config.Benchmarks` (Stopwatch harness, 1 warm-up, GC before each run).");
            sb.AppendLine();
            sb.AppendLine("Reproduce:");
            sb.AppendLine();
            sb.AppendLine("```sh");
            sb.AppendLine($"dotnet run -c Release --project tests/SensitiveDataAnalyzers.Config.Benchmarks -- --documents {options.Documents} --runs {options.Runs}");
            sb.AppendLine("```");
            sb.AppendLine();
            sb.AppendLine("## Machine");
            sb.AppendLine();
            sb.AppendLine("| | |");
            sb.AppendLine("|---|---|");
            sb.AppendLine($"| Cores | {Environment.ProcessorCount} |");
            sb.AppendLine($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |");
            sb.AppendLine($"| Runtime | {RuntimeInformation.FrameworkDescription} |");
            sb.AppendLine($"| GC | {(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode)} |");
            sb.AppendLine($"| Load average (1/5/15 min, at end) | {LoadAverage()} |");
            sb.AppendLine();
            sb.AppendLine("## Parameters and corpus");
            sb.AppendLine();
            sb.AppendLine("| | |");
            sb.AppendLine("|---|---|");
            sb.AppendLine($"| Seed | {options.Seed} |");
            sb.AppendLine($"| Runs | 1 warm-up + {options.Runs} |");
            sb.AppendLine($"| Documents | {N(corpus.Documents)} |");
            sb.AppendLine($"| Files | {N(corpus.Files.Count)} ({N(yamlFiles)} YAML, {N(jsonFiles)} JSON; 1–6 documents each) |");
            sb.AppendLine($"| Files by kind | {string.Join(", ", corpus.FileKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {N(k.Value)}"))} |");
            sb.AppendLine($"| Size | {mb.ToString("F2", Inv)} MB ({N(corpus.Bytes)} bytes) |");
            sb.AppendLine($"| Documents with a planted finding | {N(corpus.PlantedDocuments)} ({(100.0 * corpus.PlantedDocuments / corpus.Documents).ToString("F1", Inv)} %) |");
            sb.AppendLine($"| Generation time | {S(generation.TotalSeconds)} |");
            sb.AppendLine();
            sb.AppendLine("## Throughput");
            sb.AppendLine();
            sb.AppendLine("| Pass | min | median | max | files/s (median) | documents/s (median) | MB/s (median) |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            sb.AppendLine($"| a. parse-only baseline (YamlDotNet `Parser` events + `Utf8JsonReader` tokens) | {S(baseline.Min)} | {S(baseline.Median)} | {S(baseline.Max)} | {N(corpus.Files.Count / baseline.Median)} | {N(corpus.Documents / baseline.Median)} | {(mb / baseline.Median).ToString("F1", Inv)} |");
            sb.AppendLine($"| b. full linter (`ConfigLoader.Load` every file + `ConfigLinter.Lint` all) | {S(linter.Min)} | {S(linter.Median)} | {S(linter.Max)} | {N(corpus.Files.Count / linter.Median)} | {N(corpus.Documents / linter.Median)} | {(mb / linter.Median).ToString("F1", Inv)} |");
            sb.AppendLine($"| b. on the first half of the files ({N(corpus.Files.Count / 2)}) | {S(half.Min)} | {S(half.Median)} | {S(half.Max)} | {N(corpus.Files.Count / 2 / half.Median)} | | |");
            sb.AppendLine();
            sb.AppendLine($"**c. ratio b/a: {ratio.ToString("F2", Inv)}×** (median of the {pairedRatios.Seconds.Count} paired runs, min {pairedRatios.Min.ToString("F2", Inv)}×, max {pairedRatios.Max.ToString("F2", Inv)}×; ratio of the medians {(linter.Median / baseline.Median).ToString("F2", Inv)}×; target ≤ 2×: {(ratio <= 2 ? "met" : "**not met**")}). a and b run alternately (a b, b a, ...), so machine noise hits both alike. Scaling: twice the files took {(linter.Median / half.Median).ToString("F2", Inv)}× the time (2.00 = linear).");
            sb.AppendLine();
            sb.AppendLine("Individual runs (s): a = " + string.Join(", ", baseline.Seconds.Select(s => s.ToString("F3", Inv))) + "; b = " + string.Join(", ", linter.Seconds.Select(s => s.ToString("F3", Inv))) + "; b/a = " + string.Join(", ", pairedRatios.Seconds.Select(s => s.ToString("F2", Inv))) + ".");
            sb.AppendLine();
            sb.AppendLine("### Where the linter's time goes (medians, measured stage by stage)");
            sb.AppendLine();
            var lintOnly = phases.LintOnly;
            var total = phases.LoadYaml + phases.LoadJson + lintOnly;
            string P(double seconds) => (100 * seconds / total).ToString("F1", Inv) + " %";
            string A(string key) => phases.Allocated.TryGetValue(key, out var bytes) ? Mb(bytes) : string.Empty;
            sb.AppendLine("| Stage | median | share | parse-only equivalent | ratio | allocated |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|");
            sb.AppendLine($"| `ConfigLoader.Load`, {N(yamlFiles)} YAML files (`YamlConfigReader`) | {S(phases.LoadYaml)} | {P(phases.LoadYaml)} | {S(phases.ParseYaml)} | {(phases.LoadYaml / phases.ParseYaml).ToString("F2", Inv)}× | {Mb(phases.Allocated["load-yaml"])} (parse-only {Mb(phases.Allocated["parse-yaml"])}) |");
            sb.AppendLine($"| `ConfigLoader.Load`, {N(jsonFiles)} JSON files (`JsonConfigReader`) | {S(phases.LoadJson)} | {P(phases.LoadJson)} | {S(phases.ParseJson)} | {(phases.LoadJson / phases.ParseJson).ToString("F2", Inv)}× | {Mb(phases.Allocated["load-json"])} (parse-only {Mb(phases.Allocated["parse-json"])}) |");
            sb.AppendLine($"| `FindingSink` constructor (suppression comments) + notices | {S(phases.Sink)} | {P(phases.Sink)} | | | {A("sink")} |");
            sb.AppendLine($"| `DeploymentModel.Build` | {S(phases.Model)} | {P(phases.Model)} | | | {A("model")} |");
            foreach (var (check, seconds) in phases.Checks)
            {
                sb.AppendLine($"| `{check}.Run` | {S(seconds)} | {P(seconds)} | | | {A("check:" + check)} |");
            }

            sb.AppendLine($"| sort findings | {S(phases.Sort)} | {P(phases.Sort)} | | | |");
            sb.AppendLine($"| **total (stage sum)** | {S(total)} | 100 % | {S(phases.ParseYaml + phases.ParseJson)} | {(total / (phases.ParseYaml + phases.ParseJson)).ToString("F2", Inv)}× | |");
            sb.AppendLine();
            sb.AppendLine("Cross-file joins, timed alone on the built `DeploymentModel` (medians):");
            sb.AppendLine();
            sb.AppendLine("| Join | value |");
            sb.AppendLine("|---|---:|");
            foreach (var (what, value) in phases.Joins)
            {
                sb.AppendLine($"| {what} | {value} |");
            }

            sb.AppendLine();
            sb.AppendLine("## Memory (one linter run over the whole corpus, first thing after generating it)");
            sb.AppendLine();
            sb.AppendLine("| | |");
            sb.AppendLine("|---|---|");
            sb.AppendLine($"| Corpus held in memory (bytes of the files) | {Mb(memory.CorpusBytes)} |");
            sb.AppendLine($"| Managed heap before (`GC.GetTotalMemory(true)`) | {Mb(memory.ManagedBefore)} |");
            sb.AppendLine($"| Managed heap right after the run, before collection | {Mb(memory.ManagedAfterRun)} |");
            sb.AppendLine($"| Managed heap retained by load results + findings (after full GC) | {Mb(memory.ManagedRetained)} (+{Mb(memory.ManagedRetained - memory.ManagedBefore)}) |");
            sb.AppendLine($"| Allocated during the run, this thread (`GC.GetAllocatedBytesForCurrentThread` Δ) | {Mb(memory.AllocatedThread)} ({(memory.AllocatedThread / (double)memory.CorpusBytes).ToString("F1", Inv)}× the input bytes) |");
            sb.AppendLine($"| Allocated during the run, process (`GC.GetTotalAllocatedBytes` Δ) | {Mb(memory.AllocatedProcess)} |");
            sb.AppendLine($"| GCs during the run (gen0/gen1/gen2) | {memory.Gen0}/{memory.Gen1}/{memory.Gen2} |");
            sb.AppendLine($"| `Process.PeakWorkingSet64` before → after the run | {Mb(memory.PeakWorkingSetBefore)} → {Mb(memory.PeakWorkingSetAfter)} |");
            sb.AppendLine($"| Working set after the run | {Mb(memory.WorkingSetAfter)} |");
            sb.AppendLine();
            sb.AppendLine("## `sda lint` of one file from a cold start");
            sb.AppendLine();
            if (cold is null)
            {
                sb.AppendLine("Skipped (`--no-cold-start`).");
            }
            else if (cold.Seconds.Count == 0)
            {
                sb.AppendLine("Not measured: " + cold.Error);
            }
            else
            {
                var timing = new Timing(cold.Seconds);
                sb.AppendLine($"`dotnet sda.dll lint {Path.GetFileName(cold.File)}` as a child process, {cold.Seconds.Count} times (sda.dll built {cold.DllTime.ToString("yyyy-MM-dd HH:mm", Inv)} UTC; a compose file of the corpus with a planted finding, copied to a temporary directory).");
                sb.AppendLine();
                sb.AppendLine("| min | median | max | target | exit codes |");
                sb.AppendLine("|---:|---:|---:|---:|---|");
                sb.AppendLine($"| {S(timing.Min)} | {S(timing.Median)} | {S(timing.Max)} | ≤ 500 ms ({(timing.Median <= 0.5 ? "met" : "**not met**")}) | {string.Join(", ", cold.ExitCodes)} |");
                sb.AppendLine();
                sb.AppendLine("Runs (s): " + string.Join(", ", cold.Seconds.Select(s => s.ToString("F3", Inv))) + (cold.Error is null ? string.Empty : $". Error: {cold.Error}"));
            }

            sb.AppendLine();
            sb.AppendLine("## Sanity: findings per rule on the generated corpus");
            sb.AppendLine();
            sb.AppendLine("| Rule | findings | planted documents | planted and reported in their file |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (var id in sanity.PerRule.Keys.Union(sanity.PlantedPerRule.Keys).Union(new[] { "SDA0001", "SDA0004" }).OrderBy(i => i, StringComparer.Ordinal))
            {
                sanity.PerRule.TryGetValue(id, out var count);
                var planted = sanity.PlantedPerRule.TryGetValue(id, out var p) ? p.ToString(Inv) : "–";
                var detected = sanity.DetectedPerRule.TryGetValue(id, out var d) ? d.ToString(Inv) : sanity.PlantedPerRule.ContainsKey(id) ? "0" : "–";
                sb.AppendLine($"| {id} | {count} | {planted} | {detected} |");
            }

            sb.AppendLine();
            sb.AppendLine($"- Tool notices SDA0001–SDA0004 on the valid corpus: **{sanity.Notices}** (must be 0).");
            sb.AppendLine($"- Planted findings not reported: **{sanity.Missed.Count}**.");
            sb.AppendLine($"- Files with findings: {sanity.FilesWithFindings}; near-miss files (nothing planted) with findings: **{sanity.UnexpectedFiles}**.");
            foreach (var line in sanity.Missed.Take(10))
            {
                sb.AppendLine("  - missed: " + line);
            }

            foreach (var group in sanity.Unexpected.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sb.AppendLine($"  - unexpected {group.Key} × {group.Count()}, e.g. `{group.First()}`");
            }

            sb.AppendLine($"- Sanity (no SDA0001–SDA0004 notice, every planted rule reported at least once): **{(sanity.Ok ? "passed" : "FAILED")}**; misses and near-miss hits above are linter behaviour to review, not benchmark failures.");
            return sb.ToString();
        }

        private static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }

        private static string? RepositoryRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "SensitiveDataAnalyzers.sln")))
                    {
                        return directory.FullName;
                    }
                }
            }

            return null;
        }

        private sealed class Options
        {
            public int Documents = 10_000;
            public int Runs = 5;
            public int Seed = 20240611;
            public int ColdRuns = 5;
            public bool NoColdStart;
            public string? Dump;
            public string? Output;
            public string? SdaDll;

            public static Options? Parse(string[] args)
            {
                var options = new Options();
                for (var i = 0; i < args.Length; i++)
                {
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                    try
                    {
                        switch (args[i])
                        {
                            case "--documents": options.Documents = int.Parse(Next(), Inv); break;
                            case "--runs": options.Runs = int.Parse(Next(), Inv); break;
                            case "--seed": options.Seed = int.Parse(Next(), Inv); break;
                            case "--cold-runs": options.ColdRuns = int.Parse(Next(), Inv); break;
                            case "--no-cold-start": options.NoColdStart = true; break;
                            case "--dump": options.Dump = Next(); break;
                            case "--output": options.Output = Next(); break;
                            case "--sda": options.SdaDll = Next(); break;
                            default: Console.Error.WriteLine("unknown option " + args[i]); return null;
                        }
                    }
                    catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
                    {
                        Console.Error.WriteLine(exception.Message);
                        return null;
                    }
                }

                return options.Documents > 0 && options.Runs > 0 && options.ColdRuns > 0 ? options : null;
            }
        }
    }
}
