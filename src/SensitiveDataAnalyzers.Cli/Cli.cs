using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>
    /// <c>sda</c>'s command line. Everything the process does goes through <see cref="Run(string[], TextReader, TextWriter, TextWriter, string)"/>,
    /// so tests run the real tool in-process with captured streams. It never throws: usage errors, unreadable input and
    /// internal errors all end with a message on stderr and exit code 2.
    /// </summary>
    public static class Cli
    {
        public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory) =>
            Run(args, stdin, stdout, stderr, currentDirectory, CliEnvironment.Captured);

        public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory, CliEnvironment environment)
        {
            try
            {
                var root = CreateRootCommand(stdin, stdout, stderr, currentDirectory, environment, out var commands);

                // Response files (@file) are off: a path argument is a path.
                var parseResult = root.Parse(args ?? Array.Empty<string>(), new ParserConfiguration { ResponseFileTokenReplacer = null });
                var errors = parseResult.Errors.Select(error => error.Message).ToList();
                foreach (var (_, paths) in commands)
                {
                    errors.AddRange(UnknownOptions(parseResult, paths));
                }

                if (errors.Count > 0)
                {
                    foreach (var error in errors)
                    {
                        stderr.WriteLine("sda: error: " + error);
                    }

                    var command = commands.Any(c => c.Command == parseResult.CommandResult.Command) ? "sda " + parseResult.CommandResult.Command.Name : "sda";
                    stderr.WriteLine($"Run '{command} --help' for usage.");
                    return ExitCodes.UsageOrInputError;
                }

                return parseResult.Invoke(new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                });
            }
            catch (Exception exception)
            {
                TryWrite(stderr, "sda: internal error: " + exception.GetType().Name + ": " + exception.Message);
                return ExitCodes.UsageOrInputError;
            }
        }

        private static RootCommand CreateRootCommand(
            TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory, CliEnvironment environment,
            out IReadOnlyList<(Command Command, Argument<string[]> Paths)> commands)
        {
            var lintPaths = new Argument<string[]>("path")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json; .git, bin, obj and node_modules are skipped), or - for stdin.",
            };
            var lintOptions = new ReportOptionSet();
            var lint = new Command("lint", "Lint deployment files (docker compose, Kubernetes, appsettings, Orthanc, ...) for health-data leaks.")
            {
                lintPaths,
            };
            lintOptions.AddTo(lint);
            lint.SetAction(parseResult =>
            {
                var options = new LintOptions(parseResult.GetValue(lintPaths) ?? Array.Empty<string>(), lintOptions.Read(parseResult));
                return new LintCommand(options, stdin, stdout, stderr, currentDirectory, environment).Execute();
            });

            var scanPaths = new Argument<string[]>("directory")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Repository directories to scan: every .sln and .csproj under them (bin, obj, .git and node_modules skipped) is analyzed, and every deployment file linted.",
            };
            var scanOptions = new ReportOptionSet();
            var noRestore = new Option<bool>("--no-restore")
            {
                Description = "Do not run 'dotnet restore' for projects that have not been restored (they are compiled against the framework reference assemblies instead).",
            };
            var scan = new Command("scan", "Scan a repository in one run: the SDA analyzers on every C# project, the linter on every deployment file, and findings that join the two (a plaintext listener the deployment publishes).")
            {
                scanPaths, noRestore,
            };
            scanOptions.AddTo(scan);
            scan.SetAction(parseResult =>
            {
                var options = new Scan.ScanOptions(parseResult.GetValue(scanPaths) ?? Array.Empty<string>(), scanOptions.Read(parseResult), restore: !parseResult.GetValue(noRestore));
                return new Scan.ScanCommand(options, stdout, stderr, currentDirectory, environment).Execute();
            });

            commands = new[] { (lint, lintPaths), (scan, scanPaths) };
            return new RootCommand("sda: finds health-data leaks in C# code and deployment configuration (exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error).")
            {
                lint, scan,
            };
        }

        /// <summary>An argument that looks like an option but is none of ours is a usage error, not a file name (unless after --).</summary>
        private static IEnumerable<string> UnknownOptions(ParseResult parseResult, Argument<string[]> paths)
        {
            var pathTokens = parseResult.GetResult(paths)?.Tokens;
            if (pathTokens is null)
            {
                yield break;
            }

            foreach (var token in parseResult.Tokens)
            {
                if (token.Type == TokenType.DoubleDash)
                {
                    yield break;
                }

                if (token.Value.Length > 1 && token.Value[0] == '-' && pathTokens.Any(pathToken => ReferenceEquals(pathToken, token)))
                {
                    yield return $"Unrecognized option '{token.Value}' (to lint a file whose name starts with '-', put it after --).";
                }
            }
        }

        private static void TryWrite(TextWriter writer, string line)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (Exception)
            {
                // Nowhere left to report to.
            }
        }
    }
}
