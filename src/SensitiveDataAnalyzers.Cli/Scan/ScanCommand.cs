using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Checks.Transport;

namespace SensitiveDataAnalyzers.Cli.Scan
{
    /// <summary>The parsed <c>sda scan</c> command line.</summary>
    internal sealed class ScanOptions
    {
        public ScanOptions(IReadOnlyList<string> directories, ReportOptions report, bool restore)
        {
            Directories = directories;
            Report = report;
            Restore = restore;
        }

        public IReadOnlyList<string> Directories { get; }

        public ReportOptions Report { get; }

        /// <summary>Run <c>dotnet restore</c> for projects never restored (off with --no-restore).</summary>
        public bool Restore { get; }
    }

    /// <summary>
    /// One <c>sda scan</c> run: the analyzers on every project under the directories, the linter on every deployment
    /// file, the deployment joined with the code's listeners (SDA1106), one report with the exit code of <c>sda lint</c>.
    /// </summary>
    internal sealed class ScanCommand
    {
        private readonly ScanOptions _options;
        private readonly TextWriter _stdout;
        private readonly TextWriter _stderr;
        private readonly string _currentDirectory;
        private readonly CliEnvironment _environment;

        public ScanCommand(ScanOptions options, TextWriter stdout, TextWriter stderr, string currentDirectory, CliEnvironment environment)
        {
            _options = options;
            _stdout = stdout;
            _stderr = stderr;
            _currentDirectory = currentDirectory;
            _environment = environment;
        }

        public int Execute()
        {
            var session = Reporting.ReportSession.Open(_options.Report, new PathDisplay(_currentDirectory), _stdout, _stderr, _environment);
            if (session is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            var display = session.Display;
            var collector = new InputCollector(display, new ExcludeFilter(_options.Report.Excludes, display), session.IgnoredPaths) { CollectProjects = true };
            var unreadable = 0;
            foreach (var directory in _options.Directories)
            {
                var full = Reporting.ReportSession.TryFullPath(display, directory);
                if (directory == "-" || full is null || !Directory.Exists(full))
                {
                    _stderr.WriteLine($"sda: error: '{directory}' is not a directory (sda scan takes repository directories; use sda lint for files)");
                    unreadable++;
                    continue;
                }

                collector.Add(directory);
            }

            LintCommand.ReportInputProblems(collector, _stderr);
            if (unreadable == _options.Directories.Count)
            {
                return ExitCodes.UsageOrInputError;
            }

            var (findings, fileCount) = TerminalProgress.Run(_environment, _stderr, progress => ScanAsync(collector, display, progress));
            return session.Finish(findings, fileCount, collector.Errors);
        }

        private async Task<(IReadOnlyList<Finding> Findings, int FileCount)> ScanAsync(InputCollector collector, PathDisplay display, IScanProgress progress)
        {
            var code = await new CodeScanner(display, _options.Restore, progress).ScanAsync(collector.ProjectFiles, CancellationToken.None).ConfigureAwait(false);
            progress.Start("deployment files", 1);
            progress.Step(collector.Inputs.Count + " files");
            var correlation = new PublishedCodeListenerCheck(code.Projects, display.FullPath);
            var config = ConfigLinter.Lint(LintCommand.Load(collector.Inputs, TextReader.Null), new[] { correlation });
            var all = config.Concat(code.Findings)
                .OrderBy(f => f.Location.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)
                .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
                .ToList();
            return (all, collector.Inputs.Count + code.SourceFiles);
        }
    }
}
