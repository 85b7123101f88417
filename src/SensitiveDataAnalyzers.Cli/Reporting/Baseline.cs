using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary>
    /// Findings accepted earlier, read from a SARIF log. A current finding matches a baseline result with the same rule
    /// id, artifact URI and fingerprint (the line is ignored, so edits elsewhere in the file do not resurface it); each
    /// baseline result absorbs one finding, so a second identical problem in the same file is still reported.
    /// </summary>
    internal sealed class Baseline
    {
        private readonly Dictionary<(string RuleId, string Uri, string Fingerprint), int> _remaining;

        private Baseline(Dictionary<(string, string, string), int> remaining)
        {
            _remaining = remaining;
        }

        public int Count => _remaining.Values.Sum();

        /// <summary>Reads a baseline, or returns null with a reason when it cannot be used.</summary>
        public static Baseline? TryLoad(string path, out string? error)
        {
            error = null;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error = exception is FileNotFoundException or DirectoryNotFoundException ? "no such file" : exception.Message;
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("runs", out var runs)
                    || runs.ValueKind != JsonValueKind.Array)
                {
                    error = "not a SARIF log (no \"runs\" array)";
                    return null;
                }

                var remaining = new Dictionary<(string, string, string), int>();
                foreach (var run in runs.EnumerateArray())
                {
                    if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var result in results.EnumerateArray())
                    {
                        if (result.ValueKind == JsonValueKind.Object && KeyOf(result) is { } key)
                        {
                            remaining[key] = remaining.TryGetValue(key, out var count) ? count + 1 : 1;
                        }
                    }
                }

                return new Baseline(remaining);
            }
            catch (JsonException exception)
            {
                error = "not valid JSON (" + FirstLine(exception.Message) + ")";
                return null;
            }
        }

        /// <summary>True (and the baseline entry is used up) when the finding was already in the baseline.</summary>
        public bool Absorb(ReportedFinding finding)
        {
            var key = finding.BaselineKey;
            if (_remaining.TryGetValue(key, out var count) && count > 0)
            {
                _remaining[key] = count - 1;
                return true;
            }

            return false;
        }

        private static (string, string, string)? KeyOf(JsonElement result)
        {
            var ruleId = String(result, "ruleId");
            if (ruleId is null && result.TryGetProperty("rule", out var rule) && rule.ValueKind == JsonValueKind.Object)
            {
                ruleId = String(rule, "id");
            }

            if (ruleId is null)
            {
                return null;
            }

            var uri = string.Empty;
            if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
                && locations[0].ValueKind == JsonValueKind.Object
                && locations[0].TryGetProperty("physicalLocation", out var physical) && physical.ValueKind == JsonValueKind.Object
                && physical.TryGetProperty("artifactLocation", out var artifact) && artifact.ValueKind == JsonValueKind.Object)
            {
                uri = String(artifact, "uri") ?? string.Empty;
            }

            string? fingerprint = null;
            if (result.TryGetProperty("partialFingerprints", out var fingerprints) && fingerprints.ValueKind == JsonValueKind.Object)
            {
                fingerprint = String(fingerprints, ReportedFinding.FingerprintKey);
            }

            if (fingerprint is null)
            {
                // Written by another tool or edited by hand: derive the fingerprint the same way from the message.
                var message = result.TryGetProperty("message", out var messageObject) && messageObject.ValueKind == JsonValueKind.Object
                    ? String(messageObject, "text")
                    : null;
                if (message is null)
                {
                    return null;
                }

                fingerprint = ReportedFinding.ComputeFingerprint(ruleId, uri, message);
            }

            return (ruleId, uri, fingerprint);
        }

        private static string? String(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string FirstLine(string text)
        {
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }
    }
}
