using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// The fo-dicom symbols that decide whether an SCP accepts an association: the provider interface and its
    /// association-request handler, <c>DicomService.SendAssociationAcceptAsync</c>, the <c>DicomAssociation</c> properties
    /// that say who is calling, and <c>DicomCEchoProvider</c>, whose handler accepts everyone. Resolved once per compilation
    /// by fully-qualified metadata name for fo-dicom 5 (<c>FellowOakDicom.Network</c>) and 4 (<c>Dicom.Network</c>).
    /// </summary>
    internal sealed class DicomAssociationApis
    {
        public const string HandlerName = "OnReceiveAssociationRequestAsync";

        private const string AcceptName = "SendAssociationAcceptAsync";

        private static readonly ImmutableArray<string> Namespaces = ImmutableArray.Create("FellowOakDicom.Network", "Dicom.Network");

        /// <summary>What identifies the caller: its AE title, the AE title it called, the address it came from.</summary>
        private static readonly ImmutableHashSet<string> CallerProperties = ImmutableHashSet.Create("CallingAE", "CalledAE", "RemoteHost");

        private readonly ImmutableArray<Generation> _generations;

        private DicomAssociationApis(ImmutableArray<Generation> generations)
        {
            _generations = generations;
        }

        /// <summary>Null when the compilation references no fo-dicom network API.</summary>
        public static DicomAssociationApis? Create(Compilation compilation)
        {
            var generations = ImmutableArray.CreateBuilder<Generation>();
            foreach (var ns in Namespaces)
            {
                var provider = KnownTypes.Find(compilation, ns + ".IDicomServiceProvider");
                var service = KnownTypes.Find(compilation, ns + ".DicomService");
                var association = KnownTypes.Find(compilation, ns + ".DicomAssociation");
                var handler = provider?.GetMembers(HandlerName).OfType<IMethodSymbol>()
                    .FirstOrDefault(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, association));
                if (service is null || association is null || handler is null)
                {
                    continue;
                }

                var echo = KnownTypes.Find(compilation, ns + ".DicomCEchoProvider");
                var echoHandler = echo?.FindImplementationForInterfaceMember(handler) as IMethodSymbol;
                generations.Add(new Generation(handler, service, association, echo, echoHandler));
            }

            return generations.Count == 0 ? null : new DicomAssociationApis(generations.ToImmutable());
        }

        /// <summary>
        /// The method is what a server calls when an association request arrives: it implements
        /// <c>IDicomServiceProvider.OnReceiveAssociationRequestAsync</c> for its class, itself or by overriding the method
        /// that does (a <c>DicomCEchoProvider</c> override, an override of a source base class).
        /// </summary>
        public bool IsHandler(IMethodSymbol method)
        {
            if (method.Name != HandlerName && method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return false;
            }

            foreach (var generation in _generations)
            {
                for (var current = method; current is not null; current = current.OverriddenMethod)
                {
                    if (current.ExplicitInterfaceImplementations.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, generation.Handler))
                        || SymbolEqualityComparer.Default.Equals(current.ContainingType?.FindImplementationForInterfaceMember(generation.Handler), current))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>DicomService.SendAssociationAcceptAsync</c>.</summary>
        public bool IsAccept(IMethodSymbol method) =>
            method.Name == AcceptName && _generations.Any(g => SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, g.Service));

        /// <summary><c>DicomCEchoProvider.OnReceiveAssociationRequestAsync</c> itself (as <c>base.</c> calls it): accepts everyone.</summary>
        public bool IsAcceptAllHandler(IMethodSymbol method) =>
            _generations.Any(g => g.EchoHandler is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, g.EchoHandler));

        /// <summary>A concrete class whose association requests are answered by <c>DicomCEchoProvider</c>'s own handler.</summary>
        public bool InheritsAcceptAllHandler(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract)
            {
                return false;
            }

            foreach (var generation in _generations)
            {
                if (generation.EchoHandler is not null
                    && DerivesFrom(type, generation.Echo)
                    && type.FindImplementationForInterfaceMember(generation.Handler) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, generation.EchoHandler)
                    && !Overrides(type, generation.EchoHandler))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type or one of its bases overrides <paramref name="method"/> (the interface map still names the virtual method).</summary>
        private static bool Overrides(INamedTypeSymbol type, IMethodSymbol method)
        {
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method.ContainingType); current = current.BaseType)
            {
                foreach (var member in current.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    for (var overridden = member.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary><c>CallingAE</c>, <c>CalledAE</c> or <c>RemoteHost</c> of a <c>DicomAssociation</c>.</summary>
        public bool IsCallerProperty(IPropertySymbol property) =>
            CallerProperties.Contains(property.Name) && IsAssociation(property.ContainingType);

        public bool IsAssociation(ITypeSymbol? type) =>
            type is not null && _generations.Any(g => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, g.Association));

        /// <summary>The class derives from <c>DicomService</c>, so it may call the protected accept.</summary>
        public bool IsService(INamedTypeSymbol? type) =>
            type is not null && _generations.Any(g => DerivesFrom(type, g.Service));

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (var current = type.BaseType; current is not null && baseType is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>One fo-dicom namespace's symbols (5.x and 4.x have the same shapes).</summary>
        private sealed class Generation
        {
            public Generation(IMethodSymbol handler, INamedTypeSymbol service, INamedTypeSymbol association, INamedTypeSymbol? echo, IMethodSymbol? echoHandler)
            {
                Handler = handler;
                Service = service;
                Association = association;
                Echo = echo;
                EchoHandler = echoHandler;
            }

            /// <summary><c>IDicomServiceProvider.OnReceiveAssociationRequestAsync</c>.</summary>
            public IMethodSymbol Handler { get; }

            public INamedTypeSymbol Service { get; }

            public INamedTypeSymbol Association { get; }

            public INamedTypeSymbol? Echo { get; }

            /// <summary><c>DicomCEchoProvider</c>'s implementation of the handler.</summary>
            public IMethodSymbol? EchoHandler { get; }
        }
    }
}
