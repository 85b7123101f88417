using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Deployment
{
    /// <summary>
    /// Whether the compilation's code takes its Kestrel endpoints from configuration: it loads the <c>Kestrel</c> section
    /// explicitly (<c>options.Configure(context.Configuration.GetSection("Kestrel"))</c>), or it builds a host that loads
    /// it by default (<c>WebApplication.CreateBuilder</c>, <c>WebHost.CreateDefaultBuilder</c>,
    /// <c>ConfigureWebHostDefaults</c>) or calls <c>ConfigureKestrel</c>, and declares no endpoint in code (no
    /// <c>Listen*</c>, <c>UseUrls</c>, <c>app.Urls</c>, <c>app.Run(url)</c>). Filled concurrently by invocation callbacks.
    /// </summary>
    internal sealed class KestrelEndpointSources
    {
        private Location? _configurationSection;
        private Location? _defaultHost;
        private volatile bool _endpointsInCode;

        /// <summary>Where the code hands endpoints to configuration, or null when it does not (or declares its own).</summary>
        public Location? ConfigurationUse => _configurationSection ?? (_endpointsInCode ? null : _defaultHost);

        public void OnInvocation(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            switch (method.Name)
            {
                case "Configure" when IsType(type, "Microsoft.AspNetCore.Server.Kestrel.Core", "KestrelServerOptions") && method.Parameters.Length > 0:
                    Interlocked.CompareExchange(ref _configurationSection, invocation.Syntax.GetLocation(), null);
                    break;
                case "CreateBuilder" or "CreateSlimBuilder" when IsType(type, "Microsoft.AspNetCore.Builder", "WebApplication"):
                case "CreateDefaultBuilder" when IsType(type, "Microsoft.AspNetCore", "WebHost"):
                case "ConfigureWebHostDefaults" when IsType(type, "Microsoft.Extensions.Hosting", "GenericHostBuilderExtensions"):
                case "ConfigureKestrel" or "UseKestrel" when IsType(type, "Microsoft.AspNetCore.Hosting", "WebHostBuilderKestrelExtensions"):
                    Interlocked.CompareExchange(ref _defaultHost, invocation.Syntax.GetLocation(), null);
                    break;
                case "Listen" or "ListenAnyIP" or "ListenLocalhost" or "ListenUnixSocket" or "ListenNamedPipe" or "ListenHandle"
                    when IsType(type, "Microsoft.AspNetCore.Server.Kestrel.Core", "KestrelServerOptions"):
                case "UseUrls" when IsType(type, "Microsoft.AspNetCore.Hosting", "HostingAbstractionsWebHostBuilderExtensions"):
                    _endpointsInCode = true;
                    break;
                case "Run" or "RunAsync" when IsType(type, "Microsoft.AspNetCore.Builder", "WebApplication") && invocation.Arguments.Length > 0
                                               && invocation.Arguments[0].ArgumentKind != ArgumentKind.DefaultValue
                                               && !(invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: null }):
                    _endpointsInCode = true;
                    break;
                case "Add" when invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Urls" } urls }
                                && IsType(urls.ContainingType, "Microsoft.AspNetCore.Builder", "WebApplication"):
                    _endpointsInCode = true;
                    break;
            }
        }

        private static bool IsType(INamedTypeSymbol type, string containingNamespace, string name) =>
            type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;
    }
}
