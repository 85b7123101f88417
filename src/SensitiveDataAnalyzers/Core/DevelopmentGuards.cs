using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    internal enum EnvironmentImplication
    {
        None,
        Development,
        NotDevelopment,
    }

    /// <summary>
    /// Answers "is this code only reached in the Development environment?" so rules stay quiet on the dev-only
    /// shortcuts every ASP.NET Core template has. Recognises <c>IsDevelopment()</c> and
    /// <c>IsEnvironment("Development")</c> on every hosting-environment extension class, <c>EnvironmentName ==
    /// "Development"</c>, negation, <c>&amp;&amp;</c>/<c>||</c>, both branches of <c>if</c> and <c>?:</c>, and
    /// statements after a guard such as <c>if (!env.IsDevelopment()) return;</c>.
    /// </summary>
    internal sealed class DevelopmentGuards
    {
        private const string DevelopmentName = "Development";

        private readonly INamedTypeSymbol?[] _environmentExtensionTypes;

        private readonly INamedTypeSymbol?[] _environmentNameTypes;

        private DevelopmentGuards(INamedTypeSymbol?[] environmentExtensionTypes, INamedTypeSymbol?[] environmentNameTypes)
        {
            _environmentExtensionTypes = environmentExtensionTypes;
            _environmentNameTypes = environmentNameTypes;
        }

        public static DevelopmentGuards Create(Compilation compilation) => new(
            new[]
            {
                KnownTypes.Find(compilation, "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
                KnownTypes.Find(compilation, "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
                KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"),
            },
            new[]
            {
                // Environments.Development and the obsolete EnvironmentName.Development are static readonly, not const.
                KnownTypes.Find(compilation, "Microsoft.Extensions.Hosting.Environments"),
                KnownTypes.Find(compilation, "Microsoft.AspNetCore.Hosting.EnvironmentName"),
                KnownTypes.Find(compilation, "Microsoft.Extensions.Hosting.EnvironmentName"),
            });

        /// <summary>True when every path to <paramref name="operation"/> passes a Development-environment check.</summary>
        public bool IsDevelopmentOnly(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                        var implied = Implies(conditional.Condition);
                        if ((child == conditional.WhenTrue && implied == EnvironmentImplication.Development)
                            || (child == conditional.WhenFalse && implied == EnvironmentImplication.NotDevelopment))
                        {
                            return true;
                        }

                        break;
                    case IBlockOperation block when FollowsNonDevelopmentExit(block, child):
                        return true;
                }
            }

            return false;
        }

        /// <summary>What a condition being true tells about the environment.</summary>
        public EnvironmentImplication Implies(IOperation condition)
        {
            switch (condition)
            {
                case IConversionOperation conversion:
                    return Implies(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return Implies(parenthesized.Operand);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Negate(Implies(not.Operand));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    // a && b: the branch runs only if both hold, so either side saying "Development" is enough.
                    var left = Implies(and.LeftOperand);
                    return left == EnvironmentImplication.Development ? left : Implies(and.RightOperand) == EnvironmentImplication.Development ? EnvironmentImplication.Development : EnvironmentImplication.None;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    // !(a || b) is (!a && !b): the false branch is dev-only if either side's false branch is.
                    var leftOr = Implies(or.LeftOperand);
                    return leftOr == EnvironmentImplication.NotDevelopment ? leftOr : Implies(or.RightOperand) == EnvironmentImplication.NotDevelopment ? EnvironmentImplication.NotDevelopment : EnvironmentImplication.None;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    return ComparesToBoolean(comparison) ?? ComparesEnvironmentName(comparison);
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } isPattern:
                    // env.IsDevelopment() is true / is false
                    var tested = Implies(isPattern.Value);
                    return expected ? tested : Negate(tested);
                case ILocalReferenceOperation local when ValueTracking.Unwrap(local) is var value && value != local:
                    // var isDevelopment = env.IsDevelopment(); if (isDevelopment) …
                    return Implies(value);
                case IInvocationOperation invocation:
                    return IsDevelopmentCheck(invocation) || IsEnvironmentNameEquals(invocation) ? EnvironmentImplication.Development : EnvironmentImplication.None;
                default:
                    return EnvironmentImplication.None;
            }
        }

        private bool IsDevelopmentCheck(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!ContainsType(method.ContainingType))
            {
                return false;
            }

            if (method.Name == "IsDevelopment")
            {
                return true;
            }

            return method.Name == "IsEnvironment"
                && invocation.Arguments.Length == 2
                && IsDevelopmentName(invocation.Arguments[1].Value);
        }

        /// <summary>string.Equals(env.EnvironmentName, "Development"[, comparison]) and env.EnvironmentName.Equals("Development").</summary>
        private bool IsEnvironmentNameEquals(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod is not { Name: "Equals", ContainingType.SpecialType: SpecialType.System_String })
            {
                return false;
            }

            var operands = invocation.Instance is null
                ? invocation.Arguments.Select(a => a.Value).Where(v => v.Type?.SpecialType == SpecialType.System_String).ToList()
                : new[] { invocation.Instance }.Concat(invocation.Arguments.Select(a => a.Value).Where(v => v.Type?.SpecialType == SpecialType.System_String)).ToList();
            return operands.Count == 2
                && ((IsEnvironmentName(operands[0]) && IsDevelopmentName(operands[1])) || (IsEnvironmentName(operands[1]) && IsDevelopmentName(operands[0])));
        }

        /// <summary>The constant "Development" or the Environments.Development field.</summary>
        private bool IsDevelopmentName(IOperation operation)
        {
            var value = operation is IConversionOperation conversion ? conversion.Operand : operation;
            if (value.ConstantValue.Value is string name)
            {
                return string.Equals(name, DevelopmentName, StringComparison.OrdinalIgnoreCase);
            }

            return value is IFieldReferenceOperation { Field: { Name: DevelopmentName } field } && _environmentNameTypes.Any(t => t is not null && SymbolEqualityComparer.Default.Equals(t, field.ContainingType));
        }

        private static bool IsEnvironmentName(IOperation operation) =>
            (operation is IConversionOperation conversion ? conversion.Operand : operation) is IPropertyReferenceOperation { Property.Name: "EnvironmentName" };

        /// <summary>env.IsDevelopment() == true, != false, == false.</summary>
        private EnvironmentImplication? ComparesToBoolean(IBinaryOperation comparison)
        {
            var (constant, other) = comparison.RightOperand.ConstantValue.Value is bool ? (comparison.RightOperand, comparison.LeftOperand) : (comparison.LeftOperand, comparison.RightOperand);
            if (constant.ConstantValue.Value is not bool expected)
            {
                return null;
            }

            var tested = Implies(other);
            return expected == (comparison.OperatorKind == BinaryOperatorKind.Equals) ? tested : Negate(tested);
        }

        private bool ContainsType(INamedTypeSymbol? type)
        {
            foreach (var known in _environmentExtensionTypes)
            {
                if (known is not null && SymbolEqualityComparer.Default.Equals(known, type))
                {
                    return true;
                }
            }

            return false;
        }

        private EnvironmentImplication ComparesEnvironmentName(IBinaryOperation comparison)
        {
            var namesDevelopment = (IsDevelopmentName(comparison.RightOperand) && IsEnvironmentName(comparison.LeftOperand))
                || (IsDevelopmentName(comparison.LeftOperand) && IsEnvironmentName(comparison.RightOperand));
            if (!namesDevelopment)
            {
                return EnvironmentImplication.None;
            }

            return comparison.OperatorKind == BinaryOperatorKind.Equals ? EnvironmentImplication.Development : EnvironmentImplication.NotDevelopment;
        }

        /// <summary><c>if (!env.IsDevelopment()) return;</c> earlier in the same block makes what follows dev-only.</summary>
        private bool FollowsNonDevelopmentExit(IBlockOperation block, IOperation child)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == child)
                {
                    return false;
                }

                if (statement is IConditionalOperation { WhenFalse: null } guard
                    && Implies(guard.Condition) == EnvironmentImplication.NotDevelopment
                    && AlwaysExits(guard.WhenTrue))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AlwaysExits(IOperation operation) => operation switch
        {
            IReturnOperation => true,
            IThrowOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBlockOperation block => block.Operations.Length > 0 && AlwaysExits(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };

        private static EnvironmentImplication Negate(EnvironmentImplication implication) => implication switch
        {
            EnvironmentImplication.Development => EnvironmentImplication.NotDevelopment,
            EnvironmentImplication.NotDevelopment => EnvironmentImplication.Development,
            _ => EnvironmentImplication.None,
        };
    }
}
