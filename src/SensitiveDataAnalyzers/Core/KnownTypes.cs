using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>
    /// Finds a type by its metadata name through the compilation's merged namespaces. Compilation.GetTypeByMetadataName
    /// asks every referenced assembly in turn – 300 of them in an ASP.NET Core app – for every name, which made the
    /// analyzers' compilation start cost more than their analysis of a small project. The merged namespaces are built
    /// once per compilation, shared with the compiler's own binding of using directives, and cache their members, so a
    /// lookup is a few dictionary probes. Same answers: a type of the compilation itself wins, a name defined by two
    /// references is ambiguous (null).
    /// </summary>
    internal static class KnownTypes
    {
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            if (string.IsNullOrEmpty(metadataName))
            {
                return null;
            }

            var nested = metadataName.Split('+');
            var topLevel = nested[0];
            var lastDot = topLevel.LastIndexOf('.');
            INamespaceSymbol? ns = compilation.GlobalNamespace;
            if (lastDot > 0)
            {
                foreach (var segment in topLevel.Substring(0, lastDot).Split('.'))
                {
                    ns = Namespace(ns, segment);
                    if (ns is null)
                    {
                        return null;
                    }
                }
            }

            var (name, arity) = NameAndArity(topLevel.Substring(lastDot + 1));
            var type = Single(ns.GetTypeMembers(name, arity), compilation);
            for (var i = 1; i < nested.Length && type is not null; i++)
            {
                (name, arity) = NameAndArity(nested[i]);
                type = Single(type.GetTypeMembers(name, arity), compilation);
            }

            return type;
        }

        private static INamespaceSymbol? Namespace(INamespaceSymbol parent, string name)
        {
            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol ns)
                {
                    return ns;
                }
            }

            return null;
        }

        private static (string Name, int Arity) NameAndArity(string metadataName)
        {
            var tick = metadataName.LastIndexOf('`');
            return tick > 0 && int.TryParse(metadataName.Substring(tick + 1), out var arity)
                ? (metadataName.Substring(0, tick), arity)
                : (metadataName, 0);
        }

        private static INamedTypeSymbol? Single(ImmutableArray<INamedTypeSymbol> candidates, Compilation compilation)
        {
            if (candidates.Length == 1)
            {
                return candidates[0];
            }

            INamedTypeSymbol? own = null;
            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    if (own is not null)
                    {
                        return null;
                    }

                    own = candidate;
                }
            }

            return own;
        }
    }
}
