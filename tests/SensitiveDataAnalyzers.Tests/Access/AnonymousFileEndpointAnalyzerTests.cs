using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Access;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Access.AnonymousFileEndpointAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Access
{
    /// <summary>
    /// SDA4005: minimal API endpoints (lambda, method group, local function, RequestDelegate, groups, extension methods in
    /// other files) and controller actions that return files with AllowAnonymous or without any authorization, against
    /// near misses: RequireAuthorization on the endpoint, a group, a local or a caller; [Authorize] on the handler,
    /// controller or base controller; a global AuthorizeFilter; a FallbackPolicy (also in another file); endpoints that
    /// return no file; development-only endpoints; look-alike types; broken code.
    /// </summary>
    public class AnonymousFileEndpointAnalyzerTests
    {
        private const string NoAuthorization = AnonymousFileEndpointAnalyzer.NoAuthorizationReason;

        private const string Usings = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Authorization;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            """;

        private const string FallbackPolicy =
            "builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());";

        /// <summary>A minimal-hosting Program.cs: builder code, then app code, then types.</summary>
        private static string Program(string builderCode, string appCode, string members = "") =>
            Usings
            + "var builder = WebApplication.CreateBuilder(args);\n"
            + builderCode + "\n"
            + "var app = builder.Build();\n"
            + appCode + "\n"
            + "app.Run();\n"
            + members + "\n";

        private static Task VerifyProgramAsync(string builderCode, string appCode, string members = "", params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Program(builderCode, appCode, members), null, expected);

        /// <summary>Program.cs plus a second source file, to prove that facts are gathered app-wide.</summary>
        private static Task VerifyTwoFilesAsync(string program, string secondFile, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = program };
            test.TestState.Sources.Add(("/0/Endpoints.cs", Usings + secondFile));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Finding(int markup, string subject, string reason, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
            Verify.Diagnostic("SDA4005").WithLocation(markup).WithSeverity(severity).WithArguments(subject, reason);

        // ------------------------------------------------------------------------------------------------
        // Minimal APIs without any authorization
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id, \"application/pdf\"));")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => TypedResults.PhysicalFile(\"/data/\" + id));")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.Stream(File.OpenRead(\"/data/\" + id)));")]
        [InlineData("app.{|SDA4005:MapPost|}(\"/files/{id}\", (string id) => Results.File(File.ReadAllBytes(\"/data/\" + id), \"application/pdf\"));")]
        [InlineData("app.{|SDA4005:MapMethods|}(\"/files/{id}\", new[] { \"GET\", \"HEAD\" }, (string id) => TypedResults.PhysicalFile(\"/data/\" + id));")]
        [InlineData("app.{|SDA4005:Map|}(\"/files/{id}\", (string id) => TypedResults.PhysicalFile(\"/data/\" + id));")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => { if (id.Length > 8) { return Results.BadRequest(); } return TypedResults.PhysicalFile(\"/data/\" + id); });")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", async (string id, HttpContext context) => await context.Response.SendFileAsync(\"/data/\" + id));")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/report\", async context => await context.Response.SendFileAsync(\"/data/report.pdf\"));")]
        [InlineData("app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).WithName(\"file\").WithTags(\"files\");")]
        public Task MinimalApiFileEndpointsWithoutAuthorizationAreReported(string appCode) =>
            VerifyProgramAsync("", appCode);

        [Fact]
        public Task MessageSaysThatNoAuthorizationApplies() =>
            VerifyProgramAsync(
                "",
                "app.{|#0:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));",
                "",
                Finding(0, "Endpoint 'GET /files/{id}'", NoAuthorization));

        [Fact]
        public Task MethodGroupHandlerIsReported() =>
            VerifyProgramAsync(
                "",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", Downloads.Get);",
                "static class Downloads { public static IResult Get(string id) => TypedResults.PhysicalFile(\"/data/\" + id); }");

        [Fact]
        public Task LocalFunctionHandlerIsReported() =>
            VerifyProgramAsync(
                "",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", Get);\nstatic IResult Get(string id) => TypedResults.PhysicalFile(\"/data/\" + id);");

        [Fact]
        public Task MethodGroupHandlerInAnotherFileIsReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.{|SDA4005:MapGet|}(\"/files/{id}\", Downloads.Get);"),
                "static class Downloads { public static IResult Get(string id) => Results.File(\"/data/\" + id); }");

        [Fact]
        public Task GroupWithoutAuthorizationIsReported() =>
            VerifyProgramAsync(
                "",
                "var files = app.MapGroup(\"/files\").WithTags(\"files\");\nfiles.{|SDA4005:MapGet|}(\"/{id}\", (string id) => Results.File(\"/data/\" + id));");

        [Fact]
        public Task ExtensionMethodInAnotherFileCalledOnTheAppIsReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapFiles();"),
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Fact]
        public Task BuilderReturnedFromAMethodWithNothingChainedIsReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapFiles().WithName(\"files\");"),
                "static class FileEndpoints { public static RouteHandlerBuilder MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Fact]
        public Task UseEndpointsIsReported() =>
            VerifyProgramAsync(
                "",
                "app.UseRouting();\napp.UseEndpoints(endpoints => endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)));");

        [Fact]
        public Task FallbackPolicySetToNullDoesNotCount() =>
            VerifyProgramAsync(
                "builder.Services.AddAuthorization(o => o.FallbackPolicy = null);",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));");

        [Fact]
        public Task FallbackPolicyOnlyInDevelopmentDoesNotCount() =>
            VerifyProgramAsync(
                "if (builder.Environment.IsDevelopment()) { " + FallbackPolicy + " }",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));");

        [Fact]
        public Task GroupAuthorizedOnlyForSomeCallersIsReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapGroup(\"/secure\").RequireAuthorization().MapFiles();\napp.MapGroup(\"/open\").MapFiles();"),
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        // ------------------------------------------------------------------------------------------------
        // Minimal APIs with AllowAnonymous
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public Task AllowAnonymousOverridesTheFallbackPolicy() =>
            VerifyProgramAsync(
                FallbackPolicy,
                "app.{|#0:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).AllowAnonymous();",
                "",
                Finding(0, "Endpoint 'GET /files/{id}'", AnonymousFileEndpointAnalyzer.ConventionReason));

        [Fact]
        public Task AllowAnonymousAttributeOverridesAnAuthorizedGroup() =>
            VerifyProgramAsync(
                "",
                "var files = app.MapGroup(\"/files\").RequireAuthorization();\nfiles.{|#0:MapGet|}(\"/{id}\", [AllowAnonymous] (string id) => Results.File(\"/data/\" + id));",
                "",
                Finding(0, "Endpoint 'GET /{id}'", AnonymousFileEndpointAnalyzer.AttributeReason));

        [Fact]
        public Task AllowAnonymousOnAMethodGroupHandlerIsReported() =>
            VerifyProgramAsync(
                FallbackPolicy,
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", Downloads.Get).RequireAuthorization();",
                "static class Downloads { [AllowAnonymous] public static IResult Get(string id) => TypedResults.PhysicalFile(\"/data/\" + id); }");

        [Fact]
        public Task AllowAnonymousOnAnInnerGroupOverridesTheOuterGroup() =>
            VerifyProgramAsync(
                "",
                "var api = app.MapGroup(\"/api\").RequireAuthorization();\nvar open = api.MapGroup(\"/open\").AllowAnonymous();\nopen.{|SDA4005:MapGet|}(\"/{id}\", (string id) => Results.File(\"/data/\" + id));");

        [Fact]
        public Task AllowAnonymousCalledLaterOnALocalIsReported() =>
            VerifyProgramAsync(
                FallbackPolicy,
                "var download = app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));\ndownload.AllowAnonymous();");

        [Fact]
        public Task WithMetadataAllowAnonymousIsReported() =>
            VerifyProgramAsync(
                FallbackPolicy,
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).WithMetadata(new AllowAnonymousAttribute());");

        // ------------------------------------------------------------------------------------------------
        // Health data: reported as errors
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.{|#0:MapGet|}(\"/recordings/{id}\", (string id) => Results.File(\"/data/\" + id));", "GET /recordings/{id}")]
        [InlineData("app.{|#0:MapGet|}(\"/calls/{id}\", (string id) => Results.File(\"/data/\" + id, \"audio/wav\"));", "GET /calls/{id}")]
        [InlineData("app.{|#0:MapGet|}(\"/studies/{id}\", (string id) => Results.File(\"/data/\" + id, \"application/dicom\"));", "GET /studies/{id}")]
        [InlineData("app.{|#0:MapGet|}(\"/patients/{id}/letter\", (string id) => Results.File(\"/data/\" + id));", "GET /patients/{id}/letter")]
        public Task HealthDataFilesAreErrors(string appCode, string route) =>
            VerifyProgramAsync("", appCode, "", Finding(0, "Endpoint '" + route + "'", NoAuthorization, DiagnosticSeverity.Error));

        // ------------------------------------------------------------------------------------------------
        // Controllers
        // ------------------------------------------------------------------------------------------------

        private static string Controller(string attributes, string baseType, string action) =>
            attributes + "\npublic class FilesController : " + baseType + "\n{\n" + action + "\n}\n"
            + "public class SecureControllerBase : ControllerBase { }\n"
            + "[Authorize] public class AuthorizedControllerBase : ControllerBase { }\n";

        [Theory]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => File(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => File(System.IO.File.ReadAllBytes(\"/data/\" + id), \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => new FileStreamResult(System.IO.File.OpenRead(\"/data/\" + id), \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => new PhysicalFileResult(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => new FileContentResult(new byte[0], \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => new VirtualFileResult(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("public IActionResult {|SDA4005:Get|}(string id) => new RecordingResult(\"/data/\" + id);\n}\npublic sealed class RecordingResult : PhysicalFileResult\n{\n    public RecordingResult(string path) : base(path, \"audio/wav\") { }")]
        [InlineData("public async Task {|SDA4005:Get|}(string id) => await Response.SendFileAsync(\"/data/\" + id);")]
        public Task ControllerActionsWithoutAuthorizationAreReported(string action) =>
            VerifyProgramAsync("builder.Services.AddControllers();", "app.MapControllers();", Controller("[ApiController]", "ControllerBase", action));

        [Fact]
        public Task ControllerMessageNamesTheAction() =>
            VerifyProgramAsync(
                "builder.Services.AddControllers();",
                "app.MapControllers();",
                Controller("", "Controller", "public IActionResult {|#0:Get|}(string id) => File(\"/data/\" + id, \"application/pdf\");"),
                Finding(0, "Action 'FilesController.Get'", NoAuthorization, DiagnosticSeverity.Error));

        [Fact]
        public Task AllowAnonymousActionOverridesAnAuthorizedController() =>
            VerifyProgramAsync(
                "builder.Services.AddControllers();",
                "app.MapControllers();",
                Controller("[Authorize]", "ControllerBase", "[AllowAnonymous] public IActionResult {|#0:Get|}(string id) => File(\"/data/\" + id, \"application/pdf\");"),
                Finding(0, "Action 'FilesController.Get'", AnonymousFileEndpointAnalyzer.AttributeReason, DiagnosticSeverity.Error));

        [Fact]
        public Task AllowAnonymousActionOverridesTheFallbackPolicy() =>
            VerifyProgramAsync(
                "builder.Services.AddControllers();\n" + FallbackPolicy,
                "app.MapControllers();",
                Controller("", "ControllerBase", "[AllowAnonymous] public IActionResult {|SDA4005:Get|}(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");"));

        [Fact]
        public Task RecordingsControllerIsAnError() =>
            VerifyProgramAsync(
                "builder.Services.AddControllers();",
                "app.MapControllers();",
                "[Route(\"recordings\")]\npublic class CallsController : ControllerBase\n{\n[HttpGet(\"{id}\")] public IActionResult {|#0:Get|}(string id) => PhysicalFile(\"/data/\" + id, \"application/octet-stream\");\n}\n",
                Finding(0, "Action 'CallsController.Get'", NoAuthorization, DiagnosticSeverity.Error));

        // ------------------------------------------------------------------------------------------------
        // Near misses: authorization applies
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).RequireAuthorization();")]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).RequireAuthorization(\"Clinicians\");")]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).WithName(\"file\").RequireAuthorization(p => p.RequireRole(\"nurse\"));")]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).WithMetadata(new AuthorizeAttribute());")]
        [InlineData("app.MapGet(\"/files/{id}\", [Authorize] (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("app.MapGroup(\"/files\").RequireAuthorization().MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("var files = app.MapGroup(\"/files\").RequireAuthorization(\"Clinicians\");\nfiles.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("var files = app.MapGroup(\"/files\");\nfiles.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));\nfiles.RequireAuthorization();")]
        [InlineData("var api = app.MapGroup(\"/api\").RequireAuthorization();\nvar files = api.MapGroup(\"/files\");\nfiles.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("var download = app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));\ndownload.RequireAuthorization();")]
        [InlineData("app.MapGet(\"/files/{id}\", Get).RequireAuthorization();\nstatic IResult Get(string id) => TypedResults.PhysicalFile(\"/data/\" + id);")]
        public Task EndpointsWithAuthorizationAreNotReported(string appCode) =>
            VerifyProgramAsync("", appCode);

        [Fact]
        public Task AuthorizeOnAMethodGroupHandlerIsNotReported() =>
            VerifyProgramAsync(
                "",
                "app.MapGet(\"/files/{id}\", Downloads.Get);",
                "static class Downloads { [Authorize(Roles = \"nurse\")] public static IResult Get(string id) => TypedResults.PhysicalFile(\"/data/\" + id); }");

        [Theory]
        [InlineData(FallbackPolicy)]
        [InlineData("builder.Services.AddAuthorization(o => { o.FallbackPolicy = o.DefaultPolicy; });")]
        [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
        public Task FallbackPolicyCoversEndpointsWithoutMetadata(string builderCode) =>
            VerifyProgramAsync(builderCode, "app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));");

        [Fact]
        public Task FallbackPolicyInAnotherFileCoversEndpoints() =>
            VerifyTwoFilesAsync(
                Program("builder.Services.AddSecurity();", "app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));"),
                "static class Security { public static IServiceCollection AddSecurity(this IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()); }");

        [Fact]
        public Task ExtensionMethodCalledOnAnAuthorizedGroupIsNotReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapGroup(\"/files\").RequireAuthorization().MapFiles();"),
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Fact]
        public Task ExtensionMethodParameterPassedOnFromAnAuthorizedGroupIsNotReported() =>
            VerifyTwoFilesAsync(
                Program("", "var secure = app.MapGroup(\"/secure\");\nsecure.RequireAuthorization();\nsecure.MapArea();"),
                "static class FileEndpoints {\n public static void MapArea(this IEndpointRouteBuilder area) => area.MapGroup(\"/files\").MapFiles();\n public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));\n}");

        [Fact]
        public Task BuilderReturnedFromAMethodAndAuthorizedByTheCallerIsNotReported() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapFiles().RequireAuthorization();"),
                "static class FileEndpoints { public static RouteHandlerBuilder MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Theory]
        [InlineData("class Holder { public static RouteHandlerBuilder? Download; }", "Holder.Download = app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("static class Conventions { public static void Secure(RouteHandlerBuilder b) => b.RequireAuthorization(); }", "Conventions.Secure(app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)));")]
        public Task BuildersThatEscapeStaySilent(string members, string appCode) =>
            VerifyProgramAsync("", appCode, members);

        [Fact]
        public Task ExtensionMethodNeverCalledInTheCompilationStaysSilent() =>
            VerifyProgramAsync(
                "",
                "",
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Theory]
        [InlineData("[Authorize]", "ControllerBase", "")]
        [InlineData("[Authorize(Policy = \"Clinicians\")]", "ControllerBase", "")]
        [InlineData("", "AuthorizedControllerBase", "")]
        [InlineData("", "ControllerBase", "[Authorize]")]
        public Task AuthorizedControllersAreNotReported(string controllerAttributes, string baseType, string actionAttributes) =>
            VerifyProgramAsync(
                "builder.Services.AddControllers();",
                "app.MapControllers();",
                Controller(controllerAttributes, baseType, actionAttributes + " public IActionResult Get(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");"));

        [Theory]
        [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));", "app.MapControllers();")]
        [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter(\"Clinicians\")));", "app.MapControllers();")]
        [InlineData("builder.Services.AddControllersWithViews(o => o.Filters.Add<AuthorizeFilter>());", "app.MapControllers();")]
        [InlineData("builder.Services.AddMvc(o => o.Filters.Add(typeof(AuthorizeFilter)));", "app.MapControllers();")]
        [InlineData("builder.Services.AddControllers();", "app.MapControllers().RequireAuthorization();")]
        [InlineData("builder.Services.AddControllers();\n" + FallbackPolicy, "app.MapControllers();")]
        public Task AppWideAuthorizationCoversControllers(string builderCode, string appCode) =>
            VerifyProgramAsync(builderCode, appCode, Controller("", "ControllerBase", "public IActionResult Get(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");"));

        [Fact]
        public Task GlobalFilterInAnotherFileCoversControllers() =>
            VerifyTwoFilesAsync(
                Program("builder.Services.AddApi();", "app.MapControllers();", Controller("", "ControllerBase", "public IActionResult Get(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");")),
                "static class Api { public static void AddApi(this IServiceCollection services) => services.AddControllers(o => o.Filters.Add(new AuthorizeFilter())); }");

        [Fact]
        public Task GlobalFilterDoesNotCoverMinimalApis() =>
            VerifyProgramAsync(
                "builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));");

        private const string Startup = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                    {{services}}
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        {{endpoints}}
                    });
                }
            }
            """;

        private static string StartupProgram(string services, string endpoints) =>
            Usings + "Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();\n"
            + Startup.Replace("{{services}}", services).Replace("{{endpoints}}", endpoints);

        [Theory]
        [InlineData("", "endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("services.AddAuthorization(o => o.FallbackPolicy = null);", "endpoints.{|SDA4005:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", "endpoints.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("", "endpoints.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).RequireAuthorization();")]
        [InlineData("", "endpoints.MapGroup(\"/files\").RequireAuthorization().MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        public Task StartupClassesAreAnalysedLikeMinimalHosting(string services, string endpoints) =>
            Verify.VerifyAnalyzerAsync(StartupProgram(services, endpoints));

        [Fact]
        public Task AllowAnonymousGroupPassedToAnExtensionMethodIsReported() =>
            VerifyTwoFilesAsync(
                Program(FallbackPolicy, "app.MapGroup(\"/public\").AllowAnonymous().MapFiles();"),
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.{|#0:MapGet|}(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)); }",
                Finding(0, "Endpoint 'GET /files/{id}'", AnonymousFileEndpointAnalyzer.ConventionReason));

        [Fact]
        public Task OpenCallerOnlyInDevelopmentDoesNotCount() =>
            VerifyTwoFilesAsync(
                Program("", "app.MapGroup(\"/files\").RequireAuthorization().MapFiles();\nif (app.Environment.IsDevelopment()) { app.MapGroup(\"/dev\").MapFiles(); }"),
                "static class FileEndpoints { public static void MapFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id)); }");

        [Fact]
        public Task LocalFunctionReturningTheBuilderIsDecidedByItsCallers() =>
            VerifyProgramAsync(
                "",
                "MapFiles(app).RequireAuthorization();\nMapReports(app);\nRouteHandlerBuilder MapFiles(IEndpointRouteBuilder e) => e.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id));\nRouteHandlerBuilder MapReports(IEndpointRouteBuilder e) => e.{|SDA4005:MapGet|}(\"/reports/{id}\", (string id) => Results.File(\"/data/\" + id));");

        // ------------------------------------------------------------------------------------------------
        // Near misses: no file, development only, not an action, look-alikes
        // ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.Ok(id));")]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.Redirect(\"/login\"));")]
        [InlineData("app.MapGet(\"/\", () => \"hello\");")]
        [InlineData("if (app.Environment.IsDevelopment()) { app.MapGet(\"/debug/{id}\", (string id) => Results.File(\"/data/\" + id)); }")]
        [InlineData("if (!app.Environment.IsDevelopment()) { return; }\napp.MapGet(\"/debug/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        public Task EndpointsWithoutFilesOrOnlyInDevelopmentAreNotReported(string appCode) =>
            VerifyProgramAsync("", appCode);

        [Theory]
        [InlineData("public IActionResult Get(string id) => Ok(id);")]
        [InlineData("private IActionResult Get(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("[NonAction] public IActionResult Get(string id) => PhysicalFile(\"/data/\" + id, \"application/pdf\");")]
        [InlineData("public IActionResult Get(string id) => new ContentResult { Content = id, ContentType = \"text/plain\" };")]
        [InlineData("public IActionResult Get(string id) => new JsonResult(new { id });")]
        [InlineData("public object Get(string id) => new Local.PhysicalFileResult(\"/data/\" + id);\n}\nnamespace Local { public sealed class PhysicalFileResult { public PhysicalFileResult(string path) { } } }\npublic class Unused\n{")]
        public Task ControllerMembersThatAreNotFileActionsAreNotReported(string member) =>
            VerifyProgramAsync("builder.Services.AddControllers();", "app.MapControllers();", Controller("", "ControllerBase", member));

        [Fact]
        public Task LookAlikeTypesAreNotRecognised() =>
            VerifyProgramAsync(
                "",
                "app.MapGet(\"/files/{id}\", (string id) => Fake.Results.File(\"/data/\" + id));\nnew Fake.FilesController().Get(\"x\");",
                """
                namespace Fake
                {
                    public static class Results { public static Microsoft.AspNetCore.Http.IResult File(string path) => Microsoft.AspNetCore.Http.Results.Ok(path); }
                    public class PhysicalFileResult { public PhysicalFileResult(string path, string type) { } }
                    public class FilesController { public object Get(string id) => new PhysicalFileResult("/data/" + id, "application/pdf"); }
                }
                """);

        [Fact]
        public Task LookAlikeAuthorizeAttributeDoesNotAuthorize() =>
            VerifyProgramAsync(
                "",
                "app.{|SDA4005:MapGet|}(\"/files/{id}\", [Fake.Authorize] (string id) => Results.File(\"/data/\" + id));",
                "namespace Fake { public sealed class AuthorizeAttribute : Attribute { } }");

        [Theory]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(")]
        [InlineData("app.MapGet(\"/files/{id}\", (string id) => Results.File(\"/data/\" + id)).RequireAuthorization(")]
        [InlineData("app.MapGet(\"/files/{id}\", Missing.Get);")]
        [InlineData("app.MapGroup().MapGet(\"/{id}\", (string id) => Results.File(\"/data/\" + id));")]
        [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = );")]
        [InlineData("public class BrokenController : ControllerBase { public IActionResult Get(string id) => File(; }")]
        public Task BrokenCodeDoesNotThrow(string appCode)
        {
            var test = new Verify.Test { TestCode = Program("", appCode), CompilerDiagnostics = CompilerDiagnostics.None };
            return test.RunAsync(CancellationToken.None);
        }
    }
}
