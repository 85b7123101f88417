using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Finds ASP.NET Core endpoints that answer with a file – minimal APIs (MapGet … MapMethods, inside MapGroup groups)
    /// and controller actions – that anyone can reach: AllowAnonymous applies, or no authorization applies at all (none on
    /// the endpoint, its groups, the handler, the controller or its base classes, no global AuthorizeFilter, no
    /// FallbackPolicy). Authorization is an app-wide matter (Program.cs, Startup, extension methods in other files), so
    /// findings are decided once the whole compilation has been seen.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnonymousFileEndpointAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.AnonymousFileEndpoint,
            RuleDescriptors.AccessCategory,
            title: "File endpoint reachable without authorization",
            messageFormat: "{0} returns a file and is reachable without authorization: {1}",
            description: "An endpoint that hands out files – recordings, scans, reports – without authorization lets anyone who finds its URL download them; a medical advice line's 2.7 million call recordings were downloadable this way. Require an authenticated user on the endpoint, its group or controller, or app-wide with a FallbackPolicy.",
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        internal const string AttributeReason = "[AllowAnonymous] applies";

        internal const string ConventionReason = "AllowAnonymous() applies";

        internal const string NoAuthorizationReason = "no authorization applies (no RequireAuthorization, no [Authorize], no FallbackPolicy)";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (AuthorizationApis.Create(context.Compilation) is not { } apis)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(context.Compilation);
            var bodies = new SourceMethodBodies(context.Compilation);
            var conventions = new EndpointConventions(apis, bodies);
            var application = new ApplicationAuthorization();
            var candidates = new ConcurrentQueue<Candidate>();
            var actions = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (apis.IsMinimalEndpoint(method))
                    {
                        if (!guards.IsDevelopmentOnly(invocation)
                            && MinimalEndpoint(invocation, c.ContainingSymbol, apis, bodies, conventions, guards, c.CancellationToken) is { } candidate)
                        {
                            candidates.Enqueue(candidate);
                        }
                    }
                    else if (apis.IsControllerMapping(method))
                    {
                        if (!guards.IsDevelopmentOnly(invocation))
                        {
                            application.AddControllerMapping(conventions.Chained(invocation, c.ContainingSymbol, c.CancellationToken));
                        }
                    }
                    else if (method.Name == "SetFallbackPolicy" && AuthorizationApis.Is(method.ContainingType, apis.AuthorizationBuilder))
                    {
                        if (invocation.Arguments.Any(a => a.Parameter?.Ordinal == 0 && !IsNull(a.Value, c.CancellationToken)) && !guards.IsDevelopmentOnly(invocation))
                        {
                            application.AddFallbackPolicy();
                        }
                    }
                    else if (IsAddOrInsert(method) && AuthorizationApis.Is(invocation.Instance?.Type, apis.FilterCollection))
                    {
                        // Add(IFilterMetadata) and Insert are Collection<IFilterMetadata>'s: the receiver tells.
                        if (AddsAuthorizeFilter(invocation, apis) && !guards.IsDevelopmentOnly(invocation))
                        {
                            application.AddGlobalAuthorizeFilter();
                        }
                    }
                    else if (apis.IsFileResponse(invocation))
                    {
                        OnControllerFile(invocation, c.ContainingSymbol);
                    }
                    else if (bodies.IsDeclaredHere(method)
                        && CarriesBuilders(invocation) is var (passesRouteBuilder, returnsBuilder)
                        && (passesRouteBuilder || returnsBuilder)
                        && bodies.IsSource(method))
                    {
                        OnSourceCall(invocation, passesRouteBuilder, returnsBuilder, c.ContainingSymbol, c.CancellationToken);
                    }
                },
                OperationKind.Invocation);

            context.RegisterOperationAction(
                c =>
                {
                    if (apis.IsFileResponse(c.Operation))
                    {
                        OnControllerFile(c.Operation, c.ContainingSymbol);
                    }
                },
                OperationKind.ObjectCreation);

            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "FallbackPolicy" } property }
                        && AuthorizationApis.Is(property.ContainingType, apis.AuthorizationOptions)
                        && !IsNull(assignment.Value, c.CancellationToken)
                        && !guards.IsDevelopmentOnly(assignment))
                    {
                        application.AddFallbackPolicy();
                    }
                },
                OperationKind.SimpleAssignment);

            context.RegisterCompilationEndAction(c =>
            {
                var controllerMappings = application.ControllerMappings();
                foreach (var candidate in candidates)
                {
                    var access = application.Resolve(candidate.Fact);
                    if (candidate.IsAction)
                    {
                        access = AccessRules.Union(access, controllerMappings);
                        if (application.HasGlobalAuthorizeFilter)
                        {
                            access = AccessRules.Union(access, Access.Authorized);
                        }
                    }

                    string reason;
                    if (access == Access.Anonymous)
                    {
                        reason = candidate.AttributeAccess == Access.Anonymous ? AttributeReason : ConventionReason;
                    }
                    else if (access == Access.None && !application.HasFallbackPolicy)
                    {
                        reason = NoAuthorizationReason;
                    }
                    else
                    {
                        continue;
                    }

                    var severity = candidate.IsHealthData ? DiagnosticSeverity.Error : Rule.DefaultSeverity;
                    c.ReportDiagnostic(Diagnostic.Create(Rule, candidate.Location, severity, additionalLocations: null, properties: null, candidate.Subject, reason));
                }
            });

            void OnControllerFile(IOperation fileResponse, ISymbol owner)
            {
                if (owner is IMethodSymbol action && IsAction(action, apis) && actions.TryAdd(action, 0) && !action.Locations.IsEmpty)
                {
                    var fact = AccessFact.Of(apis.Attributes(action));
                    var routes = new List<string>();
                    AddAttributeStrings(action, routes);
                    for (var type = action.ContainingType; type is not null; type = type.BaseType)
                    {
                        fact = fact.With(AccessFact.Of(apis.Attributes(type)));
                        AddAttributeStrings(type, routes);
                    }

                    candidates.Enqueue(new Candidate(
                        action.Locations[0],
                        "Action '" + action.ContainingType.Name + "." + action.Name + "'",
                        fact,
                        fact.Known,
                        isAction: true,
                        IsHealthData(routes.Concat(ConstantStrings(fileResponse)))));
                }
            }

            // Every call of a method of this compilation passes through here: the parameter and return types are answered
            // from a per-compilation cache, the arguments are the operation tree's own (IMethodSymbol.Parameters would copy).
            (bool PassesRouteBuilder, bool ReturnsBuilder) CarriesBuilders(IInvocationOperation invocation)
            {
                var passesRouteBuilder = false;
                foreach (var argument in invocation.Arguments)
                {
                    passesRouteBuilder |= apis.IsRouteBuilder(argument.Parameter?.Type);
                }

                return (passesRouteBuilder, apis.IsConventionBuilder(invocation.TargetMethod.ReturnType));
            }

            void OnSourceCall(IInvocationOperation invocation, bool passesRouteBuilder, bool returnsBuilder, ISymbol owner, CancellationToken cancellationToken)
            {
                if (guards.IsDevelopmentOnly(invocation))
                {
                    return;
                }

                if (passesRouteBuilder)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter is { } parameter && apis.IsRouteBuilder(parameter.Type))
                        {
                            application.AddSite(parameter, conventions.RouteBuilder(argument.Value, owner, cancellationToken));
                        }
                    }
                }

                if (returnsBuilder)
                {
                    application.AddSite(invocation.TargetMethod, conventions.Chained(invocation, owner, cancellationToken));
                }
            }
        }

        private static Candidate? MinimalEndpoint(
            IInvocationOperation invocation,
            ISymbol owner,
            AuthorizationApis apis,
            SourceMethodBodies bodies,
            EndpointConventions conventions,
            DevelopmentGuards guards,
            CancellationToken cancellationToken)
        {
            var handler = invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && AuthorizationApis.IsHandler(p))?.Value;
            if (handler is null)
            {
                return null;
            }

            (IOperation? Body, IMethodSymbol? Symbol) target = ValueTracking.Unwrap(handler, cancellationToken) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => (lambda.Body, lambda.Symbol),
                IAnonymousFunctionOperation lambda => (lambda.Body, lambda.Symbol),
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => (bodies.Of(reference.Method, cancellationToken), reference.Method),
                _ => (null, null),
            };
            if (target.Body is null || target.Symbol is null)
            {
                return null;
            }

            var fileResponses = target.Body.DescendantsAndSelf().Where(apis.IsFileResponse).ToList();
            if (fileResponses.Count == 0 || Receiver(invocation) is not { } routeBuilder)
            {
                return null;
            }

            var attributes = apis.Attributes(target.Symbol);
            var fact = AccessFact.Of(attributes)
                .With(conventions.Chained(invocation, owner, cancellationToken))
                .With(conventions.RouteBuilder(routeBuilder, owner, cancellationToken));

            var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value;
            var route = pattern is null ? null : ValueTracking.SingleString(pattern, guards, cancellationToken);
            var verb = invocation.TargetMethod.Name switch
            {
                "MapGet" => "GET ",
                "MapPost" => "POST ",
                "MapPut" => "PUT ",
                "MapDelete" => "DELETE ",
                "MapPatch" => "PATCH ",
                _ => "",
            };
            var subject = "Endpoint '" + verb + (route ?? (invocation.TargetMethod.Name == "MapFallback" ? "(fallback)" : "?")) + "'";
            var texts = fileResponses.SelectMany(ConstantStrings).Concat(route is null ? Array.Empty<string>() : new[] { route });
            return new Candidate(NameLocation(invocation), subject, fact, attributes, isAction: false, IsHealthData(texts));
        }

        private static IOperation? Receiver(IInvocationOperation invocation) => EndpointConventions.Receiver(invocation);

        /// <summary>The Map method's name (<c>MapGet</c> in <c>app.MapGet(…)</c>): the endpoint, without its handler.</summary>
        private static Location NameLocation(IInvocationOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess }
                ? memberAccess.Name.GetLocation()
                : invocation.Syntax.GetLocation();

        /// <summary>A public instance method of a controller (ControllerBase, [Controller] or a *Controller name), not [NonAction].</summary>
        private static bool IsAction(IMethodSymbol method, AuthorizationApis apis)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsGenericMethod
                || method.DeclaredAccessibility != Accessibility.Public
                || method.GetAttributes().Any(a => AuthorizationApis.IsOrDerives(a.AttributeClass, apis.NonActionAttribute)))
            {
                return false;
            }

            var type = method.ContainingType;
            if (type is null || type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public
                || type.GetAttributes().Any(a => AuthorizationApis.IsOrDerives(a.AttributeClass, apis.NonControllerAttribute)))
            {
                return false;
            }

            if (AuthorizationApis.IsOrDerives(type, apis.ControllerBase) || type.Name.EndsWith("Controller", StringComparison.Ordinal))
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.GetAttributes().Any(a => AuthorizationApis.IsOrDerives(a.AttributeClass, apis.ControllerAttribute)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAddOrInsert(IMethodSymbol method) =>
            method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name == "Insert";

        /// <summary>filters.Add(new AuthorizeFilter(…)), Add&lt;AuthorizeFilter&gt;(), Add(typeof(AuthorizeFilter)), AddService, Insert.</summary>
        private static bool AddsAuthorizeFilter(IInvocationOperation invocation, AuthorizationApis apis)
        {
            if (invocation.TargetMethod.TypeArguments.Any(t => AuthorizationApis.IsOrDerives(t, apis.AuthorizeFilter)))
            {
                return true;
            }

            return invocation.Arguments.Any(argument => AuthorizationApis.StripConversions(argument.Value) switch
            {
                ITypeOfOperation typeOf => AuthorizationApis.IsOrDerives(typeOf.TypeOperand, apis.AuthorizeFilter),
                var value => AuthorizationApis.IsOrDerives(value.Type, apis.AuthorizeFilter),
            });
        }

        private static bool IsNull(IOperation value, CancellationToken cancellationToken)
        {
            var unwrapped = ValueTracking.Unwrap(value, cancellationToken);
            return (unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is null)
                || (value.ConstantValue.HasValue && value.ConstantValue.Value is null);
        }

        private static IEnumerable<string> ConstantStrings(IOperation operation) =>
            operation.DescendantsAndSelf().Select(o => o.ConstantValue).Where(v => v.HasValue && v.Value is string).Select(v => (string)v.Value!);

        private static void AddAttributeStrings(ISymbol symbol, List<string> strings)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
                    {
                        strings.Add(text);
                    }
                }
            }
        }

        private static bool IsHealthData(IEnumerable<string> texts) =>
            texts.Any(SensitiveFolderWords.Mentions);

        private sealed class Candidate
        {
            public Candidate(Location location, string subject, AccessFact fact, Access attributeAccess, bool isAction, bool isHealthData)
            {
                Location = location;
                Subject = subject;
                Fact = fact;
                AttributeAccess = attributeAccess;
                IsAction = isAction;
                IsHealthData = isHealthData;
            }

            public Location Location { get; }

            public string Subject { get; }

            public AccessFact Fact { get; }

            /// <summary>What the handler's or action's own attributes (and the controller's) say.</summary>
            public Access AttributeAccess { get; }

            public bool IsAction { get; }

            public bool IsHealthData { get; }
        }
    }
}
