using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary>
    /// SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers): one run, every rule in the driver, results with
    /// a region and a partial fingerprint, artifact URIs relative to %SRCROOT% (the current directory).
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string SourceRoot = "%SRCROOT%";

        public static void Write(LintReport report, Stream stream)
        {
            var rules = ConfigLinter.Rules.ToList();
            foreach (var rule in report.Findings.Select(f => f.Finding.Rule))
            {
                if (!rules.Any(known => known.Id == rule.Id))
                {
                    rules.Add(rule);
                }
            }

            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Count; i++)
            {
                ruleIndex[rules[i].Id] = i;
            }

            using var json = new Utf8JsonWriter(stream, JsonReport.WriterOptions);
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            if (report.InputErrors.Count > 0)
            {
                json.WriteStartArray("toolExecutionNotifications");
                foreach (var error in report.InputErrors)
                {
                    json.WriteStartObject();
                    json.WriteString("level", "error");
                    WriteMessage(json, error);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", report.SourceRootUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var reported in report.Findings)
            {
                WriteResult(json, reported, ruleIndex[reported.Finding.Rule.Id]);
            }

            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>"Compose port published on all interfaces" → "ComposePortPublishedOnAllInterfaces".</summary>
        public static string PascalCase(string title)
        {
            var builder = new StringBuilder(title.Length);
            var startOfWord = true;
            foreach (var c in title)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    startOfWord = true;
                    continue;
                }

                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }

            return builder.ToString();
        }

        private static void WriteRule(Utf8JsonWriter json, ConfigRule rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", ReportedFinding.Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, ReportedFinding reported, int ruleIndex)
        {
            var finding = reported.Finding;
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Rule.Id);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", ReportedFinding.Level(finding.Severity));
            WriteMessage(json, finding.Message);
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", reported.Uri);
            if (PathDisplay.IsRelative(finding.Location.Path))
            {
                json.WriteString("uriBaseId", SourceRoot);
            }

            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, finding.Location.Line));
            json.WriteNumber("startColumn", Math.Max(1, finding.Location.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString(ReportedFinding.FingerprintKey, reported.Fingerprint);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteMessage(Utf8JsonWriter json, string text)
        {
            json.WriteStartObject("message");
            json.WriteString("text", text);
            json.WriteEndObject();
        }
    }
}
