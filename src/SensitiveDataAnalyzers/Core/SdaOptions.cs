using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>The documented <c>sda.*</c> keys read from .editorconfig / .globalconfig.</summary>
    internal static class SdaOptions
    {
        public const string TlsPortsKey = "sda.tls_ports";

        public static readonly ImmutableHashSet<int> DefaultTlsPorts = ImmutableHashSet.CreateRange(ListenerAddress.DefaultTlsPorts);

        /// <summary>The ports treated as TLS ports for <paramref name="tree"/>; an explicit key replaces the defaults.</summary>
        public static ImmutableHashSet<int> TlsPorts(AnalyzerOptions options, SyntaxTree? tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var config = tree is null ? provider.GlobalOptions : provider.GetOptions(tree);
            if (!config.TryGetValue(TlsPortsKey, out var value) && !provider.GlobalOptions.TryGetValue(TlsPortsKey, out value))
            {
                return DefaultTlsPorts;
            }

            var ports = new HashSet<int>();
            foreach (var entry in value.Split(',', ';', ' '))
            {
                if (int.TryParse(entry.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
                {
                    ports.Add(port);
                }
            }

            return ports.ToImmutableHashSet();
        }
    }
}
