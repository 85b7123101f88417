using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Access;
using static SensitiveDataAnalyzers.Tests.Access.AccessTestCode;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Access.UnknownFileTypesAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Access
{
    /// <summary>SDA4004: ServeUnknownFileTypes for folders outside the web root or named for patient data, and near misses.</summary>
    public class UnknownFileTypesAnalyzerTests
    {
        private static Task VerifyAsync(string appCode, params DiagnosticResult[] expected) =>
            AccessTestCode.VerifyAsync<UnknownFileTypesAnalyzer>(Program(appCode), expected);

        private static DiagnosticResult Unknown(string folder, string reasons) =>
            Verify.Diagnostic("SDA4004").WithLocation(0).WithArguments(folder, reasons);

        [Theory]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/exports\"), {|#0:ServeUnknownFileTypes = true|} });", "folder '/srv/exports'", " (outside the web root, named for exports)")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { RequestPath = \"/uploads\", {|#0:ServeUnknownFileTypes = true|} });", "folder 'wwwroot' at '/uploads'", " (named for uploads)")]
        [InlineData("app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(\"/data\"), StaticFileOptions = { {|#0:ServeUnknownFileTypes = true|} } });", "folder '/data'", " (outside the web root)")]
        [InlineData("var options = new FileServerOptions { FileProvider = app.Environment.ContentRootFileProvider };\n{|#0:options.StaticFileOptions.ServeUnknownFileTypes = true|};\napp.UseFileServer(options);", "folder 'ContentRootPath'", " (outside the web root)")]
        [InlineData("var serveAll = true;\nvar options = new StaticFileOptions();\noptions.FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, \"dicom\"));\n{|#0:options.ServeUnknownFileTypes = serveAll|};\napp.UseStaticFiles(options);", "folder 'ContentRootPath/dicom'", " (outside the web root, named for DICOM)")]
        public Task UnknownTypesFromASensitiveFolderAreReported(string appCode, string folder, string reasons) =>
            VerifyAsync(appCode, Unknown(folder, reasons));

        [Theory]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { RequestPath = \"/assets\", ServeUnknownFileTypes = true });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/exports\"), ServeUnknownFileTypes = false });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, \"fonts\")), ServeUnknownFileTypes = true });")]
        [InlineData("if (app.Environment.IsDevelopment()) app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/exports\"), ServeUnknownFileTypes = true });")]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(\"/srv/exports\"), ServeUnknownFileTypes = app.Environment.IsDevelopment() });")]
        [InlineData("Configure(new StaticFileOptions());\nstatic void Configure(StaticFileOptions options) => options.ServeUnknownFileTypes = true;")]
        public Task NearMissesAreSilent(string appCode) => VerifyAsync(appCode);

        [Fact]
        public Task LookAlikesInAnotherNamespaceAreSilent() =>
            AccessTestCode.VerifyAsync<UnknownFileTypesAnalyzer>(Program(
                "var options = new Fake.StaticFileOptions { Root = \"/srv/exports\", ServeUnknownFileTypes = true };",
                "namespace Fake { public sealed class StaticFileOptions { public string Root { get; set; } = \"\"; public bool ServeUnknownFileTypes { get; set; } } }"));

        [Theory]
        [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(), ServeUnknownFileTypes = });")]
        [InlineData("var o = new StaticFileOptions(); o.FileProvider = ; o.ServeUnknownFileTypes = true;")]
        public Task BrokenCodeDoesNotThrow(string appCode) =>
            AccessTestCode.VerifyBrokenAsync<UnknownFileTypesAnalyzer>(Program(appCode));
    }
}
