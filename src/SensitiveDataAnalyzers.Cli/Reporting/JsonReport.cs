using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary>sda's own JSON: the tool version, findings in report order, and the summary counts.</summary>
    internal static class JsonReport
    {
        public static void Write(LintReport report, Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, WriterOptions);
            json.WriteStartObject();
            json.WriteString("version", ToolInfo.Version);
            json.WriteStartArray("findings");
            foreach (var reported in report.Findings)
            {
                var finding = reported.Finding;
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("severity", ReportedFinding.Level(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.Location.Path);
                json.WriteNumber("line", finding.Location.Line);
                json.WriteNumber("column", finding.Location.Column);
                json.WriteString("helpUri", finding.Rule.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("notes", report.Notes);
            json.WriteNumber("baselined", report.Baselined);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        internal static JsonWriterOptions WriterOptions { get; } = new()
        {
            Indented = true,
            // Reports are files, not HTML: keep non-ASCII and <>& readable. Quotes and control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };
    }
}
