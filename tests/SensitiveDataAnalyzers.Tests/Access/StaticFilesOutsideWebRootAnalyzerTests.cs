using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Access;
using static SensitiveDataAnalyzers.Tests.Access.AccessTestCode;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Access.StaticFilesOutsideWebRootAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Access
{
    /// <summary>SDA4003: static files served from outside the web root, the ordering form, and near misses.</summary>
    public class StaticFilesOutsideWebRootAnalyzerTests
    {
        private const string CheckTheUser = "check ctx.Context.User in OnPrepareResponse and refuse anonymous requests, or serve the files from an endpoint that requires authorization";

        private const string BeforeAuthentication = "it runs before authentication, so no user is known when the file is served; move it after UseAuthentication and UseAuthorization and check ctx.Context.User in OnPrepareResponse";

        /// <summary>The OnPrepareResponse check the rule page recommends.</summary>
        private const string UserCheck = """
            OnPrepareResponse = ctx =>
                {
                    if (!ctx.Context.User.Identity?.IsAuthenticated ?? true)
                    {
                        ctx.Context.Response.StatusCode = 401;
                        ctx.Context.Response.ContentLength = 0;
                        ctx.Context.Response.Body = Stream.Null;
                    }
                },
            """;

        private static Task VerifyAsync(string appCode, params DiagnosticResult[] expected) =>
            AccessTestCode.VerifyAsync<StaticFilesOutsideWebRootAnalyzer>(Program(appCode), expected);

        private static DiagnosticResult Served(DiagnosticSeverity severity, string api, string folder, string reasons, string advice = CheckTheUser) =>
            Verify.Diagnostic("SDA4003").WithLocation(0).WithSeverity(severity).WithArguments(api, folder, reasons, advice);

        // ------------------------------------------------------------------------------------------------
        // Positives
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("{|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/archive\"), RequestPath = \"/archive\" })|};", "UseStaticFiles", "folder '/srv/archive' at '/archive'")]
        [InlineData("{|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.ContentRootFileProvider })|};", "UseStaticFiles", "folder 'ContentRootPath'")]
        [InlineData("{|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = new CompositeFileProvider(app.Environment.WebRootFileProvider, new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, \"Content\"))) })|};", "UseStaticFiles", "folder 'ContentRootPath/Content'")]
        [InlineData("{|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, \"..\", \"private\")) })|};", "UseStaticFiles", "folder 'WebRootPath/../private'")]
        [InlineData("{|#0:app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory) })|};", "UseFileServer", "folder '…'")]
        [InlineData("var options = new StaticFileOptions();\noptions.FileProvider = new PhysicalFileProvider(\"/data/site\");\n{|#0:app.UseStaticFiles(options)|};", "UseStaticFiles", "folder '/data/site'")]
        public Task FoldersOutsideTheWebRootAreAWarning(string appCode, string api, string folder) =>
            VerifyAsync(appCode, Served(DiagnosticSeverity.Warning, api, folder, " (outside the web root)"));

        [Fact]
        public Task TheCallRecordingsFileServerIsAnError() =>
            VerifyAsync(
                """
                var recordingsRoot = Path.Combine(builder.Environment.ContentRootPath, "recordings");
                {|#0:app.UseFileServer(new FileServerOptions
                {
                    FileProvider = new PhysicalFileProvider(recordingsRoot),
                    RequestPath = "/recordings",
                    EnableDirectoryBrowsing = true,
                })|};
                """,
                Served(DiagnosticSeverity.Error, "UseFileServer", "folder 'ContentRootPath/recordings' at '/recordings'", " (outside the web root, named for recordings)"));

        [Fact]
        public Task MappedAudioAndDicomTypesMakeItAnError() =>
            VerifyAsync(
                """
                var types = new FileExtensionContentTypeProvider();
                types.Mappings[".dcm"] = "application/dicom";
                types.Mappings.Add(".wav", "audio/wav");
                {|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/data/store"), ContentTypeProvider = types })|};
                """,
                Served(DiagnosticSeverity.Error, "UseStaticFiles", "folder '/data/store'", " (outside the web root, maps .dcm, .wav)"));

        [Fact]
        public Task MappingsInAnInitializerAndTheFileServersStaticFileOptionsCount() =>
            VerifyAsync(
                """
                {|#0:app.UseFileServer(new FileServerOptions
                {
                    FileProvider = new PhysicalFileProvider("/data/store"),
                    StaticFileOptions = { ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".mp3"] = "audio/mpeg" } } },
                })|};
                """,
                Served(DiagnosticSeverity.Error, "UseFileServer", "folder '/data/store'", " (outside the web root, maps .mp3)"));

        [Fact]
        public Task AUserCheckBeforeAuthenticationGetsTheOrderingMessage() =>
            VerifyAsync(
                """
                {|#0:app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/scans"),
                """ + UserCheck + """
                })|};
                app.UseAuthentication();
                app.UseAuthorization();
                """,
                Served(DiagnosticSeverity.Error, "UseStaticFiles", "folder '/srv/scans'", " (outside the web root, named for scans)", BeforeAuthentication));

        [Fact]
        public Task NoUserCheckBeforeAuthorizationGetsTheOrderingMessage() =>
            VerifyAsync(
                """
                {|#0:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/archive") })|};
                app.UseAuthorization();
                """,
                Served(DiagnosticSeverity.Warning, "UseStaticFiles", "folder '/srv/archive'", " (outside the web root)", BeforeAuthentication));

        [Fact]
        public Task AHandlerThatOnlyLogsTheUserDoesNotProtect() =>
            VerifyAsync(
                """
                {|#0:app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/archive"),
                    OnPrepareResponse = ctx => Console.WriteLine(ctx.Context.User.Identity?.Name),
                })|};
                """,
                Served(DiagnosticSeverity.Warning, "UseStaticFiles", "folder '/srv/archive'", " (outside the web root)"));

        [Fact]
        public Task AHandlerThatOnlySetsTheStatusCodeStillSendsTheFile() =>
            VerifyAsync(
                """
                app.UseAuthentication();
                {|#0:app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/archive"),
                    OnPrepareResponse = ctx =>
                    {
                        if (ctx.Context.User.Identity?.IsAuthenticated != true)
                        {
                            ctx.Context.Response.StatusCode = 401;
                        }
                    },
                })|};
                """,
                Served(DiagnosticSeverity.Warning, "UseStaticFiles", "folder '/srv/archive'", " (outside the web root)"));

        [Fact]
        public Task AUserCheckThatAbortsSilencesIt() =>
            VerifyAsync(
                """
                app.UseAuthorization();
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/recordings"),
                    OnPrepareResponse = ctx => { if (!ctx.Context.User.IsInRole("Clinician")) ctx.Context.Abort(); },
                });
                """);

        // ------------------------------------------------------------------------------------------------
        // Near misses
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.UseStaticFiles();")]
        [InlineData("app.UseStaticFiles(\"/static\");")]
        [InlineData("app.UseFileServer();")]
        [InlineData("app.UseFileServer(enableDirectoryBrowsing: false);")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { RequestPath = \"/assets\" });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, \"img\")) });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider($\"{app.Environment.WebRootPath}/lib\") });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"wwwroot/css\") });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.WebRootFileProvider });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new ManifestEmbeddedFileProvider(typeof(Program).Assembly) });")]
        [InlineData("if (app.Environment.IsDevelopment())\n{\n    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/recordings\") });\n}")]
        [InlineData("app.UseStaticFiles(Options(\"/srv/recordings\"));\nstatic StaticFileOptions Options(string root) => new() { FileProvider = new PhysicalFileProvider(root) };")]
        public Task NearMissesAreSilent(string appCode) => VerifyAsync(appCode);

        [Fact]
        public Task AUserCheckAfterAuthenticationSilencesIt() =>
            VerifyAsync(
                """
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/recordings"),
                """ + UserCheck + """
                });
                """);

        [Fact]
        public Task AUserCheckInAMethodSilencesIt() =>
            VerifyAsync(
                """
                app.UseAuthentication();
                app.UseFileServer(new FileServerOptions
                {
                    FileProvider = new PhysicalFileProvider("/srv/recordings"),
                    StaticFileOptions = { OnPrepareResponse = RequireUser },
                });

                static void RequireUser(StaticFileResponseContext ctx)
                {
                    if (ctx.Context.User.Identity is not { IsAuthenticated: true })
                    {
                        throw new UnauthorizedAccessException();
                    }
                }
                """);

        [Fact]
        public Task LookAlikesInAnotherNamespaceAreSilent() =>
            AccessTestCode.VerifyAsync<StaticFilesOutsideWebRootAnalyzer>(
                Program(
                    """
                    Fake.Middleware.UseStaticFiles(app, new Fake.StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings") });
                    Fake.Middleware.UseFileServer(app, new Fake.StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings") });
                    """,
                    """
                    namespace Fake
                    {
                        public sealed class StaticFileOptions { public IFileProvider? FileProvider { get; set; } }

                        public static class Middleware
                        {
                            public static IApplicationBuilder UseStaticFiles(this IApplicationBuilder app, StaticFileOptions options) => app;
                            public static IApplicationBuilder UseFileServer(this IApplicationBuilder app, StaticFileOptions options) => app;
                        }
                    }
                    """));

        /// <summary>Markup marks what is still reported: a call that binds is judged with what can be read of it.</summary>
        [Theory]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider( });")]
        [InlineData("{|SDA4003:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/x\"), OnPrepareResponse = ctx => { if (ctx.Context.User. ) } })|};")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new CompositeFileProvider(, null), ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [] = } } });")]
        [InlineData("{|SDA4003:app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(Path.Combine()), StaticFileOptions = { OnPrepareResponse = Missing } })|};")]
        public Task BrokenCodeDoesNotThrow(string appCode) =>
            AccessTestCode.VerifyBrokenAsync<StaticFilesOutsideWebRootAnalyzer>(Program(appCode));
    }
}
