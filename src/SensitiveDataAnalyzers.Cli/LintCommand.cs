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
        public LintOptions(IReadOnlyList<string> paths, string format, string? output, FindingSeverity? failOn, string? baseline, IReadOnlyList<string> excludes)
        {
            Paths = paths;
            Format = format;
            Output = output;
            FailOn = failOn;
            Baseline = baseline;
            Excludes = excludes;
        }

        public IReadOnlyList<string> Paths { get; }

        public string Format { get; }

        public string? Output { get; }

        /// <summary>The gate: findings at or above it fail the run; null (<c>--fail-on none</c>) only reports.</summary>
        public FindingSeverity? FailOn { get; }

        public string? Baseline { get; }

        public IReadOnlyList<string> Excludes { get; }
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
            var display = new PathDisplay(_currentDirectory);
            var ignored = new List<string>();

            Baseline? baseline = null;
            if (_options.Baseline is not null)
            {
                string? reason = "not a valid path";
                var baselinePath = TryFullPath(display, _options.Baseline);
                baseline = baselinePath is null ? null : Baseline.TryLoad(baselinePath, out reason);
                if (baseline is null)
                {
                    _stderr.WriteLine($"sda: error: cannot use baseline '{_options.Baseline}': {reason}");
                    return ExitCodes.UsageOrInputError;
                }

                ignored.Add(baselinePath!);
            }

            string? outputPath = null;
            if (_options.Output is not null && _options.Output != "-")
            {
                outputPath = TryFullPath(display, _options.Output);
                if (outputPath is null)
                {
                    _stderr.WriteLine($"sda: error: --output '{_options.Output}' is not a valid path");
                    return ExitCodes.UsageOrInputError;
                }

                ignored.Add(outputPath);
            }

            var collector = new InputCollector(display, new ExcludeFilter(_options.Excludes, display), ignored);
            foreach (var path in _options.Paths)
            {
                collector.Add(path);
            }

            foreach (var error in collector.Errors)
            {
                _stderr.WriteLine("sda: error: " + error);
            }

            foreach (var warning in collector.Warnings)
            {
                _stderr.WriteLine("sda: warning: " + warning);
            }

            if (collector.Inputs.Count == 0 && collector.UnreadableArguments > 0)
            {
                _stderr.WriteLine("sda: error: no input could be read");
                return ExitCodes.UsageOrInputError;
            }

            var loaded = Load(collector.Inputs);
            var reported = ConfigLinter.Lint(loaded).Select(finding => new ReportedFinding(finding)).ToList();
            var baselined = 0;
            if (baseline is not null)
            {
                var kept = new List<ReportedFinding>(reported.Count);
                foreach (var finding in reported)
                {
                    if (baseline.Absorb(finding))
                    {
                        baselined++;
                    }
                    else
                    {
                        kept.Add(finding);
                    }
                }

                reported = kept;
            }

            var report = new LintReport(reported, collector.Inputs.Count, baselined, collector.Errors, display.CurrentDirectoryUri);
            if (!WriteReport(report, outputPath, display))
            {
                return ExitCodes.UsageOrInputError;
            }

            return _options.FailOn is { } threshold && report.Findings.Any(finding => finding.Finding.Severity >= threshold)
                ? ExitCodes.FindingsAtOrAboveThreshold
                : ExitCodes.Success;
        }

        /// <summary>
        /// Loads the inputs lazily, in order, a batch at a time in parallel (parsing dominates and files are
        /// independent): the linter keeps each file's views and drops its tree, so only one batch of trees is alive.
        /// </summary>
        private IEnumerable<LoadResult> Load(IReadOnlyList<InputItem> inputs)
        {
            const int BatchSize = 64;
            byte[]? stdinBytes = null;
            if (inputs.Any(input => input.IsStdin))
            {
                stdinBytes = Utf8NoBom.GetBytes(_stdin.ReadToEnd());
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

        private bool WriteReport(LintReport report, string? outputPath, PathDisplay display)
        {
            if (outputPath is null)
            {
                if (_options.Format == "text")
                {
                    TextReport.Write(report, _stdout, _environment.UseColor);
                }
                else
                {
                    _stdout.Write(Utf8NoBom.GetString(Render(report)));
                }

                _stdout.Flush();
                return true;
            }

            byte[] bytes;
            if (_options.Format == "text")
            {
                using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
                TextReport.Write(report, text, color: false);
                bytes = Utf8NoBom.GetBytes(text.ToString());
            }
            else
            {
                bytes = Render(report);
            }

            try
            {
                var directory = Path.GetDirectoryName(outputPath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllBytes(outputPath, bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
            {
                _stderr.WriteLine($"sda: error: cannot write the report to '{_options.Output}': {exception.Message}");
                return false;
            }

            _stderr.WriteLine($"sda: {_options.Format} report written to {display.ToDisplayPath(outputPath)}");
            return true;
        }

        /// <summary>The JSON or SARIF document, UTF-8, ending with a newline.</summary>
        private byte[] Render(LintReport report)
        {
            using var stream = new MemoryStream();
            if (_options.Format == "sarif")
            {
                SarifReport.Write(report, stream);
            }
            else
            {
                JsonReport.Write(report, stream);
            }

            stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }

        private static string? TryFullPath(PathDisplay display, string path)
        {
            try
            {
                return display.FullPath(path);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null;
            }
        }
    }
}
