using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Reachability;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Config.Checks.Transport
{
    /// <summary>
    /// SDA1001/SDA1002 where Kestrel's listeners are configured outside code: ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS and
    /// Kestrel__Endpoints__*__Url in compose and Kubernetes environments (correlated with the ports the deployment
    /// publishes), and Urls / Kestrel:Endpoints in appsettings; SDA1004 for Kestrel SslProtocols in appsettings.
    /// </summary>
    internal sealed class PlaintextListenerSettingsCheck : IConfigCheck
    {
        private static readonly IReadOnlyCollection<int> TlsPorts = ListenerAddress.DefaultTlsPorts;

        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.PlaintextListener, ConfigRules.PlaintextOnTlsPort, ConfigRules.ObsoleteTlsProtocol };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            // Every workload is visited but few set listeners or protocols: owner names are built only for those, and
            // the lists of listeners and published ports are reused from one workload to the next.
            var addresses = new ParsedAddresses();
            var listeners = new List<(ListenerAddress Listener, SourceLocation At)>();
            var published = new List<int>();
            foreach (var service in deployment.ComposeServices)
            {
                if (EnvironmentSslProtocols(service) is { } protocols)
                {
                    CheckProtocols(protocols, $"service '{service.Name}'", sink, ignored: null);
                }

                listeners.Clear();
                AddListeners(service, addresses, listeners);
                foreach (var (listener, at) in listeners)
                {
                    published.Clear();
                    foreach (var port in service.Ports)
                    {
                        if (port.Target == listener.Port && port.Binding != HostBinding.Loopback)
                        {
                            published.Add(port.ExternalPort);
                        }
                    }

                    Report(sink, $"service '{service.Name}'", listener, at, published, ignored: null);
                }
            }

            foreach (var workload in deployment.KubernetesWorkloads)
            {
                var containers = workload.Containers;
                for (var i = 0; i < containers.Count; i++)
                {
                    var container = containers[i];
                    if (EnvironmentSslProtocols(container) is { } protocols)
                    {
                        CheckProtocols(protocols, Describe(container), sink, workload.IgnoredRules);
                    }

                    listeners.Clear();
                    AddListeners(container, addresses, listeners);
                    foreach (var (listener, at) in listeners)
                    {
                        published.Clear();
                        foreach (var service in deployment.ServicesSelecting(workload))
                        {
                            if (!service.IsExternal)
                            {
                                continue;
                            }

                            foreach (var port in service.Ports)
                            {
                                if (KubernetesService.TargetPortOf(port, workload.Containers) == listener.Port)
                                {
                                    published.Add(port.Number ?? 0);
                                }
                            }
                        }

                        Report(sink, Describe(container), listener, at, published, workload.IgnoredRules);
                    }
                }
            }

            foreach (var settings in deployment.AppSettings)
            {
                CheckAppSettings(settings, sink, addresses);
            }
        }

        /// <summary>
        /// A plaintext listener is a finding when it sits on a TLS port, or when the deployment publishes it; a
        /// container port that nothing publishes is the normal case behind a TLS-terminating proxy.
        /// </summary>
        private static void Report(FindingSink sink, string owner, ListenerAddress listener, SourceLocation at, IReadOnlyList<int> published, IReadOnlyCollection<string>? ignored)
        {
            var port = listener.Port!.Value;
            var tlsPublished = 0;
            foreach (var candidate in published)
            {
                if (TlsPorts.Contains(candidate))
                {
                    tlsPublished = candidate;
                    break;
                }
            }

            if (TlsPorts.Contains(port) || tlsPublished != 0)
            {
                var exposed = tlsPublished != 0 && tlsPublished != port ? $", published as port {tlsPublished}," : string.Empty;
                sink.Report(
                    ConfigRules.PlaintextOnTlsPort,
                    at,
                    $"{owner} answers plaintext HTTP ('{listener.Text}'){exposed} on a TLS port where clients expect TLS — the call-recording leak's exact mistake; serve HTTPS",
                    suppressedIds: ignored);
            }
            else if (published.Count > 0)
            {
                sink.Report(
                    ConfigRules.PlaintextListener,
                    at,
                    $"{owner} serves plaintext HTTP ('{listener.Text}') on published port {published[0].ToString(CultureInfo.InvariantCulture)}; serve HTTPS or publish only through a TLS-terminating proxy",
                    suppressedIds: ignored);
            }
        }

        private static void CheckAppSettings(AppSettings settings, FindingSink sink, ParsedAddresses addresses)
        {
            var urls = new List<PositionedText>();
            if (settings.Urls is { } list)
            {
                urls.Add(list);
            }

            foreach (var endpoint in settings.Endpoints)
            {
                if (endpoint.Url is { } url)
                {
                    urls.Add(url);
                }

                if (endpoint.SslProtocols.Count > 0)
                {
                    CheckProtocols(endpoint.SslProtocols, $"Kestrel endpoint '{endpoint.Name}'", sink, ignored: null);
                }
            }

            CheckProtocols(settings.EndpointDefaultsSslProtocols, "Kestrel EndpointDefaults", sink, ignored: null);

            foreach (var url in urls)
            {
                foreach (var listener in addresses.Of(url.Text))
                {
                    if (!listener.IsPlaintextHttp || !listener.IsBeyondLoopback || listener.Port is not int port)
                    {
                        continue;
                    }

                    var scope = ListenerAddress.Describe(listener.Scope, listener.Host);
                    if (TlsPorts.Contains(port))
                    {
                        sink.Report(ConfigRules.PlaintextOnTlsPort, url.At, $"Kestrel answers plaintext HTTP on TLS port {port} ('{listener.Text}', {scope}); serve HTTPS");
                    }
                    else
                    {
                        sink.Report(ConfigRules.PlaintextListener, url.At, $"Kestrel listens for plaintext HTTP on '{listener.Text}' ({scope}); serve HTTPS or bind to loopback");
                    }
                }
            }
        }

        private static readonly string[] ObsoleteProtocols = { "Ssl2", "Ssl3", "Tls", "Tls11", "Default" };

        /// <summary>
        /// Listener lists parsed once per distinct text in a run: the same ASPNETCORE_URLS value (a pooled string) is
        /// set on service after service.
        /// </summary>
        private sealed class ParsedAddresses
        {
            private readonly Dictionary<string, ListenerAddress[]> _parsed = new(StringComparer.Ordinal);

            public IReadOnlyList<ListenerAddress> Of(string text)
            {
                if (!_parsed.TryGetValue(text, out var addresses))
                {
                    _parsed[text] = addresses = ListenerAddress.ParseList(text).ToArray();
                }

                return addresses;
            }
        }

        private static string Describe(KubernetesContainer container) => $"container '{container.Name}' of {container.Owner.Kind} '{container.Owner.Name}'";

        /// <summary>
        /// <c>Kestrel__EndpointDefaults__SslProtocols</c> and <c>Kestrel__Endpoints__NAME__SslProtocols</c>, also as array
        /// items (<c>…__SslProtocols__0</c>) and with ':' separators: the environment form of the appsettings keys.
        /// </summary>
        /// <returns>Null when the workload sets none (nearly always).</returns>
        private static IReadOnlyList<PositionedText>? EnvironmentSslProtocols(Workload workload)
        {
            List<PositionedText>? values = null;
            var environment = workload.Environment;
            for (var i = 0; i < environment.Count; i++)
            {
                var variable = environment[i];
                if (variable.Value is not { } value
                    || !variable.Name.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase)
                    || variable.Name.IndexOf("SslProtocols", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                var parts = variable.Name.Replace(":", "__").Split(new[] { "__" }, StringSplitOptions.None);
                var protocols = Array.FindIndex(parts, p => p.Equals("SslProtocols", StringComparison.OrdinalIgnoreCase));
                var isKestrel = parts.Length > 2 && parts[0].Equals("Kestrel", StringComparison.OrdinalIgnoreCase)
                    && (parts[1].Equals("EndpointDefaults", StringComparison.OrdinalIgnoreCase) && protocols == 2
                        || parts[1].Equals("Endpoints", StringComparison.OrdinalIgnoreCase) && protocols == 3);
                if (isKestrel && parts.Length - protocols <= 2)
                {
                    (values ??= new List<PositionedText>()).Add(new PositionedText(value, variable.At));
                }
            }

            return values;
        }

        private static void CheckProtocols(IReadOnlyList<PositionedText> values, string owner, FindingSink sink, IReadOnlyCollection<string>? ignored)
        {
            foreach (var value in values)
            {
                foreach (var name in value.Text.Split(new[] { ',', '|', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    // Configuration binding reads enum names case-insensitively.
                    var obsolete = ObsoleteProtocols.FirstOrDefault(o => string.Equals(o, name.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (obsolete is not null)
                    {
                        sink.Report(ConfigRules.ObsoleteTlsProtocol, value.At, $"{owner} enables obsolete SslProtocols.{obsolete}; use Tls12 and Tls13, or leave SslProtocols unset to let the operating system choose", suppressedIds: ignored);
                    }
                }
            }
        }

        /// <summary>Adds the plaintext listeners beyond loopback with a known port, from a workload's environment and command line.</summary>
        private static void AddListeners(Workload workload, ParsedAddresses parsed, List<(ListenerAddress Listener, SourceLocation At)> listeners)
        {
            var environment = workload.Environment;
            for (var i = 0; i < environment.Count; i++)
            {
                var variable = environment[i];
                if (variable.Value is not { } value)
                {
                    continue;
                }

                var name = variable.Name.IndexOf(':') < 0 ? variable.Name : variable.Name.Replace(":", "__");
                IEnumerable<ListenerAddress> addresses;
                if (name == "ASPNETCORE_URLS" || (name.StartsWith("Kestrel__Endpoints__", StringComparison.OrdinalIgnoreCase) && name.EndsWith("__Url", StringComparison.OrdinalIgnoreCase)))
                {
                    addresses = parsed.Of(value);
                }
                else if (name == "ASPNETCORE_HTTP_PORTS")
                {
                    addresses = value.Split(';', ',')
                        .Select(p => ComposeService.Port(p))
                        .Where(p => p is not null)
                        .Select(p => new ListenerAddress("http://*:" + p!.Value.ToString(CultureInfo.InvariantCulture), "http", "*", p, HostScope.AllInterfaces));
                }
                else
                {
                    continue;
                }

                foreach (var address in addresses)
                {
                    if (address.IsPlaintextHttp && address.IsBeyondLoopback && address.Port is not null)
                    {
                        listeners.Add((address, variable.At));
                    }
                }
            }

            // dotnet app.dll --urls http://0.0.0.0:443 (or --urls=…): the command line wins over the environment.
            var arguments = workload.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var word = arguments[i].Text;
                PositionedText? urls = word.Equals("--urls", StringComparison.OrdinalIgnoreCase) && i + 1 < arguments.Count ? arguments[i + 1]
                    : word.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase) ? new PositionedText(word.Substring("--urls=".Length), arguments[i].At)
                    : null;
                foreach (var address in urls is { } list ? parsed.Of(list.Text.Trim('"', '\'')) : Enumerable.Empty<ListenerAddress>())
                {
                    if (address.IsPlaintextHttp && address.IsBeyondLoopback && address.Port is not null)
                    {
                        listeners.Add((address, urls!.Value.At));
                    }
                }
            }
        }
    }
}
