using System.Threading.Tasks;
using SensitiveDataAnalyzers.Transport;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Transport
{
    public class SmokeTests
    {
        [Fact]
        public Task UseUrlsOnAllInterfaces()
        {
            return Verify.VerifyAnalyzerAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.UseUrls({|SDA1001:"http://0.0.0.0:8080"|});
                builder.WebHost.ConfigureKestrel(o => {|SDA1002:o.ListenAnyIP(443)|});
                var app = builder.Build();
                app.Run();
                """);
        }
    }
}
