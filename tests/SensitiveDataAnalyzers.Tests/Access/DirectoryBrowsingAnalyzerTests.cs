using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Access;
using static SensitiveDataAnalyzers.Tests.Access.AccessTestCode;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Access.DirectoryBrowsingAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Access
{
    /// <summary>SDA4002: every way to turn directory browsing on, the error form for sensitive folders, and near misses.</summary>
    public class DirectoryBrowsingAnalyzerTests
    {
        private static Task VerifyAsync(string appCode, params DiagnosticResult[] expected) =>
            AccessTestCode.VerifyAsync<DirectoryBrowsingAnalyzer>(Program(appCode), expected);

        private static DiagnosticResult Browsing(int markup, DiagnosticSeverity severity, string api, string folder, string reasons = "") =>
            Verify.Diagnostic("SDA4002").WithLocation(markup).WithSeverity(severity).WithArguments(api, folder, reasons);

        // ------------------------------------------------------------------------------------------------
        // Positives
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("{|#0:app.UseDirectoryBrowser()|};", "UseDirectoryBrowser", "folder 'wwwroot'")]
        [InlineData("{|#0:app.UseDirectoryBrowser(\"/files\")|};", "UseDirectoryBrowser", "folder 'wwwroot' at '/files'")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new PathString(\"/files\"))|};", "UseDirectoryBrowser", "folder 'wwwroot' at '/files'")]
        [InlineData("{|#0:app.UseFileServer(enableDirectoryBrowsing: true)|};", "UseFileServer(enableDirectoryBrowsing: true)", "folder 'wwwroot'")]
        [InlineData("var browse = true;\n{|#0:app.UseFileServer(browse)|};", "UseFileServer(enableDirectoryBrowsing: true)", "folder 'wwwroot'")]
        [InlineData("app.UseFileServer(new FileServerOptions { {|#0:EnableDirectoryBrowsing = true|} });", "EnableDirectoryBrowsing = true", "folder 'wwwroot'")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { RequestPath = \"/docs\" })|};", "UseDirectoryBrowser", "folder 'wwwroot' at '/docs'")]
        public Task BrowsingOfThePublicWebRootIsAWarning(string appCode, string api, string folder) =>
            VerifyAsync(appCode, Browsing(0, DiagnosticSeverity.Warning, api, folder));

        [Fact]
        public Task AddDirectoryBrowserIsReported() =>
            AccessTestCode.VerifyAsync<DirectoryBrowsingAnalyzer>(
                Usings + "var builder = WebApplication.CreateBuilder(args);\n{|#0:builder.Services.AddDirectoryBrowser()|};\n",
                Verify.Diagnostic("SDA4002").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                    .WithArguments("AddDirectoryBrowser", "the folders a directory browser middleware serves", ""));

        [Fact]
        public Task TheCallRecordingsFileServerIsAnError() =>
            VerifyAsync(
                """
                var recordingsRoot = Path.Combine(builder.Environment.ContentRootPath, "recordings");
                app.UseFileServer(new FileServerOptions
                {
                    FileProvider = new PhysicalFileProvider(recordingsRoot),
                    RequestPath = "/recordings",
                    {|#0:EnableDirectoryBrowsing = true|},
                });
                """,
                Browsing(0, DiagnosticSeverity.Error, "EnableDirectoryBrowsing = true", "folder 'ContentRootPath/recordings' at '/recordings'", " (outside the web root, named for recordings)"));

        [Fact]
        public Task OptionsSetAfterCreationAreFollowed() =>
            VerifyAsync(
                """
                var options = new FileServerOptions();
                options.FileProvider = new PhysicalFileProvider("/srv/archive");
                {|#0:options.EnableDirectoryBrowsing = true|};
                app.UseFileServer(options);
                """,
                Browsing(0, DiagnosticSeverity.Error, "EnableDirectoryBrowsing = true", "folder '/srv/archive'", " (outside the web root)"));

        [Theory]
        [InlineData("{|#0:app.UseDirectoryBrowser(\"/patient-uploads\")|};", "folder 'wwwroot' at '/patient-uploads'", " (named for patients)")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, \"dicom\")) })|};", "folder 'WebRootPath/dicom'", " (named for DICOM)")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(@\"D:\\Exports\") })|};", "folder 'D:/Exports'", " (outside the web root, named for exports)")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new CompositeFileProvider(app.Environment.WebRootFileProvider, new PhysicalFileProvider(\"/var/backups\")) })|};", "folder '/var/backups'", " (outside the web root, named for backups)")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = app.Environment.ContentRootFileProvider })|};", "folder 'ContentRootPath'", " (outside the web root)")]
        [InlineData("{|#0:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(\"Inspelningar\") })|};", "folder 'Inspelningar'", " (outside the web root, named for recordings)")]
        public Task SensitiveOrOutsideFoldersAreErrors(string appCode, string folder, string reasons) =>
            VerifyAsync(appCode, Browsing(0, DiagnosticSeverity.Error, "UseDirectoryBrowser", folder, reasons));

        // ------------------------------------------------------------------------------------------------
        // Near misses
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.UseStaticFiles();")]
        [InlineData("app.UseFileServer();")]
        [InlineData("app.UseFileServer(\"/files\");")]
        [InlineData("app.UseFileServer(enableDirectoryBrowsing: false);")]
        [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = false, RequestPath = \"/recordings\" });")]
        [InlineData("var options = new FileServerOptions();\noptions.EnableDirectoryBrowsing = false;\napp.UseFileServer(options);")]
        [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = bool.Parse(builder.Configuration[\"Browse\"] ?? \"false\") });")]
        [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = app.Environment.IsDevelopment() });")]
        [InlineData("if (app.Environment.IsDevelopment())\n{\n    app.UseDirectoryBrowser();\n    builder.Services.AddDirectoryBrowser();\n}")]
        [InlineData("if (app.Environment.IsDevelopment()) app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = true });")]
        [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = !app.Environment.IsDevelopment() ? false : true });")]
        public Task NearMissesAreSilent(string appCode) => VerifyAsync(appCode);

        [Fact]
        public Task LookAlikesInAnotherNamespaceAreSilent() =>
            AccessTestCode.VerifyAsync<DirectoryBrowsingAnalyzer>(
                Program(
                    """
                    Fake.Middleware.UseDirectoryBrowser(app);
                    Fake.Middleware.UseFileServer(app, enableDirectoryBrowsing: true);
                    var options = new Fake.FileServerOptions { EnableDirectoryBrowsing = true };
                    Fake.Middleware.AddDirectoryBrowser(builder.Services);
                    """,
                    """
                    namespace Fake
                    {
                        public sealed class FileServerOptions { public bool EnableDirectoryBrowsing { get; set; } }

                        public static class Middleware
                        {
                            public static IApplicationBuilder UseDirectoryBrowser(this IApplicationBuilder app) => app;
                            public static IApplicationBuilder UseFileServer(this IApplicationBuilder app, bool enableDirectoryBrowsing) => app;
                            public static IServiceCollection AddDirectoryBrowser(this IServiceCollection services) => services;
                        }
                    }
                    """));

        /// <summary>Markup marks what is still reported: a call that binds is judged with what can be read of it.</summary>
        [Theory]
        [InlineData("{|SDA4002:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider( })|};")]
        [InlineData("{|SDA4002:app.UseDirectoryBrowser(|};")]
        [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = });")]
        [InlineData("var o = new FileServerOptions(); o.EnableDirectoryBrowsing = undefinedValue; app.UseFileServer(o);")]
        [InlineData("{|SDA4002:app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new CompositeFileProvider(null, ) })|};")]
        [InlineData("app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(Path.Combine(, \"x\")), {|SDA4002:EnableDirectoryBrowsing = true|} );")]
        public Task BrokenCodeDoesNotThrow(string appCode) =>
            AccessTestCode.VerifyBrokenAsync<DirectoryBrowsingAnalyzer>(Program(appCode));
    }
}
