using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config
{
    /// <summary>
    /// The linter's entry point: the loaded files of one deployment (a run of <c>sda lint</c>) are read together, so a
    /// compose service, its appsettings and a Kubernetes Service in another file are judged as one system.
    /// </summary>
    public static class ConfigLinter
    {
        /// <summary>Every check, in report order.</summary>
        public static IReadOnlyList<IConfigCheck> Checks { get; } = CheckCatalog.Create();

        /// <summary>Every rule the linter can report, tool notices included.</summary>
        public static IReadOnlyList<ConfigRule> Rules { get; } =
            new[] { ToolNotices.Unparseable, ToolNotices.Skipped, ToolNotices.Template, ToolNotices.LimitExceeded }
                .Concat(Checks.SelectMany(check => check.Rules))
                .GroupBy(rule => rule.Id)
                .Select(group => group.First())
                .OrderBy(rule => rule.Id, System.StringComparer.Ordinal)
                .ToList();

        /// <summary>Lints loaded files; notices from loading are kept, suppressions applied, findings ordered by position.</summary>
        public static IReadOnlyList<Finding> Lint(IEnumerable<LoadResult> loaded)
        {
            var results = loaded.ToList();
            var files = results.Where(r => r.File is not null).Select(r => r.File!).ToList();
            var sink = new FindingSink(files);
            sink.AddRange(results.SelectMany(r => r.Notices));
            var deployment = DeploymentModel.Build(files);
            foreach (var check in Checks)
            {
                check.Run(deployment, sink);
            }

            return sink.Findings
                .OrderBy(f => f.Location.Path, System.StringComparer.Ordinal)
                .ThenBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)
                .ThenBy(f => f.Rule.Id, System.StringComparer.Ordinal)
                .ToList();
        }
    }
}
