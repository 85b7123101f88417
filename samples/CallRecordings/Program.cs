// DELIBERATELY INSECURE. This app reproduces, line by line, how a medical advice line leaked
// 2.7 million recorded patient calls: a file server answering plain HTTP on TCP 443, no
// authentication, a browsable folder of .wav files each named after the caller's phone number.
// Every "MISTAKE" comment names the real error that the line reproduces. Do not deploy it.
using System;
using System.IO;
using System.Threading;
using CallRecordings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);

// MISTAKE (SDA1002): cleartext HTTP on 443, the HTTPS port. Firewall rules, port scans and the
// operators' own inventory all read "443 = encrypted", so nobody checked; every recording and every
// listing crossed the internet unencrypted.
// MISTAKE (SDA1001): 0.0.0.0 binds every interface, including the public one; no VPN, no allow-list.
// The second address is the upload port the call switch pushed recordings to, also in cleartext.
builder.WebHost.UseUrls("http://0.0.0.0:443", "http://0.0.0.0:8080");

var recordingsRoot = Path.Combine(builder.Environment.ContentRootPath, "recordings");
builder.Services.AddSingleton(new RecordingStore(recordingsRoot));
builder.Services.AddSingleton<TelephonyApiClient>();
builder.Services.AddSingleton<LegacySipTlsClient>();
if (!string.IsNullOrEmpty(builder.Configuration["Switch:Host"]))
{
    builder.Services.AddHostedService<CallEventListener>();
}

var app = builder.Build();

// MISTAKE (SDA4005): no AddAuthentication/UseAuthentication/UseAuthorization, no RequireAuthorization on any
// endpoint below. Whoever found the IP address could list, download and upload.

// MISTAKE (SDA4003): the static-file middleware serves the recordings folder, outside wwwroot, to anyone;
// it ignores authorization, and nothing in OnPrepareResponse checks the caller.
// MISTAKE (SDA4002): directory browsing on the recordings folder. GET /recordings/ is an index page whose every
// line is a caller's phone number and the time of the call; each line links to the audio itself.
app.UseFileServer(new FileServerOptions
{
    FileProvider = new PhysicalFileProvider(recordingsRoot),
    RequestPath = "/recordings",
    EnableDirectoryBrowsing = true,
});

// Download by phone number: the URL itself is the identifier (it ends up in proxy and access logs too).
app.MapGet("/calls/{phone}", (string phone, RecordingStore store) =>
{
    var path = store.FindLatest(phone);
    return path is null ? Results.NotFound() : Results.File(path, "audio/wav", Path.GetFileName(path));
});

// Upload from the call switch: the file is saved under a name built from the caller's phone number.
app.MapPost("/calls/{phone}", async (string phone, HttpRequest request, RecordingStore store, CancellationToken ct) =>
{
    var path = await store.SaveAsync(phone, request.Body, DateTimeOffset.UtcNow, ct);
    return Results.Created("/recordings/" + Uri.EscapeDataString(Path.GetFileName(path)), null);
});

// Pull a finished call from the telephony provider's API (over a connection that trusts any certificate).
app.MapPost("/calls/{phone}/import/{callId}", async (string phone, string callId, TelephonyApiClient telephony, RecordingStore store, CancellationToken ct) =>
{
    await using var audio = await telephony.DownloadRecordingAsync(callId, ct);
    var path = await store.SaveAsync(phone, audio, DateTimeOffset.UtcNow, ct);
    return Results.Created("/recordings/" + Uri.EscapeDataString(Path.GetFileName(path)), null);
});

app.Run();
