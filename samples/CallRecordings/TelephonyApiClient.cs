using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallRecordings
{
    /// <summary>Client of the upstream telephony provider's REST API, which hands out finished call recordings.</summary>
    public sealed class TelephonyApiClient : IDisposable
    {
        private readonly HttpClient _http;

        public TelephonyApiClient()
        {
            var handler = new HttpClientHandler
            {
                // MISTAKE (SDA1003): the provider's test endpoint had a self-signed certificate, so validation
                // was switched off "for now" and shipped. Anyone on the path can impersonate the API and
                // receive the API key and every recording it hands out.
                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
            };
            _http = new HttpClient(handler) { BaseAddress = new Uri("https://api.telephony.example/v2/") };
        }

        public Task<Stream> DownloadRecordingAsync(string callId, CancellationToken cancellationToken) =>
            _http.GetStreamAsync("calls/" + Uri.EscapeDataString(callId) + "/recording", cancellationToken);

        public void Dispose() => _http.Dispose();
    }
}
