using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SensitiveDataAnalyzers.Tests.Package
{
    /// <summary>
    /// End-to-end: the packed nupkg, restored from a local folder by a fresh ASP.NET Core project, must make a plain
    /// `dotnet build` report the transport rules, and an .editorconfig in the consumer must be able to retune them.
    /// </summary>
    [Collection(DotnetProcessCollection.Name)]
    public sealed class PackageConsumerBuildTests : IClassFixture<PackedAnalyzerPackage>
    {
        private const string ConsumerProgram = @"// Consumer of the SensitiveDataAnalyzers package: one example per transport rule.
var builder = WebApplication.CreateBuilder(args);

// SDA1001: plaintext HTTP on every interface.
builder.WebHost.UseUrls(""http://0.0.0.0:8080"");
builder.WebHost.ConfigureKestrel(options =>
{
    // SDA1001: Kestrel endpoint without TLS on every interface.
    options.ListenAnyIP(8080);
});

var app = builder.Build();

// SDA1002: plaintext HTTP on the TLS port.
app.Urls.Add(""http://*:443"");

// SDA1003: server certificate accepted without validation.
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (m, c, ch, e) => true,
};
using var client = new HttpClient(handler);

// SDA1004: TLS 1.1.
var sslOptions = new System.Net.Security.SslClientAuthenticationOptions
{
    EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls11,
};

app.MapGet(""/"", () => sslOptions.TargetHost ?? ""ok"");
app.Run();
";

        private const string EditorConfig = @"root = true

[*.cs]
dotnet_diagnostic.SDA1001.severity = none
dotnet_diagnostic.SDA1002.severity = warning
";

        private readonly PackedAnalyzerPackage package;

        public PackageConsumerBuildTests(PackedAnalyzerPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void Pack_ProducesAnalyzerOnlyDevelopmentDependencyPackage()
        {
            ProcessResult pack = package.PackResult;
            Assert.True(pack.ExitCode == 0, "dotnet pack failed." + pack.Describe());
            Assert.True(
                File.Exists(package.PackagePath),
                "Expected " + package.PackagePath + "; the feed holds: "
                + string.Join(", ", Directory.GetFiles(package.FeedDirectory).Select(Path.GetFileName)) + pack.Describe());

            using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
            List<string> entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
            string listing = Environment.NewLine + "Package entries:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", entries);

            Assert.True(entries.Contains("analyzers/dotnet/cs/SensitiveDataAnalyzers.dll"), "Analyzer assembly missing." + listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/SensitiveDataAnalyzers.CodeFixes.dll"), "Code fix assembly missing." + listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/SensitiveDataAnalyzers.Deployment.dll"), "Deployment-file analyzer assembly missing." + listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/SensitiveDataAnalyzers.Config.dll"), "Config linter assembly missing." + listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/YamlDotNet.dll"), "YamlDotNet missing beside the analyzers." + listing);
            foreach (string folder in new[] { "build", "buildTransitive" })
            {
                Assert.True(entries.Contains(folder + "/SensitiveDataAnalyzers.props"), folder + "/SensitiveDataAnalyzers.props missing." + listing);
                Assert.True(entries.Contains(folder + "/SensitiveDataAnalyzers.targets"), folder + "/SensitiveDataAnalyzers.targets missing." + listing);
            }
            Assert.True(
                !entries.Any(e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)),
                "An analyzer package must not put anything in lib/ (it would become a compile reference of the consumer)." + listing);

            ZipArchiveEntry? nuspecEntry = archive.Entries.SingleOrDefault(
                e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            Assert.True(nuspecEntry != null, "No .nuspec at the package root." + listing);

            string nuspecText;
            using (var reader = new StreamReader(nuspecEntry!.Open()))
            {
                nuspecText = reader.ReadToEnd();
            }

            XDocument nuspec = XDocument.Parse(nuspecText);
            XElement? metadata = nuspec.Root?.Elements().SingleOrDefault(e => e.Name.LocalName == "metadata");
            string? id = metadata?.Elements().SingleOrDefault(e => e.Name.LocalName == "id")?.Value;
            string? version = metadata?.Elements().SingleOrDefault(e => e.Name.LocalName == "version")?.Value;
            string? developmentDependency = metadata?.Elements().SingleOrDefault(e => e.Name.LocalName == "developmentDependency")?.Value;

            string nuspecMessage = Environment.NewLine + "nuspec:" + Environment.NewLine + nuspecText;
            Assert.True(id == PackedAnalyzerPackage.PackageId, "Unexpected package id '" + id + "'." + nuspecMessage);
            Assert.True(version == package.Version, "Unexpected package version '" + version + "'." + nuspecMessage);
            Assert.True(
                string.Equals(developmentDependency?.Trim(), "true", StringComparison.Ordinal),
                "Expected <developmentDependency>true</developmentDependency>." + nuspecMessage);
        }

        [Fact]
        public async Task ConsumerBuild_ReportsTransportRules_AndEditorConfigRetunesThem()
        {
            Assert.True(package.PackResult.ExitCode == 0 && File.Exists(package.PackagePath), "dotnet pack failed." + package.PackResult.Describe());

            string consumer = package.CreateConsumerDirectory("consumer");
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject(package.Version));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

            // 1. Defaults: SDA1002 is an error, so the build must fail - and only because of it.
            var arguments = new List<string> { "build", "Consumer.csproj" };
            arguments.AddRange(DotnetCli.CommonBuildArguments());
            arguments.Add("-p:TreatWarningsAsErrors=false");
            ProcessResult build = await DotnetCli.RunAsync(consumer, arguments, package.ConsumerEnvironment);

            Assert.False(build.TimedOut, "dotnet build timed out." + build.Describe());
            string restored = Path.Combine(package.NuGetPackagesDirectory, PackedAnalyzerPackage.PackageId.ToLowerInvariant(), package.Version);
            Assert.True(Directory.Exists(restored), "The package was not restored into the isolated packages folder (" + restored + ")." + build.Describe());

            AssertDiagnostic(build, "warning", "SDA1001");
            AssertDiagnostic(build, "error", "SDA1002");
            AssertDiagnostic(build, "warning", "SDA1003");
            AssertDiagnostic(build, "warning", "SDA1004");
            Assert.True(build.ExitCode != 0, "SDA1002 is an error by default, so the build must fail." + build.Describe());
            List<string> otherErrors = ErrorLines(build.Output).Where(line => !line.Contains("error SDA1002", StringComparison.Ordinal)).ToList();
            Assert.True(
                otherErrors.Count == 0,
                "The build must fail only because of SDA1002, but also reported:" + Environment.NewLine
                + string.Join(Environment.NewLine, otherErrors) + build.Describe());

            // 2. The consumer's .editorconfig silences SDA1001 and downgrades SDA1002 to a warning.
            File.WriteAllText(Path.Combine(consumer, ".editorconfig"), EditorConfig);
            var rebuildArguments = new List<string> { "build", "Consumer.csproj", "--no-restore", "--no-incremental" };
            rebuildArguments.AddRange(DotnetCli.CommonBuildArguments());
            rebuildArguments.Add("-p:TreatWarningsAsErrors=false");
            ProcessResult rebuild = await DotnetCli.RunAsync(consumer, rebuildArguments, package.ConsumerEnvironment);

            Assert.False(rebuild.TimedOut, "dotnet build (with .editorconfig) timed out." + rebuild.Describe());
            Assert.True(
                !Regex.IsMatch(rebuild.Output, @"\b(?:error|warning|info|message)\s+SDA1001\b"),
                "dotnet_diagnostic.SDA1001.severity = none must silence SDA1001." + rebuild.Describe());
            AssertDiagnostic(rebuild, "warning", "SDA1002");
            Assert.True(
                !rebuild.Output.Contains("error SDA1002", StringComparison.Ordinal),
                "dotnet_diagnostic.SDA1002.severity = warning must downgrade SDA1002." + rebuild.Describe());
            AssertDiagnostic(rebuild, "warning", "SDA1003");
            AssertDiagnostic(rebuild, "warning", "SDA1004");
            Assert.True(rebuild.ExitCode == 0, "With SDA1002 downgraded to a warning the build must succeed." + rebuild.Describe());
        }

        private const string DeploymentProgram = @"// Takes its Kestrel endpoints from configuration: no endpoint in code.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
";

        private const string ProductionSettings = @"{
  ""Kestrel"": {
    ""Endpoints"": {
      ""Web"": { ""Url"": ""http://0.0.0.0:443"" }
    }
  }
}
";

        private const string ComposeFile = @"services:
  web:
    image: example/web:1.0
    ports:
      - ""8080:8080""
";

        [Fact]
        public async Task ConsumerBuild_ReportsDeploymentFileFindings_AndPropertySwitchesThemOff()
        {
            Assert.True(package.PackResult.ExitCode == 0 && File.Exists(package.PackagePath), "dotnet pack failed." + package.PackResult.Describe());

            string consumer = package.CreateConsumerDirectory("consumer-deployment");
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject(package.Version));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), DeploymentProgram);
            File.WriteAllText(Path.Combine(consumer, "appsettings.Production.json"), ProductionSettings);
            File.WriteAllText(Path.Combine(consumer, "docker-compose.yml"), ComposeFile);

            // 1. The package's props add the deployment files as AdditionalFiles: config findings at file(line,col).
            var arguments = new List<string> { "build", "Consumer.csproj" };
            arguments.AddRange(DotnetCli.CommonBuildArguments());
            arguments.Add("-p:TreatWarningsAsErrors=false");
            ProcessResult build = await DotnetCli.RunAsync(consumer, arguments, package.ConsumerEnvironment);

            Assert.False(build.TimedOut, "dotnet build timed out." + build.Describe());
            Assert.True(
                build.Output.Contains("appsettings.Production.json(4,23): error SDA1002: Kestrel answers plaintext HTTP on TLS port 443", StringComparison.Ordinal),
                "Expected SDA1002 at appsettings.Production.json(4,23)." + build.Describe());
            Assert.True(
                build.Output.Contains("the project's code takes its Kestrel endpoints from this file (Program.cs line 2)", StringComparison.Ordinal),
                "Expected the SDA1002 message to name the code that takes its endpoints from the file." + build.Describe());
            Assert.True(
                build.Output.Contains("docker-compose.yml(5,9): warning SDA5101: service 'web' publishes container port 8080", StringComparison.Ordinal),
                "Expected SDA5101 at docker-compose.yml(5,9)." + build.Describe());
            Assert.True(
                !Regex.IsMatch(build.Output, @"\b(?:CS8032|AD0001|CS8784)\b"),
                "The deployment analyzer and its dependencies must load and run without errors." + build.Describe());
            Assert.True(build.ExitCode != 0, "SDA1002 is an error by default, so the build must fail." + build.Describe());

            // 2. SdaDeploymentFiles=false: no deployment files, no config findings, the build succeeds.
            var offArguments = new List<string> { "build", "Consumer.csproj", "--no-restore", "--no-incremental", "-p:SdaDeploymentFiles=false" };
            offArguments.AddRange(DotnetCli.CommonBuildArguments());
            offArguments.Add("-p:TreatWarningsAsErrors=false");
            ProcessResult off = await DotnetCli.RunAsync(consumer, offArguments, package.ConsumerEnvironment);

            Assert.False(off.TimedOut, "dotnet build (SdaDeploymentFiles=false) timed out." + off.Describe());
            Assert.True(
                !Regex.IsMatch(off.Output, @"\b(?:error|warning)\s+SDA(?:1002|5101)\b"),
                "SdaDeploymentFiles=false must remove the config findings." + off.Describe());
            Assert.True(off.ExitCode == 0, "Without deployment files the build must succeed." + off.Describe());
        }

        private static string ConsumerProject(string version) => @"<Project Sdk=""Microsoft.NET.Sdk.Web"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <!-- Restore only sees the local feed; there is no vulnerability data to audit against. -->
    <NuGetAudit>false</NuGetAudit>
    <!-- SslProtocols.Tls11 is [Obsolete]; the SDK's own warning is not what this test is about. -->
    <NoWarn>$(NoWarn);SYSLIB0039</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SensitiveDataAnalyzers"" Version=""" + version + @""" PrivateAssets=""all"" />
  </ItemGroup>
</Project>
";

        private static void AssertDiagnostic(ProcessResult result, string severity, string id)
        {
            Assert.True(
                result.Output.Contains(severity + " " + id, StringComparison.Ordinal),
                "Expected '" + severity + " " + id + "' in the build output." + result.Describe());
        }

        private static IEnumerable<string> ErrorLines(string output) =>
            output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => Regex.IsMatch(line, @"(?:^|:\s*)error\s+[A-Z]+[0-9]+\s*:"));
    }
}
