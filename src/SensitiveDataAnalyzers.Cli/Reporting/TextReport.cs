using System.Globalization;
using System.IO;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary><c>path:line:col: severity SDAnnnn: message</c> per finding (the compiler format editors link), then a summary line.</summary>
    internal static class TextReport
    {
        private const string Reset = "\u001b[0m";

        public static void Write(LintReport report, TextWriter writer, bool color)
        {
            foreach (var reported in report.Findings)
            {
                var finding = reported.Finding;
                var level = ReportedFinding.Level(finding.Severity);
                var severity = color ? Color(finding.Severity) + level + Reset : level;
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{finding.Location.Path}:{finding.Location.Line}:{finding.Location.Column}: {severity} {finding.Rule.Id}: {finding.Message}"));
            }

            var summary = $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")} in {Count(report.FileCount, "file")}";
            if (report.Baselined > 0)
            {
                summary += $" ({Count(report.Baselined, "finding")} matched the baseline and {(report.Baselined == 1 ? "is" : "are")} not shown)";
            }

            writer.WriteLine(summary);
        }

        private static string Count(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

        private static string Color(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => "\u001b[1;31m",
            FindingSeverity.Warning => "\u001b[1;33m",
            _ => "\u001b[1;36m",
        };
    }
}
