using System.Collections.Generic;

namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>The checks the linter runs; one line per check.</summary>
    internal static class CheckCatalog
    {
        public static IReadOnlyList<IConfigCheck> Create() => new IConfigCheck[]
        {
        };
    }
}
