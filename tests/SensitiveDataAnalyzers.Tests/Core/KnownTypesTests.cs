using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SensitiveDataAnalyzers.Core;
using SensitiveDataAnalyzers.Tests.Verifiers;

namespace SensitiveDataAnalyzers.Tests.Core
{
    /// <summary>KnownTypes.Find gives the answers of Compilation.GetTypeByMetadataName, through the merged namespaces.</summary>
    public class KnownTypesTests
    {
        private const string Source = """
            namespace Microsoft.AspNetCore.Builder { public sealed class WebApplication { } }
            namespace Contoso.Care { public sealed class Outer { public sealed class Inner { } public sealed class Box<T> { } } }
            """;

        [Theory]
        [InlineData("System.Object")]
        [InlineData("System.Collections.Generic.List`1")]
        [InlineData("System.Collections.Generic.Dictionary`2")]
        [InlineData("System.Environment+SpecialFolder")]
        [InlineData("Microsoft.AspNetCore.Http.Results")]
        [InlineData("Microsoft.AspNetCore.Builder.WebApplication")]
        [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
        [InlineData("Contoso.Care.Outer")]
        [InlineData("Contoso.Care.Outer+Inner")]
        [InlineData("Contoso.Care.Outer+Box`1")]
        [InlineData("Contoso.Care.Outer+Missing")]
        [InlineData("FellowOakDicom.Network.DicomServerFactory")]
        [InlineData("System.NoSuchType")]
        [InlineData("System.Collections.Generic.List")]
        [InlineData("NoNamespaceType")]
        public async Task FindsWhatGetTypeByMetadataNameFinds(string metadataName)
        {
            var references = await TestReferenceAssemblies.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create("KnownTypes", new[] { CSharpSyntaxTree.ParseText(Source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var expected = compilation.GetTypeByMetadataName(metadataName);
            var found = KnownTypes.Find(compilation, metadataName);

            Assert.True(SymbolEqualityComparer.Default.Equals(expected, found), $"GetTypeByMetadataName: {expected?.ToDisplayString() ?? "null"} ({expected?.ContainingAssembly?.Name}); KnownTypes: {found?.ToDisplayString() ?? "null"} ({found?.ContainingAssembly?.Name})");
        }
    }
}
