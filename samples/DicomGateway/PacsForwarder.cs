using System.Threading.Tasks;
using FellowOakDicom;
using FellowOakDicom.Network;
using FellowOakDicom.Network.Client;
using FellowOakDicom.Network.Tls;

namespace DicomGateway
{
    /// <summary>
    /// The gateway's C-STORE SCU: forwards every received instance to the partner hospital's archive and to the
    /// teleradiology service that reads the night shift's studies. Both are across the Internet.
    /// </summary>
    public sealed class PacsForwarder
    {
        private const string CallingAe = "DICOMGATEWAY";

        private const string ArchiveHost = "pacs.partner-hospital.example";
        private const int ArchivePort = 104;
        private const string ArchiveAe = "ARCHIVE";

        private const string ReadingHost = "dicom.teleradiology.example";
        private const int ReadingPort = 2762;
        private const string ReadingAe = "NIGHTREAD";

        private readonly ITlsInitiator _readingTls;

        public PacsForwarder()
        {
            // MISTAKE (SDA3005): Protocols is never set, and fo-dicom's default is Tls | Tls11 | Tls12.
            _readingTls = new DefaultTlsInitiator
            {
                // MISTAKE (SDA3003): the reading service's certificate did not match its host name during the pilot,
                // so the check was switched off "for now". Anyone in the path can pose as the reading service.
                IgnoreSslPolicyErrors = true,
            };
        }

        public async Task ForwardAsync(DicomFile file)
        {
            // MISTAKE (SDA3001): plain DICOM to a PACS across the Internet: every header (patient name, birth date,
            // ID, exam) and every image crosses the network readable.
            var archive = DicomClientFactory.Create(ArchiveHost, ArchivePort, useTls: false, CallingAe, ArchiveAe);
            await archive.AddRequestAsync(new DicomCStoreRequest(file));
            await archive.SendAsync();

            var reading = DicomClientFactory.Create(ReadingHost, ReadingPort, _readingTls, CallingAe, ReadingAe);
            await reading.AddRequestAsync(new DicomCStoreRequest(file));
            await reading.SendAsync();
        }
    }
}
