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

        /// <summary>Methods whose result is a pseudonym (a keyed HMAC, a lookup in a protected store): <c>Namespace.Type.Method</c> or <c>Type.Method</c>, comma-separated.</summary>
        public const string PseudonymizersKey = "sda.pseudonymizers";

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

        /// <summary>Attributes that mark personal data besides [PersonalData] (<c>Namespace.Type</c> or <c>Type</c>, with or without "Attribute").</summary>
        public const string PersonalDataAttributesKey = "sda.personal_data_attributes";

        /// <summary>Extra name parameters: <c>Namespace.Type.Method:parameter</c> or <c>Type.Method:parameter</c>, comma-separated.</summary>
        public const string NameSinksKey = "sda.name_sinks";

        /// <summary>A comma-separated list of names under <paramref name="key"/> (file options first, then global), <c>global::</c> removed.</summary>
        public static ImmutableHashSet<string> NameList(AnalyzerOptions options, SyntaxTree? tree, string key)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var config = tree is null ? provider.GlobalOptions : provider.GetOptions(tree);
            if (!config.TryGetValue(key, out var value) && !provider.GlobalOptions.TryGetValue(key, out value))
            {
                return ImmutableHashSet<string>.Empty;
            }

            var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
            foreach (var entry in value.Split(',', ';', ' '))
            {
                var name = entry.Trim();
                if (name.Length > 0)
                {
                    names.Add(name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name);
                }
            }

            return names.ToImmutable();
        }
    }
}
