using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SensitiveDataAnalyzers.Tests.Package
{
    /// <summary>
    /// Tests that start real <c>dotnet</c> child processes (pack, restore, build) share this collection so they never
    /// run in parallel with each other: two SDK builds at once on a 2-core CI machine are slow and can race on files.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class DotnetProcessCollection
    {
        public const string Name = "dotnet-process";
    }

    /// <summary>Result of one child process: exit code plus stdout and stderr interleaved in arrival order.</summary>
    public sealed class ProcessResult
    {
        public ProcessResult(string commandLine, string workingDirectory, int exitCode, bool timedOut, TimeSpan elapsed, string output)
        {
            CommandLine = commandLine;
            WorkingDirectory = workingDirectory;
            ExitCode = exitCode;
            TimedOut = timedOut;
            Elapsed = elapsed;
            Output = output;
        }

        public string CommandLine { get; }

        public string WorkingDirectory { get; }

        public int ExitCode { get; }

        public bool TimedOut { get; }

        public TimeSpan Elapsed { get; }

        public string Output { get; }

        /// <summary>Everything a CI log needs to explain a failed assertion about this process.</summary>
        public string Describe()
        {
            var sb = new StringBuilder();
            sb.AppendLine();
            sb.Append("---- command: ").AppendLine(CommandLine);
            sb.Append("---- working directory: ").AppendLine(WorkingDirectory);
            sb.Append("---- exit code: ").Append(ExitCode)
                .Append(TimedOut ? " (TIMED OUT, process tree killed)" : string.Empty)
                .Append(", elapsed ").Append(Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(" s");
            sb.AppendLine("---- output (stdout+stderr):");
            sb.AppendLine(Output);
            sb.AppendLine("---- end of output");
            return sb.ToString();
        }
    }

    /// <summary>Runs the .NET CLI as an isolated child process: no build servers, no telemetry, bounded time.</summary>
    internal static class DotnetCli
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>The dotnet host running these tests (set by the CLI for its children), else "dotnet" from PATH.</summary>
        public static string DotnetExecutable
        {
            get
            {
                string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
                {
                    return hostPath;
                }

                return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            }
        }

        public static async Task<ProcessResult> RunAsync(
            string workingDirectory,
            IReadOnlyList<string> arguments,
            IReadOnlyDictionary<string, string>? extraEnvironment = null,
            TimeSpan? timeout = null)
        {
            var startInfo = new ProcessStartInfo(DotnetExecutable)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            ConfigureEnvironment(startInfo.Environment, extraEnvironment);

            string commandLine = startInfo.FileName + " " + string.Join(" ", arguments);
            var output = new StringBuilder();
            object gate = new object();
            void Append(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    output.AppendLine(line);
                }
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            if (!process.Start())
            {
                throw new InvalidOperationException("Could not start: " + commandLine);
            }

            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            bool timedOut = false;
            using (var cts = new CancellationTokenSource(timeout ?? DefaultTimeout))
            {
                try
                {
                    await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    timedOut = true;
                    KillTree(process);
                }
            }

            if (timedOut)
            {
                // Bounded wait: a killed tree may leave a grandchild holding the pipes for a moment.
                using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            stopwatch.Stop();
            int exitCode = process.HasExited ? process.ExitCode : -1;
            string text;
            lock (gate)
            {
                text = output.ToString();
            }

            return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : exitCode, timedOut, stopwatch.Elapsed, text);
        }

        private static void KillTree(Process process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Exiting while we tried; nothing left to kill.
            }
        }

        private static void ConfigureEnvironment(IDictionary<string, string?> environment, IReadOnlyDictionary<string, string>? extra)
        {
            // `dotnet test` hands MSBuild's own locations to the test host; a child `dotnet` must find its SDK afresh.
            var inherited = new List<string>();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                inherited.Add((string)entry.Key);
            }

            foreach (string name in inherited)
            {
                if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("_MSBuild", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(name);
                }
            }

            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

            if (extra != null)
            {
                foreach (KeyValuePair<string, string> pair in extra)
                {
                    environment[pair.Key] = pair.Value;
                }
            }
        }

        /// <summary>Arguments every child build gets: no lingering nodes or compiler server, plain parseable console log.</summary>
        public static IEnumerable<string> CommonBuildArguments()
        {
            yield return "-nologo";
            yield return "-nodeReuse:false";
            yield return "-p:UseSharedCompilation=false";
            yield return "-tl:off";
            yield return "-clp:NoSummary;ForceNoAlign";
        }

        /// <summary>Deletes a directory tree, tolerating files that are briefly locked.</summary>
        public static void TryDeleteDirectory(string path)
        {
            for (int attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }

                    return;
                }
                catch (IOException)
                {
                    Thread.Sleep(500);
                }
                catch (UnauthorizedAccessException)
                {
                    Thread.Sleep(500);
                }
            }
        }
    }
}
