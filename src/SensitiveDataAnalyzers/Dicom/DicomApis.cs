using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>
    /// The fo-dicom types the DICOM transport rules match, resolved once per compilation by fully-qualified name:
    /// 5.1+ (<c>FellowOakDicom.Network.Tls</c>), 5.0 and 4.x (<c>Dicom.Network</c>). Missing types are null, so a
    /// compilation without fo-dicom costs one lookup per name.
    /// </summary>
    internal sealed class DicomApis
    {
        private DicomApis(Compilation compilation)
        {
            ClientFactory = KnownTypes.Find(compilation, "FellowOakDicom.Network.Client.DicomClientFactory");
            ClientFactoryInterface = KnownTypes.Find(compilation, "FellowOakDicom.Network.Client.IDicomClientFactory");
            LegacyClient = KnownTypes.Find(compilation, "Dicom.Network.Client.DicomClient");
            ObsoleteLegacyClient = KnownTypes.Find(compilation, "Dicom.Network.DicomClient");
            ServerFactory = KnownTypes.Find(compilation, "FellowOakDicom.Network.DicomServerFactory");
            ServerFactoryInterface = KnownTypes.Find(compilation, "FellowOakDicom.Network.IDicomServerFactory");
            LegacyServer = KnownTypes.Find(compilation, "Dicom.Network.DicomServer");
            HostedServerExtensions = KnownTypes.Find(compilation, "FellowOakDicom.AspNetCore.ServiceCollectionExtensions");
            TlsInitiator = KnownTypes.Find(compilation, "FellowOakDicom.Network.Tls.ITlsInitiator");
            TlsAcceptor = KnownTypes.Find(compilation, "FellowOakDicom.Network.Tls.ITlsAcceptor");
            DefaultTlsInitiator = KnownTypes.Find(compilation, "FellowOakDicom.Network.Tls.DefaultTlsInitiator");
            DefaultTlsAcceptor = KnownTypes.Find(compilation, "FellowOakDicom.Network.Tls.DefaultTlsAcceptor");
            ServiceOptions = new[] { "FellowOakDicom.Network.DicomServiceOptions", "Dicom.Network.DicomServiceOptions" }
                .Select(name => KnownTypes.Find(compilation, name))
                .Where(type => type is not null)
                .Select(type => type!)
                .ToImmutableArray();
        }

        public INamedTypeSymbol? ClientFactory { get; }

        public INamedTypeSymbol? ClientFactoryInterface { get; }

        /// <summary>4.x <c>Dicom.Network.Client.DicomClient</c>.</summary>
        public INamedTypeSymbol? LegacyClient { get; }

        /// <summary>4.x <c>Dicom.Network.DicomClient</c> (obsolete there, still used).</summary>
        public INamedTypeSymbol? ObsoleteLegacyClient { get; }

        public INamedTypeSymbol? ServerFactory { get; }

        public INamedTypeSymbol? ServerFactoryInterface { get; }

        /// <summary>4.x <c>Dicom.Network.DicomServer</c>.</summary>
        public INamedTypeSymbol? LegacyServer { get; }

        /// <summary>fo-dicom's ASP.NET Core hosting: <c>AddDicomServer&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? HostedServerExtensions { get; }

        public INamedTypeSymbol? TlsInitiator { get; }

        public INamedTypeSymbol? TlsAcceptor { get; }

        public INamedTypeSymbol? DefaultTlsInitiator { get; }

        public INamedTypeSymbol? DefaultTlsAcceptor { get; }

        /// <summary>5.0 and 4.x <c>DicomServiceOptions</c> (IgnoreSslPolicyErrors).</summary>
        public ImmutableArray<INamedTypeSymbol> ServiceOptions { get; }

        public bool HasClients => ClientFactory is not null || ClientFactoryInterface is not null || LegacyClient is not null || ObsoleteLegacyClient is not null;

        public bool HasServers => ServerFactory is not null || ServerFactoryInterface is not null || LegacyServer is not null || HostedServerExtensions is not null;

        public static DicomApis Create(Compilation compilation) => new(compilation);

        /// <summary><c>DicomClientFactory.Create</c>, or <c>Create</c> of an <c>IDicomClientFactory</c> (interface or implementation).</summary>
        public bool IsClientFactoryCreate(IMethodSymbol method) =>
            method.Name == "Create" && (Is(method.ContainingType, ClientFactory) || Implements(method.ContainingType, ClientFactoryInterface));

        /// <summary><c>DicomServerFactory.Create&lt;T&gt;</c> (5.x), an <c>IDicomServerFactory</c>'s, or 4.x <c>DicomServer.Create&lt;T&gt;</c>.</summary>
        public bool IsServerFactoryCreate(IMethodSymbol method) =>
            method.Name == "Create"
            && (Is(method.ContainingType, ServerFactory) || Is(method.ContainingType, LegacyServer) || Implements(method.ContainingType, ServerFactoryInterface));

        public bool IsHostedServer(IMethodSymbol method) =>
            method.Name == "AddDicomServer" && method.IsGenericMethod && Is(method.ContainingType, HostedServerExtensions);

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool Implements(INamedTypeSymbol? type, INamedTypeSymbol? contract) =>
            contract is not null && type is not null
            && (SymbolEqualityComparer.Default.Equals(type, contract) || type.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default));
    }
}
