using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>A personal identifier found in a value: the expression that reads it and what kind it is.</summary>
    internal readonly struct IdentifierSource
    {
        public IdentifierSource(string expression, string kind)
        {
            Expression = expression;
            Kind = kind;
        }

        /// <summary>The source expression as written (<c>call.CallerPhoneNumber</c>), shortened for messages.</summary>
        public string Expression { get; }

        /// <summary>What it is, in words: "phone number", "personal data", …</summary>
        public string Kind { get; }
    }

    /// <summary>The arguments a call bound to its callee's parameters, each with the bindings of the frame it was written in.</summary>
    internal sealed class CallFrame
    {
        public static readonly CallFrame Outermost = new(new Dictionary<IParameterSymbol, (IOperation, CallFrame)>(SymbolEqualityComparer.Default));

        public CallFrame(Dictionary<IParameterSymbol, (IOperation Value, CallFrame Frame)> arguments)
        {
            Arguments = arguments;
        }

        public Dictionary<IParameterSymbol, (IOperation Value, CallFrame Frame)> Arguments { get; }
    }

    /// <summary>
    /// Walks backwards from a value to the personal identifiers it is built from: through conversions, interpolation,
    /// concatenation, <c>?:</c>, <c>??</c>, <c>await</c>, locals (every write in the method), the string and path
    /// helpers that keep their input in their output, and the return values of methods declared in the same file
    /// (their parameters bound to the call's arguments). Anything else — an unknown method, a hash, a GUID — ends the
    /// walk without a source: the rule reports what it can show, not what it guesses. Bounded in depth and calls.
    /// </summary>
    internal sealed class IdentifierFlow
    {
        private const int MaxDepth = 24;
        private const int MaxCallDepth = 3;
        private const int MaxExpressionLength = 60;

        private static readonly ImmutableHashSet<string> StringPropagators = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Format", "Concat", "Join", "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToLowerInvariant", "ToUpper",
            "ToUpperInvariant", "Replace", "Substring", "PadLeft", "PadRight", "Normalize", "Insert", "Remove");

        private static readonly ImmutableHashSet<string> PathPropagators = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Combine", "Join", "ChangeExtension", "GetFileName", "GetFileNameWithoutExtension", "GetFullPath");

        private readonly INamedTypeSymbol? _path;
        private readonly ImmutableArray<INamedTypeSymbol> _personalDataAttributes;

        private IdentifierFlow(INamedTypeSymbol? path, ImmutableArray<INamedTypeSymbol> personalDataAttributes)
        {
            _path = path;
            _personalDataAttributes = personalDataAttributes;
        }

        public static IdentifierFlow Create(Compilation compilation)
        {
            var attributes = new[]
                {
                    "Microsoft.AspNetCore.Identity.PersonalDataAttribute",
                    "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute",
                }
                .Select(compilation.GetTypeByMetadataName)
                .Where(type => type is not null)
                .Select(type => type!)
                .ToImmutableArray();
            return new IdentifierFlow(compilation.GetTypeByMetadataName("System.IO.Path"), attributes);
        }

        /// <summary>The first personal identifier <paramref name="value"/> is built from, or null.</summary>
        public IdentifierSource? Find(IOperation value, CancellationToken cancellationToken)
        {
            var walk = new Walk(this, cancellationToken);
            return walk.Trace(value, 0, 0, CallFrame.Outermost);
        }

        /// <summary>"phone number", "personal data", or null when the symbol does not denote a personal identifier.</summary>
        private string? KindOf(ISymbol symbol)
        {
            var kind = PersonalIdentifierNames.Classify(symbol.Name);
            if (kind != PersonalIdentifierKind.None)
            {
                return PersonalIdentifierNames.Describe(kind);
            }

            // [PersonalData], [ProtectedPersonalData] (derives from it) and data-classification attributes mark members.
            foreach (var attribute in symbol.GetAttributes())
            {
                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (_personalDataAttributes.Contains(type, SymbolEqualityComparer.Default))
                    {
                        return "personal data";
                    }
                }
            }

            return null;
        }

        private bool Propagates(IMethodSymbol method)
        {
            switch (method.ContainingType?.SpecialType)
            {
                case SpecialType.System_String:
                    return StringPropagators.Contains(method.Name);
                case SpecialType.System_Object:
                    return method.Name == "ToString";
            }

            if (method.Name == "ToString" && method.Parameters.Length == 0 && !method.IsStatic)
            {
                return true; // an override of object.ToString on a value type or class: the receiver's text
            }

            return _path is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _path) && PathPropagators.Contains(method.Name);
        }

        private static string Shorten(SyntaxNode syntax)
        {
            var text = syntax.ToString();
            return text.Length <= MaxExpressionLength ? text : text.Substring(0, MaxExpressionLength - 1) + "…";
        }

        /// <summary>One search: remembers what it has visited, so cycles (a local assigned from itself, recursion) end.</summary>
        private sealed class Walk
        {
            private readonly IdentifierFlow _flow;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<IOperation> _visited = new();
            private readonly HashSet<IMethodSymbol> _calls = new(SymbolEqualityComparer.Default);

            public Walk(IdentifierFlow flow, CancellationToken cancellationToken)
            {
                _flow = flow;
                _cancellationToken = cancellationToken;
            }

            public IdentifierSource? Trace(IOperation? operation, int depth, int callDepth, CallFrame frame)
            {
                if (operation is null || depth > MaxDepth || operation.ConstantValue.HasValue || !_visited.Add(operation))
                {
                    return null;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var next = depth + 1;
                switch (operation)
                {
                    case IConversionOperation conversion:
                        return Trace(conversion.Operand, next, callDepth, frame);
                    case IParenthesizedOperation parenthesized:
                        return Trace(parenthesized.Operand, next, callDepth, frame);
                    case IAwaitOperation awaited:
                        return Trace(awaited.Operation, next, callDepth, frame);
                    case IInterpolatedStringOperation interpolated:
                        return First(interpolated.Parts.OfType<IInterpolationOperation>().Select(part => part.Expression), next, callDepth, frame);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        return Trace(binary.LeftOperand, next, callDepth, frame) ?? Trace(binary.RightOperand, next, callDepth, frame);
                    case IConditionalOperation conditional:
                        return Trace(conditional.WhenTrue, next, callDepth, frame) ?? Trace(conditional.WhenFalse, next, callDepth, frame);
                    case ICoalesceOperation coalesce:
                        return Trace(coalesce.Value, next, callDepth, frame) ?? Trace(coalesce.WhenNull, next, callDepth, frame);
                    case IArrayCreationOperation array:
                        return array.Initializer is null ? null : First(array.Initializer.ElementValues, next, callDepth, frame);
                    case ILocalReferenceOperation local:
                        return Named(local.Local, local.Syntax) ?? First(Writes(local), next, callDepth, frame);
                    case IParameterReferenceOperation parameter:
                        return Named(parameter.Parameter, parameter.Syntax)
                            ?? (frame.Arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument) ? Trace(argument.Value, next, callDepth, argument.Frame) : null);
                    case IPropertyReferenceOperation property:
                        return Named(property.Property, property.Syntax);
                    case IFieldReferenceOperation field:
                        return Named(field.Field, field.Syntax);
                    case IInvocationOperation invocation:
                        return Invocation(invocation, next, callDepth, frame);
                    default:
                        return null;
                }
            }

            private IdentifierSource? Invocation(IInvocationOperation invocation, int depth, int callDepth, CallFrame frame)
            {
                var method = invocation.TargetMethod;
                if (_flow.Propagates(method))
                {
                    return Trace(invocation.Instance, depth, callDepth, frame)
                        ?? First(invocation.Arguments.Select(a => a.Value), depth, callDepth, frame);
                }

                // A method of the same file whose result is built from its parameters or from identifiers it reads.
                if (callDepth >= MaxCallDepth || invocation.SemanticModel is not { } model || !_calls.Add(method.OriginalDefinition))
                {
                    return null;
                }

                try
                {
                    var bound = new Dictionary<IParameterSymbol, (IOperation, CallFrame)>(SymbolEqualityComparer.Default);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter is { } parameter)
                        {
                            bound[parameter.OriginalDefinition] = (argument.Value, frame);
                        }
                    }

                    var callee = new CallFrame(bound);
                    foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree != model.SyntaxTree)
                        {
                            continue;
                        }

                        var body = model.GetOperation(reference.GetSyntax(_cancellationToken), _cancellationToken);
                        foreach (var returned in Returns(body))
                        {
                            // The callee's parameters resolve to the caller's arguments, traced where they were written.
                            if (Trace(returned, depth, callDepth + 1, callee) is { } source)
                            {
                                return source;
                            }
                        }
                    }

                    return null;
                }
                finally
                {
                    _calls.Remove(method.OriginalDefinition);
                }
            }

            private IdentifierSource? First(IEnumerable<IOperation> operations, int depth, int callDepth, CallFrame frame)
            {
                foreach (var operation in operations)
                {
                    if (Trace(operation, depth, callDepth, frame) is { } source)
                    {
                        return source;
                    }
                }

                return null;
            }

            private IdentifierSource? Named(ISymbol symbol, SyntaxNode syntax) =>
                _flow.KindOf(symbol) is { } kind ? new IdentifierSource(Shorten(syntax), kind) : null;

            /// <summary>Every value written to the local in its method: initializer, assignments, compound concatenation.</summary>
            private static IEnumerable<IOperation> Writes(ILocalReferenceOperation reference)
            {
                var root = (IOperation)reference;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                foreach (var descendant in root.Descendants())
                {
                    switch (descendant)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                            if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value is { } initial)
                            {
                                yield return initial;
                            }

                            break;
                        case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                            yield return assignment.Value;
                            break;
                    }
                }
            }

            /// <summary>A return of a lambda or local function inside the body returns from that function, not the method.</summary>
            private static bool InsideNestedFunction(IOperation operation, IOperation body)
            {
                for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The returned expressions of a method or local function body (an expression body is one).</summary>
            private static IEnumerable<IOperation> Returns(IOperation? body)
            {
                if (body is null)
                {
                    yield break;
                }

                foreach (var descendant in body.DescendantsAndSelf())
                {
                    if (descendant is IReturnOperation { ReturnedValue: { } value } && !InsideNestedFunction(descendant, body))
                    {
                        yield return value;
                    }
                }
            }
        }
    }
}
