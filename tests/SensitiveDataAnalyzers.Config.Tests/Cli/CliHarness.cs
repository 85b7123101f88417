using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SensitiveDataAnalyzers.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Cli
{
    /// <summary>What one <c>sda</c> run produced.</summary>
    public sealed class CliResult
    {
        public CliResult(int exitCode, string stdout, string stderr)
        {
            ExitCode = exitCode;
            Stdout = stdout;
            Stderr = stderr;
        }

        public int ExitCode { get; }

        public string Stdout { get; }

        public string Stderr { get; }

        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>A real directory tree in the temp folder that the CLI is run in (in-process, with captured streams).</summary>
    public sealed class CliWorkspace : IDisposable
    {
        /// <summary>Broken YAML (a mapping inside a plain scalar): SDA0001 error at 1:5.</summary>
        public const string MalformedYaml = "a: b: c\n";

        /// <summary>Unrendered Helm template: SDA0003 warning at line 2.</summary>
        public const string HelmTemplate = "apiVersion: v1\nkind: {{ .Values.kind }}\n";

        /// <summary>Valid YAML nothing reports on (no checks are assumed to exist).</summary>
        public const string CleanYaml = "name: clean\nreplicas: 1\n";

        public CliWorkspace()
        {
            Root = Path.Combine(Path.GetTempPath(), "sda-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

        public string Write(string relativePath, byte[] content)
        {
            var path = Path.Combine(Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            return path;
        }

        /// <summary>A file the loader reports as SDA0002 (note): NUL bytes mean binary.</summary>
        public string WriteBinary(string relativePath) => Write(relativePath, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0xFF });

        public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

        public CliResult Run(params string[] args) => RunIn(Root, null, args);

        public CliResult RunWithStdin(string stdin, params string[] args) => RunIn(Root, stdin, args);

        public CliResult RunIn(string currentDirectory, string? stdin, string[] args, CliEnvironment? environment = null)
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            using var input = new StringReader(stdin ?? string.Empty);
            var exitCode = SensitiveDataAnalyzers.Cli.Cli.Run(args, input, stdout, stderr, currentDirectory, environment ?? NoTerminal);
            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }

        public static CliEnvironment Environment(bool terminal, IReadOnlyDictionary<string, string> variables) =>
            new(terminal, name => variables.TryGetValue(name, out var value) ? value : null);

        private static readonly CliEnvironment NoTerminal = Environment(false, new Dictionary<string, string>());

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
