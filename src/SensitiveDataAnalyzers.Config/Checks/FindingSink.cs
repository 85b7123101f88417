using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>
    /// Collects findings and drops the suppressed ones: <c># sda-disable-line SDA5001 reason</c> on the finding's
    /// line, <c># sda-disable-next-line SDA5001 reason</c> on the line before (<c>//</c> in JSON), and ids that the
    /// reporting object suppresses (the Kubernetes annotation <c>sensitivedata.io/ignore</c>).
    /// </summary>
    public sealed class FindingSink
    {
        private const string DisableLine = "sda-disable-line";
        private const string DisableNextLine = "sda-disable-next-line";

        private readonly Dictionary<string, Dictionary<int, HashSet<string>>> _suppressedLines = new(StringComparer.Ordinal);
        private readonly List<Finding> _findings = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public FindingSink()
        {
        }

        public FindingSink(IEnumerable<ConfigFile> files)
        {
            foreach (var file in files)
            {
                AddSuppressions(file);
            }
        }

        /// <summary>Reads a file's suppression comments; only those are kept, not the file.</summary>
        public void AddSuppressions(ConfigFile file)
        {
            Dictionary<int, HashSet<string>>? lines = null;
            var comments = file.Comments;
            for (var i = 0; i < comments.Count; i++)
            {
                // Most comments are not suppressions (rendered charts mark every document with "# Source: ..."): those
                // are passed over without trimming copies, and a file without suppressions gets no line table.
                if (comments[i].Text.IndexOf("sda-disable", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                AddSuppression(lines ??= _suppressedLines.TryGetValue(file.Path, out var existing) ? existing : _suppressedLines[file.Path] = new Dictionary<int, HashSet<string>>(), comments[i]);
            }
        }

        public IReadOnlyList<Finding> Findings => _findings;

        /// <summary>Reports a finding at the rule's default severity, or a raised/lowered one.</summary>
        public void Report(ConfigRule rule, ConfigNode at, string message, FindingSeverity? severity = null, IReadOnlyCollection<string>? suppressedIds = null) =>
            Report(rule, at.Location, message, severity, suppressedIds);

        public void Report(ConfigRule rule, SourceLocation location, string message, FindingSeverity? severity = null, IReadOnlyCollection<string>? suppressedIds = null)
        {
            if (suppressedIds is not null && suppressedIds.Contains(rule.Id))
            {
                return;
            }

            if (_suppressedLines.TryGetValue(location.Path, out var lines)
                && lines.TryGetValue(location.Line, out var ids)
                && (ids.Contains(rule.Id) || ids.Contains("*")))
            {
                return;
            }

            // One finding per rule and position: a node reached twice through YAML aliases is reported once.
            if (_seen.Add($"{rule.Id}|{location}"))
            {
                _findings.Add(new Finding(rule, severity ?? rule.DefaultSeverity, message, location));
            }
        }

        public void AddRange(IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                Report(finding.Rule, finding.Location, finding.Message, finding.Severity);
            }
        }

        private static void AddSuppression(Dictionary<int, HashSet<string>> lines, ConfigComment comment)
        {
            var text = comment.Text.Trim().TrimStart('#', '/', '*').Trim();
            int line;
            if (text.StartsWith(DisableNextLine, StringComparison.OrdinalIgnoreCase))
            {
                line = comment.Line + 1;
                text = text.Substring(DisableNextLine.Length);
            }
            else if (text.StartsWith(DisableLine, StringComparison.OrdinalIgnoreCase))
            {
                line = comment.Line;
                text = text.Substring(DisableLine.Length);
            }
            else
            {
                return;
            }

            var ids = text.Split(new[] { ' ', ',', '\t' }, StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(word => word.StartsWith("SDA", StringComparison.OrdinalIgnoreCase))
                .Select(word => word.ToUpperInvariant())
                .ToList();
            if (!lines.TryGetValue(line, out var set))
            {
                lines[line] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            if (ids.Count == 0)
            {
                set.Add("*");
            }
            else
            {
                set.UnionWith(ids);
            }
        }
    }
}
