using System.Threading.Tasks;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SensitiveDataAnalyzers.Transport.ObsoleteTlsProtocolAnalyzer,
    SensitiveDataAnalyzers.CodeFixes.Transport.UseModernTlsProtocolsCodeFixProvider>;

namespace SensitiveDataAnalyzers.Tests.Transport.CodeFixes
{
    public class UseModernTlsProtocolsCodeFixTests
    {
        [Fact]
        public Task ObsoleteFlagsBecomeTls12And13() => Verify.VerifyCodeFixAsync(
            """
            #pragma warning disable SYSLIB0039
            using System.Net.Security;
            using System.Security.Authentication;
            var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|SDA1004:SslProtocols.Tls | SslProtocols.Tls11|} };
            """,
            """
            #pragma warning disable SYSLIB0039
            using System.Net.Security;
            using System.Security.Authentication;
            var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            """);

        [Fact]
        public Task FullyQualifiesWhenNamespaceIsNotImported() => Verify.VerifyCodeFixAsync(
            """
            #pragma warning disable SYSLIB0039
            using System.Net.Http;
            var handler = new HttpClientHandler();
            handler.SslProtocols = {|SDA1004:System.Security.Authentication.SslProtocols.Tls11|};
            """,
            """
            #pragma warning disable SYSLIB0039
            using System.Net.Http;
            var handler = new HttpClientHandler();
            handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
            """);

        [Fact]
        public Task SecurityProtocolTypeIsFixedWithItsOwnEnum() => Verify.VerifyCodeFixAsync(
            """
            #pragma warning disable SYSLIB0014
            using System.Net;
            ServicePointManager.SecurityProtocol = {|SDA1004:SecurityProtocolType.Tls|};
            """,
            """
            #pragma warning disable SYSLIB0014
            using System.Net;
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            """);

        [Fact]
        public Task FixAllCoversArgumentsAndAssignments() => Verify.VerifyCodeFixAsync(
            """
            #pragma warning disable SYSLIB0039
            using System.IO;
            using System.Net.Security;
            using System.Security.Authentication;
            var stream = new SslStream(new MemoryStream());
            stream.AuthenticateAsClient("sip.example.org", null, {|SDA1004:SslProtocols.Tls11|}, true);
            var server = new SslServerAuthenticationOptions { EnabledSslProtocols = {|SDA1004:SslProtocols.Tls|} };
            """,
            """
            #pragma warning disable SYSLIB0039
            using System.IO;
            using System.Net.Security;
            using System.Security.Authentication;
            var stream = new SslStream(new MemoryStream());
            stream.AuthenticateAsClient("sip.example.org", null, SslProtocols.Tls12 | SslProtocols.Tls13, true);
            var server = new SslServerAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            """);
    }
}
