using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary>
    /// What every reporting command does around its findings (<c>sda lint</c>, <c>sda scan</c>): check the baseline and
    /// the output path before the work, then drop baselined findings, write the report in the chosen format and pick the
    /// exit code.
    /// </summary>
    internal sealed class ReportSession
    {
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

        private readonly ReportOptions _options;
        private readonly TextWriter _stdout;
        private readonly TextWriter _stderr;
        private readonly CliEnvironment _environment;
        private Baseline? _baseline;
        private string? _outputPath;

        private ReportSession(ReportOptions options, PathDisplay display, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
        {
            _options = options;
            Display = display;
            _stdout = stdout;
            _stderr = stderr;
            _environment = environment;
        }

        public PathDisplay Display { get; }

        /// <summary>The baseline and the report file: never inputs of the run.</summary>
        public List<string> IgnoredPaths { get; } = new();

        /// <summary>Reads the baseline and resolves the output path; null (and a message on stderr) when either is unusable.</summary>
        public static ReportSession? Open(ReportOptions options, PathDisplay display, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
        {
            var session = new ReportSession(options, display, stdout, stderr, environment);
            if (options.Baseline is not null)
            {
                string? reason = "not a valid path";
                var baselinePath = TryFullPath(display, options.Baseline);
                session._baseline = baselinePath is null ? null : Baseline.TryLoad(baselinePath, out reason);
                if (session._baseline is null)
                {
                    stderr.WriteLine($"sda: error: cannot use baseline '{options.Baseline}': {reason}");
                    return null;
                }

                session.IgnoredPaths.Add(baselinePath!);
            }

            if (options.Output is not null && options.Output != "-")
            {
                session._outputPath = TryFullPath(display, options.Output);
                if (session._outputPath is null)
                {
                    stderr.WriteLine($"sda: error: --output '{options.Output}' is not a valid path");
                    return null;
                }

                session.IgnoredPaths.Add(session._outputPath);
            }

            return session;
        }

        /// <summary>Drops baselined findings, writes the report and returns the exit code.</summary>
        public int Finish(IEnumerable<Finding> findings, int fileCount, IReadOnlyList<string> inputErrors)
        {
            var reported = findings.Select(finding => new ReportedFinding(finding)).ToList();
            var baselined = 0;
            if (_baseline is not null)
            {
                var kept = new List<ReportedFinding>(reported.Count);
                foreach (var finding in reported)
                {
                    if (_baseline.Absorb(finding))
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

            var report = new LintReport(reported, fileCount, baselined, inputErrors, Display.CurrentDirectoryUri);
            if (!WriteReport(report))
            {
                return ExitCodes.UsageOrInputError;
            }

            return _options.FailOn is { } threshold && report.Findings.Any(finding => finding.Finding.Severity >= threshold)
                ? ExitCodes.FindingsAtOrAboveThreshold
                : ExitCodes.Success;
        }

        private bool WriteReport(LintReport report)
        {
            if (_outputPath is null)
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
                var directory = Path.GetDirectoryName(_outputPath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllBytes(_outputPath, bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
            {
                _stderr.WriteLine($"sda: error: cannot write the report to '{_options.Output}': {exception.Message}");
                return false;
            }

            _stderr.WriteLine($"sda: {_options.Format} report written to {Display.ToDisplayPath(_outputPath)}");
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

        internal static string? TryFullPath(PathDisplay display, string path)
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
