using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using FellowOakDicom;
using FellowOakDicom.Network;
using Microsoft.Extensions.Logging;

namespace DicomGateway
{
    /// <summary>
    /// The gateway's C-STORE SCP: modalities (CT, MR, ultrasound) send their studies here; each instance is filed
    /// locally and forwarded to the remote archives.
    /// </summary>
    public sealed class GatewayScp : DicomService, IDicomServiceProvider, IDicomCStoreProvider, IDicomCEchoProvider
    {
        private static readonly DicomTransferSyntax[] AcceptedTransferSyntaxes =
        {
            DicomTransferSyntax.ExplicitVRLittleEndian,
            DicomTransferSyntax.ExplicitVRBigEndian,
            DicomTransferSyntax.ImplicitVRLittleEndian,
        };

        private readonly ILogger _logger;

        public GatewayScp(INetworkStream stream, Encoding fallbackEncoding, ILogger logger, DicomServiceDependencies dependencies)
            : base(stream, fallbackEncoding, logger, dependencies)
        {
            _logger = logger;
        }

        private GatewayContext Context => (GatewayContext)UserState;

        public Task OnReceiveAssociationRequestAsync(DicomAssociation association)
        {
            // MISTAKE: the calling AE title is logged, never checked. DICOM has no login: the calling AE title is a
            // name the client picks, and this handler accepts every one of them, and any called AE title too. Anyone
            // who reaches the port can store (and with C-FIND/C-MOVE, read) studies: 99.56 % of the DICOM servers one
            // survey found did the same.
            _logger.LogInformation("Association request from calling AE {CallingAE}", association.CallingAE);
            foreach (var context in association.PresentationContexts)
            {
                context.AcceptTransferSyntaxes(AcceptedTransferSyntaxes);
            }

            return SendAssociationAcceptAsync(association);
        }

        public Task OnReceiveAssociationReleaseRequestAsync() => SendAssociationReleaseResponseAsync();

        public void OnReceiveAbort(DicomAbortSource source, DicomAbortReason reason)
        {
        }

        public void OnConnectionClosed(Exception exception)
        {
        }

        public async Task<DicomCStoreResponse> OnCStoreRequestAsync(DicomCStoreRequest request)
        {
            var patientId = request.Dataset.GetString(DicomTag.PatientID);
            var patientName = request.Dataset.GetString(DicomTag.PatientName);
            var sopInstanceUid = request.Dataset.GetString(DicomTag.SOPInstanceUID);

            // MISTAKE: one folder per patient, named after the patient ID, so a directory listing is a patient list.
            var folder = Path.Combine(Context.StorageRoot, patientId);
            Directory.CreateDirectory(folder);

            // MISTAKE: each file is named after the patient's name (and, through the folder, the ID): whoever can list
            // or back up the archive knows who was scanned, and when, without opening a single file.
            await request.File.SaveAsync(Path.Combine(folder, $"{patientName}_{sopInstanceUid}.dcm"));

            await Context.Forwarder.ForwardAsync(request.File);
            return new DicomCStoreResponse(request, DicomStatus.Success);
        }

        public Task OnCStoreRequestExceptionAsync(string tempFileName, Exception e) => Task.CompletedTask;

        public Task<DicomCEchoResponse> OnCEchoRequestAsync(DicomCEchoRequest request) =>
            Task.FromResult(new DicomCEchoResponse(request, DicomStatus.Success));
    }
}
