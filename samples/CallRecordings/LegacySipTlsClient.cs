using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CallRecordings
{
    /// <summary>
    /// Event feed from the call switch over SIP/TLS (port 5061): one line per finished call,
    /// "CALL-END &lt;callId&gt; &lt;caller phone number&gt;".
    /// </summary>
    public sealed class LegacySipTlsClient
    {
        public SslStream Connect(string host, int port)
        {
            var tcp = new TcpClient();
            tcp.Connect(host, port);
            var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            // MISTAKE (SDA1004): the switch's old firmware only spoke TLS 1.0/1.1, so the client was pinned
            // to them instead of upgrading the switch. Both are deprecated (RFC 8996); the feed carries
            // every caller's phone number.
            ssl.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls11, checkCertificateRevocation: false);
            return ssl;
        }
    }

    /// <summary>Imports each finished call into the recordings folder, named after the caller.</summary>
    public sealed class CallEventListener : BackgroundService
    {
        private readonly LegacySipTlsClient _sip;
        private readonly TelephonyApiClient _telephony;
        private readonly RecordingStore _store;
        private readonly string _host;
        private readonly int _port;

        public CallEventListener(LegacySipTlsClient sip, TelephonyApiClient telephony, RecordingStore store, IConfiguration configuration)
        {
            _sip = sip;
            _telephony = telephony;
            _store = store;
            _host = configuration["Switch:Host"] ?? throw new InvalidOperationException("Switch:Host is not set.");
            _port = int.TryParse(configuration["Switch:Port"], out var port) ? port : 5061;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await using var ssl = _sip.Connect(_host, _port);
            using var reader = new StreamReader(ssl, Encoding.ASCII);
            while (!stoppingToken.IsCancellationRequested && await reader.ReadLineAsync(stoppingToken) is { } line)
            {
                var parts = line.Split(' ');
                if (parts.Length != 3 || parts[0] != "CALL-END")
                {
                    continue;
                }

                await using var audio = await _telephony.DownloadRecordingAsync(parts[1], stoppingToken);
                await _store.SaveAsync(parts[2], audio, DateTimeOffset.UtcNow, stoppingToken);
            }
        }
    }
}
