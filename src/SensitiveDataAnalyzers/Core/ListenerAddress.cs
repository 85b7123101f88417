using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>Who can reach a listener, judged from the host it binds.</summary>
    internal enum HostScope
    {
        /// <summary>The host could not be resolved at compile time.</summary>
        Unknown,

        /// <summary>localhost, 127.0.0.0/8, [::1].</summary>
        Loopback,

        /// <summary>Unix domain sockets and named pipes: not reachable over the network.</summary>
        LocalSocket,

        /// <summary><c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>.</summary>
        AllInterfaces,

        /// <summary>A non-loopback IP address.</summary>
        Address,

        /// <summary>A host name other than localhost; Kestrel binds it to all interfaces.</summary>
        HostName,
    }

    /// <summary>
    /// A listening address as Kestrel, HTTP.sys or HttpListener read it: <c>scheme://host[:port][/path]</c>.
    /// The same parser serves code rules and configuration rules so that both judge hosts identically.
    /// </summary>
    internal readonly struct ListenerAddress
    {
        /// <summary>
        /// Ports where clients expect TLS: 443 (HTTPS) and 8443, its conventional alternative. Shared by the analyzers
        /// (before sda.tls_ports) and the config linter, so plaintext on them is SDA1002 wherever it is written.
        /// </summary>
        public static readonly IReadOnlyCollection<int> DefaultTlsPorts = new HashSet<int> { 443, 8443 };

        public ListenerAddress(string text, string scheme, string host, int? port, HostScope scope)
        {
            Text = text;
            Scheme = scheme;
            Host = host;
            Port = port;
            Scope = scope;
        }

        /// <summary>The address as written (one entry of a ';' list).</summary>
        public string Text { get; }

        /// <summary>Lower-case scheme, e.g. "http".</summary>
        public string Scheme { get; }

        public string Host { get; }

        /// <summary>The port, the scheme's default when none is written, or null when it is not known.</summary>
        public int? Port { get; }

        public HostScope Scope { get; }

        public bool IsPlaintextHttp => Scheme == "http";

        public bool IsHttps => Scheme == "https";

        /// <summary>Reachable from other machines (or could be, for a host name).</summary>
        public bool IsBeyondLoopback => Scope is HostScope.AllInterfaces or HostScope.Address or HostScope.HostName;

        /// <summary>Splits a Kestrel-style ';' list ("urls" setting, ASPNETCORE_URLS) and parses each entry.</summary>
        public static IEnumerable<ListenerAddress> ParseList(string value)
        {
            foreach (var entry in value.Split(';'))
            {
                if (TryParse(entry.Trim(), out var address))
                {
                    yield return address;
                }
            }
        }

        public static bool TryParse(string text, out ListenerAddress address)
        {
            address = default;
            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0)
            {
                return false;
            }

            var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
            if (scheme.IndexOf(UnknownText.Marker) >= 0)
            {
                return false;
            }

            var rest = text.Substring(schemeEnd + 3);
            if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
            {
                address = new ListenerAddress(text, scheme, rest, port: null, HostScope.LocalSocket);
                return true;
            }

            string host;
            string afterHost;
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                var close = rest.IndexOf(']');
                if (close < 0)
                {
                    return false;
                }

                host = rest.Substring(0, close + 1);
                afterHost = rest.Substring(close + 1);
            }
            else
            {
                var end = rest.IndexOfAny(new[] { ':', '/' });
                host = end < 0 ? rest : rest.Substring(0, end);
                afterHost = end < 0 ? string.Empty : rest.Substring(end);
            }

            if (host.Length == 0)
            {
                return false;
            }

            var port = DefaultPort(scheme);
            if (afterHost.StartsWith(":", StringComparison.Ordinal))
            {
                var portEnd = afterHost.IndexOf('/');
                var portText = portEnd < 0 ? afterHost.Substring(1) : afterHost.Substring(1, portEnd - 1);
                port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535
                    ? parsed
                    : null;
            }

            address = new ListenerAddress(text, scheme, host, port, ClassifyHost(host));
            return true;
        }

        /// <summary>Classifies a host as written in a URL (IPv6 in brackets) or an IP address text.</summary>
        public static HostScope ClassifyHost(string host)
        {
            if (host.IndexOf(UnknownText.Marker) >= 0 || host.Length == 0)
            {
                return HostScope.Unknown;
            }

            if (host is "*" or "+")
            {
                return HostScope.AllInterfaces;
            }

            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return HostScope.Loopback;
            }

            var bare = host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal)
                ? host.Substring(1, host.Length - 2)
                : host;
            if (IPAddress.TryParse(bare, out var ip) && (bare.IndexOf(':') >= 0 || IsDottedQuad(bare)))
            {
                return Classify(ip);
            }

            // Text that cannot be a host name (a stray bracket, quote or parenthesis from broken code) is no binding to judge.
            return IsHostNameText(host) ? HostScope.HostName : HostScope.Unknown;
        }

        public static HostScope Classify(IPAddress address)
        {
            if (IPAddress.IsLoopback(address))
            {
                return HostScope.Loopback;
            }

            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                return HostScope.AllInterfaces;
            }

            return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? HostScope.Address : HostScope.Unknown;
        }

        /// <summary>Describes a scope for a diagnostic message.</summary>
        public static string Describe(HostScope scope, string host) => scope switch
        {
            HostScope.AllInterfaces => "all network interfaces",
            HostScope.Address => "non-loopback address " + host,
            HostScope.HostName => "host name '" + host + "', which Kestrel binds to all network interfaces",
            _ => host,
        };

        private static int? DefaultPort(string scheme) => scheme switch
        {
            "http" => 80,
            "https" => 443,
            _ => null,
        };

        /// <summary>Letters, digits, '-', '_', '.' and the '*' of a wildcard host name; internationalized names included.</summary>
        private static bool IsHostNameText(string host)
        {
            foreach (var c in host)
            {
                if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.' or '*'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>IPAddress.TryParse accepts "1" or "10.1" as IPv4; only a full dotted quad is an address in a URL.</summary>
        private static bool IsDottedQuad(string text)
        {
            var dots = 0;
            foreach (var c in text)
            {
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots == 3;
        }
    }
}
