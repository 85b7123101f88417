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
            ToolNotices.All
                .Concat(Checks.SelectMany(check => check.Rules))
                .GroupBy(rule => rule.Id)
                .Select(group => group.First())
                .OrderBy(rule => rule.Id, System.StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// Lints loaded files; notices from loading are kept, suppressions applied, findings ordered by position.
        /// The files are consumed one at a time and not kept (pass a lazy sequence and each file's tree is garbage
        /// once its views are read), so memory follows the deployment's facts, not the size of its files.
        /// </summary>
        public static IReadOnlyList<Finding> Lint(IEnumerable<LoadResult> loaded) => Lint(loaded, Enumerable.Empty<IConfigCheck>());

        /// <summary>
        /// Lints loaded files with the linter's checks and then <paramref name="moreChecks"/> (checks that join the
        /// deployment with facts from elsewhere, such as the code of the projects it deploys), under the same suppressions.
        /// </summary>
        public static IReadOnlyList<Finding> Lint(IEnumerable<LoadResult> loaded, IEnumerable<IConfigCheck> moreChecks)
        {
            var sink = new FindingSink();
            var deployment = new DeploymentModel();
            foreach (var result in loaded)
            {
                if (result.File is { } file)
                {
                    sink.AddSuppressions(file);
                    deployment.Add(file);
                }

                sink.AddRange(result.Notices);
            }

            foreach (var check in Checks.Concat(moreChecks))
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
