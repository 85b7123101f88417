using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>A setting's text and where it is written.</summary>
    public readonly struct PositionedText
    {
        public PositionedText(string text, SourceLocation at)
        {
            Text = text;
            At = at;
        }

        public string Text { get; }

        public SourceLocation At { get; }
    }

    /// <summary>A <c>Kestrel:Endpoints</c> entry: its name, Url and SslProtocols values.</summary>
    public sealed class KestrelEndpoint
    {
        public KestrelEndpoint(string name, PositionedText? url, IReadOnlyList<PositionedText> sslProtocols)
        {
            Name = name;
            Url = url;
            SslProtocols = sslProtocols;
        }

        public string Name { get; }

        public PositionedText? Url { get; }

        /// <summary>Each SslProtocols value (a string, possibly "Tls12,Tls13", or one item of an array).</summary>
        public IReadOnlyList<PositionedText> SslProtocols { get; }
    }

    /// <summary>An ASP.NET Core settings file: <c>Urls</c> and <c>Kestrel:Endpoints:*</c>, read into what the checks need.</summary>
    public sealed class AppSettings
    {
        private AppSettings(string path, ConfigMapping root, StringPool? pool)
        {
            Path = path;
            Urls = Text(root.Scalar("Urls", StringComparison.OrdinalIgnoreCase), pool);
            var kestrel = root.Mapping("Kestrel", StringComparison.OrdinalIgnoreCase);
            Endpoints = (kestrel?.Mapping("Endpoints", StringComparison.OrdinalIgnoreCase)?.Entries ?? Array.Empty<ConfigEntry>())
                .Where(e => e.Value is ConfigMapping)
                .Select(e => new KestrelEndpoint(Intern(e.Name, pool), Text(((ConfigMapping)e.Value).Scalar("Url", StringComparison.OrdinalIgnoreCase), pool), SslProtocols((ConfigMapping)e.Value, pool)))
                .ToArray();
            var defaults = kestrel?.Mapping("EndpointDefaults", StringComparison.OrdinalIgnoreCase);
            EndpointDefaultsSslProtocols = defaults is null ? Array.Empty<PositionedText>() : SslProtocols(defaults, pool);
        }

        public string Path { get; }

        public PositionedText? Urls { get; }

        /// <summary><c>Kestrel:Endpoints</c> entries that are sections.</summary>
        public IReadOnlyList<KestrelEndpoint> Endpoints { get; }

        /// <summary><c>Kestrel:EndpointDefaults:SslProtocols</c> values.</summary>
        public IReadOnlyList<PositionedText> EndpointDefaultsSslProtocols { get; }

        /// <summary>
        /// True when <c>Kestrel:Endpoints</c> declares at least one endpoint with a <c>Url</c> and every such Url is https,
        /// or plaintext on loopback only. Kestrel then binds these endpoints and ignores the URLs set by <c>Urls</c>,
        /// <c>UseUrls</c>, <c>ASPNETCORE_URLS</c> and <c>WebApplication.Urls</c> (endpoints from <c>Listen</c> calls are
        /// added to them). An endpoint without a Url (a certificate override) is not counted; a Url that cannot be read
        /// makes this false.
        /// </summary>
        public bool EndpointsServeTlsBeyondLoopback
        {
            get
            {
                var any = false;
                foreach (var endpoint in Endpoints)
                {
                    if (endpoint.Url is not { } url)
                    {
                        continue;
                    }

                    if (!ListenerAddress.TryParse(url.Text.Trim(), out var address) || (!address.IsHttps && address.IsBeyondLoopback))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            }
        }

        /// <summary><c>appsettings.Development.json</c>: settings that never reach a deployed environment.</summary>
        public static bool IsDevelopmentOnly(string path) =>
            System.IO.Path.GetFileName(path).Equals("appsettings.Development.json", StringComparison.OrdinalIgnoreCase);

        /// <summary>A file named <c>appsettings*.json</c>.</summary>
        public static bool IsNamedAppSettings(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A settings file: named appsettings*.json, or holding a Kestrel section.</summary>
        public static AppSettings? Read(string path, ConfigMapping root) => Read(path, root, pool: null);

        /// <param name="pool">The deployment's strings: endpoint names and URLs repeat from one settings file to the next.</param>
        internal static AppSettings? Read(string path, ConfigMapping root, StringPool? pool)
        {
            if (IsDevelopmentOnly(path))
            {
                // Development settings never reach a deployed environment, as development-only code is silent in the analyzers.
                return null;
            }

            return IsNamedAppSettings(path) || root.Mapping("Kestrel", StringComparison.OrdinalIgnoreCase) is not null ? new AppSettings(path, root, pool) : null;
        }

        private static string Intern(string text, StringPool? pool) => pool?.Intern(text) ?? text;

        private static PositionedText? Text(ConfigScalar? scalar, StringPool? pool) => scalar?.Value is { } text ? new PositionedText(Intern(text, pool), scalar.Location) : null;

        private static IReadOnlyList<PositionedText> SslProtocols(ConfigMapping endpoint, StringPool? pool) =>
            (endpoint.Entry("SslProtocols", StringComparison.OrdinalIgnoreCase)?.Value switch
            {
                ConfigScalar scalar => new[] { scalar },
                ConfigSequence sequence => sequence.Items.OfType<ConfigScalar>().ToArray(),
                _ => Array.Empty<ConfigScalar>(),
            })
            .Select(scalar => Text(scalar, pool))
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .ToArray();
    }
}
