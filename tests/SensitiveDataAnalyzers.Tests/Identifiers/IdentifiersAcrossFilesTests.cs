using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Identifiers.PersonalIdentifierInNameAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Identifiers
{
    /// <summary>
    /// SDA2001/SDA2002 across methods declared in other files of the compilation: method summaries of results
    /// (parameters or members a result carries) and of names (parameters a method writes into a name, itself or through
    /// the methods it calls), chains of one to three calls, sanitizers and near misses in the callee.
    /// </summary>
    public class IdentifiersAcrossFilesTests
    {
        private const string Usings = """
            #nullable enable
            using System;
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using System.Security.Cryptography;
            using Microsoft.Extensions.Logging;

            """;

        private const string Program = Usings + """
            var call = new Call("+4670", Guid.NewGuid(), "se");
            var patient = new Patient("MRN-1", "1234567890");
            byte[] audio = new byte[1];

            """;

        private const string Types = """

            public sealed record Call(string CallerPhoneNumber, Guid RecordingId, string Region);
            public sealed record Patient(string Mrn, string StudyInstanceUid);
            """;

        /// <summary>Program.cs (top-level statements, then <c>Types</c>) and further files, each with the usings.</summary>
        private static Task VerifyAsync(string statements, string[] files, string? editorConfig = null, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Program + statements + "\n" + Types };
            for (var i = 0; i < files.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/File{i + 1}.cs", Usings + files[i]));
            }

            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Finding(int location, string what, string expression, string kind) =>
            Verify.Diagnostic("SDA2001").WithLocation(location).WithArguments(what, expression, kind);

        private static DiagnosticResult Hashed(int location, string what, string expression, string kind) =>
            Verify.Diagnostic("SDA2002").WithLocation(location).WithArguments(what, expression, kind);

        // ---- results that carry an identifier --------------------------------------------------------------------

        [Fact]
        public Task AResultBuiltFromAMemberInAnotherFile() =>
            VerifyAsync(
                "File.WriteAllBytes({|#0:Naming.RecordingPath(call)|}, audio);",
                new[] { "static class Naming { public static string RecordingPath(Call c) => Path.Combine(\"/data\", c.CallerPhoneNumber + \".wav\"); }" },
                expected: Finding(0, "File name", "c.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AParameterReturnedByAMethodInAnotherFileIsTheCallersArgument() =>
            VerifyAsync(
                "File.Create({|#0:Naming.Key(call.CallerPhoneNumber) + \".wav\"|});\nFile.Create(Naming.Key(call.Region) + \".wav\");",
                new[] { "static class Naming { public static string Key(string s) { var trimmed = s.Trim(); return trimmed.ToLowerInvariant(); } }" },
                expected: Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AChainOfThreeMethodsInThreeFiles() =>
            VerifyAsync(
                "File.WriteAllBytes({|#0:Outer.Name(patient.Mrn)|}, audio);",
                new[]
                {
                    "static class Outer { public static string Name(string key) => Middle.Name(key) + \".dcm\"; }",
                    "static class Middle { public static string Name(string key) { var upper = Inner.Name(key); return upper; } }",
                    "static class Inner { public static string Name(string key) => key.ToUpperInvariant(); }",
                },
                expected: Finding(0, "File name", "patient.Mrn", "patient identifier"));

        [Fact]
        public Task AnExtensionMethodAndAnInstanceMethodInOtherFiles() =>
            VerifyAsync(
                "File.Delete({|#0:call.FileName()|});\nFile.Delete({|#1:new Folder(\"/data\").PathFor(patient.Mrn)|});",
                new[]
                {
                    "static class CallNaming { public static string FileName(this Call call) => $\"{call.CallerPhoneNumber}.wav\"; }",
                    "sealed class Folder { private readonly string _root; public Folder(string root) => _root = root; public string PathFor(string id) => Path.Combine(_root, id); }",
                },
                expected: new[] { Finding(0, "File name", "call.CallerPhoneNumber", "phone number"), Finding(1, "File name", "patient.Mrn", "patient identifier") });

        [Fact]
        public Task APartialMethodImplementedInAnotherFile() =>
            VerifyAsync(
                "File.Delete({|#0:Keys.For(call.CallerPhoneNumber)|});",
                new[] { "static partial class Keys { public static partial string For(string phone); }", "static partial class Keys { public static partial string For(string value) => value + \".wav\"; }" },
                expected: Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AnUnkeyedHashInAnotherFileIsSda2002() =>
            VerifyAsync(
                "File.Create({|#0:Naming.Digest(call.CallerPhoneNumber)|});",
                new[] { "static class Naming { public static string Digest(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))); }" },
                expected: Hashed(0, "File name", "call.CallerPhoneNumber", "phone number"));

        // ---- results that do not ------------------------------------------------------------------------------------

        [Fact]
        public Task AKeyedHmacInAnotherFileIsASanitizer() =>
            VerifyAsync(
                "File.Create(Naming.Pseudonym(call.CallerPhoneNumber) + \".wav\");",
                new[] { "static class Naming { static readonly byte[] Key = new byte[32]; public static string Pseudonym(string value) => Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(value))); }" });

        [Fact]
        public Task AMethodThatIgnoresItsParameterForARandomIdIsSilent() =>
            VerifyAsync(
                "File.Create(Naming.NewName(call.CallerPhoneNumber));\nFile.Create(Naming.Opaque(call));",
                new[] { "static class Naming { public static string NewName(string phone) => Guid.NewGuid().ToString(\"N\") + \".wav\"; public static string Opaque(Call c) => c.RecordingId.ToString(); }" });

        [Fact]
        public Task APseudonymizerConfiguredForTheCalleeIsASanitizer() =>
            VerifyAsync(
                "File.Create(Vault.Tokenize(call.CallerPhoneNumber) + \".wav\");",
                new[] { "static class Vault { public static string Tokenize(string value) => value; }" },
                "sda.pseudonymizers = Vault.Tokenize");

        [Fact]
        public Task InterfaceAndAbstractCalleesHaveNoBodyToFollow() =>
            VerifyAsync(
                "INaming naming = new Plain();\nFile.Create(naming.Name(call.CallerPhoneNumber));",
                new[] { "interface INaming { string Name(string value); }", "sealed class Plain : INaming { public string Name(string value) => Guid.NewGuid().ToString(); }" });

        [Fact]
        public Task MutualRecursionAcrossFilesEnds() =>
            VerifyAsync(
                "File.Delete({|#0:Ping.Name(call.CallerPhoneNumber, 3)|});\nFile.Delete(Pong.Name(call.Region, 3));",
                new[]
                {
                    "static class Ping { public static string Name(string s, int n) => n == 0 ? s : Pong.Name(s + \"i\", n - 1); }",
                    "static class Pong { public static string Name(string s, int n) => n == 0 ? s : Ping.Name(s + \"o\", n - 1); }",
                },
                expected: Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        // ---- methods that write their parameters into names -----------------------------------------------------

        [Fact]
        public Task AStoreInAnotherFileReportsTheCallThatPassesTheIdentifier() =>
            VerifyAsync(
                "var store = new RecordingStore(\"/data\");\nawait {|#0:store.SaveAsync(call.CallerPhoneNumber, audio)|};\nawait store.SaveAsync(call.RecordingId.ToString(\"N\"), audio);",
                new[]
                {
                    """
                    sealed class RecordingStore
                    {
                        private readonly string _root;
                        public RecordingStore(string root) => _root = root;
                        public Task SaveAsync(string key, byte[] audio)
                        {
                            var path = Path.Combine(_root, key + ".wav");
                            return File.WriteAllBytesAsync(path, audio);
                        }
                    }
                    """,
                },
                expected: Finding(0, "File name (written by 'SaveAsync')", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AChainOfThreeWritersAcrossFiles() =>
            VerifyAsync(
                "{|#0:Archive.Store(patient.Mrn, audio)|};\nArchive.Store(patient.StudyInstanceUid, audio);",
                new[]
                {
                    "static class Archive { public static void Store(string id, byte[] data) => Disk.Persist(\"/pacs\", id, data); }",
                    "static class Disk { public static void Persist(string root, string name, byte[] data) { var full = Path.Combine(root, name); Low.Write(full + \".dcm\", data); } }",
                    "static class Low { public static void Write(string path, byte[] data) => File.WriteAllBytes(path, data); }",
                },
                expected: Finding(0, "File name (written by 'Store')", "patient.Mrn", "patient identifier"));

        [Fact]
        public Task AWriterThatHashesItsParameterWithoutAKeyIsSda2002AtTheCall() =>
            VerifyAsync(
                "{|#0:Store.Put(call.CallerPhoneNumber, audio)|};",
                new[] { "static class Store { public static void Put(string value, byte[] data) => File.WriteAllBytes(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(value))), data); }" },
                expected: Hashed(0, "File name (written by 'Put')", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AWriterThatNamesByOneParameterAndLogsAnotherIsSilentForTheLoggedOne() =>
            VerifyAsync(
                "Store.Put(call.RecordingId.ToString(), call.CallerPhoneNumber, audio, null!);",
                new[]
                {
                    """
                    static class Store
                    {
                        public static void Put(string id, string caller, byte[] data, ILogger log)
                        {
                            File.WriteAllBytes(Path.Combine("/data", id + ".wav"), data);
                            File.WriteAllText(Path.Combine("/data", id + ".txt"), caller);
                            log.LogInformation("stored call from {Caller}", caller);
                        }
                    }
                    """,
                });

        [Fact]
        public Task AWriterThatIsAFindingOnItsOwnIsReportedOnlyInItsFile() =>
            VerifyAsync(
                "Store.Put(call, audio);\nStore.Put(call with { Region = \"no\" }, audio);",
                new[] { "static class Store { public static void Put(Call c, byte[] data) => File.WriteAllBytes({|#0:c.CallerPhoneNumber + \".wav\"|}, data); }" },
                expected: Finding(0, "File name", "c.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task ALocalFunctionThatWritesItsParameterIntoAName() =>
            VerifyAsync(
                "{|#0:Save(patient.Mrn)|};\nSave(patient.StudyInstanceUid);\nvoid Save(string id) => File.WriteAllBytes(Path.Combine(\"/pacs\", id), audio);",
                new string[0],
                expected: Finding(0, "File name (written by 'Save')", "patient.Mrn", "patient identifier"));

        [Fact]
        public Task RecursiveWritersEnd() =>
            VerifyAsync(
                "{|#0:Tree.Copy(call.CallerPhoneNumber, 2)|};",
                new[] { "static class Tree { public static void Copy(string name, int depth) { if (depth == 0) { File.Create(name).Dispose(); return; } Tree.Copy(name + \"/x\", depth - 1); } }" },
                expected: Finding(0, "File name (written by 'Copy')", "call.CallerPhoneNumber", "phone number"));
    }
}
