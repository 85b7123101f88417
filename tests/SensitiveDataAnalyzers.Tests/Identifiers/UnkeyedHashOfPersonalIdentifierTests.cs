using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Identifiers.PersonalIdentifierInNameAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Identifiers
{
    /// <summary>
    /// SDA2002: a name that is an unkeyed hash (MD5, SHA-1, SHA-2, SHA-3) of a personal identifier — reversible by
    /// hashing every possible phone number — against keyed HMACs, random ids and hashes of opaque values.
    /// </summary>
    public class UnkeyedHashOfPersonalIdentifierTests
    {
        private const string Prelude = """
            #nullable enable
            using System;
            using System.IO;
            using System.Text;
            using System.Security.Cryptography;

            string phone = Console.ReadLine() ?? "";
            string nationalId = Console.ReadLine() ?? "";
            string recordingId = Guid.NewGuid().ToString();
            string root = "/data";

            """;

        private static Task VerifyAsync(string statements, params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Prelude + statements, null, expected);

        private static DiagnosticResult Hashed(int location, string expression, string kind) =>
            Verify.Diagnostic("SDA2002").WithLocation(location).WithArguments("File name", expression, kind);

        [Fact]
        public Task StaticHashDataOfAPhoneNumber() =>
            VerifyAsync(
                "File.Create({|#0:Path.Combine(root, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(phone))) + \".wav\")|});",
                Hashed(0, "phone", "phone number"));

        [Theory]
        [InlineData("MD5")]
        [InlineData("SHA1")]
        [InlineData("SHA384")]
        [InlineData("SHA512")]
        public Task EveryUnkeyedAlgorithm(string algorithm) =>
            VerifyAsync(
                $"File.Create({{|#0:Convert.ToBase64String({algorithm}.HashData(Encoding.ASCII.GetBytes(nationalId)))|}});",
                Hashed(0, "nationalId", "national identity number"));

        [Fact]
        public Task ComputeHashOnAnInstance() =>
            VerifyAsync(
                "using var sha = SHA256.Create();\nvar digest = sha.ComputeHash(Encoding.UTF8.GetBytes(phone));\nFile.Create({|#0:BitConverter.ToString(digest)|});",
                Hashed(0, "phone", "phone number"));

        [Fact]
        public Task AKeyedHmacIsThePseudonymTheRuleAsksFor() =>
            VerifyAsync(
                """
                var key = RandomNumberGenerator.GetBytes(32);
                File.Create(Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(phone))));
                using var hmac = new HMACSHA256(key);
                File.Create(Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(nationalId))));
                """);

        [Fact]
        public Task HashesOfOpaqueValuesAreFine() =>
            VerifyAsync("File.Create(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(recordingId))));");

        [Fact]
        public Task TheIdentifierItselfStaysSda2001() =>
            VerifyAsync(
                "File.Create({|#0:phone + \".wav\"|});",
                Verify.Diagnostic("SDA2001").WithLocation(0).WithArguments("File name", "phone", "phone number"));
    }
}
