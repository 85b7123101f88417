using System.Threading.Tasks;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.CertificateValidationDisabledAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.RemoveCertificateValidationBypassCodeFixProvider>;
using VerifyNull = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.CertificateValidationDisabledAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.NullCertificateValidationArgumentCodeFixProvider>;

namespace SensitiveDataAnalyzers.Tests.Transport.CodeFixes
{
    public class RemoveCertificateValidationBypassCodeFixTests
    {
        [Fact]
        public Task AssignmentStatementIsRemoved() => Verify.VerifyCodeFixAsync(
            """
            using System.Net.Http;
            var handler = new HttpClientHandler();
            {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = (message, certificate, chain, errors) => true;
            var client = new HttpClient(handler);
            """,
            """
            using System.Net.Http;
            var handler = new HttpClientHandler();
            var client = new HttpClient(handler);
            """);

        [Fact]
        public Task InitializerMemberIsRemoved() => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Net.Http;
            var handler = new HttpClientHandler
            {
                {|SDA1003:ServerCertificateCustomValidationCallback|} = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                UseProxy = false,
            };
            Console.WriteLine(handler);
            """,
            """
            using System;
            using System.Net.Http;
            var handler = new HttpClientHandler
            {
                UseProxy = false,
            };
            Console.WriteLine(handler);
            """);

        [Fact]
        public Task FixAllRemovesEveryBypass() => Verify.VerifyCodeFixAsync(
            """
            using System.Net.Http;
            using System.Net.Security;
            var handler = new HttpClientHandler();
            {|SDA1003:handler.ServerCertificateCustomValidationCallback|} = delegate { return true; };
            var sockets = new SocketsHttpHandler();
            {|SDA1003:sockets.SslOptions.RemoteCertificateValidationCallback|} = (sender, certificate, chain, errors) => true;
            var options = new SslClientAuthenticationOptions { TargetHost = "pacs.example.org" };
            """,
            """
            using System.Net.Http;
            using System.Net.Security;
            var handler = new HttpClientHandler();
            var sockets = new SocketsHttpHandler();
            var options = new SslClientAuthenticationOptions { TargetHost = "pacs.example.org" };
            """);

        [Fact]
        public Task SslStreamArgumentBecomesNull() => VerifyNull.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Net.Security;
            var stream = new SslStream(new MemoryStream(), false, {|SDA1003:(sender, certificate, chain, errors) => true|});
            """,
            """
            using System.IO;
            using System.Net.Security;
            var stream = new SslStream(new MemoryStream(), false, null);
            """);
    }
}
