using System.Reflection;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>The tool's identity as written into reports.</summary>
    internal static class ToolInfo
    {
        public const string Name = "sda";

        public const string InformationUri = "https://github.com/sensitive-data-analyzers/SensitiveDataAnalyzers";

        /// <summary>The package version without build metadata (no "+commit"), so reports of one release are identical.</summary>
        public static string Version { get; } = ReadVersion();

        private static string ReadVersion()
        {
            var assembly = typeof(ToolInfo).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrWhiteSpace(informational))
            {
                var version = assembly.GetName().Version;
                return version is null ? "0.0.0" : $"{version.Major}.{version.Minor}.{version.Build}";
            }

            var plus = informational!.IndexOf('+');
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }
    }
}
