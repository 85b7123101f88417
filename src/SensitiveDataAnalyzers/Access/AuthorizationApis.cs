using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// The ASP.NET Core types SDA4005 recognises, resolved once per compilation by fully-qualified metadata name, so a
    /// type of your own called <c>Results</c> or <c>AuthorizeAttribute</c> is not one of them.
    /// </summary>
    internal sealed class AuthorizationApis
    {
        private AuthorizationApis(Compilation compilation)
        {
            INamedTypeSymbol? Type(string name) => compilation.GetTypeByMetadataName(name);

            EndpointRouteBuilderExtensions = Type("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            EndpointRouteBuilder = Type("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            EndpointConventionBuilder = Type("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
            WebApplication = Type("Microsoft.AspNetCore.Builder.WebApplication");
            EndpointRoutingApplicationBuilderExtensions = Type("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
            AuthorizationConventions = Type("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
            RoutingConventions = Type("Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions");
            ControllerMappings = Type("Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions");
            AuthorizeData = Type("Microsoft.AspNetCore.Authorization.IAuthorizeData");
            AllowAnonymous = Type("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
            AuthorizationOptions = Type("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
            AuthorizationBuilder = Type("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
            FilterCollection = Type("Microsoft.AspNetCore.Mvc.Filters.FilterCollection");
            AuthorizeFilter = Type("Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter");
            ControllerBase = Type("Microsoft.AspNetCore.Mvc.ControllerBase");
            ControllerAttribute = Type("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = Type("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            NonActionAttribute = Type("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            Results = Type("Microsoft.AspNetCore.Http.Results");
            TypedResults = Type("Microsoft.AspNetCore.Http.TypedResults");
            SendFileExtensions = Type("Microsoft.AspNetCore.Http.SendFileResponseExtensions");
            FileResults = new[]
            {
                Type("Microsoft.AspNetCore.Mvc.PhysicalFileResult"),
                Type("Microsoft.AspNetCore.Mvc.FileStreamResult"),
                Type("Microsoft.AspNetCore.Mvc.FileContentResult"),
                Type("Microsoft.AspNetCore.Mvc.VirtualFileResult"),
            }.Where(type => type is not null).ToArray()!;
        }

        public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        public INamedTypeSymbol? EndpointConventionBuilder { get; }

        public INamedTypeSymbol? WebApplication { get; }

        public INamedTypeSymbol? EndpointRoutingApplicationBuilderExtensions { get; }

        public INamedTypeSymbol? AuthorizationConventions { get; }

        public INamedTypeSymbol? RoutingConventions { get; }

        public INamedTypeSymbol? ControllerMappings { get; }

        public INamedTypeSymbol? AuthorizeData { get; }

        public INamedTypeSymbol? AllowAnonymous { get; }

        public INamedTypeSymbol? AuthorizationOptions { get; }

        public INamedTypeSymbol? AuthorizationBuilder { get; }

        public INamedTypeSymbol? FilterCollection { get; }

        public INamedTypeSymbol? AuthorizeFilter { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? Results { get; }

        public INamedTypeSymbol? TypedResults { get; }

        public INamedTypeSymbol? SendFileExtensions { get; }

        public INamedTypeSymbol[] FileResults { get; }

        /// <summary>Null when the compilation references neither endpoint routing nor MVC: nothing to analyze.</summary>
        public static AuthorizationApis? Create(Compilation compilation)
        {
            var apis = new AuthorizationApis(compilation);
            return apis.EndpointRouteBuilderExtensions is null && apis.ControllerBase is null ? null : apis;
        }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
            known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

        /// <summary>The type itself, one of its base types or one of its interfaces.</summary>
        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? known)
        {
            if (known is null || type is null)
            {
                return false;
            }

            if (Is(type, known))
            {
                return true;
            }

            // Every call and creation of the compilation comes here: an interface is looked for among the interfaces
            // only, a class along the base types only.
            if (known.TypeKind == TypeKind.Interface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (Is(implemented, known))
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (Is(current, known))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>MapGet, MapPost, MapPut, MapDelete, MapPatch, MapMethods, Map and MapFallback with a handler delegate.</summary>
        public bool IsMinimalEndpoint(IMethodSymbol method) =>
            Is(method.ContainingType, EndpointRouteBuilderExtensions)
            && method.Name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "Map" or "MapFallback"
            && method.Parameters.Any(p => IsHandler(p));

        /// <summary>The handler parameter of a Map method: a Delegate, or a RequestDelegate taking the HttpContext.</summary>
        public static bool IsHandler(IParameterSymbol parameter) =>
            parameter.Name is "handler" or "requestDelegate" && parameter.Type.Name is "Delegate" or "RequestDelegate";

        public bool IsMapGroup(IMethodSymbol method) =>
            method.Name == "MapGroup" && Is(method.ContainingType, EndpointRouteBuilderExtensions);

        public bool IsControllerMapping(IMethodSymbol method) =>
            Is(method.ContainingType, ControllerMappings)
            && method.Name is "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute";

        /// <summary>What a convention method says: RequireAuthorization, AllowAnonymous, WithMetadata(new AuthorizeAttribute()) …; null for other methods.</summary>
        public Access? Convention(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (Is(method.ContainingType, AuthorizationConventions))
            {
                return method.Name switch
                {
                    "RequireAuthorization" => Access.Authorized,
                    "AllowAnonymous" => Access.Anonymous,
                    _ => null,
                };
            }

            if (method.Name == "WithMetadata" && Is(method.ContainingType, RoutingConventions))
            {
                var access = Access.None;
                foreach (var item in invocation.Arguments.SelectMany(a => a.Value is IArrayCreationOperation { Initializer: { } init } ? init.ElementValues : new[] { a.Value }.AsEnumerable()))
                {
                    access = AccessRules.Union(access, Metadata(StripConversions(item).Type));
                }

                return access;
            }

            return null;
        }

        /// <summary>Authorization metadata a type carries: IAllowAnonymous, IAuthorizeData, or neither.</summary>
        public Access Metadata(ITypeSymbol? type) =>
            IsOrDerives(type, AllowAnonymous) ? Access.Anonymous : IsOrDerives(type, AuthorizeData) ? Access.Authorized : Access.None;

        /// <summary>The attributes of a symbol: [AllowAnonymous] wins over [Authorize].</summary>
        public Access Attributes(ISymbol symbol)
        {
            var access = Access.None;
            foreach (var attribute in symbol.GetAttributes())
            {
                access = AccessRules.Union(access, Metadata(attribute.AttributeClass));
            }

            return access;
        }

        /// <summary>An operation that answers with a file: Results/TypedResults.File/PhysicalFile/VirtualFile/Stream/Bytes, ControllerBase.File/PhysicalFile/VirtualFile, new PhysicalFileResult/FileStreamResult/FileContentResult/VirtualFileResult, HttpResponse.SendFileAsync.</summary>
        public bool IsFileResponse(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var type = method.ContainingType;
                    return method.Name switch
                    {
                        "File" or "PhysicalFile" or "VirtualFile" => Is(type, Results) || Is(type, TypedResults) || Is(type, ControllerBase),
                        "Stream" or "Bytes" => Is(type, Results) || Is(type, TypedResults),
                        "SendFileAsync" => Is(type, SendFileExtensions),
                        _ => false,
                    };
                case IObjectCreationOperation creation:
                    return FileResults.Any(result => IsOrDerives(creation.Type, result));
                default:
                    return false;
            }
        }

        /// <summary>A type that routes endpoints (IEndpointRouteBuilder and its implementations: WebApplication, RouteGroupBuilder).</summary>
        public bool IsRouteBuilder(ITypeSymbol? type) => IsOrDerives(type, EndpointRouteBuilder);

        public bool IsConventionBuilder(ITypeSymbol? type) => IsOrDerives(type, EndpointConventionBuilder);

        public static IOperation StripConversions(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }
    }
}
