using System.Threading.Tasks;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.AddUseHttpsCodeFixProvider>;

namespace SensitiveDataAnalyzers.Tests.Transport.CodeFixes
{
    public class AddUseHttpsCodeFixTests
    {
        [Fact]
        public Task ListenAnyIPGetsUseHttps() => Verify.VerifyCodeFixAsync(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => {|SDA1001:options.ListenAnyIP(8080)|});
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(8080, listenOptions => listenOptions.UseHttps()));
            """);

        [Fact]
        public Task ListenOnAnyAddressAtTlsPortGetsUseHttps() => Verify.VerifyCodeFixAsync(
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options =>
            {
                {|SDA1002:options.Listen(IPAddress.Any, 443)|};
            });
            """,
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options =>
            {
                options.Listen(IPAddress.Any, 443, listenOptions => listenOptions.UseHttps());
            });
            """);

        [Fact]
        public Task ImportsHostingNamespaceWhenMissing() => Verify.VerifyCodeFixAsync(
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<KestrelServerOptions>(options => {|SDA1001:options.Listen(IPAddress.IPv6Any, 8080)|});
            """,
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Server.Kestrel.Core;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<KestrelServerOptions>(options => options.Listen(IPAddress.IPv6Any, 8080, listenOptions => listenOptions.UseHttps()));
            """);

        [Fact]
        public Task FixAllCoversEveryEndpoint() => Verify.VerifyCodeFixAsync(
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options =>
            {
                {|SDA1001:options.ListenAnyIP(8080)|};
                {|SDA1002:options.Listen(new IPEndPoint(IPAddress.Any, 443))|};
                options.ListenLocalhost(5000);
            });
            """,
            """
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options =>
            {
                options.ListenAnyIP(8080, listenOptions => listenOptions.UseHttps());
                options.Listen(new IPEndPoint(IPAddress.Any, 443), listenOptions => listenOptions.UseHttps());
                options.ListenLocalhost(5000);
            });
            """);

        [Fact]
        public Task NoFixWhenAConfigureDelegateAlreadyExists()
        {
            // The delegate may set protocols or connection logging; adding a second one is not mechanical.
            const string source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Server.Kestrel.Core;
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(options => {|SDA1001:options.ListenAnyIP(8080, lo => lo.Protocols = HttpProtocols.Http1)|});
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
