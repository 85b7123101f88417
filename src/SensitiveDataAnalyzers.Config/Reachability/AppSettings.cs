using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>An ASP.NET Core settings file: <c>Urls</c> and <c>Kestrel:Endpoints:*</c>.</summary>
    public sealed class AppSettings
    {
        private AppSettings(ConfigFile file, ConfigMapping root)
        {
            File = file;
            Urls = root.Scalar("Urls", StringComparison.OrdinalIgnoreCase);
            var kestrel = root.Mapping("Kestrel", StringComparison.OrdinalIgnoreCase);
            Endpoints = (kestrel?.Mapping("Endpoints", StringComparison.OrdinalIgnoreCase)?.Entries ?? Array.Empty<ConfigEntry>())
                .Where(e => e.Value is ConfigMapping)
                .ToList();
            EndpointDefaults = kestrel?.Mapping("EndpointDefaults", StringComparison.OrdinalIgnoreCase);
        }

        public ConfigFile File { get; }

        public ConfigScalar? Urls { get; }

        /// <summary><c>Kestrel:Endpoints</c> entries: name → { Url, Protocols, SslProtocols, Certificate }.</summary>
        public IReadOnlyList<ConfigEntry> Endpoints { get; }

        public ConfigMapping? EndpointDefaults { get; }

        /// <summary>A settings file: named appsettings*.json, or holding a Kestrel section.</summary>
        public static AppSettings? Read(ConfigFile file, ConfigMapping root)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            if (name.Equals("appsettings.Development.json", StringComparison.OrdinalIgnoreCase))
            {
                // Development settings never reach a deployed environment, as development-only code is silent in the analyzers.
                return null;
            }

            var named = name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            return named || root.Mapping("Kestrel", StringComparison.OrdinalIgnoreCase) is not null ? new AppSettings(file, root) : null;
        }
    }
}
