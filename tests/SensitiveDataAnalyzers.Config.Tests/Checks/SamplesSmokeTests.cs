using System;
using System.IO;
using System.Linq;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>The bundled deployment samples reproduce both leaks: every LEAK line is reported, no "fine" line is.</summary>
    public class SamplesSmokeTests
    {
        [Fact]
        public void EveryLeakLineOfTheDeploymentSamplesIsReportedAndNoFineLine()
        {
            var root = RepositoryRoot();
            var deploy = Path.Combine(root, "samples", "deploy");
            var files = Directory.GetFiles(deploy, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var findings = ConfigLinter.Lint(files.Select(f => ConfigLoader.LoadFile(f, Path.GetRelativePath(root, f).Replace('\\', '/'))));

            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var reported = findings.Where(f => f.Location.Path == relative && f.Location.Line == i + 1).ToList();
                    var marksLeak = lines[i].Contains("# LEAK", StringComparison.Ordinal) || lines[i].Contains("// LEAK", StringComparison.Ordinal);
                    if (marksLeak && !lines[i].TrimStart().StartsWith('#') && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                    {
                        Assert.True(reported.Count > 0, $"{relative}:{i + 1} should be reported: {lines[i].Trim()}");
                    }

                    if (lines[i].Contains("# fine", StringComparison.Ordinal))
                    {
                        Assert.True(reported.Count == 0, $"{relative}:{i + 1} should be quiet: {string.Join("; ", reported)}");
                    }
                }
            }
        }

        internal static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SensitiveDataAnalyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
