using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace SensitiveDataAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Real .NET 8 and ASP.NET Core 8 reference assemblies. Pinned to a servicing version that the package
    /// registry serves (ReferenceAssemblies.Net.Net80 asks for 8.0.0, which it does not).
    /// </summary>
    public static class TestReferenceAssemblies
    {
        public const string ServicingVersion = "8.0.33";

        public static ReferenceAssemblies Net80 { get; } = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", ServicingVersion),
            Path.Combine("ref", "net8.0"));

        public static ReferenceAssemblies AspNetCore80 { get; } = Net80.AddPackages(
            ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", ServicingVersion)));
    }
}
