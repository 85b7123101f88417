using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>An assignment (<c>=</c>, <c>+=</c>, <c>|=</c>, <c>??=</c>, object initializer member) to a watched property.</summary>
    internal readonly struct PropertyAssignment
    {
        public PropertyAssignment(IAssignmentOperation assignment, IPropertySymbol property, string displayName)
        {
            Assignment = assignment;
            Property = property;
            DisplayName = displayName;
        }

        public IAssignmentOperation Assignment { get; }

        public IPropertySymbol Property { get; }

        /// <summary>"Type.Property", as shown in messages.</summary>
        public string DisplayName { get; }

        public IOperation Value => Assignment.Value;

        /// <summary>
        /// The operator of a compound assignment (<c>+=</c>, <c>-=</c>, <c>|=</c>, <c>&amp;=</c>...), or
        /// <see cref="BinaryOperatorKind.None"/> for <c>=</c>, <c>??=</c> and initializer members, which store
        /// <see cref="Value"/> itself. Rules use it to tell adding from removing.
        /// </summary>
        public BinaryOperatorKind CompoundOperator =>
            Assignment is ICompoundAssignmentOperation compound ? compound.OperatorKind : BinaryOperatorKind.None;

        /// <summary>The property as written on the left of the assignment.</summary>
        public SyntaxNode TargetSyntax => Assignment.Target.Syntax;
    }

    /// <summary>
    /// A set of properties, resolved by fully-qualified type and member name once per compilation, whose assigned
    /// values a rule inspects. Missing types are simply absent, so the set is empty when an API is not referenced.
    /// </summary>
    internal sealed class PropertySinks
    {
        private readonly Dictionary<IPropertySymbol, string> _properties;

        private PropertySinks(Dictionary<IPropertySymbol, string> properties)
        {
            _properties = properties;
        }

        public bool IsEmpty => _properties.Count == 0;

        public static PropertySinks Create(Compilation compilation, params (string TypeName, string PropertyName)[] members)
        {
            var properties = new Dictionary<IPropertySymbol, string>(SymbolEqualityComparer.Default);
            foreach (var (typeName, propertyName) in members)
            {
                var type = KnownTypes.Find(compilation, typeName);
                if (type is null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers(propertyName))
                {
                    if (member is IPropertySymbol property)
                    {
                        properties[property] = type.Name + "." + property.Name;
                    }
                }
            }

            return new PropertySinks(properties);
        }

        /// <summary>Matches simple, compound and coalescing assignments whose target is one of the watched properties.</summary>
        public bool TryMatch(IOperation operation, out PropertyAssignment match)
        {
            if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && _properties.TryGetValue(target.Property.OriginalDefinition, out var name))
            {
                match = new PropertyAssignment(assignment, target.Property, name);
                return true;
            }

            match = default;
            return false;
        }
    }
}
