namespace SensitiveDataAnalyzers.Tests.Robustness
{
    /// <summary>Source that exercises every transport rule's API forms, positives and near misses alike.</summary>
    internal static class KitchenSink
    {
        public const string Program = """
            #pragma warning disable SYSLIB0014, SYSLIB0039, CS0618
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.HttpsPolicy;
            using Microsoft.AspNetCore.Server.HttpSys;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            const string RecordingsUrl = "http://0.0.0.0:443";
            var urls = string.Join(";", "http://localhost:5000", $"http://+:{Settings.Port}");
            builder.WebHost.UseUrls(RecordingsUrl, urls, Settings.Public);
            builder.WebHost.UseSetting("urls", "http://*:8080;https://*:8443");
            builder.WebHost.ConfigureKestrel((context, options) =>
            {
                options.ListenAnyIP(443);
                options.Listen(IPAddress.Parse("10.1.2.3"), 80, listen => listen.UseHttps());
                options.Listen(new IPEndPoint(IPAddress.IPv6Any, 8081));
                options.ListenLocalhost(5001);
                options.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12);
                if (context.HostingEnvironment.IsDevelopment())
                {
                    options.ListenAnyIP(5002);
                }
            });
            builder.Services.Configure<HttpsRedirectionOptions>(o => o.HttpsPort = 9443);
            builder.Services.AddHttpClient("telephony").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                SslProtocols = SslProtocols.Tls,
            });
            ServicePointManager.ServerCertificateValidationCallback += Settings.AcceptAll;
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;

            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseHttpsRedirection();
            }

            app.Urls.Add(app.Environment.IsDevelopment() ? "http://0.0.0.0:5003" : "https://0.0.0.0:9443");
            var sip = new SslStream(new MemoryStream(), false, delegate { return true; });
            sip.AuthenticateAsClient("sip.example.org", null, SslProtocols.Tls | SslProtocols.Tls11, true);
            var listener = new HttpListener();
            listener.Prefixes.Add("http://+:8090/recordings/");
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://0.0.0.0:8443");
            app.Run("http://recordings.example.org:80");

            static class Settings
            {
                public const int Port = 8082;
                public static readonly string Public = "http://" + "0.0.0.0" + ":8083";

                public static bool AcceptAll(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors)
                {
                    Console.WriteLine(errors);
                    return true;
                }
            }
            """;
    }
}
