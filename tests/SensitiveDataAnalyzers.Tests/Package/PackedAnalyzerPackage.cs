using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SensitiveDataAnalyzers.Tests.Package
{
    /// <summary>
    /// Class fixture: packs src/SensitiveDataAnalyzers.Package once, with a version no package cache can have seen,
    /// into a fresh temp folder that later serves as the only NuGet source of the consumer projects.
    /// Everything lives under <see cref="RootDirectory"/>, deleted on dispose (set SDA_KEEP_TEST_TEMP=1 to keep it).
    /// </summary>
    public sealed class PackedAnalyzerPackage : IAsyncLifetime
    {
        public const string PackageId = "SensitiveDataAnalyzers";

        public PackedAnalyzerPackage()
        {
            RepositoryRoot = FindRepositoryRoot();
            Version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            RootDirectory = Path.Combine(Path.GetTempPath(), "sda-package-tests-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            FeedDirectory = Path.Combine(RootDirectory, "feed");
            NuGetPackagesDirectory = Path.Combine(RootDirectory, "nuget-packages");
            PackageProjectPath = Path.Combine(RepositoryRoot, "src", "SensitiveDataAnalyzers.Package", "SensitiveDataAnalyzers.Package.csproj");
            PackagePath = Path.Combine(FeedDirectory, PackageId + "." + Version + ".nupkg");
        }

        public string RepositoryRoot { get; }

        /// <summary>Unique prerelease version, e.g. 0.0.0-test20250101120000123.</summary>
        public string Version { get; }

        public string RootDirectory { get; }

        /// <summary>`dotnet pack -o` target, used as a local folder feed.</summary>
        public string FeedDirectory { get; }

        /// <summary>Isolated global packages folder (NUGET_PACKAGES) for consumer restores.</summary>
        public string NuGetPackagesDirectory { get; }

        public string PackageProjectPath { get; }

        /// <summary>Where the nupkg must be once the pack succeeded.</summary>
        public string PackagePath { get; }

        public ProcessResult PackResult { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(FeedDirectory);
            Directory.CreateDirectory(NuGetPackagesDirectory);

            var arguments = new List<string>
            {
                "pack",
                PackageProjectPath,
                "-c", "Release",
                "-o", FeedDirectory,
                "-p:Version=" + Version,
            };
            arguments.AddRange(DotnetCli.CommonBuildArguments());

            PackResult = await DotnetCli.RunAsync(RepositoryRoot, arguments).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates an empty directory for a consumer project, fenced off from anything above it
        /// (Directory.Build.*, Directory.Packages.props) and from every NuGet source except <see cref="FeedDirectory"/>.
        /// </summary>
        public string CreateConsumerDirectory(string name)
        {
            string directory = Path.Combine(RootDirectory, name);
            Directory.CreateDirectory(directory);

            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(
                Path.Combine(directory, "Directory.Packages.props"),
                "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(
                Path.Combine(directory, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<configuration>\n"
                + "  <packageSources>\n"
                + "    <clear />\n"
                + "    <add key=\"sda-local\" value=\"" + System.Security.SecurityElement.Escape(FeedDirectory) + "\" />\n"
                + "  </packageSources>\n"
                + "  <fallbackPackageFolders>\n"
                + "    <clear />\n"
                + "  </fallbackPackageFolders>\n"
                + "</configuration>\n");
            return directory;
        }

        /// <summary>Environment for consumer builds: restore may only use the isolated folders.</summary>
        public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = NuGetPackagesDirectory,
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(RootDirectory, "nuget-http-cache"),
            ["NUGET_FALLBACK_PACKAGES"] = string.Empty,
        };

        public Task DisposeAsync()
        {
            if (Environment.GetEnvironmentVariable("SDA_KEEP_TEST_TEMP") != "1")
            {
                DotnetCli.TryDeleteDirectory(RootDirectory);
            }

            return Task.CompletedTask;
        }

        internal static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SensitiveDataAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException(
                "SensitiveDataAnalyzers.sln not found in any parent of " + AppContext.BaseDirectory);
        }
    }
}
