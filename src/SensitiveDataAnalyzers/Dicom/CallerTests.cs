using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// Decides, inside one method's control-flow graph, whether an expression tests who is calling: reads the calling AE
    /// title, the called AE title or the remote host of a <c>DicomAssociation</c> (directly, through locals, captures,
    /// <c>Trim()</c>-like copies, or in the method's title parameter) and compares it with something – a constant, a
    /// configured value, an allow-list, a dictionary, a pattern, a switch, a helper that tests it.
    /// </summary>
    /// <remarks>
    /// Trivial uses are not tests: null and empty checks (<c>!= null</c>, <c>is not null</c>, <c>is { }</c>,
    /// <c>string.IsNullOrEmpty</c>/<c>IsNullOrWhiteSpace</c>, comparison with <c>""</c> or <c>string.Empty</c>), the
    /// length, a type test, comparing one title with another of the same association, and formatting or logging it.
    /// </remarks>
    internal sealed class CallerTests
    {
        private const int MaxDepth = 8;

        private static readonly ImmutableHashSet<string> CopyingStringMethods = ImmutableHashSet.Create(
            "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToUpperInvariant", "ToLower", "ToLowerInvariant", "Normalize",
            "ToString", "Substring", "PadLeft", "PadRight", "Replace");

        /// <summary>Methods whose true result means "found": a lookup or a comparison that recognised the caller.</summary>
        private static readonly ImmutableHashSet<string> RecognisingMethods = ImmutableHashSet.Create(
            "Equals", "Contains", "ContainsKey", "ContainsValue", "TryGetValue", "StartsWith", "EndsWith", "Any", "Exists", "IsMatch");

        private static readonly ImmutableHashSet<string> ComparingMethods = ImmutableHashSet.Create(
            "Equals", "ReferenceEquals", "Compare", "CompareOrdinal", "CompareTo", "StartsWith", "EndsWith", "Contains", "IndexOf");

        private readonly DicomAssociationApis _apis;
        private readonly IParameterSymbol? _titleParameter;
        private readonly Func<IMethodSymbol, IParameterSymbol, bool> _calleeTests;
        private readonly IOperation _root;
        private readonly Dictionary<CaptureId, List<IOperation>> _captures = new();
        private readonly HashSet<ILocalSymbol> _titleLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _testLocals = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, int> _localPolarity = new(SymbolEqualityComparer.Default);

        /// <param name="graph">The method's graph; its original operation gives the locals' assignments.</param>
        /// <param name="apis">The fo-dicom symbols of the compilation.</param>
        /// <param name="titleParameter">The parameter that holds a title or the remote host, when the method is a helper that received one.</param>
        /// <param name="calleeTests">Whether a callee tests the title or association it receives in that parameter.</param>
        public CallerTests(ControlFlowGraph graph, DicomAssociationApis apis, IParameterSymbol? titleParameter, Func<IMethodSymbol, IParameterSymbol, bool> calleeTests)
        {
            _apis = apis;
            _titleParameter = titleParameter;
            _calleeTests = calleeTests;
            _root = graph.OriginalOperation;
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var capture in operation.DescendantsAndSelf().OfType<IFlowCaptureOperation>())
                    {
                        if (!_captures.TryGetValue(capture.Id, out var values))
                        {
                            _captures[capture.Id] = values = new List<IOperation>();
                        }

                        values.Add(capture.Value);
                    }
                }
            }

            ClassifyLocals();
        }

        /// <summary>The condition (or returned value) tests the caller in a way that can tell one caller from another.</summary>
        public bool IsTest(IOperation condition) => ContainsTest(condition, 0);

        /// <summary>
        /// Which outcome of a test means the caller was recognised: +1 when the condition being true does
        /// (<c>==</c>, <c>Contains</c>, <c>TryGetValue</c>, a pattern, a lookup result that is not null), -1 when it being
        /// false does (<c>!=</c>, <c>!Contains</c>, <c>lookup is null</c>), 0 when it cannot be told (a helper's name may
        /// say either: <c>IsKnown</c>, <c>IsBlocked</c>).
        /// </summary>
        public int Polarity(IOperation condition) => Polarity(condition, 0);

        /// <summary>The value is a caller title or the remote host (or a copy of one: trimmed, upper-cased, coalesced).</summary>
        public bool IsTitleValue(IOperation? operation) => IsTitleValue(operation, 0);

        private bool ContainsTest(IOperation root, int depth)
        {
            foreach (var node in Nodes(root))
            {
                switch (node)
                {
                    case ILocalReferenceOperation local when _testLocals.Contains(local.Local):
                        return true;
                    case IFlowCaptureReferenceOperation capture when depth < MaxDepth && !IsTitleValue(capture, depth)
                        && _captures.TryGetValue(capture.Id, out var values) && values.Any(v => ContainsTest(v, depth + 1)):
                        return true;
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call when depth < MaxDepth && LocalFunctionTests(call.TargetMethod, depth):
                        return true;
                }

                if (IsTitleSource(node, depth) && IsNonTrivialUse(node))
                {
                    return true;
                }

                if (node is not (IConversionOperation or IParenthesizedOperation)
                    && _apis.IsAssociation(node.Type)
                    && Outermost(node).Parent is IArgumentOperation argument
                    && ArgumentTests(argument))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The operation and its descendants, including the bodies of lambdas (kept apart in a graph).</summary>
        private IEnumerable<IOperation> Nodes(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                yield return current;
                if (current is IFlowAnonymousFunctionOperation lambda)
                {
                    if (_root.Descendants().OfType<IAnonymousFunctionOperation>().FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, lambda.Symbol)) is { } original)
                    {
                        pending.Push(original.Body);
                    }

                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        /// <summary>A local function of this method whose result (or a condition in it) tests the caller.</summary>
        private bool LocalFunctionTests(IMethodSymbol function, int depth)
        {
            var declaration = _root.Descendants().OfType<ILocalFunctionOperation>()
                .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, function.OriginalDefinition));
            var body = declaration?.Body ?? declaration?.IgnoredBody;
            return body is not null && body.Descendants().Any(o =>
                (o is IReturnOperation { ReturnedValue: { } value } && ContainsTest(value, depth + 1))
                || (o is IConditionalOperation conditional && ContainsTest(conditional.Condition, depth + 1)));
        }

        private int Polarity(IOperation operation, int depth)
        {
            if (depth > MaxDepth)
            {
                return 0;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Polarity(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Polarity(parenthesized.Operand, depth + 1);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return -Polarity(not.Operand, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals } comparison:
                    var sign = comparison.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.ObjectValueEquals ? 1 : -1;
                    if (BooleanConstant(comparison.RightOperand) is { } right)
                    {
                        return sign * (right ? 1 : -1) * Polarity(comparison.LeftOperand, depth + 1);
                    }

                    if (BooleanConstant(comparison.LeftOperand) is { } left)
                    {
                        return sign * (left ? 1 : -1) * Polarity(comparison.RightOperand, depth + 1);
                    }

                    // x == null: the lookup found nothing.
                    return IsNull(comparison.LeftOperand) || IsNull(comparison.RightOperand) ? -sign : sign;
                case IIsPatternOperation isPattern:
                    return PatternPolarity(isPattern.Pattern);
                case IIsNullOperation:
                    return -1;
                case IInvocationOperation invocation:
                    return RecognisingMethods.Contains(invocation.TargetMethod.Name) ? 1 : 0;
                case ILocalReferenceOperation local:
                    return _localPolarity.TryGetValue(local.Local, out var polarity) ? polarity : 0;
                case IFlowCaptureReferenceOperation capture when _captures.TryGetValue(capture.Id, out var values) && values.Count == 1:
                    return Polarity(values[0], depth + 1);
                default:
                    return 0;
            }
        }

        private static int PatternPolarity(IPatternOperation pattern) => pattern switch
        {
            INegatedPatternOperation negated => -PatternPolarity(negated.Pattern),
            IConstantPatternOperation constant when IsNull(constant.Value) => -1,
            _ => 1,
        };

        private static bool? BooleanConstant(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;

        private static bool IsNull(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: null };

        private bool IsTitleValue(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            return operation switch
            {
                IConversionOperation conversion => IsTitleValue(conversion.Operand, depth + 1),
                IParenthesizedOperation parenthesized => IsTitleValue(parenthesized.Operand, depth + 1),
                IInvocationOperation invocation when IsCopy(invocation) => IsTitleValue(invocation.Instance, depth + 1),
                ICoalesceOperation coalesce => IsTitleValue(coalesce.Value, depth + 1),
                IConditionalAccessOperation access => IsTitleValue(access.WhenNotNull, depth + 1),
                _ => IsTitleSource(operation, depth),
            };
        }

        /// <summary>Where a title enters an expression: the property, a local or capture holding it, the title parameter.</summary>
        private bool IsTitleSource(IOperation operation, int depth) => operation switch
        {
            IPropertyReferenceOperation property => _apis.IsCallerProperty(property.Property),
            ILocalReferenceOperation local => _titleLocals.Contains(local.Local),
            IParameterReferenceOperation parameter => _titleParameter is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter, _titleParameter),
            IFlowCaptureReferenceOperation capture => depth < MaxDepth && _captures.TryGetValue(capture.Id, out var values) && values.Any(v => IsTitleValue(v, depth + 1)),
            IConditionalAccessInstanceOperation instance => AccessedValue(instance) is { } accessed && IsTitleValue(accessed, depth + 1),
            _ => false,
        };

        /// <summary>The value <c>x</c> that the instance of <c>x?.M()</c> stands for.</summary>
        private static IOperation? AccessedValue(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        /// <summary>Walks up from a title to the operation that consumes it, and says whether that tells callers apart.</summary>
        private bool IsNonTrivialUse(IOperation source)
        {
            var node = source;
            for (var steps = 0; steps < MaxDepth * 4 && node.Parent is { } parent; steps++, node = parent)
            {
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation or ICoalesceOperation:
                        continue;
                    case IConditionalAccessOperation access:
                        if (access.Operation == node)
                        {
                            return false; // judged where the access instance is used
                        }

                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                        continue;
                    case IInvocationOperation invocation when invocation.Instance == node:
                        if (IsCopy(invocation))
                        {
                            continue;
                        }

                        return ComparesWithSomething(invocation, node);
                    case IArgumentOperation argument:
                        return ArgumentTests(argument);
                    case IBinaryOperation binary:
                        var other = binary.LeftOperand == node ? binary.RightOperand : binary.LeftOperand;
                        return !IsNothing(other);
                    case IIsPatternOperation isPattern:
                        return isPattern.Value == node && !IsTrivialPattern(isPattern.Pattern);
                    case ISwitchOperation or ISwitchExpressionOperation:
                        return true;
                    case IPropertyReferenceOperation property when property.Instance == node:
                        return property.Property.Name != "Length";
                    case IIsNullOperation or IIsTypeOperation or IFlowCaptureOperation or IInterpolationOperation or IInterpolatedStringOperation
                        or IAssignmentOperation or IVariableInitializerOperation or IReturnOperation or IExpressionStatementOperation:
                        return false;
                    default:
                        return true;
                }
            }

            return false;
        }

        /// <summary>A title (or the association) given to a method: a lookup, a comparison or a helper is a test; logging is not.</summary>
        private bool ArgumentTests(IArgumentOperation argument)
        {
            if (argument.Parent is not IInvocationOperation invocation)
            {
                return true; // an indexer (dictionary[title]) or a constructor
            }

            var method = invocation.TargetMethod;
            if (IsFormattingOrLogging(method) || _apis.IsAccept(method))
            {
                return false;
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace")
            {
                return false;
            }

            if (method.ContainingType?.SpecialType is SpecialType.System_String or SpecialType.System_Object && ComparingMethods.Contains(method.Name))
            {
                return ComparesWithSomething(invocation, argument.Value);
            }

            return argument.Parameter is not { } parameter || _calleeTests(method, parameter);
        }

        /// <summary><c>a.Equals(b)</c>, <c>string.Equals(a, b, …)</c>: one of the other strings is neither empty nor a title.</summary>
        private bool ComparesWithSomething(IInvocationOperation invocation, IOperation tested)
        {
            var operands = invocation.Arguments.Select(a => a.Value)
                .Where(v => v.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char);
            if (invocation.Instance is { } instance)
            {
                operands = operands.Prepend(instance);
            }

            return operands.Any(o => o != tested && !IsNothing(o));
        }

        /// <summary>A value that says nothing about who calls: null, empty, or a title itself.</summary>
        private bool IsNothing(IOperation operation)
        {
            var value = operation;
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            if (value.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is null or "";
            }

            return value is IDefaultValueOperation
                || (value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } })
                || IsTitleValue(value);
        }

        private bool IsTrivialPattern(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation constant => IsNothing(constant.Value),
            INegatedPatternOperation negated => IsTrivialPattern(negated.Pattern),
            IBinaryPatternOperation binary => IsTrivialPattern(binary.LeftPattern) && IsTrivialPattern(binary.RightPattern),
            IRecursivePatternOperation recursive => recursive.DeconstructionSubpatterns.IsEmpty
                && recursive.PropertySubpatterns.All(p => p.Member is IPropertyReferenceOperation { Property.Name: "Length" } || IsTrivialPattern(p.Pattern)),
            ITypePatternOperation or IDeclarationPatternOperation or IDiscardPatternOperation or IRelationalPatternOperation => true,
            _ => false,
        };

        private static bool IsCopy(IInvocationOperation invocation) =>
            invocation.Instance is not null
            && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
            && CopyingStringMethods.Contains(invocation.TargetMethod.Name);

        private static bool IsFormattingOrLogging(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return method.Name is "Format" or "Concat" or "Join";
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal)
                || ns is "FellowOakDicom.Log" or "Dicom.Log"
                || (ns == "System" && type.Name == "Console")
                || (ns == "System.Diagnostics" && type.Name is "Debug" or "Trace")
                || (ns == "System.Text" && type.Name == "StringBuilder");
        }

        private static IOperation Outermost(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>
        /// Locals that hold a title (<c>var caller = association.CallingAE.Trim();</c>) and locals that hold the outcome
        /// of a test (<c>var known = allowed.Contains(caller);</c>, or a flag set inside <c>if (title == …)</c>), to a
        /// fixed point so chains of locals are followed.
        /// </summary>
        private void ClassifyLocals()
        {
            var writes = new List<(ILocalSymbol Local, IOperation Value, IOperation Site)>();
            foreach (var operation in _root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        writes.Add((declarator.Symbol, initializer.Value, declarator));
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        writes.Add((target.Local, assignment.Value, assignment));
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared, Parent: IIsPatternOperation isPattern } declaration:
                        writes.Add((declared, isPattern.Value, declaration));
                        break;
                }
            }

            if (writes.Count == 0)
            {
                return;
            }

            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var write in writes)
                {
                    if (!_titleLocals.Contains(write.Local) && IsTitleValue(write.Value))
                    {
                        changed |= _titleLocals.Add(write.Local);
                    }
                }
            }

            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var write in writes)
                {
                    if (!_testLocals.Contains(write.Local) && !_titleLocals.Contains(write.Local)
                        && (ContainsTest(write.Value, 0) || IsInTestedBranch(write.Site)))
                    {
                        changed |= _testLocals.Add(write.Local);
                    }
                }
            }

            // A test local written once (var known = Allowed.Contains(caller)) reads like its value; a flag set in a
            // branch says nothing about its own polarity.
            foreach (var local in _testLocals)
            {
                var values = writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Local, local)).ToList();
                if (values.Count == 1)
                {
                    _localPolarity[local] = Polarity(values[0].Value, 0);
                }
            }
        }

        /// <summary>The write happens only in one outcome of a test: <c>if (a == caller) { found = true; }</c>.</summary>
        private bool IsInTestedBranch(IOperation site)
        {
            IOperation child = site;
            for (var parent = site.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != child && ContainsTest(conditional.Condition, 0):
                        return true;
                    case ISwitchOperation @switch when @switch.Value != child && IsTitleValue(@switch.Value):
                        return true;
                }
            }

            return false;
        }
    }
}
