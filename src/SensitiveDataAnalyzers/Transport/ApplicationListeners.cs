using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>A plaintext HTTP listener beyond loopback, found in code that is not development-only.</summary>
    internal sealed class PlaintextListener
    {
        public PlaintextListener(Location location, ListenerAddress address, bool isKestrelEndpoint, ImmutableDictionary<string, string?> fixProperties)
        {
            Location = location;
            Address = address;
            IsKestrelEndpoint = isKestrelEndpoint;
            FixProperties = fixProperties;
        }

        public Location Location { get; }

        public ListenerAddress Address { get; }

        /// <summary>Declared through KestrelServerOptions.Listen* or the configuration loader, so endpoint defaults apply.</summary>
        public bool IsKestrelEndpoint { get; }

        public ImmutableDictionary<string, string?> FixProperties { get; }
    }

    /// <summary>
    /// What one compilation's application says about its listeners: every plaintext binding beyond loopback plus the
    /// app-wide facts that change their meaning (an HTTPS endpoint, <c>UseHttpsRedirection</c>,
    /// <c>UseForwardedHeaders</c>, endpoint defaults with <c>UseHttps</c>, ports configured for HTTPS). Filled
    /// concurrently by operation callbacks and read once at compilation end; one instance per compilation.
    /// </summary>
    internal sealed class ApplicationListeners
    {
        private readonly ListenerApis _apis;
        private readonly DevelopmentGuards _guards;
        private readonly ConcurrentQueue<PlaintextListener> _plaintextListeners = new();
        private readonly ConcurrentDictionary<int, bool> _httpsPorts = new();
        private volatile bool _hasHttpsEndpoint;
        private volatile bool _hasHttpsRedirection;
        private volatile bool _hasForwardedHeaders;
        private volatile bool _endpointDefaultsUseHttps;

        public ApplicationListeners(ListenerApis apis, DevelopmentGuards guards)
        {
            _apis = apis;
            _guards = guards;
        }

        public IReadOnlyCollection<PlaintextListener> PlaintextListeners => _plaintextListeners;

        /// <summary>Ports the application itself declares as HTTPS ports (https URLs, HttpsPort, https_port).</summary>
        public ICollection<int> HttpsPorts => _httpsPorts.Keys;

        public bool HasHttpsEndpoint => _hasHttpsEndpoint;

        public bool HasHttpsRedirection => _hasHttpsRedirection;

        public bool HasForwardedHeaders => _hasForwardedHeaders;

        public bool EndpointDefaultsUseHttps => _endpointDefaultsUseHttps;

        public void OnInvocation(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return;
            }

            switch (method.Name)
            {
                case "UseUrls" when Is(type, _apis.WebHostBuilderExtensions):
                    OnUrls(invocation, Argument(invocation, "urls"), cancellationToken);
                    break;
                case "UseSetting" when Is(type, _apis.WebHostBuilder) || Implements(type, _apis.WebHostBuilder):
                    OnSetting(invocation, Argument(invocation, "key")?.Value, Argument(invocation, "value")?.Value, environmentVariable: false, cancellationToken);
                    break;
                case "SetEnvironmentVariable" when Is(type, _apis.Environment):
                    OnSetting(invocation, Argument(invocation, "variable")?.Value, Argument(invocation, "value")?.Value, environmentVariable: true, cancellationToken);
                    break;
                case "Run" or "RunAsync" when Is(type, _apis.WebApplication):
                case "Start" or "StartWith" when Is(type, _apis.WebHost):
                    OnUrls(invocation, Argument(invocation, "url"), cancellationToken);
                    break;
                case "Add" when Is(type, _apis.HttpListenerPrefixCollection):
                    OnUrls(invocation, Argument(invocation, "uriPrefix"), cancellationToken);
                    break;
                case "Add" when Is(type, _apis.HttpSysUrlPrefixCollection):
                    OnHttpSysPrefix(invocation, cancellationToken);
                    break;
                case "Add" when IsUrlCollection(invocation.Instance):
                    OnUrls(invocation, invocation.Arguments.FirstOrDefault(), cancellationToken);
                    break;
                case "Listen" or "ListenAnyIP" when Is(type, _apis.KestrelServerOptions):
                case "AnyIPEndpoint" or "Endpoint" when Is(type, _apis.KestrelConfigurationLoader):
                    OnKestrelEndpoint(invocation, method.Name is "ListenAnyIP" or "AnyIPEndpoint", cancellationToken);
                    break;
                case "ConfigureEndpointDefaults" when Is(type, _apis.KestrelServerOptions):
                    if (!_guards.IsDevelopmentOnly(invocation) && ConfiguresHttps(Argument(invocation, "configureOptions")?.Value, cancellationToken) == true)
                    {
                        _endpointDefaultsUseHttps = true;
                        _hasHttpsEndpoint = true;
                    }

                    break;
                case "UseHttpsRedirection" when Is(type, _apis.HttpsRedirectionExtensions):
                    _hasHttpsRedirection |= !_guards.IsDevelopmentOnly(invocation);
                    break;
                case "UseForwardedHeaders" when Is(type, _apis.ForwardedHeadersExtensions):
                    _hasForwardedHeaders |= !_guards.IsDevelopmentOnly(invocation);
                    break;
            }
        }

        public void OnAssignment(ISimpleAssignmentOperation assignment, CancellationToken cancellationToken)
        {
            // Every property assignment of the compilation comes here: match the property before any walk up the tree.
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return;
            }

            var property = target.Property;
            if (property.Name == "HttpsPort" && Is(property.ContainingType, _apis.HttpsRedirectionOptions))
            {
                if (!_guards.IsDevelopmentOnly(assignment) && ValueTracking.Integer(assignment.Value, cancellationToken) is long port)
                {
                    AddHttpsPort(port);
                }
            }
            else if (property.IsIndexer
                && target.Arguments.Length == 1
                && (Is(property.ContainingType, _apis.Configuration) || Implements(property.ContainingType, _apis.Configuration)))
            {
                OnSetting(assignment, target.Arguments[0].Value, assignment.Value, environmentVariable: false, cancellationToken);
            }
        }

        private void OnUrls(IOperation site, IArgumentOperation? argument, CancellationToken cancellationToken)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue || _guards.IsDevelopmentOnly(site))
            {
                return;
            }

            OnUrlValue(site, argument.Value, cancellationToken);
        }

        private void OnUrlValue(IOperation site, IOperation value, CancellationToken cancellationToken)
        {
            if (value is IArrayCreationOperation { IsImplicit: true, Initializer: { } paramsArray })
            {
                // A params array: each element is its own argument, with its own location.
                foreach (var element in paramsArray.ElementValues)
                {
                    OnUrlValue(site, element, cancellationToken);
                }

                return;
            }

            if (ListJoinValues(value, cancellationToken) is { } joinedValues)
            {
                // string.Join(";", …) written in the call: each element is its own entry of the list, with its own location.
                OnUrlValue(site, joinedValues, cancellationToken);
                return;
            }

            foreach (var tracked in ValueTracking.Strings(value, _guards, cancellationToken))
            {
                foreach (var address in ListenerAddress.ParseList(tracked.Text))
                {
                    if (address.IsHttps)
                    {
                        _hasHttpsEndpoint = true;
                        if (address.Port is int port)
                        {
                            AddHttpsPort(port);
                        }
                    }
                    else if (address.IsPlaintextHttp && address.IsBeyondLoopback)
                    {
                        // Squiggle the literal when it is written inside the call; otherwise the argument (a local or field).
                        var literalInCall = tracked.Syntax.SyntaxTree == site.Syntax.SyntaxTree && site.Syntax.Span.Contains(tracked.Syntax.Span);
                        var locationSyntax = literalInCall ? tracked.Syntax : value.Syntax;
                        var fix = literalInCall && FixProperties.IsStringSyntax(tracked.Syntax)
                            ? FixProperties.HttpsScheme(address.Text)
                            : FixProperties.None;
                        _plaintextListeners.Enqueue(new PlaintextListener(locationSyntax.GetLocation(), address, isKestrelEndpoint: false, fix));
                    }
                }
            }
        }

        /// <summary>Keyed settings: UseSetting, configuration["key"] = …, Environment.SetEnvironmentVariable.</summary>
        private void OnSetting(IOperation site, IOperation? keyOperation, IOperation? value, bool environmentVariable, CancellationToken cancellationToken)
        {
            if (keyOperation is null || value is null || SettingKey(keyOperation, cancellationToken) is not string key)
            {
                return;
            }

            if (environmentVariable)
            {
                const string prefix = "ASPNETCORE_";
                if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                key = key.Substring(prefix.Length);
            }

            switch (key.ToLowerInvariant())
            {
                case "urls":
                    if (!_guards.IsDevelopmentOnly(site))
                    {
                        OnUrlValue(site, value, cancellationToken);
                    }

                    break;
                case "http_ports":
                    // .NET 8+: each port binds http://*:port.
                    if (!_guards.IsDevelopmentOnly(site) && ValueTracking.SingleString(value, _guards, cancellationToken) is string httpPorts)
                    {
                        foreach (var port in Ports(httpPorts))
                        {
                            var address = new ListenerAddress("http://*:" + port.ToString(CultureInfo.InvariantCulture), "http", "*", port, HostScope.AllInterfaces);
                            _plaintextListeners.Enqueue(new PlaintextListener(value.Syntax.GetLocation(), address, isKestrelEndpoint: false, FixProperties.None));
                        }
                    }

                    break;
                case "https_ports":
                case "https_port":
                    if (!_guards.IsDevelopmentOnly(site) && ValueTracking.SingleString(value, _guards, cancellationToken) is string httpsPorts)
                    {
                        _hasHttpsEndpoint |= key.Equals("https_ports", StringComparison.OrdinalIgnoreCase);
                        foreach (var port in Ports(httpsPorts))
                        {
                            AddHttpsPort(port);
                        }
                    }

                    break;
            }
        }

        /// <summary>
        /// The key's text. WebHostDefaults' keys are static readonly fields whose initializers live in metadata, which
        /// value tracking cannot read, so the ones that bind or declare ports are named here.
        /// </summary>
        private string? SettingKey(IOperation keyOperation, CancellationToken cancellationToken)
        {
            if (ValueTracking.Unwrap(keyOperation, cancellationToken) is IFieldReferenceOperation field && Is(field.Field.ContainingType, _apis.WebHostDefaults))
            {
                return field.Field.Name switch
                {
                    "ServerUrlsKey" => "urls",
                    "HttpPortsKey" => "http_ports",
                    "HttpsPortsKey" => "https_ports",
                    _ => null,
                };
            }

            return ValueTracking.SingleString(keyOperation, _guards, cancellationToken);
        }

        private void OnHttpSysPrefix(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var argument = invocation.Arguments.FirstOrDefault();
            if (argument is null || _guards.IsDevelopmentOnly(invocation))
            {
                return;
            }

            if (argument.Value.Type?.SpecialType == SpecialType.System_String)
            {
                OnUrlValue(invocation, argument.Value, cancellationToken);
                return;
            }

            // UrlPrefix.Create(scheme, host, port, path) or UrlPrefix.Create(prefix)
            if (ValueTracking.Unwrap(argument.Value, cancellationToken) is IInvocationOperation { TargetMethod.Name: "Create" } create
                && Is(create.TargetMethod.ContainingType, _apis.HttpSysUrlPrefix))
            {
                if (create.Arguments.Length == 1)
                {
                    OnUrlValue(invocation, create.Arguments[0].Value, cancellationToken);
                }
                else if (create.Arguments.Length == 4
                    && ValueTracking.SingleString(create.Arguments[0].Value, _guards, cancellationToken) is string scheme
                    && ValueTracking.SingleString(create.Arguments[1].Value, _guards, cancellationToken) is string host)
                {
                    var portValue = create.Arguments[2].Value;
                    var port = ValueTracking.Integer(portValue, cancellationToken)?.ToString(CultureInfo.InvariantCulture)
                        ?? ValueTracking.SingleString(portValue, _guards, cancellationToken)
                        ?? ValueTracking.Unknown.ToString();
                    var url = scheme + "://" + host + ":" + port + "/";
                    if (ListenerAddress.TryParse(url, out var address) && address.IsPlaintextHttp && address.IsBeyondLoopback)
                    {
                        _plaintextListeners.Enqueue(new PlaintextListener(create.Syntax.GetLocation(), address, isKestrelEndpoint: false, FixProperties.None));
                    }
                    else if (address.IsHttps)
                    {
                        _hasHttpsEndpoint = true;
                    }
                }
            }
        }

        /// <summary>KestrelServerOptions.Listen/ListenAnyIP and KestrelConfigurationLoader.AnyIPEndpoint/Endpoint.</summary>
        private void OnKestrelEndpoint(IInvocationOperation invocation, bool anyIp, CancellationToken cancellationToken)
        {
            if (_guards.IsDevelopmentOnly(invocation))
            {
                return;
            }

            var configure = Argument(invocation, "configure");
            var hasConfigure = configure is not null && configure.ArgumentKind != ArgumentKind.DefaultValue && !IsNullLiteral(configure.Value);
            if (hasConfigure)
            {
                var https = ConfiguresHttps(configure!.Value, cancellationToken);
                if (https != false)
                {
                    // UseHttps inside the delegate, or a delegate we cannot see into: not a plaintext finding.
                    _hasHttpsEndpoint |= https == true;
                    return;
                }
            }

            IPAddress? ip;
            long? port;
            if (anyIp)
            {
                ip = IPAddress.Any;
                port = Argument(invocation, "port") is { } portArgument ? ValueTracking.Integer(portArgument.Value, cancellationToken) : null;
            }
            else if (Argument(invocation, "endPoint") is { } endPointArgument)
            {
                (ip, port) = ResolveEndPoint(endPointArgument.Value, cancellationToken);
            }
            else
            {
                ip = Argument(invocation, "address") is { } addressArgument ? ResolveAddress(addressArgument.Value, cancellationToken) : null;
                port = Argument(invocation, "port") is { } portArgument ? ValueTracking.Integer(portArgument.Value, cancellationToken) : null;
            }

            if (ip is null || port is not (> 0 and <= 65535))
            {
                return;
            }

            var scope = ListenerAddress.Classify(ip);
            var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + ip + "]" : ip.ToString();
            if (anyIp)
            {
                host = "*";
            }

            var address = new ListenerAddress("http://" + host + ":" + port.Value.ToString(CultureInfo.InvariantCulture), "http", host, (int)port.Value, scope);
            if (!address.IsBeyondLoopback)
            {
                return;
            }

            _plaintextListeners.Enqueue(new PlaintextListener(
                invocation.Syntax.GetLocation(),
                address,
                isKestrelEndpoint: true,
                hasConfigure ? FixProperties.None : FixProperties.AddUseHttps));
        }

        /// <summary>True when the delegate calls UseHttps, false when it visibly does not, null when it cannot be seen.</summary>
        private bool? ConfiguresHttps(IOperation? delegateValue, CancellationToken cancellationToken)
        {
            if (delegateValue is null)
            {
                return false;
            }

            if (ValueTracking.Unwrap(delegateValue, cancellationToken) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                return null;
            }

            return lambda.Body.Descendants().Any(operation =>
                operation is IInvocationOperation { TargetMethod.Name: "UseHttps" } useHttps
                && Is(useHttps.TargetMethod.ContainingType, _apis.ListenOptionsHttpsExtensions));
        }

        private IPAddress? ResolveAddress(IOperation value, CancellationToken cancellationToken)
        {
            switch (ValueTracking.Unwrap(value, cancellationToken))
            {
                case IFieldReferenceOperation field when Is(field.Field.ContainingType, _apis.IPAddress):
                    return field.Field.Name switch
                    {
                        "Any" => IPAddress.Any,
                        "IPv6Any" => IPAddress.IPv6Any,
                        "Loopback" => IPAddress.Loopback,
                        "IPv6Loopback" => IPAddress.IPv6Loopback,
                        _ => null,
                    };
                case IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse when Is(parse.TargetMethod.ContainingType, _apis.IPAddress):
                    return ValueTracking.SingleString(parse.Arguments[0].Value, _guards, cancellationToken) is string text && IPAddress.TryParse(text, out var parsed)
                        ? parsed
                        : null;
                default:
                    return null;
            }
        }

        private (IPAddress? Address, long? Port) ResolveEndPoint(IOperation value, CancellationToken cancellationToken)
        {
            if (ValueTracking.Unwrap(value, cancellationToken) is not IObjectCreationOperation creation
                || !Is(creation.Type, _apis.IPEndPoint)
                || creation.Arguments.Length != 2)
            {
                return (null, null);
            }

            var address = creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int64
                ? ValueTracking.Integer(creation.Arguments[0].Value, cancellationToken) is long raw ? new IPAddress(raw) : null
                : ResolveAddress(creation.Arguments[0].Value, cancellationToken);
            return (address, ValueTracking.Integer(creation.Arguments[1].Value, cancellationToken));
        }

        /// <summary>
        /// The values of <c>string.Join(";", values)</c>: joined with the list separator, every element stays an entry of
        /// the list. Null for any other value.
        /// </summary>
        private IOperation? ListJoinValues(IOperation value, CancellationToken cancellationToken)
        {
            if (value is not IInvocationOperation { TargetMethod: { Name: "Join", Parameters.Length: 2 } method } join
                || method.ContainingType?.SpecialType != SpecialType.System_String
                || join.Arguments.Length != 2)
            {
                return null;
            }

            var separator = join.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            var values = join.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value;
            if (separator is null || values is null)
            {
                return null;
            }

            var isListSeparator = separator.ConstantValue.Value is ';'
                || ValueTracking.SingleString(separator, _guards, cancellationToken)?.Trim() == ";";
            return isListSeparator ? values : null;
        }

        /// <summary>WebApplication.Urls or IServerAddressesFeature.Addresses.</summary>
        private bool IsUrlCollection(IOperation? instance)
        {
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            return instance is IPropertyReferenceOperation { Property: var property }
                && ((property.Name == "Urls" && Is(property.ContainingType, _apis.WebApplication))
                    || (property.Name == "Addresses" && Is(property.ContainingType, _apis.ServerAddressesFeature)));
        }

        private void AddHttpsPort(long port)
        {
            if (port is > 0 and <= 65535)
            {
                _httpsPorts[(int)port] = true;
            }
        }

        private static IEnumerable<int> Ports(string list)
        {
            foreach (var entry in list.Split(';', ','))
            {
                if (int.TryParse(entry.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
                {
                    yield return port;
                }
            }
        }

        private static IArgumentOperation? Argument(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool IsNullLiteral(IOperation operation) =>
            operation.ConstantValue.HasValue && operation.ConstantValue.Value is null;

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
            known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

        private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? @interface) =>
            @interface is not null && type is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, @interface));
    }
}
