using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>A parameter of a summarized method whose value reaches a result or a name; marked when only through an unkeyed hash.</summary>
    internal readonly struct ParameterFlow
    {
        public ParameterFlow(int ordinal, bool hashed)
        {
            Ordinal = ordinal;
            Hashed = hashed;
        }

        public int Ordinal { get; }

        public bool Hashed { get; }
    }

    /// <summary>What reaches a value inside a method: an identifier the method reads itself, else the parameters that do.</summary>
    internal sealed class ValueSummary
    {
        public static readonly ValueSummary None = new(null, ImmutableArray<ParameterFlow>.Empty);

        public ValueSummary(IdentifierSource? own, ImmutableArray<ParameterFlow> parameters)
        {
            Own = own;
            Parameters = parameters;
        }

        /// <summary>An identifier whatever the arguments (<c>string Key() =&gt; Caller.PhoneNumber</c>).</summary>
        public IdentifierSource? Own { get; }

        public ImmutableArray<ParameterFlow> Parameters { get; }
    }

    /// <summary>A name written inside a method (or a method it calls) from some of its parameters.</summary>
    internal readonly struct NameWrite
    {
        public NameWrite(ImmutableArray<ParameterFlow> parameters, string what)
        {
            Parameters = parameters;
            What = what;
        }

        public ImmutableArray<ParameterFlow> Parameters { get; }

        /// <summary>"File name", "Download name", …</summary>
        public string What { get; }
    }

    /// <summary>
    /// The methods being summarized on this thread, outermost first. A call back into one of them (recursion) or past the
    /// nesting limit contributes nothing, and the summaries computed meanwhile are used but not cached: they depend on
    /// where the computation started, and a cached summary must not.
    /// </summary>
    internal sealed class SummaryStack
    {
        private const int MaxNesting = 8;
        private readonly List<(IMethodSymbol Method, bool Partial)> _frames = new();

        public bool TryEnter(IMethodSymbol method)
        {
            for (var i = 0; i < _frames.Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(_frames[i].Method, method))
                {
                    MarkPartialAbove(i);
                    return false;
                }
            }

            if (_frames.Count >= MaxNesting)
            {
                MarkPartialAbove(-1);
                return false;
            }

            _frames.Add((method, false));
            return true;
        }

        /// <summary>Leaves the innermost method; true when its summary is complete (cacheable).</summary>
        public bool Exit()
        {
            var top = _frames[_frames.Count - 1];
            _frames.RemoveAt(_frames.Count - 1);
            return !top.Partial;
        }

        private void MarkPartialAbove(int index)
        {
            for (var i = index + 1; i < _frames.Count; i++)
            {
                _frames[i] = (_frames[i].Method, true);
            }
        }
    }

    /// <summary>
    /// Per compilation, per source method in any file: which of its parameters its result carries (or the identifier it
    /// reads itself), and which parameters it writes into a file, blob or download name — directly or through the methods
    /// it calls. Computed on first use, from the callee's body alone, and cached for every caller; chains of any depth up
    /// to the nesting limit, recursion-safe.
    /// </summary>
    internal sealed class MethodSummaries
    {
        private readonly IdentifierFlow _flow;
        private readonly SourceMethodBodies _bodies;
        private readonly NameSinks _sinks;
        private readonly Func<SyntaxTree, NameOptions> _optionsFor;
        private readonly ConcurrentDictionary<IMethodSymbol, ValueSummary> _returns = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<NameWrite>> _nameWrites = new(SymbolEqualityComparer.Default);

        public MethodSummaries(IdentifierFlow flow, SourceMethodBodies bodies, NameSinks sinks, Func<SyntaxTree, NameOptions> optionsFor)
        {
            _flow = flow;
            _bodies = bodies;
            _sinks = sinks;
            _optionsFor = optionsFor;
        }

        /// <summary>What the method's result carries.</summary>
        public ValueSummary Returns(IMethodSymbol method, SummaryStack stack, CancellationToken cancellationToken)
        {
            method = Definition(method);
            if (method.ReturnsVoid || !_bodies.IsSource(method))
            {
                return ValueSummary.None; // most calls: framework and package methods
            }

            return _returns.TryGetValue(method, out var cached) ? cached : ComputeReturns(method, stack, cancellationToken);
        }

        // Apart from the look-ups above, so that the closure is allocated only when a summary is computed.
        private ValueSummary ComputeReturns(IMethodSymbol method, SummaryStack stack, CancellationToken cancellationToken) =>
            Summarize(_returns, method, ValueSummary.None, stack, cancellationToken, (body, options) =>
                _flow.SummarizeReturns(body, method, options, stack, cancellationToken));

        /// <summary>The names the method writes from its parameters (names built from an identifier of its own are reported in it).</summary>
        /// <param name="stack">The methods being summarized on this thread; null at an analyzed call (created only if a summary is computed).</param>
        public ImmutableArray<NameWrite> NameWrites(IMethodSymbol method, SummaryStack? stack, CancellationToken cancellationToken)
        {
            if (!MayWriteNames(method))
            {
                return ImmutableArray<NameWrite>.Empty; // most calls: nothing a name could be spelled from is passed in
            }

            method = Definition(method);

            return _nameWrites.TryGetValue(method, out var cached) ? cached : ComputeNameWrites(method, stack ?? new SummaryStack(), cancellationToken);
        }

        private ImmutableArray<NameWrite> ComputeNameWrites(IMethodSymbol method, SummaryStack stack, CancellationToken cancellationToken)
        {
            return Summarize(_nameWrites, method, ImmutableArray<NameWrite>.Empty, stack, cancellationToken, (body, options) =>
            {
                var writes = ImmutableArray.CreateBuilder<NameWrite>();
                foreach (var operation in body.Descendants())
                {
                    foreach (var (value, what) in _sinks.NamesIn(operation, options))
                    {
                        Add(writes, _flow.Summarize(value, method, options, stack, cancellationToken), what, hashed: false);
                    }

                    // Store(key) → Save(key) → File.WriteAllBytes(key + ".wav", …): the callee's name, from the argument given here.
                    if (operation is IInvocationOperation { Arguments.IsEmpty: false } call)
                    {
                        foreach (var write in NameWrites(call.TargetMethod, stack, cancellationToken))
                        {
                            foreach (var parameter in write.Parameters)
                            {
                                if (IdentifierFlow.ArgumentFor(call, parameter.Ordinal) is { } argument)
                                {
                                    Add(writes, _flow.Summarize(argument, method, options, stack, cancellationToken), write.What, parameter.Hashed);
                                }
                            }
                        }
                    }
                }

                return writes.ToImmutable();
            });

            static void Add(ImmutableArray<NameWrite>.Builder writes, ValueSummary summary, string what, bool hashed)
            {
                if (summary.Own is null && !summary.Parameters.IsEmpty)
                {
                    writes.Add(new NameWrite(hashed ? summary.Parameters.Select(p => new ParameterFlow(p.Ordinal, true)).ToImmutableArray() : summary.Parameters, what));
                }
            }
        }

        /// <summary>
        /// A parameter that can bring an identifier's text into a name: a string, characters, bytes (hashed or encoded on
        /// the way), a builder, an object or a type parameter. Numbers, flags, GUIDs, streams and DTOs do not spell a name
        /// by themselves (a DTO's identifier members are read, and reported, inside the method).
        /// </summary>
        private static bool HasTextParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsText(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter type that can bring an identifier's text into a name (see <see cref="HasTextParameter"/>).</summary>
        internal static bool IsText(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || type.TypeKind == TypeKind.TypeParameter
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte }
            || type.Name is "StringBuilder" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" or "IFormattable";

        /// <summary>Whether the method could write a name from its parameters: a method of this compilation that takes text.</summary>
        public bool MayWriteNames(IMethodSymbol method)
        {
            // The assembly test first: it is one comparison and false for most calls, while reading Parameters allocates.
            method = Definition(method);
            return _bodies.IsDeclaredHere(method) && HasTextParameter(method) && _bodies.IsSource(method);
        }

        private static IMethodSymbol Definition(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        private T Summarize<T>(
            ConcurrentDictionary<IMethodSymbol, T> cache,
            IMethodSymbol method,
            T none,
            SummaryStack stack,
            CancellationToken cancellationToken,
            Func<IOperation, NameOptions, T> compute)
        {
            if (cache.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (!stack.TryEnter(method))
            {
                return none;
            }

            T result;
            var complete = false;
            try
            {
                var body = _bodies.Of(method, cancellationToken);
                result = body is null ? none : compute(body, _optionsFor(body.Syntax.SyntaxTree));
            }
            finally
            {
                complete = stack.Exit();
            }

            if (complete)
            {
                cache.TryAdd(method, result);
            }

            return result;
        }
    }
}
