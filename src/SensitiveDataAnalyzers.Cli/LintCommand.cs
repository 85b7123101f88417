using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Cli.Reporting;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>The parsed <c>sda lint</c> command line.</summary>
    internal sealed class LintOptions
    {
        public LintOptions(IReadOnlyList<string> paths, ReportOptions report)
        {
            Paths = paths;
            Report = report;
        }

        public IReadOnlyList<string> Paths { get; }

        public ReportOptions Report { get; }
    }

    /// <summary>One <c>sda lint</c> run: collect inputs, load, lint, drop baselined findings, write the report, pick the exit code.</summary>
    internal sealed class LintCommand
    {
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

        private readonly LintOptions _options;
        private readonly TextReader _stdin;
        private readonly TextWriter _stdout;
        private readonly TextWriter _stderr;
        private readonly string _currentDirectory;
        private readonly CliEnvironment _environment;

        public LintCommand(LintOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory, CliEnvironment environment)
        {
            _options = options;
            _stdin = stdin;
            _stdout = stdout;
            _stderr = stderr;
            _currentDirectory = currentDirectory;
            _environment = environment;
        }

        public int Execute()
        {
            var session = ReportSession.Open(_options.Report, new PathDisplay(_currentDirectory), _stdout, _stderr, _environment);
            if (session is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            var collector = new InputCollector(session.Display, new ExcludeFilter(_options.Report.Excludes, session.Display), session.IgnoredPaths);
            foreach (var path in _options.Paths)
            {
                collector.Add(path);
            }

            ReportInputProblems(collector, _stderr);
            if (collector.Inputs.Count == 0 && collector.UnreadableArguments > 0)
            {
                _stderr.WriteLine("sda: error: no input could be read");
                return ExitCodes.UsageOrInputError;
            }

            var findings = ConfigLinter.Lint(Load(collector.Inputs, _stdin));
            return session.Finish(findings, collector.Inputs.Count, collector.Errors);
        }

        /// <summary>The collector's errors and warnings, on stderr.</summary>
        internal static void ReportInputProblems(InputCollector collector, TextWriter stderr)
        {
            foreach (var error in collector.Errors)
            {
                stderr.WriteLine("sda: error: " + error);
            }

            foreach (var warning in collector.Warnings)
            {
                stderr.WriteLine("sda: warning: " + warning);
            }
        }

        /// <summary>
        /// Loads the inputs lazily, in order, a batch at a time in parallel (parsing dominates and files are
        /// independent): the linter keeps each file's views and drops its tree, so only one batch of trees is alive.
        /// </summary>
        internal static IEnumerable<LoadResult> Load(IReadOnlyList<InputItem> inputs, TextReader stdin)
        {
            const int BatchSize = 64;
            byte[]? stdinBytes = null;
            if (inputs.Any(input => input.IsStdin))
            {
                stdinBytes = Utf8NoBom.GetBytes(stdin.ReadToEnd());
            }

            for (var start = 0; start < inputs.Count; start += BatchSize)
            {
                var batch = inputs
                    .Skip(start)
                    .Take(BatchSize)
                    .AsParallel()
                    .AsOrdered()
                    .Select(input => input.IsStdin
                        ? ConfigLoader.Load(input.DisplayPath, stdinBytes!, ParseLimits.Default)
                        : ConfigLoader.LoadFile(input.FullPath!, input.DisplayPath, ParseLimits.Default))
                    .ToArray();
                foreach (var result in batch)
                {
                    yield return result;
                }
            }
        }
    }
}
