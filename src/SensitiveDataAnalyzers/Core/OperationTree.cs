using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>Small walks shared by the rules: the body an operation belongs to, and what a reference names.</summary>
    internal static class OperationTree
    {
        /// <summary>The outermost operation of the body or initializer an operation belongs to.</summary>
        public static IOperation Root(IOperation operation)
        {
            var root = operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root;
        }

        /// <summary>The local, parameter, field or property an expression reads (through conversions), or null.</summary>
        public static ISymbol? ReferencedSymbol(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
        }
    }
}
