namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// fo-dicom is not on the package registry here: these stand-ins declare exactly the published namespaces, type names
    /// and signatures the DICOM rules match (../shared/reference/fo-dicom-api.md), with empty bodies. 5.1 and 5.0 share
    /// the FellowOakDicom namespace, so a test compiles one of them, optionally with the 4.x surface (Dicom namespace).
    /// </summary>
    public static class FoDicomStandIns
    {
        /// <summary>Services, associations and the DI extensions: the same in 5.0 and 5.1.</summary>
        private const string Services5 = """

            namespace FellowOakDicom.Network
            {
                using System;
                using System.Text;
                using System.Threading.Tasks;

                public interface INetworkStream { }
                public sealed class DicomServiceDependencies { }
                public abstract class DicomRequest { }
                public interface IDicomService { }
                public interface IDicomServer : IDisposable { }
                public interface IDicomServer<T> : IDicomServer where T : DicomService, IDicomServiceProvider { }
                public enum DicomRejectResult { Permanent = 1, Transient = 2 }
                public enum DicomRejectSource { ServiceUser = 1, ServiceProviderACSE = 2, ServiceProviderPresentation = 3 }
                public enum DicomRejectReason { NoReasonGiven = 0x11, ApplicationContextNotSupported = 0x12, CallingAENotRecognized = 0x13, CalledAENotRecognized = 0x17 }
                public sealed class DicomPresentationContextCollection { }
                public sealed class DicomAssociation
                {
                    public string CallingAE { get; } = "";
                    public string CalledAE { get; } = "";
                    public string RemoteHost { get; } = "";
                    public int RemotePort { get; }
                    public DicomPresentationContextCollection PresentationContexts { get; } = new();
                }
                public class DicomServiceOptions { public bool IgnoreSslPolicyErrors { get; set; } }
                public abstract class DicomService : IDisposable
                {
                    protected DicomService(INetworkStream stream, Encoding fallbackEncoding, Microsoft.Extensions.Logging.ILogger logger, DicomServiceDependencies dependencies) { }
                    public DicomAssociation Association { get; } = new();
                    public object UserState { get; set; } = new();
                    protected Task SendAssociationAcceptAsync(DicomAssociation association) => Task.CompletedTask;
                    protected Task SendAssociationRejectAsync(DicomRejectResult result, DicomRejectSource source, DicomRejectReason reason) => Task.CompletedTask;
                    public void Dispose() { }
                }
                public interface IDicomServiceProvider : IDicomService
                {
                    Task OnReceiveAssociationRequestAsync(DicomAssociation association);
                    Task OnReceiveAssociationReleaseRequestAsync();
                }
                public interface IDicomCEchoProvider { }
                public interface IDicomCStoreProvider { }
                public class DicomCEchoProvider : DicomService, IDicomServiceProvider, IDicomCEchoProvider
                {
                    public DicomCEchoProvider(INetworkStream stream, Encoding fallbackEncoding, Microsoft.Extensions.Logging.ILogger logger, DicomServiceDependencies dependencies)
                        : base(stream, fallbackEncoding, logger, dependencies) { }
                    public virtual Task OnReceiveAssociationRequestAsync(DicomAssociation association) => SendAssociationAcceptAsync(association);
                    public virtual Task OnReceiveAssociationReleaseRequestAsync() => Task.CompletedTask;
                }
                public static class NetworkManager
                {
                    public const string IPv4Any = "0.0.0.0", IPv6Any = "::", IPv4Loopback = "127.0.0.1", IPv6Loopback = "::1";
                }
                public class DicomServerOptions { }
            }

            namespace FellowOakDicom.Network.Client
            {
                public class DicomClientOptions { }
            }

            namespace FellowOakDicom
            {
                using System;
                using Microsoft.Extensions.DependencyInjection;

                public static class IServiceCollectionExtension
                {
                    public static IServiceCollection AddFellowOakDicom(this IServiceCollection services) => services;
                    public static IServiceCollection AddDicomClient(this IServiceCollection services, Action<Network.Client.DicomClientOptions>? options = null) => services;
                    public static IServiceCollection AddDicomServer(this IServiceCollection services, Action<Network.DicomServerOptions>? options = null) => services;
                }
            }

            namespace FellowOakDicom.AspNetCore
            {
                using System;
                using Microsoft.Extensions.DependencyInjection;

                public class DicomServerServiceOptions { public int Port { get; set; } = 104; }
                public static class ServiceCollectionExtensions
                {
                    public static IServiceCollection AddDicomServer<T>(this IServiceCollection services, DicomServerServiceOptions options)
                        where T : Network.DicomService, Network.IDicomServiceProvider => services;
                    public static IServiceCollection AddDicomServer<T>(this IServiceCollection services, Action<DicomServerServiceOptions> configure)
                        where T : Network.DicomService, Network.IDicomServiceProvider => services;
                }
            }
            """;

        /// <summary>
        /// Files, datasets and tags: the same public surface in 4.x (namespace Dicom) and 5.x (FellowOakDicom), where a
        /// patient's identifiers are read from and file names written to (SDA2001). Only the members the tests use;
        /// DicomWriteOptions comes from the version's IO.Writer namespace.
        /// </summary>
        private const string FileTypes = """
                using System.Threading.Tasks;

                public sealed partial class DicomTag
                {
                    public static readonly DicomTag PatientID = new DicomTag(0x0010, 0x0020);
                    public static readonly DicomTag PatientName = new DicomTag(0x0010, 0x0010);
                    public static readonly DicomTag SOPInstanceUID = new DicomTag(0x0008, 0x0018);
                    public DicomTag(ushort group, ushort element) { }
                }
                public class DicomDataset
                {
                    public string GetString(DicomTag tag) => "";
                }
                public class DicomFile
                {
                    public DicomFile() { }
                    public DicomFile(DicomDataset dataset) { }
                    public DicomDataset Dataset { get; protected set; } = new();
                    public void Save(string fileName, DicomWriteOptions? options = null) { }
                    public Task SaveAsync(string fileName, DicomWriteOptions? options = null) => Task.CompletedTask;
                }
            """;

        private const string Files5 = $$"""

            namespace FellowOakDicom.IO.Writer { public class DicomWriteOptions { } }

            namespace FellowOakDicom
            {
                using FellowOakDicom.IO.Writer;
            {{FileTypes}}
            }
            """;

        /// <summary>fo-dicom 5.1 and later (5.2 keeps these signatures).</summary>
        public const string V51 = Services5 + Files5 + """

            namespace FellowOakDicom.Network.Tls
            {
                using System.IO;
                using System.Net.Security;
                using System.Security.Authentication;
                using System.Security.Cryptography.X509Certificates;

                public interface ITlsInitiator { Stream InitiateTls(Stream plainStream, string remoteAddress, int remotePort); }
                public interface ITlsAcceptor { Stream AcceptTls(Stream encryptedStream, string remoteAddress, int localPort); }
                public class DefaultTlsInitiator : ITlsInitiator
                {
                    public DefaultTlsInitiator() { }
                    public bool IgnoreSslPolicyErrors { get; set; }
                    public X509CertificateCollection Certificates { get; set; } = new();
                    public SslProtocols Protocols { get; set; }
                    public bool CheckCertificateRevocation { get; set; }
                    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }
                    public Stream InitiateTls(Stream plainStream, string remoteAddress, int remotePort) => plainStream;
                }
                public class DefaultTlsAcceptor : ITlsAcceptor
                {
                    public DefaultTlsAcceptor(string certificateName) { }
                    public DefaultTlsAcceptor(string certificateFilename, string password) { }
                    public DefaultTlsAcceptor(X509Certificate certificate) { }
                    public SslProtocols Protocols { get; set; }
                    public bool RequireMutualAuthentication { get; set; }
                    public bool CheckCertificateRevocation { get; set; }
                    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }
                    public Stream AcceptTls(Stream encryptedStream, string remoteAddress, int localPort) => encryptedStream;
                }
            }

            namespace FellowOakDicom.Network.Client
            {
                using System.Threading;
                using System.Threading.Tasks;
                using FellowOakDicom.Network.Tls;

                public enum DicomClientCancellationMode { ImmediatelyReleaseAssociation, ImmediatelyAbortAssociation }
                public interface IDicomClient
                {
                    string Host { get; }
                    int Port { get; }
                    ITlsInitiator TlsInitiator { get; }
                    string CallingAe { get; }
                    string CalledAe { get; }
                    Task AddRequestAsync(DicomRequest request);
                    Task SendAsync(CancellationToken cancellationToken = default, DicomClientCancellationMode cancellationMode = DicomClientCancellationMode.ImmediatelyReleaseAssociation);
                }
                public interface IDicomClientFactory
                {
                    IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe);
                    IDicomClient Create(string host, int port, ITlsInitiator tlsInitiator, string callingAe, string calledAe);
                }
                public class DefaultDicomClientFactory : IDicomClientFactory
                {
                    public virtual IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe) => null!;
                    public virtual IDicomClient Create(string host, int port, ITlsInitiator tlsInitiator, string callingAe, string calledAe) => null!;
                }
                public static class DicomClientFactory
                {
                    public static IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe) => null!;
                    public static IDicomClient Create(string host, int port, ITlsInitiator tlsInitiator, string callingAe, string calledAe) => null!;
                }
            }

            namespace FellowOakDicom.Network
            {
                using System;
                using System.Text;
                using FellowOakDicom.Network.Tls;
                using Microsoft.Extensions.Logging;

                public interface IDicomServerFactory
                {
                    IDicomServer Create<T>(int port, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, object? userState = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider;
                    IDicomServer Create<T>(string ipAddress, int port, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, object? userState = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider;
                    IDicomServer Create<T, TServer>(string ipAddress, int port, object? userState = null, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider where TServer : IDicomServer<T>;
                }
                public static class DicomServerFactory
                {
                    public static IDicomServer Create<T>(int port, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, object? userState = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider => null!;
                    public static IDicomServer Create<T>(string ipAddress, int port, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, object? userState = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider => null!;
                    public static IDicomServer Create<T, TServer>(string ipAddress, int port, object? userState = null, ITlsAcceptor? tlsAcceptor = null, Encoding? fallbackEncoding = null, ILogger? logger = null, Action<DicomServerOptions>? configure = null) where T : DicomService, IDicomServiceProvider where TServer : IDicomServer<T> => null!;
                }
            }
            """;

        /// <summary>fo-dicom 5.0: no Tls namespace, one client overload, server TLS by certificate name.</summary>
        public const string V50 = Services5 + Files5 + """

            namespace FellowOakDicom.Log { public abstract class Logger { } }

            namespace FellowOakDicom.Network.Client
            {
                using System.Threading;
                using System.Threading.Tasks;

                public interface IDicomClient
                {
                    DicomServiceOptions ServiceOptions { get; }
                    Task AddRequestAsync(DicomRequest request);
                    Task SendAsync(CancellationToken cancellationToken = default);
                }
                public static class DicomClientFactory
                {
                    public static IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe) => null!;
                }
            }

            namespace FellowOakDicom.Network
            {
                using System.Text;
                using FellowOakDicom.Log;

                public static class DicomServerFactory
                {
                    public static IDicomServer Create<T>(int port, string? certificateName = null, Encoding? fallbackEncoding = null, Logger? logger = null, object? userState = null) where T : DicomService, IDicomServiceProvider => null!;
                    public static IDicomServer Create<T>(string ipAddress, int port, string? certificateName = null, Encoding? fallbackEncoding = null, Logger? logger = null, object? userState = null) where T : DicomService, IDicomServiceProvider => null!;
                }
            }
            """;

        /// <summary>fo-dicom 4.0 (namespace Dicom): the client class, the obsolete client, the DicomServer factory, files and tags.</summary>
        public const string V4 = $$"""

            namespace Dicom.Log { public abstract class Logger { } }

            namespace Dicom.IO.Writer { public class DicomWriteOptions { } }

            namespace Dicom
            {
                using Dicom.IO.Writer;
            {{FileTypes}}
            }

            namespace Dicom.Network
            {
                using System;
                using System.Text;
                using System.Threading.Tasks;
                using Dicom.Log;

                public interface INetworkStream { }
                public interface IDicomService { }
                public interface IDicomServer : IDisposable { }
                public enum DicomRejectResult { Permanent = 1, Transient = 2 }
                public enum DicomRejectSource { ServiceUser = 1 }
                public enum DicomRejectReason { NoReasonGiven = 0x11, CallingAENotRecognized = 0x13, CalledAENotRecognized = 0x17 }
                public sealed class DicomAssociation
                {
                    public string CallingAE { get; } = "";
                    public string CalledAE { get; } = "";
                    public string RemoteHost { get; } = "";
                    public int RemotePort { get; }
                }
                public class DicomServiceOptions { public bool IgnoreSslPolicyErrors { get; set; } }
                public abstract class DicomService : IDisposable
                {
                    protected DicomService(INetworkStream stream, Encoding fallbackEncoding, Logger log) { }
                    public DicomAssociation Association { get; } = new();
                    protected Task SendAssociationAcceptAsync(DicomAssociation association) => Task.CompletedTask;
                    protected Task SendAssociationRejectAsync(DicomRejectResult result, DicomRejectSource source, DicomRejectReason reason) => Task.CompletedTask;
                    public void Dispose() { }
                }
                public interface IDicomServiceProvider : IDicomService
                {
                    Task OnReceiveAssociationRequestAsync(DicomAssociation association);
                    Task OnReceiveAssociationReleaseRequestAsync();
                }
                public static class DicomServer
                {
                    public static IDicomServer Create<T>(int port, string? certificateName = null, DicomServiceOptions? options = null, Encoding? fallbackEncoding = null, Logger? logger = null) where T : DicomService, IDicomServiceProvider => null!;
                    public static IDicomServer Create<T>(string ipAddress, int port, object? userState = null, string? certificateName = null, DicomServiceOptions? options = null, Encoding? fallbackEncoding = null, Logger? logger = null) where T : DicomService, IDicomServiceProvider => null!;
                }
                [Obsolete("Use Dicom.Network.Client.DicomClient")]
                public class DicomClient
                {
                    public void Send(string host, int port, bool useTls, string callingAe, string calledAe, int millisecondsTimeout = 5000) { }
                    public Task SendAsync(string host, int port, bool useTls, string callingAe, string calledAe, int millisecondsTimeout = 5000) => Task.CompletedTask;
                }
            }

            namespace Dicom.Network.Client
            {
                public class DicomClient
                {
                    public DicomClient(string host, int port, bool useTls, string callingAe, string calledAe, int associationRequestTimeoutInMs = 5000, int associationReleaseTimeoutInMs = 10000, int associationLingerTimeoutInMs = 50, int? maximumNumberOfRequestsPerAssociation = null) { }
                    public bool UseTls { get; }
                    public DicomServiceOptions Options { get; set; } = new();
                }
            }
            """;
    }
}
