using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SensitiveDataAnalyzers.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Cli
{
    /// <summary>The built tool as a real child process (<c>dotnet sda.dll</c>): real stdin pipe, exit codes, streams.</summary>
    public sealed class ProcessTests : IDisposable
    {
        private readonly CliWorkspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public async Task The_built_tool_lints_files_and_stdin_and_returns_exit_codes()
        {
            _workspace.Write("deploy/broken.yaml", CliWorkspace.MalformedYaml);
            _workspace.Write("deploy/ok.yaml", CliWorkspace.CleanYaml);

            var findings = await RunProcess(CliWorkspace.HelmTemplate, "lint", "deploy", "-", "--format", "json");
            Assert.True(findings.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, findings.ToString());
            using (var document = JsonDocument.Parse(findings.Stdout))
            {
                var paths = document.RootElement.GetProperty("findings").EnumerateArray()
                    .Select(f => f.GetProperty("path").GetString() + ":" + f.GetProperty("ruleId").GetString());
                Assert.Equal(new[] { "<stdin>:SDA0003", "deploy/broken.yaml:SDA0001" }, paths);
            }

            var clean = await RunProcess(null, "lint", "deploy/ok.yaml");
            Assert.True(clean.ExitCode == ExitCodes.Success, clean.ToString());
            Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file", clean.Stdout.Trim());
            Assert.DoesNotContain("\u001b[", clean.Stdout, StringComparison.Ordinal); // redirected: no colour

            var missing = await RunProcess(null, "lint", "nope.yaml");
            Assert.True(missing.ExitCode == ExitCodes.UsageOrInputError, missing.ToString());
            Assert.Contains("nope.yaml: no such file or directory", missing.Stderr, StringComparison.Ordinal);

            var usage = await RunProcess(null, "lint", "deploy", "--format", "yaml");
            Assert.True(usage.ExitCode == ExitCodes.UsageOrInputError, usage.ToString());
        }

        private async Task<CliResult> RunProcess(string? stdin, params string[] args)
        {
            var tool = Path.Combine(AppContext.BaseDirectory, "sda.dll");
            Assert.True(File.Exists(tool), "sda.dll not found next to the tests: " + tool);
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = _workspace.Root,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(tool);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Remove("NO_COLOR");
            start.Environment.Remove("CI");

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("sda did not exit within 120 s");
            }

            return new CliResult(process.ExitCode, (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal), await stderr);
        }

        private static string DotnetHost()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var processPath = Environment.ProcessPath;
            if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return processPath;
            }

            return "dotnet";
        }
    }
}
