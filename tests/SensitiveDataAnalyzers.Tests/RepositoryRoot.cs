using System;
using System.IO;

namespace SensitiveDataAnalyzers.Tests
{
    /// <summary>The clone the tests run from: the nearest parent of the test binaries holding SensitiveDataAnalyzers.sln.</summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> Directory = new(Find);

        public static string Path => Directory.Value;

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "SensitiveDataAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("SensitiveDataAnalyzers.sln not found in any parent of " + AppContext.BaseDirectory);
        }
    }
}
