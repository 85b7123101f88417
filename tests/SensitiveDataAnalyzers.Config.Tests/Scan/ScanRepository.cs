using System;
using System.IO;
using SensitiveDataAnalyzers.Config.Tests.Cli;

namespace SensitiveDataAnalyzers.Config.Tests.Scan
{
    /// <summary>
    /// Tests that run <c>sda scan</c> (MSBuild build host, <c>dotnet restore</c>) share this collection: they never run
    /// in parallel with each other, as two SDK builds at once on a 2-core machine are slow and can race on files.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class DotnetProcessCollection
    {
        public const string Name = "dotnet-process";
    }

    /// <summary>Small real web projects written into a temp directory.</summary>
    internal static class ScanRepository
    {
        public const string WebProject = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """;

        /// <summary>A project whose restore fails: the package does not exist.</summary>
        public const string UnrestorableProject = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sda.Tests.NoSuchPackage.E7c2" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """;

        /// <summary>Not XML: the PropertyGroup is never closed (found at line 4).</summary>
        public const string BrokenProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <ImplicitUsings>enable</ImplicitUsings>\n</Project>\n";

        /// <summary>Binds plaintext HTTP on every interface, port 8080: SDA1001 on line 2.</summary>
        public const string PlaintextProgram = "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls(\"http://0.0.0.0:8080\");\nvar app = builder.Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n";

        public const string LoopbackProgram = "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls(\"http://127.0.0.1:8080\");\nvar app = builder.Build();\napp.Run();\n";

        public const string TlsProgram = "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(8080, l => l.UseHttps()));\nvar app = builder.Build();\napp.Run();\n";

        public static void AddWebProject(CliWorkspace workspace, string directory, string name, string program, string project = WebProject)
        {
            workspace.Write(Path.Combine(directory, name + ".csproj"), project);
            workspace.Write(Path.Combine(directory, "Program.cs"), program);
        }

        /// <summary>The repository's root (holds SensitiveDataAnalyzers.sln).</summary>
        public static string RepositoryRoot()
        {
            for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "SensitiveDataAnalyzers.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
