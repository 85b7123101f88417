using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;
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
            INamedTypeSymbol? Type(string name) => KnownTypes.Find(compilation, name);

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
            FileResult = Type("Microsoft.AspNetCore.Mvc.FileResult");
        }

        // Every call of the compilation's own methods asks whether its parameter and return types route or build endpoints: the
        // answer for a type is kept for the compilation (this object lives for one compilation only).
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _routeBuilders = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _conventionBuilders = new(SymbolEqualityComparer.Default);

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

        /// <summary>The base of PhysicalFileResult, FileStreamResult, FileContentResult and VirtualFileResult.</summary>
        public INamedTypeSymbol? FileResult { get; }

        /// <summary>Null when the compilation references neither endpoint routing nor MVC: nothing to analyze.</summary>
        public static AuthorizationApis? Create(Compilation compilation)
        {
            // Two lookups decide; the other types are only resolved for web applications.
            var apis = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions") is null
                && KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase") is null
                ? null
                : new AuthorizationApis(compilation);
            return apis;
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
            method.Name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "Map" or "MapFallback"
            && Is(method.ContainingType, EndpointRouteBuilderExtensions)
            && method.Parameters.Any(p => IsHandler(p));

        /// <summary>The handler parameter of a Map method: a Delegate, or a RequestDelegate taking the HttpContext.</summary>
        public static bool IsHandler(IParameterSymbol parameter) =>
            parameter.Name is "handler" or "requestDelegate" && parameter.Type.Name is "Delegate" or "RequestDelegate";

        public bool IsMapGroup(IMethodSymbol method) =>
            method.Name == "MapGroup" && Is(method.ContainingType, EndpointRouteBuilderExtensions);

        public bool IsControllerMapping(IMethodSymbol method) =>
            method.Name is "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute"
            && Is(method.ContainingType, ControllerMappings);

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

        /// <summary>An operation that answers with a file: Results/TypedResults.File/PhysicalFile/VirtualFile/Stream/Bytes, ControllerBase.File/PhysicalFile/VirtualFile, new PhysicalFileResult/FileStreamResult/FileContentResult/VirtualFileResult (any FileResult), HttpResponse.SendFileAsync.</summary>
        public bool IsFileResponse(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    return method.Name switch
                    {
                        "File" or "PhysicalFile" or "VirtualFile" => Is(method.ContainingType, Results) || Is(method.ContainingType, TypedResults) || Is(method.ContainingType, ControllerBase),
                        "Stream" or "Bytes" => Is(method.ContainingType, Results) || Is(method.ContainingType, TypedResults),
                        "SendFileAsync" => Is(method.ContainingType, SendFileExtensions),
                        _ => false,
                    };
                case IObjectCreationOperation { Type: { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } created }:
                    return IsOrDerives(created, FileResult);
                default:
                    return false;
            }
        }

        /// <summary>A type that routes endpoints (IEndpointRouteBuilder and its implementations: WebApplication, RouteGroupBuilder).</summary>
        public bool IsRouteBuilder(ITypeSymbol? type) => Implements(type, EndpointRouteBuilder, _routeBuilders);

        public bool IsConventionBuilder(ITypeSymbol? type) => Implements(type, EndpointConventionBuilder, _conventionBuilders);

        private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? known, ConcurrentDictionary<ITypeSymbol, bool> answers)
        {
            // void, string, int, object …: most parameter and return types, answered without a lookup.
            if (type is null || known is null || type.SpecialType != SpecialType.None
                || type.TypeKind is not (TypeKind.Class or TypeKind.Interface or TypeKind.Struct or TypeKind.TypeParameter))
            {
                return false;
            }

            // The builder interfaces are not generic: Foo<A> and Foo<B> implement them alike, so one answer per definition.
            var definition = type.OriginalDefinition;
            if (answers.TryGetValue(definition, out var answer))
            {
                return answer;
            }

            answer = IsOrDerives(definition, known);
            answers.TryAdd(definition, answer);
            return answer;
        }

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
