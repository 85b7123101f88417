using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>
    /// Decides whether a delegate value always returns <c>true</c>: lambdas and anonymous methods (expression or
    /// block bodied), method groups and local functions. A body that throws, or returns anything but the constant
    /// true on some path, is a real check and does not count.
    /// </summary>
    internal static class AlwaysTrueDelegates
    {
        public static bool IsAlwaysTrue(IOperation value, CancellationToken cancellationToken)
        {
            switch (ValueTracking.Unwrap(value, cancellationToken))
            {
                case IDelegateCreationOperation creation:
                    return IsAlwaysTrue(creation.Target, cancellationToken);
                case IAnonymousFunctionOperation lambda:
                    return BodyAlwaysReturnsTrue(lambda.Body);
                case IMethodReferenceOperation methodGroup:
                    return MethodAlwaysReturnsTrue(methodGroup.Method, cancellationToken);
                default:
                    return false;
            }
        }

        private static bool BodyAlwaysReturnsTrue(IBlockOperation body)
        {
            var returns = 0;
            foreach (var operation in DescendantsOutsideNestedFunctions(body))
            {
                switch (operation)
                {
                    case IThrowOperation:
                        return false;
                    case IReturnOperation { ReturnedValue: { } returned }:
                        if (!IsConstantTrue(returned))
                        {
                            return false;
                        }

                        returns++;
                        break;
                }
            }

            return returns > 0;
        }

        private static System.Collections.Generic.IEnumerable<IOperation> DescendantsOutsideNestedFunctions(IOperation root)
        {
            var stack = new System.Collections.Generic.Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                yield return current;
                foreach (var child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        private static bool IsConstantTrue(IOperation operation) =>
            operation.ConstantValue.HasValue && operation.ConstantValue.Value is true;

        /// <summary>
        /// Method groups and local functions are judged from their declaration's syntax: the declaration can live in
        /// another file, whose semantic model an analyzer must not request.
        /// </summary>
        private static bool MethodAlwaysReturnsTrue(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var (block, expression) = declaration switch
            {
                MethodDeclarationSyntax m => (m.Body, m.ExpressionBody?.Expression),
                LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody?.Expression),
                _ => (null, null),
            };

            if (expression is not null)
            {
                return IsTrueLiteral(expression);
            }

            if (block is null)
            {
                return false;
            }

            var nodes = block.DescendantNodes(node => node == block || !IsNestedFunction(node)).ToList();
            if (nodes.Any(node => node is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                return false;
            }

            var returns = nodes.OfType<ReturnStatementSyntax>().ToList();
            return returns.Count > 0 && returns.All(r => r.Expression is not null && IsTrueLiteral(r.Expression));
        }

        private static bool IsNestedFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        private static bool IsTrueLiteral(ExpressionSyntax expression) => expression switch
        {
            ParenthesizedExpressionSyntax parenthesized => IsTrueLiteral(parenthesized.Expression),
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.TrueLiteralExpression),
            _ => false,
        };
    }
}
