// STAND-INS for fo-dicom 5.1 (package "fo-dicom"), which the package registry of this build machine does not serve.
// Only the types and members the gateway uses, with the published namespaces, names and signatures, so the
// analyzers see exactly what they would see with the real library. They do nothing: the factories throw.
// To use the real library, delete this folder and add to DicomGateway.csproj:
//   <PackageReference Include="fo-dicom" Version="5.1.5" />
#nullable disable

namespace FellowOakDicom
{
    using System;
    using System.Threading.Tasks;
    using FellowOakDicom.IO.Writer;
    using Microsoft.Extensions.DependencyInjection;

    internal static class StandIn
    {
        public static NotSupportedException NotAvailable() =>
            new("fo-dicom stand-in: delete samples/DicomGateway/FoDicomStandIns and reference the fo-dicom package to run the gateway.");
    }

    public sealed class DicomTag
    {
        public static readonly DicomTag PatientID = new();
        public static readonly DicomTag PatientName = new();
        public static readonly DicomTag StudyInstanceUID = new();
        public static readonly DicomTag SOPInstanceUID = new();
    }

    public sealed class DicomUID
    {
        public string UID { get; } = "";
    }

    public sealed class DicomTransferSyntax
    {
        public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new();
        public static readonly DicomTransferSyntax ExplicitVRBigEndian = new();
        public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new();
    }

    public class DicomDataset
    {
        public string GetString(DicomTag tag) => throw StandIn.NotAvailable();
    }

    public class DicomFile
    {
        public DicomDataset Dataset { get; } = new();

        public void Save(string fileName, DicomWriteOptions options = null) => throw StandIn.NotAvailable();

        public Task SaveAsync(string fileName, DicomWriteOptions options = null) => throw StandIn.NotAvailable();
    }

    public class DicomSetupBuilder
    {
        public DicomSetupBuilder RegisterServices(Action<IServiceCollection> registerAction) => this;

        public void Build()
        {
        }
    }
}

namespace FellowOakDicom.IO.Writer
{
    public class DicomWriteOptions
    {
    }
}

namespace FellowOakDicom.Network
{
    using System;
    using System.Collections;
    using System.Collections.Generic;
    using System.Text;
    using System.Threading.Tasks;
    using FellowOakDicom.Network.Tls;
    using Microsoft.Extensions.Logging;

    public interface INetworkStream
    {
    }

    public sealed class DicomServiceDependencies
    {
    }

    public enum DicomAbortSource
    {
        ServiceUser = 0,
        Unknown = 1,
        ServiceProvider = 2,
    }

    public enum DicomAbortReason
    {
        NotSpecified = 0,
        UnrecognizedPDU = 1,
        UnexpectedPDU = 2,
        UnrecognizedPDUParameter = 4,
        UnexpectedPDUParameter = 5,
        InvalidPDUParameter = 6,
    }

    public enum DicomRejectResult
    {
        Permanent = 1,
        Transient = 2,
    }

    public enum DicomRejectSource
    {
        ServiceUser = 1,
        ServiceProviderACSE = 2,
        ServiceProviderPresentation = 3,
    }

    public enum DicomRejectReason
    {
        NoReasonGiven = 0x11,
        ApplicationContextNotSupported = 0x12,
        CallingAENotRecognized = 0x13,
        CalledAENotRecognized = 0x17,
    }

    public enum DicomPriority
    {
        Low = 0x0002,
        Medium = 0x0000,
        High = 0x0001,
    }

    public sealed class DicomStatus
    {
        public static readonly DicomStatus Success = new();
    }

    public sealed class DicomPresentationContext
    {
        public bool AcceptTransferSyntaxes(params DicomTransferSyntax[] acceptedTransferSyntaxes) => throw StandIn.NotAvailable();
    }

    public sealed class DicomPresentationContextCollection : IEnumerable<DicomPresentationContext>
    {
        public IEnumerator<DicomPresentationContext> GetEnumerator() => throw StandIn.NotAvailable();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class DicomAssociation
    {
        public string CallingAE { get; set; }

        public string CalledAE { get; set; }

        public string RemoteHost { get; set; }

        public int RemotePort { get; set; }

        public DicomPresentationContextCollection PresentationContexts { get; } = new();
    }

    public abstract class DicomMessage
    {
        public DicomDataset Dataset { get; set; }
    }

    public abstract class DicomRequest : DicomMessage
    {
    }

    public abstract class DicomResponse : DicomMessage
    {
    }

    public sealed class DicomCStoreRequest : DicomRequest
    {
        public DicomCStoreRequest(DicomFile file, DicomPriority priority = DicomPriority.Medium) => File = file;

        public DicomFile File { get; }

        public DicomUID SOPInstanceUID { get; }
    }

    public sealed class DicomCStoreResponse : DicomResponse
    {
        public DicomCStoreResponse(DicomCStoreRequest request, DicomStatus status)
        {
        }
    }

    public sealed class DicomCEchoRequest : DicomRequest
    {
    }

    public sealed class DicomCEchoResponse : DicomResponse
    {
        public DicomCEchoResponse(DicomCEchoRequest request, DicomStatus status)
        {
        }
    }

    public interface IDicomService
    {
        void OnReceiveAbort(DicomAbortSource source, DicomAbortReason reason);

        void OnConnectionClosed(Exception exception);
    }

    public interface IDicomServiceProvider : IDicomService
    {
        Task OnReceiveAssociationRequestAsync(DicomAssociation association);

        Task OnReceiveAssociationReleaseRequestAsync();
    }

    public interface IDicomCStoreProvider
    {
        Task<DicomCStoreResponse> OnCStoreRequestAsync(DicomCStoreRequest request);

        Task OnCStoreRequestExceptionAsync(string tempFileName, Exception e);
    }

    public interface IDicomCEchoProvider
    {
        Task<DicomCEchoResponse> OnCEchoRequestAsync(DicomCEchoRequest request);
    }

    public abstract class DicomService : IDisposable
    {
        protected DicomService(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
        {
        }

        public DicomAssociation Association { get; }

        public object UserState { get; set; }

        protected Task SendAssociationAcceptAsync(DicomAssociation association) => throw StandIn.NotAvailable();

        protected Task SendAssociationRejectAsync(DicomRejectResult result, DicomRejectSource source, DicomRejectReason reason) => throw StandIn.NotAvailable();

        protected Task SendAssociationReleaseResponseAsync() => throw StandIn.NotAvailable();

        public void Dispose()
        {
        }
    }

    public interface IDicomServer : IDisposable
    {
    }

    public interface IDicomServer<T> : IDicomServer
        where T : DicomService, IDicomServiceProvider
    {
    }

    public class DicomServerOptions
    {
    }

    public static class DicomServerFactory
    {
        public static IDicomServer Create<T>(int port, ITlsAcceptor tlsAcceptor = null, Encoding fallbackEncoding = null, ILogger logger = null, object userState = null, Action<DicomServerOptions> configure = null)
            where T : DicomService, IDicomServiceProvider => throw StandIn.NotAvailable();

        public static IDicomServer Create<T>(string ipAddress, int port, ITlsAcceptor tlsAcceptor = null, Encoding fallbackEncoding = null, ILogger logger = null, object userState = null, Action<DicomServerOptions> configure = null)
            where T : DicomService, IDicomServiceProvider => throw StandIn.NotAvailable();

        public static IDicomServer Create<T, TServer>(string ipAddress, int port, object userState = null, ITlsAcceptor tlsAcceptor = null, Encoding fallbackEncoding = null, ILogger logger = null, Action<DicomServerOptions> configure = null)
            where T : DicomService, IDicomServiceProvider
            where TServer : IDicomServer<T> => throw StandIn.NotAvailable();
    }
}

namespace FellowOakDicom.Network.Tls
{
    using System.IO;
    using System.Net.Security;
    using System.Security.Authentication;
    using System.Security.Cryptography.X509Certificates;

    public interface ITlsInitiator
    {
        Stream InitiateTls(Stream plainStream, string remoteAddress, int remotePort);
    }

    public interface ITlsAcceptor
    {
        Stream AcceptTls(Stream encryptedStream, string remoteAddress, int localPort);
    }

    public class DefaultTlsInitiator : ITlsInitiator
    {
        public DefaultTlsInitiator()
        {
        }

        public bool IgnoreSslPolicyErrors { get; set; }

        public X509CertificateCollection Certificates { get; set; } = new();

        public SslProtocols Protocols { get; set; }

        public bool CheckCertificateRevocation { get; set; }

        public RemoteCertificateValidationCallback CertificateValidationCallback { get; set; }

        public Stream InitiateTls(Stream plainStream, string remoteAddress, int remotePort) => throw StandIn.NotAvailable();
    }

    public class DefaultTlsAcceptor : ITlsAcceptor
    {
        public DefaultTlsAcceptor(string certificateName)
        {
        }

        public DefaultTlsAcceptor(string certificateFilename, string password)
        {
        }

        public DefaultTlsAcceptor(X509Certificate certificate)
        {
        }

        public SslProtocols Protocols { get; set; }

        public bool RequireMutualAuthentication { get; set; }

        public bool CheckCertificateRevocation { get; set; }

        public RemoteCertificateValidationCallback CertificateValidationCallback { get; set; }

        public Stream AcceptTls(Stream encryptedStream, string remoteAddress, int localPort) => throw StandIn.NotAvailable();
    }
}

namespace FellowOakDicom.Network.Client
{
    using System.Threading;
    using System.Threading.Tasks;
    using FellowOakDicom.Network.Tls;

    public enum DicomClientCancellationMode
    {
        ImmediatelyReleaseAssociation,
        ImmediatelyAbortAssociation,
    }

    public interface IDicomClient
    {
        string Host { get; }

        int Port { get; }

        ITlsInitiator TlsInitiator { get; }

        string CallingAe { get; }

        string CalledAe { get; }

        Task AddRequestAsync(DicomRequest dicomRequest);

        Task SendAsync(CancellationToken cancellationToken = default, DicomClientCancellationMode cancellationMode = DicomClientCancellationMode.ImmediatelyReleaseAssociation);
    }

    public static class DicomClientFactory
    {
        public static IDicomClient Create(string host, int port, bool useTls, string callingAe, string calledAe) => throw StandIn.NotAvailable();

        public static IDicomClient Create(string host, int port, ITlsInitiator tlsInitiator, string callingAe, string calledAe) => throw StandIn.NotAvailable();
    }
}
