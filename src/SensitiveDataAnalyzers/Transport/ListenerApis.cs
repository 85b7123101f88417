using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Transport
{
    /// <summary>
    /// The binding APIs of Kestrel, HTTP.sys, HttpListener and ASP.NET Core hosting, resolved once per compilation.
    /// A null member means the compilation does not reference that API.
    /// </summary>
    internal sealed class ListenerApis
    {
        private ListenerApis(Compilation compilation)
        {
            WebHostBuilderExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");
            WebHostBuilder = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            WebApplication = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.WebApplication");
            WebHost = KnownTypes.Find(compilation, "Microsoft.AspNetCore.WebHost");
            WebHostDefaults = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.WebHostDefaults");
            ServerAddressesFeature = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature");
            KestrelServerOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
            KestrelConfigurationLoader = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.KestrelConfigurationLoader");
            ListenOptionsHttpsExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions");
            HttpSysUrlPrefixCollection = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.HttpSys.UrlPrefixCollection");
            HttpSysUrlPrefix = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.HttpSys.UrlPrefix");
            HttpListenerPrefixCollection = KnownTypes.Find(compilation, "System.Net.HttpListenerPrefixCollection");
            HttpsRedirectionExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions");
            HttpsRedirectionOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions");
            ForwardedHeadersExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.ForwardedHeadersExtensions");
            Configuration = KnownTypes.Find(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
            IPAddress = KnownTypes.Find(compilation, "System.Net.IPAddress");
            IPEndPoint = KnownTypes.Find(compilation, "System.Net.IPEndPoint");
            Environment = KnownTypes.Find(compilation, "System.Environment");
        }

        public INamedTypeSymbol? WebHostBuilderExtensions { get; }
        public INamedTypeSymbol? WebHostBuilder { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? WebHost { get; }
        public INamedTypeSymbol? WebHostDefaults { get; }
        public INamedTypeSymbol? ServerAddressesFeature { get; }
        public INamedTypeSymbol? KestrelServerOptions { get; }
        public INamedTypeSymbol? KestrelConfigurationLoader { get; }
        public INamedTypeSymbol? ListenOptionsHttpsExtensions { get; }
        public INamedTypeSymbol? HttpSysUrlPrefixCollection { get; }
        public INamedTypeSymbol? HttpSysUrlPrefix { get; }
        public INamedTypeSymbol? HttpListenerPrefixCollection { get; }
        public INamedTypeSymbol? HttpsRedirectionExtensions { get; }
        public INamedTypeSymbol? HttpsRedirectionOptions { get; }
        public INamedTypeSymbol? ForwardedHeadersExtensions { get; }
        public INamedTypeSymbol? Configuration { get; }
        public INamedTypeSymbol? IPAddress { get; }
        public INamedTypeSymbol? IPEndPoint { get; }
        public INamedTypeSymbol? Environment { get; }

        /// <summary>Null when the compilation references no listener API at all, so the rule registers nothing.</summary>
        public static ListenerApis? TryCreate(Compilation compilation)
        {
            var apis = new ListenerApis(compilation);
            var anyListener = apis.WebHostBuilder is not null
                || apis.WebApplication is not null
                || apis.KestrelServerOptions is not null
                || apis.HttpSysUrlPrefixCollection is not null
                || apis.HttpListenerPrefixCollection is not null;
            return anyListener ? apis : null;
        }
    }
}
