using System.Threading.Tasks;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.PlaintextHttpListenerAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.UseHttpsSchemeCodeFixProvider>;

namespace SensitiveDataAnalyzers.Tests.Transport.CodeFixes
{
    public class UseHttpsSchemeCodeFixTests
    {
        private const string Header = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            var builder = WebApplication.CreateBuilder(args);

            """;

        [Fact]
        public Task UseUrlsLiteralBecomesHttps() => Verify.VerifyCodeFixAsync(
            Header + """
            builder.WebHost.UseUrls({|SDA1001:"http://0.0.0.0:8080"|});
            """,
            Header + """
            builder.WebHost.UseUrls("https://0.0.0.0:8080");
            """);

        [Fact]
        public Task TlsPortUrlBecomesHttps() => Verify.VerifyCodeFixAsync(
            Header + """
            var app = builder.Build();
            app.Urls.Add({|SDA1002:"http://*:443"|});
            """,
            Header + """
            var app = builder.Build();
            app.Urls.Add("https://*:443");
            """);

        [Fact]
        public Task OnlyTheFlaggedEntryOfASemicolonListChanges() => Verify.VerifyCodeFixAsync(
            Header + """
            builder.WebHost.UseUrls({|SDA1001:"http://localhost:5000;http://0.0.0.0:80"|});
            """,
            Header + """
            builder.WebHost.UseUrls("http://localhost:5000;https://0.0.0.0:80");
            """);

        [Fact]
        public Task VerbatimStringIsRewrittenInPlace() => Verify.VerifyCodeFixAsync(
            Header + """
            builder.WebHost.UseSetting("urls", {|SDA1001:@"http://+:8080"|});
            """,
            Header + """
            builder.WebHost.UseSetting("urls", @"https://+:8080");
            """);

        [Fact]
        public Task InterpolatedStringBecomesHttps() => Verify.VerifyCodeFixAsync(
            Header + """
            const int Port = 8080;
            builder.WebHost.UseUrls({|SDA1001:$"http://0.0.0.0:{Port}"|});
            """,
            Header + """
            const int Port = 8080;
            builder.WebHost.UseUrls($"https://0.0.0.0:{Port}");
            """);

        [Fact]
        public Task FixAllRewritesEveryFlaggedLiteral() => Verify.VerifyCodeFixAsync(
            Header + """
            builder.WebHost.UseUrls({|SDA1001:"http://0.0.0.0:8080"|}, {|SDA1002:"http://[::]:443"|});
            var app = builder.Build();
            app.Run({|SDA1001:"http://10.0.0.5:8081"|});
            """,
            Header + """
            builder.WebHost.UseUrls("https://0.0.0.0:8080", "https://[::]:443");
            var app = builder.Build();
            app.Run("https://10.0.0.5:8081");
            """);

        [Fact]
        public Task NoFixWhenTheUrlComesFromALocal()
        {
            // The literal lives elsewhere and may be shared; the fix only edits a URL written in the call.
            const string source = Header + """
                var url = "http://0.0.0.0:8080";
                builder.WebHost.UseUrls({|SDA1001:url|});
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
