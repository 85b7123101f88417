using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>Lints in-memory files as one deployment and renders findings compactly for assertions.</summary>
    internal static class Lint
    {
        public static IReadOnlyList<Finding> Files(params (string Path, string Text)[] files) =>
            ConfigLinter.Lint(files.Select(f => ConfigLoader.Load(f.Path, Encoding.UTF8.GetBytes(f.Text))));

        /// <summary>"SDA5101 error compose.yml:5:9" per finding, in report order.</summary>
        public static string[] Summary(params (string Path, string Text)[] files) =>
            Files(files).Select(f => $"{f.Rule.Id} {f.Severity.ToString().ToLowerInvariant()} {f.Location}").ToArray();
    }
}
