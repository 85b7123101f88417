using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Follows endpoint convention builders the way ASP.NET Core applies them: conventions chained onto a Map call or a
    /// MapGroup (<c>.RequireAuthorization()</c>, <c>.AllowAnonymous()</c>, <c>.WithMetadata(new AuthorizeAttribute())</c>),
    /// called on a local that holds the builder anywhere in the same body (conventions apply whatever their order), and
    /// inherited from enclosing groups. Where a builder leaves the body – a route builder parameter, a builder returned
    /// from a method – the fact depends on the app-wide facts of <see cref="ApplicationAuthorization"/>. Where it goes
    /// somewhere that cannot be followed (a field, a lambda's parameter, a method that adds conventions of its own), the
    /// fact is unknown, and the rule stays silent.
    /// </summary>
    internal sealed class EndpointConventions
    {
        private const int MaxDepth = 4;

        private readonly AuthorizationApis _apis;
        private readonly SourceMethodBodies _bodies;

        public EndpointConventions(AuthorizationApis apis, SourceMethodBodies bodies)
        {
            _apis = apis;
            _bodies = bodies;
        }

        /// <summary>What is chained onto, or later called on, the builder <paramref name="builder"/> evaluates to.</summary>
        public AccessFact Chained(IOperation builder, ISymbol owner, CancellationToken cancellationToken) =>
            Chained(builder, owner, 0, cancellationToken);

        /// <summary>The authorization a route builder (WebApplication, a group, a parameter) gives the endpoints mapped on it.</summary>
        public AccessFact RouteBuilder(IOperation value, ISymbol owner, CancellationToken cancellationToken) =>
            RouteBuilder(value, owner, 0, cancellationToken);

        /// <summary>The receiver of a call: the instance, or the <c>this</c> argument of an extension method.</summary>
        public static IOperation? Receiver(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value
                : null);

        private AccessFact Chained(IOperation builder, ISymbol owner, int depth, CancellationToken cancellationToken)
        {
            var fact = AccessFact.None;
            var current = builder;
            while (depth <= MaxDepth)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation:
                        current = parent;
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                        if (argument.Parameter?.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod)
                        {
                            if (_apis.Convention(invocation) is { } convention)
                            {
                                fact = fact.With(AccessFact.Of(convention));
                                current = invocation;
                                continue;
                            }

                            if (AddsConventions(invocation.TargetMethod, cancellationToken))
                            {
                                return fact.With(AccessFact.Unknown);
                            }

                            if (PassesThrough(invocation, current))
                            {
                                current = invocation;
                                continue;
                            }

                            // g.MapGet(…), g.MapGroup(…): another endpoint or group, not a convention of this one.
                            return fact;
                        }

                        // Handed to a method: silent if that method may add conventions we cannot see.
                        return !_bodies.IsSource(invocation.TargetMethod) || AddsConventions(invocation.TargetMethod, cancellationToken)
                            ? fact.With(AccessFact.Unknown)
                            : fact;
                    case IInvocationOperation invocation when invocation.Instance == current:
                        // Instance methods of the builders (RouteHandlerBuilder.Add(convention)): not followed.
                        return fact.With(invocation.TargetMethod.Name == "Add" ? AccessFact.Unknown : AccessFact.None);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return fact.With(LocalUses(declarator.Symbol, declarator, owner, depth + 1, cancellationToken));
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return assignment.Target switch
                        {
                            IDiscardOperation => fact,
                            ILocalReferenceOperation local => fact.With(LocalUses(local.Local, assignment, owner, depth + 1, cancellationToken)),
                            _ => fact.With(AccessFact.Unknown),
                        };
                    case ISimpleAssignmentOperation assignment when assignment.Target == current:
                        return fact;
                    case IReturnOperation:
                        return fact.With(ReturnedFrom(parent, owner));
                    case IExpressionStatementOperation or null:
                        return fact;
                    default:
                        return fact.With(AccessFact.Unknown);
                }
            }

            return fact.With(AccessFact.Unknown);
        }

        /// <summary>A builder returned from a method: decided by what its callers chain onto it. Unknown from a lambda.</summary>
        private static AccessFact ReturnedFrom(IOperation returnOperation, ISymbol owner)
        {
            for (var ancestor = returnOperation.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                switch (ancestor)
                {
                    case IAnonymousFunctionOperation:
                        return AccessFact.Unknown;
                    case ILocalFunctionOperation localFunction:
                        return AccessFact.DependsOn(localFunction.Symbol);
                }
            }

            return owner is IMethodSymbol method ? AccessFact.DependsOn(method) : AccessFact.Unknown;
        }

        /// <summary>Every use of a local that holds a builder, in the body it is declared in.</summary>
        private AccessFact LocalUses(ILocalSymbol local, IOperation within, ISymbol owner, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return AccessFact.Unknown;
            }

            var root = OperationTree.Root(within);
            var fact = AccessFact.None;
            foreach (var descendant in root.Descendants())
            {
                if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    fact = fact.With(Chained(reference, owner, depth, cancellationToken));
                }
            }

            return fact;
        }

        private AccessFact RouteBuilder(IOperation value, ISymbol owner, int depth, CancellationToken cancellationToken)
        {
            var operation = AuthorizationApis.StripConversions(value);
            if (depth > MaxDepth)
            {
                return AccessFact.Unknown;
            }

            if (AuthorizationApis.IsOrDerives(operation.Type, _apis.WebApplication))
            {
                // The application itself: no group conventions.
                return AccessFact.None;
            }

            switch (operation)
            {
                case IInvocationOperation invocation when Receiver(invocation) is { } receiver:
                    if (_apis.IsMapGroup(invocation.TargetMethod))
                    {
                        return RouteBuilder(receiver, owner, depth + 1, cancellationToken);
                    }

                    if (_apis.Convention(invocation) is { } convention)
                    {
                        return AccessFact.Of(convention).With(RouteBuilder(receiver, owner, depth + 1, cancellationToken));
                    }

                    return invocation.TargetMethod.IsExtensionMethod && PassesThrough(invocation, receiver) && !AddsConventions(invocation.TargetMethod, cancellationToken)
                        ? RouteBuilder(receiver, owner, depth + 1, cancellationToken)
                        : AccessFact.Unknown;
                case ILocalReferenceOperation local:
                    var initializer = ValueTracking.Unwrap(local, cancellationToken);
                    return initializer == local
                        ? AccessFact.Unknown
                        : RouteBuilder(initializer, owner, depth + 1, cancellationToken).With(LocalUses(local.Local, local, owner, depth + 1, cancellationToken));
                case IParameterReferenceOperation { Parameter: var parameter }:
                    if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
                    {
                        // app.UseEndpoints(endpoints => endpoints.MapGet(…)): the application's own route builder.
                        return IsUseEndpointsLambda(operation, parameter) ? AccessFact.None : AccessFact.Unknown;
                    }

                    return AccessFact.DependsOn(parameter);
                default:
                    return AccessFact.Unknown;
            }
        }

        private bool IsUseEndpointsLambda(IOperation reference, IParameterSymbol parameter)
        {
            for (var ancestor = reference.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (ancestor is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
                {
                    var call = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
                    return call is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "UseEndpoints" } useEndpoints }
                        && AuthorizationApis.Is(useEndpoints.TargetMethod.ContainingType, _apis.EndpointRoutingApplicationBuilderExtensions);
                }
            }

            return false;
        }

        /// <summary>An extension that returns the builder it was given (WithName, WithTags, Produces, CacheOutput …).</summary>
        private bool PassesThrough(IInvocationOperation invocation, IOperation receiver) =>
            !AuthorizationApis.Is(invocation.TargetMethod.ContainingType, _apis.EndpointRouteBuilderExtensions)
            && invocation.Type is { } type
            && SymbolEqualityComparer.Default.Equals(type, receiver.Type);

        /// <summary>A method in the compilation whose body calls an authorization convention: what it adds is not followed.</summary>
        private bool AddsConventions(IMethodSymbol method, CancellationToken cancellationToken) =>
            _bodies.Of(method, cancellationToken) is { } body
            && body.Descendants().Any(operation => operation is IInvocationOperation invocation && _apis.Convention(invocation) is not null);
    }
}
