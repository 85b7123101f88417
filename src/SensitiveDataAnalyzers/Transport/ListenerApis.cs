using Microsoft.CodeAnalysis;

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
            WebHostBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");
            WebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            WebHost = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.WebHost");
            WebHostDefaults = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.WebHostDefaults");
            ServerAddressesFeature = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature");
            KestrelServerOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
            KestrelConfigurationLoader = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Server.Kestrel.KestrelConfigurationLoader");
            ListenOptionsHttpsExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions");
            HttpSysUrlPrefixCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Server.HttpSys.UrlPrefixCollection");
            HttpSysUrlPrefix = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Server.HttpSys.UrlPrefix");
            HttpListenerPrefixCollection = compilation.GetTypeByMetadataName("System.Net.HttpListenerPrefixCollection");
            HttpsRedirectionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions");
            HttpsRedirectionOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions");
            ForwardedHeadersExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ForwardedHeadersExtensions");
            Configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            IPAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
            IPEndPoint = compilation.GetTypeByMetadataName("System.Net.IPEndPoint");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
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
