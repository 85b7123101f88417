using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>What is known about the authorization metadata of an endpoint, a group or a convention builder.</summary>
    internal enum Access
    {
        /// <summary>Nothing authorizes and nothing allows anonymous access.</summary>
        None = 0,

        /// <summary>RequireAuthorization, [Authorize] or an authorize filter applies.</summary>
        Authorized = 1,

        /// <summary>AllowAnonymous applies: it wins over every authorization at run time.</summary>
        Anonymous = 2,

        /// <summary>The builder escapes where the analysis cannot follow it: the rule stays silent.</summary>
        Unknown = 3,
    }

    /// <summary>
    /// An access fact found in one place, with the app-wide facts it depends on: a route builder parameter (decided by
    /// the arguments of every call in the compilation) or a method that returns the convention builder (decided by
    /// what every caller chains onto it).
    /// </summary>
    internal readonly struct AccessFact
    {
        public AccessFact(Access known, ImmutableArray<ISymbol> dependencies)
        {
            Known = known;
            Dependencies = dependencies.IsDefault ? ImmutableArray<ISymbol>.Empty : dependencies;
        }

        public static AccessFact None { get; } = new(Access.None, ImmutableArray<ISymbol>.Empty);

        public static AccessFact Unknown { get; } = new(Access.Unknown, ImmutableArray<ISymbol>.Empty);

        public Access Known { get; }

        public ImmutableArray<ISymbol> Dependencies { get; }

        public static AccessFact Of(Access access) => new(access, ImmutableArray<ISymbol>.Empty);

        public static AccessFact DependsOn(ISymbol symbol) => new(Access.None, ImmutableArray.Create(symbol));

        /// <summary>Both apply to the same endpoint (metadata is added up).</summary>
        public AccessFact With(AccessFact other) =>
            new(AccessRules.Union(Known, other.Known), Dependencies.AddRange(other.Dependencies));
    }

    internal static class AccessRules
    {
        /// <summary>
        /// Metadata of one endpoint added up: AllowAnonymous wins (the authorization middleware skips an endpoint that
        /// carries it), then any authorization, then unknown.
        /// </summary>
        public static Access Union(Access a, Access b)
        {
            if (a == Access.Anonymous || b == Access.Anonymous)
            {
                return Access.Anonymous;
            }

            if (a == Access.Authorized || b == Access.Authorized)
            {
                return Access.Authorized;
            }

            return a == Access.Unknown || b == Access.Unknown ? Access.Unknown : Access.None;
        }

        /// <summary>
        /// Several call sites that may each be the one that runs: unknown when any is, anonymous or unauthorized when
        /// any is, authorized only when all are.
        /// </summary>
        public static Access Alternatives(IEnumerable<Access> sites)
        {
            var result = Access.Authorized;
            var any = false;
            foreach (var site in sites)
            {
                any = true;
                if (site == Access.Unknown)
                {
                    return Access.Unknown;
                }

                if (site == Access.Anonymous || (site == Access.None && result != Access.Anonymous))
                {
                    result = site;
                }
            }

            return any ? result : Access.Unknown;
        }
    }

    /// <summary>
    /// What one compilation's application says about authorization, app-wide: a FallbackPolicy
    /// (<c>AuthorizationOptions.FallbackPolicy = …</c>, <c>AuthorizationBuilder.SetFallbackPolicy(…)</c>; null does not
    /// count), a global <c>AuthorizeFilter</c> in MVC's filters, <c>MapControllers().RequireAuthorization()</c>, and
    /// the facts that link endpoints to their callers: what each call passes as a route builder parameter and what it
    /// chains onto a convention builder a method returns. Filled concurrently by operation callbacks and read once at
    /// compilation end; one instance per compilation. Facts in development-only code are not recorded.
    /// </summary>
    internal sealed class ApplicationAuthorization
    {
        private const int MaxDepth = 4;

        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<AccessFact>> _sites = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<AccessFact> _controllerMappings = new();
        private volatile bool _hasFallbackPolicy;
        private volatile bool _hasGlobalAuthorizeFilter;

        /// <summary>A non-null FallbackPolicy is set: endpoints without authorization metadata still require it.</summary>
        public bool HasFallbackPolicy => _hasFallbackPolicy;

        /// <summary>An AuthorizeFilter is added to MVC's global filters: every controller action requires it.</summary>
        public bool HasGlobalAuthorizeFilter => _hasGlobalAuthorizeFilter;

        public void AddFallbackPolicy() => _hasFallbackPolicy = true;

        public void AddGlobalAuthorizeFilter() => _hasGlobalAuthorizeFilter = true;

        /// <summary>A MapControllers / MapControllerRoute / MapDefaultControllerRoute call and what is chained onto it.</summary>
        public void AddControllerMapping(AccessFact fact) => _controllerMappings.Enqueue(fact);

        /// <summary>A call site's fact for a route builder parameter or for a method returning a convention builder.</summary>
        public void AddSite(ISymbol parameterOrMethod, AccessFact fact) =>
            _sites.GetOrAdd(parameterOrMethod.OriginalDefinition, _ => new ConcurrentQueue<AccessFact>()).Enqueue(fact);

        /// <summary>Authorization of controller actions through their endpoint mapping (only when every mapping has it).</summary>
        public Access ControllerMappings() =>
            _controllerMappings.IsEmpty ? Access.None : AccessRules.Alternatives(_controllerMappings.Select(fact => Resolve(fact, 0)));

        /// <summary>The fact with its app-wide dependencies decided. Call at compilation end.</summary>
        public Access Resolve(AccessFact fact) => Resolve(fact, 0);

        private Access Resolve(AccessFact fact, int depth)
        {
            var access = fact.Known;
            foreach (var dependency in fact.Dependencies)
            {
                access = AccessRules.Union(access, ResolveSymbol(dependency, depth + 1));
            }

            return access;
        }

        private Access ResolveSymbol(ISymbol symbol, int depth)
        {
            // A parameter or method that no call in the compilation reaches (a library, a deep recursion) is not known.
            if (depth > MaxDepth || !_sites.TryGetValue(symbol.OriginalDefinition, out var sites))
            {
                return Access.Unknown;
            }

            return AccessRules.Alternatives(sites.Select(site => Resolve(site, depth)));
        }
    }
}
