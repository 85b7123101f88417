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
                var root = CreateRootCommand(stdin, stdout, stderr, currentDirectory, environment, out var lint, out var paths);

                // Response files (@file) are off: a path argument is a path.
                var parseResult = root.Parse(args ?? Array.Empty<string>(), new ParserConfiguration { ResponseFileTokenReplacer = null });
                var errors = parseResult.Errors.Select(error => error.Message).ToList();
                errors.AddRange(UnknownOptions(parseResult, paths));
                if (errors.Count > 0)
                {
                    foreach (var error in errors)
                    {
                        stderr.WriteLine("sda: error: " + error);
                    }

                    var command = parseResult.CommandResult.Command == lint ? "sda lint" : "sda";
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
            out Command lint, out Argument<string[]> paths)
        {
            paths = new Argument<string[]>("path")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json; .git, bin, obj and node_modules are skipped), or - for stdin.",
            };
            var format = new Option<string>("--format", "-f")
            {
                Description = "Report format.",
                DefaultValueFactory = _ => "text",
                HelpName = "text|json|sarif",
            };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var output = new Option<string?>("--output", "-o")
            {
                Description = "Write the report to this file instead of stdout.",
                HelpName = "file",
            };
            var failOn = new Option<string>("--fail-on")
            {
                Description = "Exit with code 1 when a reported finding is at or above this severity; none only reports.",
                DefaultValueFactory = _ => "error",
                HelpName = "error|warning|note|none",
            };
            failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
            var baseline = new Option<string?>("--baseline")
            {
                Description = "A SARIF report from an earlier run: findings it already contains are not reported.",
                HelpName = "file",
            };
            var exclude = new Option<string[]>("--exclude")
            {
                Description = "Skip files and directories matching this glob (relative to the current directory; * ? ** [abc]; a pattern without / matches any path segment). Repeatable.",
                Arity = ArgumentArity.ZeroOrMore,
                AllowMultipleArgumentsPerToken = false,
                HelpName = "glob",
            };

            var pathsArgument = paths;
            lint = new Command("lint", "Lint deployment files (docker compose, Kubernetes, appsettings, Orthanc, ...) for health-data leaks.")
            {
                pathsArgument, format, output, failOn, baseline, exclude,
            };
            lint.SetAction(parseResult =>
            {
                var options = new LintOptions(
                    parseResult.GetValue(pathsArgument) ?? Array.Empty<string>(),
                    parseResult.GetValue(format) ?? "text",
                    parseResult.GetValue(output),
                    ParseSeverity(parseResult.GetValue(failOn) ?? "error"),
                    parseResult.GetValue(baseline),
                    parseResult.GetValue(exclude) ?? Array.Empty<string>());
                return new LintCommand(options, stdin, stdout, stderr, currentDirectory, environment).Execute();
            });

            return new RootCommand("sda: finds health-data leaks in deployment configuration (exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error).")
            {
                lint,
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

        private static Config.Checks.FindingSeverity? ParseSeverity(string value) => value switch
        {
            "none" => null,
            "note" => Config.Checks.FindingSeverity.Note,
            "warning" => Config.Checks.FindingSeverity.Warning,
            _ => Config.Checks.FindingSeverity.Error,
        };

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
