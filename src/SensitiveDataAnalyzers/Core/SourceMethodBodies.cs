using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>
    /// The operation bodies of the methods declared in one compilation's source, wherever they are declared, for the
    /// analyses that follow a call into its callee. Created per compilation start and dropped with it; each body is
    /// looked up once.
    /// </summary>
    internal sealed class SourceMethodBodies
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);

        public SourceMethodBodies(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>Declared in this compilation's source (not metadata, not a compiler-generated member).</summary>
        public bool IsSource(IMethodSymbol method) =>
            IsDeclaredHere(method) && !method.DeclaringSyntaxReferences.IsEmpty;

        /// <summary>A method of this compilation's assembly: cheap, and false for every framework call.</summary>
        public bool IsDeclaredHere(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

        /// <summary>
        /// The body of <paramref name="method"/> (its method-body operation, or the local function), or null when it has
        /// none in this compilation (metadata, abstract, interface, extern, a partial method without an implementation).
        /// </summary>
        public IOperation? Of(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            method = method.PartialImplementationPart ?? method;
            if (!IsSource(method))
            {
                return null;
            }

            return _bodies.GetOrAdd(method, m => Bind(m, cancellationToken));
        }

        private IOperation? Bind(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                // Why not the operation's own SemanticModel: the callee may be declared in another file. Inside the
                // analyzer driver the compilation hands out its shared, cached semantic models (its SemanticModelProvider),
                // so this binds nothing the compiler has not bound already; outside it, one model per tree is created.
#pragma warning disable RS1030 // cross-file callee bodies need the callee's model; cached per compilation, see above
                var model = _compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is { } body)
                {
                    return body;
                }
            }

            return null;
        }
    }
}
