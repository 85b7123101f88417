using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>A call that accepts an association, and the method it is written in.</summary>
    internal readonly struct AcceptSite
    {
        public AcceptSite(IInvocationOperation call, IMethodSymbol method)
        {
            Call = call;
            Method = method;
        }

        /// <summary><c>SendAssociationAcceptAsync(…)</c>, or <c>base.OnReceiveAssociationRequestAsync(…)</c> of <c>DicomCEchoProvider</c>.</summary>
        public IInvocationOperation Call { get; }

        public IMethodSymbol Method { get; }
    }

    /// <summary>
    /// Finds the accepts an association handler reaches without a test of the caller, on its control-flow graph.
    /// </summary>
    /// <remarks>
    /// A conditional branch whose condition tests the caller (<see cref="CallerTests"/>) is a gate when exactly one of its
    /// two outcomes can still reach an accept without coming back through the branch: the other outcome (reject, throw,
    /// return) is where an unknown caller ends. The accept depends on the test; the gate's accepting edge is cut. A test
    /// whose outcomes both accept, or whose result is ignored, cuts nothing. An accept that is reachable from the entry
    /// once every gate is cut is reached by an untested caller. The same walk, with the normal exit as target, tells
    /// whether a helper only returns once a test passed (an assertion: <c>EnsureKnown(association)</c> that throws);
    /// such a call stops the walk, and an explicit <c>throw</c> or a failing assertion inside <c>try</c> continues in its
    /// <c>catch</c> clauses. Calls into helpers are followed up to <see cref="MaxDepth"/> levels: a helper that accepts
    /// (reached unguarded inside the helper), a helper whose result tests the caller, a helper that asserts.
    /// Created per compilation; nothing is kept but the graphs of helper bodies.
    /// </remarks>
    internal sealed class AcceptPaths
    {
        private const int MaxDepth = 3;

        private readonly DicomAssociationApis _apis;
        private readonly SourceMethodBodies _bodies;
        private readonly ConcurrentDictionary<IMethodSymbol, ControlFlowGraph?> _graphs = new(SymbolEqualityComparer.Default);

        public AcceptPaths(DicomAssociationApis apis, SourceMethodBodies bodies)
        {
            _apis = apis;
            _bodies = bodies;
        }

        /// <summary>The accepts that the handler (whose graph is given) reaches without a test of the caller.</summary>
        public ImmutableArray<AcceptSite> UnguardedAccepts(IMethodSymbol handler, ControlFlowGraph graph, CancellationToken cancellationToken) =>
            new MethodWalk(this, graph, handler, titleParameter: null, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, handler.OriginalDefinition), cancellationToken)
                .UnguardedAccepts();

        private MethodWalk? Walk(IMethodSymbol method, IParameterSymbol? parameter, ImmutableHashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (visiting.Count > MaxDepth || visiting.Contains(method) || Graph(method, cancellationToken) is not { } graph)
            {
                return null;
            }

            // The helper's own parameter: the call site may see a constructed generic method.
            var titleParameter = parameter is not null && parameter.Ordinal < method.Parameters.Length && !_apis.IsAssociation(parameter.Type)
                ? method.Parameters[parameter.Ordinal]
                : null;
            return new MethodWalk(this, graph, method, titleParameter, visiting.Add(method), cancellationToken);
        }

        private ControlFlowGraph? Graph(IMethodSymbol method, CancellationToken cancellationToken) =>
            _graphs.GetOrAdd(method, m => _bodies.Of(m, cancellationToken) is IMethodBodyOperation { Parent: null, SemanticModel: not null } body
                ? ControlFlowGraph.Create(body, cancellationToken)
                : null);

        /// <summary>One method's graph, with what each block does: accept, or stop unless a test passed.</summary>
        private sealed class MethodWalk
        {
            private readonly AcceptPaths _owner;
            private readonly ControlFlowGraph _graph;
            private readonly IMethodSymbol _method;
            private readonly ImmutableHashSet<IMethodSymbol> _visiting;
            private readonly CancellationToken _cancellationToken;
            private readonly CallerTests _tests;
            private readonly List<Step>?[] _steps;

            public MethodWalk(AcceptPaths owner, ControlFlowGraph graph, IMethodSymbol method, IParameterSymbol? titleParameter, ImmutableHashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
            {
                _owner = owner;
                _graph = graph;
                _method = method;
                _visiting = visiting;
                _cancellationToken = cancellationToken;
                _tests = new CallerTests(graph, owner._apis, titleParameter, CalleeTests);
                _steps = new List<Step>?[graph.Blocks.Length];
            }

            private BasicBlock Entry => _graph.Blocks[0];

            public ImmutableArray<AcceptSite> UnguardedAccepts()
            {
                var reached = new List<AcceptSite>();
                Reaches(Entry, excluded: null, Gates(toExit: false), toExit: false, reached);
                return reached.Distinct(AcceptSiteComparer.Instance).ToImmutableArray();
            }

            /// <summary>The method returns normally on some path, and on none without passing a test of the caller.</summary>
            public bool ReturnsOnlyAfterTest() =>
                Reaches(Entry, excluded: null, cuts: null, toExit: true, reached: null)
                && !Reaches(Entry, excluded: null, Gates(toExit: true), toExit: true, reached: null);

            /// <summary>The method's result depends on a test of the caller (it does not always return the same constant).</summary>
            public bool ResultTestsCaller()
            {
                var returned = _graph.Blocks
                    .Where(b => b.BranchValue is not null && b.ConditionalSuccessor is null && b.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                    .Select(b => b.BranchValue!)
                    .ToList();
                if (returned.Count > 0 && returned.All(v => v.ConstantValue.HasValue)
                    && returned.Select(v => v.ConstantValue.Value).Distinct().Count() == 1)
                {
                    return false;
                }

                return _graph.Blocks.Any(b => b.BranchValue is { } value
                    && (b.ConditionalSuccessor is not null || b.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                    && _tests.IsTest(value));
            }

            /// <summary>
            /// The conditional branches that test the caller and decide the target, with the edge to cut (true: the
            /// conditional edge). A test decides when its failing outcome cannot reach the target (without coming back
            /// through the branch, and without passing a test already found to decide) while its passing outcome can.
            /// The failing outcome is the one the condition's polarity names (<c>!Contains</c> true, <c>== "CT1"</c>
            /// false); when it cannot be told, it is the outcome that cannot reach the target. Found to a fixed point,
            /// so a chain of alternatives (<c>ae == "CT1" || ae == "MR1"</c>, case labels of a switch) decides together.
            /// </summary>
            private Dictionary<int, bool> Gates(bool toExit)
            {
                var gates = new Dictionary<int, bool>();
                var tests = new List<(BasicBlock Block, BasicBlock WhenConditional, BasicBlock? WhenFallThrough, bool? ConditionalPasses)>();
                foreach (var block in _graph.Blocks)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (block.ConditionalSuccessor?.Destination is { } whenConditional && block.BranchValue is { } condition && _tests.IsTest(condition))
                    {
                        var polarity = _tests.Polarity(condition);
                        bool? conditionalPasses = polarity == 0 ? null : (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == (polarity > 0);
                        tests.Add((block, whenConditional, block.FallThroughSuccessor?.Destination, conditionalPasses));
                    }
                }

                for (var changed = true; changed;)
                {
                    changed = false;
                    foreach (var test in tests)
                    {
                        if (gates.ContainsKey(test.Block.Ordinal))
                        {
                            continue;
                        }

                        var viaConditional = Reaches(test.WhenConditional, test.Block, gates, toExit, reached: null);
                        var viaFallThrough = test.WhenFallThrough is not null && Reaches(test.WhenFallThrough, test.Block, gates, toExit, reached: null);
                        if (viaConditional != viaFallThrough && (test.ConditionalPasses is null || test.ConditionalPasses == viaConditional))
                        {
                            gates[test.Block.Ordinal] = viaConditional;
                            changed = true;
                        }
                    }
                }

                return gates;
            }

            /// <summary>
            /// Walks from <paramref name="start"/> (never entering <paramref name="excluded"/>, never taking a cut edge) and
            /// says whether an accept (or the normal exit) is reached; collects the accepts when asked to.
            /// </summary>
            private bool Reaches(BasicBlock start, BasicBlock? excluded, Dictionary<int, bool>? cuts, bool toExit, List<AcceptSite>? reached)
            {
                var seen = new bool[_graph.Blocks.Length];
                var pending = new Stack<BasicBlock>();
                var found = false;

                void Push(BasicBlock? block)
                {
                    if (block is not null && block != excluded && !seen[block.Ordinal])
                    {
                        seen[block.Ordinal] = true;
                        pending.Push(block);
                    }
                }

                Push(start);
                while (pending.Count > 0)
                {
                    var block = pending.Pop();
                    if (toExit && block.Kind == BasicBlockKind.Exit)
                    {
                        return true;
                    }

                    var stopped = false;
                    foreach (var step in Steps(block))
                    {
                        if (step.IsStop)
                        {
                            stopped = true;
                            break;
                        }

                        if (!toExit)
                        {
                            found = true;
                            if (reached is null)
                            {
                                return true;
                            }

                            reached.AddRange(step.Sites);
                        }
                    }

                    if (!stopped)
                    {
                        var cut = cuts is not null && cuts.TryGetValue(block.Ordinal, out var cutConditional) ? cutConditional : (bool?)null;
                        if (cut != true)
                        {
                            Push(block.ConditionalSuccessor?.Destination);
                        }

                        if (cut != false)
                        {
                            Push(block.FallThroughSuccessor?.Destination);
                        }
                    }

                    if (stopped || block.FallThroughSuccessor?.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
                    {
                        foreach (var handler in Handlers(block))
                        {
                            Push(handler);
                        }
                    }
                }

                return found;
            }

            /// <summary>The first blocks of the <c>catch</c> clauses an exception thrown in the block lands in.</summary>
            private IEnumerable<BasicBlock> Handlers(BasicBlock block)
            {
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
                    {
                        return tryAndCatch.NestedRegions
                            .Where(r => r.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                            .Select(r => _graph.Blocks[r.FirstBlockOrdinal]);
                    }
                }

                return Enumerable.Empty<BasicBlock>();
            }

            /// <summary>The accepts and stops of a block, in evaluation order.</summary>
            private List<Step> Steps(BasicBlock block)
            {
                if (_steps[block.Ordinal] is { } known)
                {
                    return known;
                }

                var steps = new List<Step>();
                var roots = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var root in roots)
                {
                    foreach (var call in PostOrder(root).OfType<IInvocationOperation>())
                    {
                        if (StepOf(call) is { } step)
                        {
                            steps.Add(step);
                        }
                    }
                }

                return _steps[block.Ordinal] = steps;
            }

            private Step? StepOf(IInvocationOperation call)
            {
                var apis = _owner._apis;
                var target = call.TargetMethod;
                if (apis.IsAccept(target) || (!call.IsVirtual && apis.IsAcceptAllHandler(target)))
                {
                    return Step.Accept(ImmutableArray.Create(new AcceptSite(call, _method)));
                }

                if (!_owner._bodies.IsSource(target))
                {
                    return null;
                }

                // A helper of the service that accepts on a path of its own without a test.
                if (apis.IsService(target.ContainingType)
                    && _owner.Walk(target, null, _visiting, _cancellationToken) is { } helper
                    && helper.UnguardedAccepts() is { IsEmpty: false } sites)
                {
                    return Step.Accept(sites);
                }

                // A helper that receives the caller's title or the association and returns only once it passed a test.
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter
                        && (_tests.IsTitleValue(argument.Value) || apis.IsAssociation(argument.Value.Type))
                        && _owner.Walk(target, parameter, _visiting, _cancellationToken) is { } assertion
                        && assertion.ReturnsOnlyAfterTest())
                    {
                        return Step.Stop;
                    }
                }

                return null;
            }

            /// <summary>
            /// A callee given a title or the association tests it: library and interface methods are taken to (an
            /// allow-list's Contains, a policy); a helper with a body in this compilation must show a test in its result.
            /// </summary>
            private bool CalleeTests(IMethodSymbol method, IParameterSymbol parameter)
            {
                if (!_owner._bodies.IsSource(method.OriginalDefinition))
                {
                    return true;
                }

                var original = method.OriginalDefinition;
                if (_visiting.Contains(original) || _visiting.Count > MaxDepth)
                {
                    return false;
                }

                if (_owner.Graph(original, _cancellationToken) is null)
                {
                    return true; // abstract, interface or partial without a body: resolved at run time
                }

                return _owner.Walk(original, parameter, _visiting, _cancellationToken) is { } helper && helper.ResultTestsCaller();
            }

            /// <summary>Children before parents: the order in which a call's arguments and the call itself run.</summary>
            private static IEnumerable<IOperation> PostOrder(IOperation root)
            {
                var pending = new Stack<(IOperation Operation, bool Expanded)>();
                pending.Push((root, false));
                while (pending.Count > 0)
                {
                    var (operation, expanded) = pending.Pop();
                    if (expanded)
                    {
                        yield return operation;
                        continue;
                    }

                    pending.Push((operation, true));
                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        pending.Push((child, false));
                    }
                }
            }
        }

        /// <summary>What a call does on the way: accepts (the sites), or stops the walk unless a test passed.</summary>
        private readonly struct Step
        {
            private Step(ImmutableArray<AcceptSite> sites, bool isStop)
            {
                Sites = sites;
                IsStop = isStop;
            }

            public static Step Stop => new(ImmutableArray<AcceptSite>.Empty, isStop: true);

            public ImmutableArray<AcceptSite> Sites { get; }

            public bool IsStop { get; }

            public static Step Accept(ImmutableArray<AcceptSite> sites) => new(sites, isStop: false);
        }

        private sealed class AcceptSiteComparer : IEqualityComparer<AcceptSite>
        {
            public static readonly AcceptSiteComparer Instance = new();

            public bool Equals(AcceptSite x, AcceptSite y) => x.Call.Syntax == y.Call.Syntax;

            public int GetHashCode(AcceptSite obj) => obj.Call.Syntax.GetHashCode();
        }
    }
}
