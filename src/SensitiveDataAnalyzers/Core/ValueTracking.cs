using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>A string value found for an expression, with the syntax that spelled it out.</summary>
    internal readonly struct TrackedString
    {
        public TrackedString(string text, SyntaxNode syntax)
        {
            Text = text;
            Syntax = syntax;
        }

        /// <summary>The value; parts that could not be resolved are <see cref="ValueTracking.Unknown"/>.</summary>
        public string Text { get; }

        /// <summary>Where the value is written (a literal, an interpolation, or the expression that builds it).</summary>
        public SyntaxNode Syntax { get; }

        public bool IsFullyKnown => Text.IndexOf(ValueTracking.Unknown) < 0;
    }

    /// <summary>
    /// Follows values the way a reader would: through conversions, locals assigned once, const and static readonly
    /// fields, interpolation, concatenation, <c>string.Join</c>/<c>string.Concat</c>, arrays, <c>?:</c> and <c>??</c>.
    /// Bounded in depth and fan-out, never throws on incomplete code; what it cannot resolve it leaves unknown
    /// rather than guessing, so rules stay quiet instead of reporting on a guess.
    /// </summary>
    internal static class ValueTracking
    {
        /// <summary>Stands for a part of a string whose value is not known at compile time.</summary>
        public const char Unknown = UnknownText.Marker;

        private const int MaxDepth = 8;
        private const int MaxValues = 16;

        /// <summary>
        /// Returns the expression that defines <paramref name="operation"/>'s value: conversions are looked
        /// through, locals with one initializer and no later writes are replaced by it, static readonly fields
        /// declared in the same file by their initializer.
        /// </summary>
        public static IOperation Unwrap(IOperation operation, CancellationToken cancellationToken = default)
        {
            var current = operation;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                IOperation? next = current switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    ILocalReferenceOperation local => SingleAssignmentInitializer(local, cancellationToken),
                    IFieldReferenceOperation field => ReadonlyFieldInitializer(field, cancellationToken),
                    _ => null,
                };
                if (next is null)
                {
                    return current;
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// The expressions whose value <paramref name="operation"/> may take outside the Development environment: both
        /// branches of <c>?:</c> (less a branch its condition confines to Development) and both sides of <c>??</c>,
        /// followed through locals and fields. Any other operation is its own single alternative, returned as written
        /// so that findings keep their location. Bounded in depth; nothing is returned past the bound.
        /// </summary>
        public static List<IOperation> Alternatives(IOperation operation, DevelopmentGuards? guards, CancellationToken cancellationToken)
        {
            var alternatives = new List<IOperation>();
            AddAlternatives(operation, guards, alternatives, 0, cancellationToken);
            return alternatives;
        }

        private static void AddAlternatives(IOperation operation, DevelopmentGuards? guards, List<IOperation> alternatives, int depth, CancellationToken cancellationToken)
        {
            if (operation.ConstantValue.HasValue)
            {
                alternatives.Add(operation);
                return;
            }

            switch (Unwrap(operation, cancellationToken))
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when depth < MaxDepth:
                    var implied = guards?.Implies(conditional.Condition) ?? EnvironmentImplication.None;
                    if (implied != EnvironmentImplication.Development)
                    {
                        AddAlternatives(conditional.WhenTrue, guards, alternatives, depth + 1, cancellationToken);
                    }

                    if (implied != EnvironmentImplication.NotDevelopment)
                    {
                        AddAlternatives(whenFalse, guards, alternatives, depth + 1, cancellationToken);
                    }

                    break;
                case ICoalesceOperation coalesce when depth < MaxDepth:
                    AddAlternatives(coalesce.Value, guards, alternatives, depth + 1, cancellationToken);
                    AddAlternatives(coalesce.WhenNull, guards, alternatives, depth + 1, cancellationToken);
                    break;
                case IConditionalOperation { WhenFalse: not null }:
                case ICoalesceOperation:
                    // Past the depth bound: unknown, so no alternative rather than a guess.
                    break;
                default:
                    alternatives.Add(operation);
                    break;
            }
        }

        /// <summary>Collects the string values <paramref name="operation"/> may have (empty when unknown).</summary>
        public static List<TrackedString> Strings(IOperation operation, DevelopmentGuards? guards, CancellationToken cancellationToken)
        {
            var results = new List<TrackedString>();
            Collect(operation, guards, results, 0, cancellationToken);
            return results;
        }

        /// <summary>The single string an operation resolves to, with unknown parts marked; null if it has several or none.</summary>
        public static string? SingleString(IOperation operation, DevelopmentGuards? guards, CancellationToken cancellationToken)
        {
            var values = Strings(operation, guards, cancellationToken);
            return values.Count == 1 ? values[0].Text : null;
        }

        /// <summary>The compile-time integer value of an operation, followed through locals and readonly fields.</summary>
        public static long? Integer(IOperation operation, CancellationToken cancellationToken)
        {
            var value = Unwrap(operation, cancellationToken);
            if (value.ConstantValue.HasValue)
            {
                return ToInteger(value.ConstantValue.Value);
            }

            return operation.ConstantValue.HasValue ? ToInteger(operation.ConstantValue.Value) : null;
        }

        /// <summary>
        /// The values a boolean may take outside Development: constants, followed through locals, readonly fields, both
        /// branches of <c>?:</c>, and members of settings objects built with constant values
        /// (<c>new PacsOptions { UseTls = false }</c>). Null for a value that cannot be known.
        /// </summary>
        public static List<bool?> Booleans(IOperation operation, DevelopmentGuards? guards, CancellationToken cancellationToken)
        {
            var values = new List<bool?>();
            foreach (var alternative in Alternatives(operation, guards, cancellationToken))
            {
                values.Add(Boolean(alternative, 0, cancellationToken));
            }

            return values;
        }

        private static bool? Boolean(IOperation operation, int depth, CancellationToken cancellationToken)
        {
            var value = Unwrap(operation, cancellationToken);
            if (value.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            if (depth >= MaxDepth)
            {
                return null;
            }

            // settings.UseTls where settings is new Settings { UseTls = false }: the initializer's value.
            return InitializedMemberValue(value, cancellationToken) is { } initialized ? Boolean(initialized, depth + 1, cancellationToken) : null;
        }

        /// <summary>
        /// <c>settings.Member</c> where <c>settings</c> holds <c>new Settings { Member = value }</c> (through locals and
        /// readonly fields): the value in the initializer. Null when the member is not set there, or when a local holding
        /// the object is handed to a method or has the member written later (bound from configuration, changed after
        /// construction), since the initializer's value is then not the one read.
        /// </summary>
        public static IOperation? InitializedMemberValue(IOperation operation, CancellationToken cancellationToken)
        {
            var (instance, member) = Unwrap(operation, cancellationToken) switch
            {
                IPropertyReferenceOperation property => (property.Instance, (ISymbol)property.Property),
                IFieldReferenceOperation field => (field.Instance, field.Field),
                _ => (null, null),
            };
            if (instance is null || member is null
                || Unwrap(instance, cancellationToken) is not IObjectCreationOperation { Initializer: { } initializer }
                || IsChangedAfterCreation(instance, member))
            {
                return null;
            }

            foreach (var initialized in initializer.Initializers)
            {
                if (initialized is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Member, member))
                {
                    return assignment.Value;
                }
            }

            return null;
        }

        /// <summary>A local settings object whose member is written after its initializer, or that is passed to a method.</summary>
        private static bool IsChangedAfterCreation(IOperation instance, ISymbol member) =>
            instance is ILocalReferenceOperation { Local: var local }
            && LaterChanges(local, instance).Any(change =>
                change is IArgumentOperation
                || (change is IAssignmentOperation { Target: IMemberReferenceOperation written } && SymbolEqualityComparer.Default.Equals(written.Member, member)));

        /// <summary>
        /// Where the object a local holds may change, in the body that <paramref name="within"/> belongs to: assignments
        /// to its members (<c>local.Member = …</c>, compound included) and arguments that hand the local to a method.
        /// </summary>
        public static IEnumerable<IOperation> LaterChanges(ILocalSymbol local, IOperation within)
        {
            foreach (var descendant in OperationTree.Root(within).Descendants())
            {
                switch (descendant)
                {
                    case IAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation target } }
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        yield return descendant;
                        break;
                    case IArgumentOperation argument
                        when WithoutConversions(argument.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        yield return descendant;
                        break;
                }
            }
        }


        private static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static long? ToInteger(object? value) => value switch
        {
            int i => i,
            long l => l,
            short s => s,
            ushort us => us,
            uint ui => ui,
            byte b => b,
            sbyte sb => sb,
            string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };

        private static void Collect(IOperation? operation, DevelopmentGuards? guards, List<TrackedString> results, int depth, CancellationToken cancellationToken)
        {
            if (operation is null || depth > MaxDepth || results.Count >= MaxValues)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string constant)
                {
                    results.Add(new TrackedString(constant, operation.Syntax));
                }

                return;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    Collect(conversion.Operand, guards, results, depth + 1, cancellationToken);
                    return;
                case IParenthesizedOperation parenthesized:
                    Collect(parenthesized.Operand, guards, results, depth + 1, cancellationToken);
                    return;
                case ILocalReferenceOperation local:
                    Collect(SingleAssignmentInitializer(local, cancellationToken), guards, results, depth + 1, cancellationToken);
                    return;
                case IFieldReferenceOperation field:
                    var initializer = ReadonlyFieldInitializer(field, cancellationToken);
                    if (initializer is not null)
                    {
                        Collect(initializer, guards, results, depth + 1, cancellationToken);
                    }
                    else if (FoldFieldInitializerSyntax(field.Field, cancellationToken) is { } folded)
                    {
                        results.Add(new TrackedString(folded, operation.Syntax));
                    }

                    return;
                case IInterpolatedStringOperation interpolated:
                    results.Add(new TrackedString(Interpolate(interpolated, guards, depth, cancellationToken), interpolated.Syntax));
                    return;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    results.Add(new TrackedString(
                        SinglePart(binary.LeftOperand, guards, depth, cancellationToken) + SinglePart(binary.RightOperand, guards, depth, cancellationToken),
                        binary.Syntax));
                    return;
                case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    CollectStringMethod(invocation, guards, results, depth, cancellationToken);
                    return;
                case IConditionalOperation { WhenFalse: not null }:
                case ICoalesceOperation:
                    foreach (var alternative in Alternatives(operation, guards, cancellationToken))
                    {
                        Collect(alternative, guards, results, depth + 1, cancellationToken);
                    }

                    return;
                case IArrayCreationOperation array when array.Initializer is not null:
                    foreach (var element in array.Initializer.ElementValues)
                    {
                        Collect(element, guards, results, depth + 1, cancellationToken);
                    }

                    return;
            }
        }

        private static void CollectStringMethod(IInvocationOperation invocation, DevelopmentGuards? guards, List<TrackedString> results, int depth, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "Join" && invocation.Arguments.Length >= 2)
            {
                var separator = SinglePart(invocation.Arguments[0].Value, guards, depth, cancellationToken);
                var parts = ElementParts(invocation.Arguments.Skip(1), guards, depth, cancellationToken);
                results.Add(new TrackedString(string.Join(separator, parts), invocation.Syntax));
            }
            else if (method.Name == "Concat")
            {
                var parts = ElementParts(invocation.Arguments, guards, depth, cancellationToken);
                results.Add(new TrackedString(string.Concat(parts), invocation.Syntax));
            }
        }

        /// <summary>Values of arguments, expanding a params array into its elements.</summary>
        private static List<string> ElementParts(IEnumerable<IArgumentOperation> arguments, DevelopmentGuards? guards, int depth, CancellationToken cancellationToken)
        {
            var parts = new List<string>();
            foreach (var argument in arguments)
            {
                if (Unwrap(argument.Value, cancellationToken) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    parts.AddRange(initializer.ElementValues.Select(element => SinglePart(element, guards, depth, cancellationToken)));
                }
                else
                {
                    parts.Add(SinglePart(argument.Value, guards, depth, cancellationToken));
                }
            }

            return parts;
        }

        private static string Interpolate(IInterpolatedStringOperation interpolated, DevelopmentGuards? guards, int depth, CancellationToken cancellationToken)
        {
            var builder = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        builder.Append(text.Text.ConstantValue.Value as string);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                        builder.Append(SinglePart(hole.Expression, guards, depth, cancellationToken));
                        break;
                    default:
                        builder.Append(Unknown);
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>One piece of a larger string: its single known value, or <see cref="Unknown"/>.</summary>
        private static string SinglePart(IOperation operation, DevelopmentGuards? guards, int depth, CancellationToken cancellationToken)
        {
            var unwrapped = Unwrap(operation, cancellationToken);
            var constant = unwrapped.ConstantValue.HasValue ? unwrapped.ConstantValue : operation.ConstantValue;
            if (constant.HasValue)
            {
                return constant.Value switch
                {
                    string text => text,
                    null => string.Empty,
                    System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? string.Empty,
                };
            }

            var values = new List<TrackedString>();
            Collect(operation, guards, values, depth + 1, cancellationToken);
            return values.Count == 1 ? values[0].Text : Unknown.ToString();
        }

        private static IOperation? SingleAssignmentInitializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            var local = reference.Local;
            var model = reference.SemanticModel;
            if (local.IsRef || local.IsConst || model is null || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = local.DeclaringSyntaxReferences[0];
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            if (model.GetOperation(declaration.GetSyntax(cancellationToken), cancellationToken) is not IVariableDeclaratorOperation declarator)
            {
                return null;
            }

            var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            if (initializer is null || IsWrittenAfterDeclaration(reference, local))
            {
                return null;
            }

            return initializer;
        }

        private static bool IsWrittenAfterDeclaration(IOperation reference, ILocalSymbol local)
        {
            foreach (var descendant in OperationTree.Root(reference).Descendants())
            {
                switch (descendant)
                {
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation counter } when SymbolEqualityComparer.Default.Equals(counter.Local, local):
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation byRef } when SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                        return true;
                    case IDeconstructionAssignmentOperation deconstruction
                        when deconstruction.Target.Descendants().OfType<ILocalReferenceOperation>().Any(t => SymbolEqualityComparer.Default.Equals(t.Local, local)):
                        return true;
                }
            }

            return false;
        }

        private static IOperation? ReadonlyFieldInitializer(IFieldReferenceOperation reference, CancellationToken cancellationToken)
        {
            var field = reference.Field;
            var model = reference.SemanticModel;
            if (!field.IsReadOnly || !field.IsStatic || model is null || field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = field.DeclaringSyntaxReferences[0];
            if (declaration.SyntaxTree != model.SyntaxTree
                || declaration.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } equalsValue })
            {
                return null;
            }

            return (model.GetOperation(equalsValue, cancellationToken) as IFieldInitializerOperation)?.Value;
        }

        /// <summary>
        /// A static readonly string field declared in another file: fold its initializer from syntax alone
        /// (literals, concatenation and interpolation of literals), since analyzers must not ask the
        /// compilation for another file's semantic model.
        /// </summary>
        private static string? FoldFieldInitializerSyntax(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (!field.IsReadOnly || !field.IsStatic || field.Type.SpecialType != SpecialType.System_String || field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                ? FoldLiteralSyntax(value)
                : null;
        }

        private static string? FoldLiteralSyntax(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case ParenthesizedExpressionSyntax parenthesized:
                    return FoldLiteralSyntax(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var left = FoldLiteralSyntax(binary.Left);
                    var right = FoldLiteralSyntax(binary.Right);
                    return left is null || right is null ? null : left + right;
                case InterpolatedStringExpressionSyntax interpolated:
                    var builder = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            builder.Append(text.TextToken.ValueText);
                        }
                        else
                        {
                            builder.Append((content as InterpolationSyntax)?.Expression is { } hole ? FoldLiteralSyntax(hole) ?? Unknown.ToString() : Unknown.ToString());
                        }
                    }

                    return builder.ToString();
                default:
                    return null;
            }
        }
    }
}
