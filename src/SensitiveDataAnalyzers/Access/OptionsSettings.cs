using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// The members set on an options object, by member path: <c>FileProvider</c>, <c>RequestPath</c>,
    /// <c>StaticFileOptions.ServeUnknownFileTypes</c>, <c>Mappings[]</c> (a dictionary key added with an indexer or
    /// <c>Add</c>). Read from its object initializer (nested member initializers included) and, when a local or
    /// parameter holds it, from the assignments and <c>Add</c> calls on it in the same body. An object built elsewhere
    /// (a helper, configuration binding) has no known settings.
    /// </summary>
    internal sealed class OptionsSettings
    {
        private const int MaxDepth = 4;

        private readonly Dictionary<string, List<IOperation>> _values = new();

        /// <summary>The values assigned to a member path, in no particular order (empty when never set).</summary>
        public IReadOnlyList<IOperation> Values(string path) =>
            _values.TryGetValue(path, out var values) ? values : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

        /// <summary>True when the object's creation was found, so that members not set keep their defaults.</summary>
        public bool Known { get; private set; }

        /// <summary>The settings of the object <paramref name="options"/> evaluates to (an object creation, or a reference to one).</summary>
        public static OptionsSettings Of(IOperation? options, CancellationToken cancellationToken)
        {
            var settings = new OptionsSettings();
            if (options is null)
            {
                return settings;
            }

            var holder = OperationTree.ReferencedSymbol(options);
            var created = ValueTracking.Unwrap(options, cancellationToken) as IObjectCreationOperation;
            settings.Known = created is not null;
            if (created is not null)
            {
                holder ??= DeclaredLocal(created);
                if (created.Initializer is { } initializer)
                {
                    settings.AddInitializer("", initializer, 0);
                }
            }

            if (holder is not null)
            {
                settings.AddLaterWrites(holder, options, cancellationToken);
            }

            return settings;
        }

        /// <summary>
        /// The settings of the whole options object an assignment to one of its members belongs to: the outermost object
        /// creation of a (nested) initializer, or the local or parameter at the start of <c>options.A.B = …</c>.
        /// </summary>
        public static OptionsSettings OfOwner(IAssignmentOperation assignment, CancellationToken cancellationToken)
        {
            IOperation? owner;
            if (assignment.Parent is IObjectOrCollectionInitializerOperation)
            {
                owner = assignment.Parent;
                while (owner is IObjectOrCollectionInitializerOperation or IMemberInitializerOperation)
                {
                    owner = owner.Parent;
                }
            }
            else
            {
                owner = (assignment.Target as IMemberReferenceOperation)?.Instance;
                while (owner is IMemberReferenceOperation { Instance: { } instance })
                {
                    owner = instance;
                }
            }

            return Of(owner, cancellationToken);
        }

        private void Add(string path, IOperation value)
        {
            if (!_values.TryGetValue(path, out var values))
            {
                values = new List<IOperation>();
                _values.Add(path, values);
            }

            values.Add(value);
        }

        private void AddInitializer(string prefix, IObjectOrCollectionInitializerOperation initializer, int depth)
        {
            foreach (var member in initializer.Initializers)
            {
                switch (member)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } when indexer.Arguments.Length > 0:
                        Add(prefix + "[]", indexer.Arguments[0].Value);
                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                        Add(prefix + target.Member.Name, assignment.Value);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation nested, Initializer: { } inner } when depth < MaxDepth:
                        AddInitializer(prefix + nested.Member.Name + ".", inner, depth + 1);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length > 0:
                        Add(prefix + "[]", add.Arguments[0].Value);
                        break;
                }
            }
        }

        /// <summary><c>holder.A.B = value</c>, <c>holder.Mappings[key] = …</c> and <c>holder.Mappings.Add(key, …)</c> in the same body.</summary>
        private void AddLaterWrites(ISymbol holder, IOperation within, CancellationToken cancellationToken)
        {
            foreach (var descendant in OperationTree.Root(within).Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (descendant)
                {
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } when indexer.Arguments.Length > 0
                        && PathFrom(indexer.Instance, holder) is { } indexed:
                        Add(indexed + "[]", indexer.Arguments[0].Value);
                        break;
                    case IAssignmentOperation { Target: IMemberReferenceOperation target } assignment when PathFrom(target.Instance, holder) is { } path:
                        Add(path + target.Member.Name, assignment.Value);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add", Instance: { } instance } add when add.Arguments.Length > 0
                        && PathFrom(instance, holder) is { } collection:
                        Add(collection + "[]", add.Arguments[0].Value);
                        break;
                }
            }
        }

        /// <summary>"" for the holder itself, "A.B." for <c>holder.A.B</c>; null when the chain does not start at the holder.</summary>
        private static string? PathFrom(IOperation? instance, ISymbol holder)
        {
            var path = "";
            for (var depth = 0; instance is not null && depth < MaxDepth; depth++)
            {
                switch (instance)
                {
                    case IConversionOperation conversion:
                        instance = conversion.Operand;
                        break;
                    case ILocalReferenceOperation local:
                        return SymbolEqualityComparer.Default.Equals(local.Local, holder) ? path : null;
                    case IParameterReferenceOperation parameter:
                        return SymbolEqualityComparer.Default.Equals(parameter.Parameter, holder) ? path : null;
                    case IMemberReferenceOperation member:
                        path = member.Member.Name + "." + path;
                        instance = member.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The local a creation initializes (<c>var options = new …</c>), whose members may be set afterwards.</summary>
        private static ISymbol? DeclaredLocal(IObjectCreationOperation creation)
        {
            IOperation? parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        }
    }
}
