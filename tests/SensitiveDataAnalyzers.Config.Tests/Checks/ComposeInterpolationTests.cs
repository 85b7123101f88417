using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>Compose ${VAR:-default} interpolation: the default is what runs when nobody sets the variable.</summary>
    public class ComposeInterpolationTests
    {
        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("${DB_PASSWORD:-postgres}", "postgres")]
        [InlineData("${DB_PASSWORD-postgres}", "postgres")]
        [InlineData("http://+:${PORT:-443}", "http://+:443")]
        [InlineData("${URLS:-http://+:${PORT:-80}}", "http://+:80")]
        [InlineData("cost: $$5", "cost: $5")]
        [InlineData("a $ b", "a $ b")]
        [InlineData("${EMPTY:-}", "")]
        [InlineData("${DB_PASSWORD}", null)]
        [InlineData("$DB_PASSWORD", null)]
        [InlineData("prefix-${NAME}", null)]
        [InlineData("${DB_PASSWORD:?set it}", null)]
        [InlineData("${TLS:+https}", null)]
        [InlineData("${UNCLOSED:-x", null)]
        [InlineData("${}", null)]
        [InlineData(null, null)]
        public void EffectiveValues(string? written, string? expected)
        {
            Assert.Equal(expected, ComposeInterpolation.Effective(written));
        }

        [Fact]
        public void ADefaultPasswordBehindAVariableIsStillTheDefault()
        {
            const string compose = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-postgres}\n";
            Assert.Equal(new[] { "SDA4103 error docker-compose.yml:5:26" }, PacsInputs.Only(new[] { "SDA4103" }, ("docker-compose.yml", compose)));
        }

        [Fact]
        public void APasswordTakenFromTheHostIsUnknownAndQuiet()
        {
            const string compose = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n";
            Assert.Empty(PacsInputs.Only(new[] { "SDA4103" }, ("docker-compose.yml", compose)));
        }

        [Fact]
        public void ADefaultListenerAndADefaultPortAreJudged()
        {
            const string compose = "services:\n  web:\n    image: example/recordings\n    environment:\n      ASPNETCORE_URLS: ${URLS:-http://+:443}\n    ports:\n      - \"${PUBLIC_PORT:-443}:443\"\n";
            Assert.Contains("SDA1002 error docker-compose.yml:5:24", Lint.Summary(("docker-compose.yml", compose)));
        }

        [Fact]
        public void LongSyntaxPortsAreInterpolatedToo()
        {
            const string compose = "services:\n  pacs:\n    image: example/pacs\n    ports:\n      - target: 11112\n        published: ${DICOM_PORT:-11112}\n        host_ip: ${BIND:-0.0.0.0}\n";
            Assert.Contains("SDA5101 error docker-compose.yml:5:9", Lint.Summary(("docker-compose.yml", compose)));
        }
    }
}
