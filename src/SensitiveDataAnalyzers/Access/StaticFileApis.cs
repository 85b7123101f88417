using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// The ASP.NET Core static-file, file-server and directory-browser APIs, resolved once per compilation by their
    /// fully-qualified metadata names: look-alike methods of the same name in other namespaces never match.
    /// </summary>
    internal sealed class StaticFileApis
    {
        private readonly INamedTypeSymbol? _directoryBrowserExtensions;
        private readonly INamedTypeSymbol? _directoryBrowserServiceExtensions;
        private readonly INamedTypeSymbol? _staticFileExtensions;
        private readonly INamedTypeSymbol? _fileServerExtensions;
        private readonly INamedTypeSymbol? _authenticationExtensions;
        private readonly INamedTypeSymbol? _authorizationExtensions;

        private StaticFileApis(Compilation compilation)
        {
            _directoryBrowserExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.DirectoryBrowserExtensions");
            _directoryBrowserServiceExtensions = KnownTypes.Find(compilation, "Microsoft.Extensions.DependencyInjection.DirectoryBrowserServiceExtensions");
            _staticFileExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.StaticFileExtensions");
            _fileServerExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.FileServerExtensions");
            _authenticationExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions");
            _authorizationExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions");
            FileServerOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.FileServerOptions");
            StaticFileOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.StaticFileOptions");
            PhysicalFileProvider = KnownTypes.Find(compilation, "Microsoft.Extensions.FileProviders.PhysicalFileProvider");
            CompositeFileProvider = KnownTypes.Find(compilation, "Microsoft.Extensions.FileProviders.CompositeFileProvider");
            HttpContext = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.HttpContext");
            Path = KnownTypes.Find(compilation, "System.IO.Path");
        }

        public INamedTypeSymbol? FileServerOptions { get; }

        public INamedTypeSymbol? StaticFileOptions { get; }

        public INamedTypeSymbol? PhysicalFileProvider { get; }

        public INamedTypeSymbol? CompositeFileProvider { get; }

        public INamedTypeSymbol? HttpContext { get; }

        public INamedTypeSymbol? Path { get; }

        /// <summary>Null when the compilation references none of the middleware (nothing to analyze).</summary>
        public static StaticFileApis? Create(Compilation compilation)
        {
            var apis = new StaticFileApis(compilation);
            return apis._staticFileExtensions is null && apis._fileServerExtensions is null && apis._directoryBrowserExtensions is null
                && apis._directoryBrowserServiceExtensions is null
                ? null
                : apis;
        }

        public bool IsUseDirectoryBrowser(IMethodSymbol method) => Is(method, _directoryBrowserExtensions, "UseDirectoryBrowser");

        public bool IsAddDirectoryBrowser(IMethodSymbol method) => Is(method, _directoryBrowserServiceExtensions, "AddDirectoryBrowser");

        public bool IsUseStaticFiles(IMethodSymbol method) => Is(method, _staticFileExtensions, "UseStaticFiles");

        public bool IsUseFileServer(IMethodSymbol method) => Is(method, _fileServerExtensions, "UseFileServer");

        public bool IsAuthenticationOrAuthorization(IMethodSymbol method) =>
            Is(method, _authenticationExtensions, "UseAuthentication") || Is(method, _authorizationExtensions, "UseAuthorization");

        /// <summary>A property of StaticFileOptions or FileServerOptions (or the base they share) with this name.</summary>
        public bool IsOptionsProperty(IPropertySymbol property, INamedTypeSymbol? options, string name)
        {
            if (options is null || property.Name != name)
            {
                return false;
            }

            for (var type = options; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(property.ContainingType?.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool Is(IMethodSymbol method, INamedTypeSymbol? type, string name)
        {
            // The name first: every call of the compilation is asked about.
            return type is not null && method.Name == name
                && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).OriginalDefinition.ContainingType, type);
        }
    }
}
