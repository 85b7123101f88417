using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Cli.Reporting
{
    /// <summary>A finding with the identity used in SARIF and for baseline matching.</summary>
    internal sealed class ReportedFinding
    {
        /// <summary>The partialFingerprints key sda writes and reads back from baselines.</summary>
        public const string FingerprintKey = "sdaFindingHash/v1";

        public ReportedFinding(Finding finding)
        {
            Finding = finding;
            Uri = PathDisplay.ToUri(finding.Location.Path);
            Fingerprint = ComputeFingerprint(finding.Rule.Id, Uri, finding.Message);
        }

        public Finding Finding { get; }

        /// <summary>The artifact URI (relative and %-escaped under the current directory).</summary>
        public string Uri { get; }

        /// <summary>Stable across runs and line moves: hash of rule id, URI and message (no line, no column).</summary>
        public string Fingerprint { get; }

        public (string RuleId, string Uri, string Fingerprint) BaselineKey => (Finding.Rule.Id, Uri, Fingerprint);

        public static string ComputeFingerprint(string ruleId, string uri, string message)
        {
            var bytes = Encoding.UTF8.GetBytes(ruleId + "\n" + uri + "\n" + message);
            var hash = SHA256.HashData(bytes);
            return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
        }

        public static string Level(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => "error",
            FindingSeverity.Warning => "warning",
            _ => "note",
        };
    }

    /// <summary>What a run produced, ready for any format.</summary>
    internal sealed class LintReport
    {
        public LintReport(IReadOnlyList<ReportedFinding> findings, int fileCount, int baselined, IReadOnlyList<string> inputErrors, string sourceRootUri)
        {
            Findings = findings;
            FileCount = fileCount;
            Baselined = baselined;
            InputErrors = inputErrors;
            SourceRootUri = sourceRootUri;
            foreach (var finding in findings)
            {
                switch (finding.Finding.Severity)
                {
                    case FindingSeverity.Error:
                        Errors++;
                        break;
                    case FindingSeverity.Warning:
                        Warnings++;
                        break;
                    default:
                        Notes++;
                        break;
                }
            }
        }

        public IReadOnlyList<ReportedFinding> Findings { get; }

        public int FileCount { get; }

        /// <summary>Findings left out because the baseline already had them.</summary>
        public int Baselined { get; }

        /// <summary>Arguments that could not be read (reported on stderr, and as SARIF tool notifications).</summary>
        public IReadOnlyList<string> InputErrors { get; }

        /// <summary>file:// URI of the current directory with a trailing slash (SARIF %SRCROOT%).</summary>
        public string SourceRootUri { get; }

        public int Errors { get; }

        public int Warnings { get; }

        public int Notes { get; }
    }
}
