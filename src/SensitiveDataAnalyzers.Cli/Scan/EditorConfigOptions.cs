using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SensitiveDataAnalyzers.Cli.Scan
{
    /// <summary>
    /// The .editorconfig files above a fallback compilation's files, read as the compiler reads them: per-file rule
    /// severities (<c>dotnet_diagnostic.SDAnnnn.severity</c>) and analyzer options (<c>sda.tls_ports</c>, categories).
    /// </summary>
    internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, AnalyzerConfigOptionsResult> _results;

        private EditorConfigOptions(Dictionary<string, AnalyzerConfigOptionsResult> results)
        {
            _results = results;
            TreeOptions = new TreeOptionsProvider(this);
        }

        public SyntaxTreeOptionsProvider TreeOptions { get; }

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public static EditorConfigOptions For(IEnumerable<string> sourcePaths)
        {
            var paths = sourcePaths.ToList();
            var configs = new Dictionary<string, AnalyzerConfig>(StringComparer.Ordinal);
            var roots = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                for (var directory = Path.GetDirectoryName(path); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
                {
                    var file = Path.Combine(directory, ".editorconfig");
                    if (!configs.ContainsKey(file))
                    {
                        if (!File.Exists(file))
                        {
                            continue;
                        }

                        try
                        {
                            var text = File.ReadAllText(file);
                            configs[file] = AnalyzerConfig.Parse(text, file);
                            if (IsRoot(text))
                            {
                                roots.Add(file);
                            }
                        }
                        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                        {
                            continue;
                        }
                    }

                    if (roots.Contains(file))
                    {
                        break;
                    }
                }
            }

            var set = AnalyzerConfigSet.Create(configs.Values);
            return new EditorConfigOptions(paths.Distinct(StringComparer.Ordinal).ToDictionary(path => path, path => set.GetOptionsForSourcePath(path), StringComparer.Ordinal));
        }

        /// <summary><c>root = true</c> before the first section.</summary>
        private static bool IsRoot(string text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal))
                {
                    return false;
                }

                var equals = line.IndexOf('=');
                if (equals > 0 && string.Equals(line.Substring(0, equals).Trim(), "root", StringComparison.OrdinalIgnoreCase))
                {
                    return string.Equals(line.Substring(equals + 1).Trim(), "true", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            _results.TryGetValue(tree.FilePath, out var result) ? new Options(result.AnalyzerOptions) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private bool TryGetSeverity(SyntaxTree tree, string diagnosticId, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return _results.TryGetValue(tree.FilePath, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }

        private sealed class TreeOptionsProvider : SyntaxTreeOptionsProvider
        {
            private readonly EditorConfigOptions _owner;

            public TreeOptionsProvider(EditorConfigOptions owner)
            {
                _owner = owner;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _owner.TryGetSeverity(tree, diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return false;
            }
        }
    }
}
