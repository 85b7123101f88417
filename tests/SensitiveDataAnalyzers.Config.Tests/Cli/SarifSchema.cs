using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;

namespace SensitiveDataAnalyzers.Config.Tests.Cli
{
    /// <summary>The official SARIF 2.1.0 schema (from the Sarif.Sdk package, copied to the test output by the test project).</summary>
    internal static class SarifSchema
    {
        public static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(SchemaPath));

        private static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Cli", "Schemata", "sarif-2.1.0.json");

        public static async Task AssertValid(string sarif)
        {
            Assert.True(File.Exists(SchemaPath), "SARIF schema missing from the test output: " + SchemaPath);
            var errors = (await Schema.Value).Validate(sarif);
            Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")) + "\n" + sarif);
        }
    }
}
