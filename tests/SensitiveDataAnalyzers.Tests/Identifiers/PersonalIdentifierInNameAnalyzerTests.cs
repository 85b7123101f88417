using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Identifiers.PersonalIdentifierInNameAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Identifiers
{
    /// <summary>
    /// SDA2001: file, directory, archive-entry, download and storage names built from personal identifiers, followed
    /// through locals, interpolation, concatenation, string and path helpers, ?: and ??, and methods (see IdentifiersAcrossFilesTests for other files);
    /// against contents, logs, opaque ids, metadata names, hashes and look-alike APIs. Real .NET 8 / ASP.NET Core 8
    /// reference assemblies.
    /// </summary>
    public class PersonalIdentifierInNameAnalyzerTests
    {
        private const string Usings = """
            #nullable enable
            using System;
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using System.Security.Cryptography;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            """;

        private const string Types = """

            public sealed record Call(string CallerPhoneNumber, Guid RecordingId, string Region);
            public sealed class Patient
            {
                public string Mrn { get; set; } = "";
                public string NhsNumber { get; set; } = "";
                public string Email { get; set; } = "";
                public string PhoneNumberTemplate { get; set; } = "";
                [Microsoft.AspNetCore.Identity.PersonalData]
                public string Handle { get; set; } = "";
                public string StudyInstanceUid { get; set; } = "";
                public string FullName { get; set; } = "";
            }
            """;

        private static Task VerifyAsync(string statements, string members = "", params DiagnosticResult[] expected) =>
            Verify.VerifyAnalyzerAsync(Usings + "var call = new Call(\"+4670\", Guid.NewGuid(), \"se\");\nvar patient = new Patient();\nbyte[] audio = new byte[1];\nstring root = \"/data\";\n" + statements + "\n" + members + Types, null, expected);

        private static DiagnosticResult Finding(int location, string what, string expression, string kind) =>
            Verify.Diagnostic("SDA2001").WithLocation(location).WithArguments(what, expression, kind);

        // ---- the leak, and each way a name is built ----------------------------------------------------------

        [Fact]
        public Task RecordingNamedAfterTheCallersPhoneNumber() =>
            VerifyAsync(
                "File.WriteAllBytes({|#0:Path.Combine(root, call.CallerPhoneNumber + \".wav\")|}, audio);",
                expected: Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task InterpolatedLocalNamedAfterAnIdentifier() =>
            VerifyAsync(
                "var patientId = patient.StudyInstanceUid;\nusing var stream = File.Create({|#0:$\"{root}/{patientId}.dcm\"|});",
                expected: Finding(0, "File name", "patientId", "patient identifier"));

        [Fact]
        public Task ChainsOfLocalsAndPathHelpers() =>
            VerifyAsync(
                "var name = $\"{patient.NhsNumber}.pdf\";\nvar path = Path.Combine(root, \"letters\", name);\nusing var stream = new FileStream({|#0:path|}, FileMode.Create);",
                expected: Finding(0, "File name", "patient.NhsNumber", "national identity number"));

        [Fact]
        public Task StringHelpersKeepTheIdentifier() =>
            VerifyAsync(
                "if (File.Exists({|#0:patient.Email.Trim().ToLowerInvariant().Replace(\"@\", \"_at_\")|})) { }",
                expected: Finding(0, "File name", "patient.Email", "email address"));

        [Fact]
        public Task ConditionalAndCoalesceBranches() =>
            VerifyAsync(
                "string? phone = args.Length > 0 ? args[0] : null;\nFile.Delete({|#0:phone ?? \"unknown\"|});\nDirectory.CreateDirectory({|#1:args.Length > 1 ? Path.Combine(root, patient.Mrn) : root|});",
                expected: new[] { Finding(0, "File name", "phone", "phone number"), Finding(1, "Directory name", "patient.Mrn", "patient identifier") });

        [Fact]
        public Task StringFormatConcatAndJoin() =>
            VerifyAsync(
                "File.Move(\"a\", {|#0:string.Format(\"{0}-{1}.wav\", call.Region, call.CallerPhoneNumber)|});\nFile.Copy(\"a\", {|#1:string.Concat(root, \"/\", patient.Mrn)|});\nnew FileInfo({|#2:string.Join(\"_\", new[] { patient.Email, \"x\" })|}).Delete();",
                expected: new[]
                {
                    Finding(0, "File name", "call.CallerPhoneNumber", "phone number"),
                    Finding(1, "File name", "patient.Mrn", "patient identifier"),
                    Finding(2, "File name", "patient.Email", "email address"),
                });

        [Fact]
        public Task WritersReadersAndDirectories() =>
            VerifyAsync(
                "using var writer = new StreamWriter({|#0:root + patient.Mrn|});\nusing var reader = new StreamReader({|#1:root + call.CallerPhoneNumber|});\nvar dir = new DirectoryInfo({|#2:Path.Combine(root, patient.NhsNumber)|});",
                expected: new[]
                {
                    Finding(0, "File name", "patient.Mrn", "patient identifier"),
                    Finding(1, "File name", "call.CallerPhoneNumber", "phone number"),
                    Finding(2, "Directory name", "patient.NhsNumber", "national identity number"),
                });

        [Fact]
        public Task PersonalDataAttributeMarksAMember() =>
            VerifyAsync(
                "File.Create({|#0:patient.Handle + \".json\"|});",
                expected: Finding(0, "File name", "patient.Handle", "personal data"));


        [Fact]
        public Task JsonAndRequestBindingNamesMarkMembersAndParameters() =>
            VerifyAsync(
                "var upload = new Upload(\"+4670\", \"x\", \"y\", \"z\");\nFile.Create({|#0:upload.Contact + \".wav\"|});\nFile.Create({|#1:upload.Person + \".pdf\"|});\nFile.Create(upload.Kind + \".wav\");\nFile.Create(upload.Reference + \".wav\");",
                """
                static IResult Download([FromQuery(Name = "msisdn")] string subscriber) => Results.File(new byte[1], "audio/wav", {|#2:subscriber + ".wav"|});
                static IResult ByRecording([FromRoute(Name = "recording_id")] string key) => Results.File(new byte[1], "audio/wav", key + ".wav");
                public sealed record Upload(
                    [property: System.Text.Json.Serialization.JsonPropertyName("caller_phone")] string Contact,
                    [property: System.Runtime.Serialization.DataMember(Name = "personnummer")] string Person,
                    [property: System.Text.Json.Serialization.JsonPropertyName("phone_type")] string Kind,
                    [property: System.Text.Json.Serialization.JsonPropertyName("recording_id")] string Reference);
                """,
                Finding(0, "File name", "upload.Contact", "phone number"),
                Finding(1, "File name", "upload.Person", "national identity number"),
                Finding(2, "Download name", "subscriber", "phone number"));
        // ---- across methods of the same file (summaries)-------------------------------------------------------------------

        [Fact]
        public Task AMethodThatBuildsTheNameFromAMember() =>
            VerifyAsync(
                "File.WriteAllBytes({|#0:RecordingPath(call)|}, audio);",
                "static string RecordingPath(Call c) => Path.Combine(\"/data\", c.CallerPhoneNumber + \".wav\");",
                Finding(0, "File name", "c.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AChainOfThreeMethodsWithTheIdentifierPassedAsAnArgument() =>
            VerifyAsync(
                "File.WriteAllBytes({|#0:Outer(patient.Mrn)|}, audio);",
                """
                static string Outer(string key) => Middle(key) + ".dcm";
                static string Middle(string key) { var upper = Inner(key); return upper; }
                static string Inner(string key) => key.ToUpperInvariant();
                """,
                Finding(0, "File name", "patient.Mrn", "patient identifier"));

        [Fact]
        public Task AHelperCalledTwiceIsWalkedForEachCall() =>
            VerifyAsync(
                "File.Create({|#0:Key(call.Region) + Key(call.CallerPhoneNumber)|});",
                "static string Key(string s) => s.Trim();",
                Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task AMethodThatWritesItsParameterIntoANameIsReportedAtTheCall() =>
            VerifyAsync(
                "{|#0:Store(call.CallerPhoneNumber, audio)|};\nStore(call.RecordingId.ToString(), audio);\nStore(\"fixed\", audio);",
                "static void Store(string key, byte[] data) { var path = Path.Combine(\"/data\", key + \".wav\"); File.WriteAllBytes(path, data); }",
                Verify.Diagnostic("SDA2001").WithLocation(0).WithArguments("File name (written by 'Store')", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task ACalleeThatIsAFindingOnItsOwnIsNotReportedAgainAtItsCalls() =>
            VerifyAsync(
                "Save(call.CallerPhoneNumber);\nSave(patient.Mrn);",
                "static void Save(string phone) => File.Create({|#0:phone + \".wav\"|});",
                Finding(0, "File name", "phone", "phone number"));

        [Fact]
        public Task RecursionEnds() =>
            VerifyAsync(
                "File.Delete(Loop(\"x\", 3));",
                "static string Loop(string s, int n) => n == 0 ? s : Loop(s + \"x\", n - 1);");

        [Fact]
        public Task AsyncMethodsAreFollowedThroughAwait() =>
            VerifyAsync(
                "await File.WriteAllBytesAsync({|#0:await NameAsync(call)|}, audio);",
                "static async Task<string> NameAsync(Call c) { await Task.Yield(); return c.CallerPhoneNumber + \".wav\"; }",
                Finding(0, "File name", "c.CallerPhoneNumber", "phone number"));

        // ---- downloads and archives -------------------------------------------------------------------------------

        [Fact]
        public Task DownloadNamesOfMinimalApisAndControllers() =>
            VerifyAsync(
                "var result = Results.File(audio, \"audio/wav\", fileDownloadName: {|#0:call.CallerPhoneNumber + \".wav\"|});\nvar typed = TypedResults.File(audio, \"audio/wav\", {|#1:$\"{patient.Mrn}.pdf\"|});\nvar content = new FileContentResult(audio, \"audio/wav\") { FileDownloadName = {|#2:patient.Email|} };",
                expected: new[]
                {
                    Finding(0, "Download name", "call.CallerPhoneNumber", "phone number"),
                    Finding(1, "Download name", "patient.Mrn", "patient identifier"),
                    Finding(2, "Download name", "patient.Email", "email address"),
                });

        [Fact]
        public Task ZipArchiveEntries() =>
            VerifyAsync(
                "using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(), System.IO.Compression.ZipArchiveMode.Create);\nzip.CreateEntry({|#0:patient.NhsNumber + \".txt\"|});",
                expected: Finding(0, "Archive entry name", "patient.NhsNumber", "national identity number"));

        // ---- near misses ---------------------------------------------------------------------------------------

        [Fact]
        public Task IdentifiersInContentsLogsAndQueriesAreNotNames() =>
            VerifyAsync(
                """
                File.WriteAllText("/data/calls.csv", call.CallerPhoneNumber);
                File.AppendAllLines("/data/calls.csv", new[] { patient.Mrn, patient.Email });
                await File.WriteAllTextAsync(Path.Combine(root, "index.txt"), $"{patient.NhsNumber}");
                using var factory = LoggerFactory.Create(_ => { });
                factory.CreateLogger("x").LogInformation("caller {Phone}", call.CallerPhoneNumber);
                var sql = "SELECT * FROM calls WHERE phone = @phone";
                """);

        [Fact]
        public Task OpaqueIdsAndGuidsAreFine() =>
            VerifyAsync(
                """
                File.WriteAllBytes(Path.Combine(root, call.RecordingId + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(root, $"{Guid.NewGuid():N}.wav"), audio);
                File.WriteAllBytes(Path.Combine(root, patient.StudyInstanceUid + ".dcm"), audio);
                var recordingId = Guid.NewGuid().ToString("N");
                File.Delete(recordingId);
                """);

        [Fact]
        public Task MetadataNamedMembersAreNotIdentifiers() =>
            VerifyAsync(
                """
                File.ReadAllText(patient.PhoneNumberTemplate);
                var emailTemplate = "welcome.html";
                File.ReadAllText(Path.Combine(root, emailTemplate));
                """);

        [Fact]
        public Task NamesOfFilesTypesAndAssembliesAreNotPeoplesNames() =>
            VerifyAsync(
                """
                foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
                {
                    File.Copy(entry.FullName, Path.Combine(root, "copy", entry.Name));
                    File.Move(entry.FullName, entry.FullName + ".bak");
                }

                using var zip = System.IO.Compression.ZipFile.OpenRead("/data/in.zip");
                foreach (var zipped in zip.Entries)
                {
                    System.IO.Compression.ZipFileExtensions.ExtractToFile(zipped, Path.Combine(root, zipped.FullName));
                }

                File.WriteAllText(Path.Combine(root, typeof(Patient).FullName + ".json"), "{}");
                File.WriteAllText(Path.Combine(root, typeof(Patient).Assembly.FullName + ".txt"), "");
                File.WriteAllText(Path.Combine(root, typeof(Patient).Assembly.GetName().Name + ".txt"), "");
                """);

        [Fact]
        public Task APersonsFullNameIsStillOne() =>
            VerifyAsync(
                "File.WriteAllText({|#0:Path.Combine(root, patient.FullName + \".txt\")|}, \"\");",
                expected: Finding(0, "File name", "patient.FullName", "person's name"));

        [Fact]
        public Task HashesAndHmacsEndTheWalkForThisRule() =>
            VerifyAsync(
                """
                var key = RandomNumberGenerator.GetBytes(32);
                var pseudonym = Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(call.CallerPhoneNumber)));
                File.WriteAllBytes(Path.Combine(root, pseudonym + ".wav"), audio);
                """);

        [Fact]
        public Task UnknownMethodsDoNotCarryTheIdentifier() =>
            VerifyAsync(
                "File.Delete(Lookup(patient.Mrn));",
                "static string Lookup(string mrn) => System.Environment.GetEnvironmentVariable(\"X\") ?? \"none\";");

        [Fact]
        public Task LookAlikeApisAreNotSinks() =>
            VerifyAsync(
                "MyStore.File.Create(call.CallerPhoneNumber);\nnew MyStore.FileInfo(patient.Mrn);",
                "namespace MyStore { public static class File { public static void Create(string path) { } } public sealed class FileInfo { public FileInfo(string fileName) { } } }");

        [Fact]
        public Task ConstantNamesAreFine() =>
            VerifyAsync("File.Create(\"/data/calls.csv\").Dispose();\nFile.Create(Path.Combine(root, \"phone.wav\")).Dispose();");

        [Fact]
        public Task BrokenCodeDoesNotThrow()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + "File.WriteAllBytes(Path.Combine(root, call.CallerPhoneNumber +, audio);\nstatic string Broken(Call c) => c.\n",
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            return test.RunAsync();
        }
    
        // ---- DICOM datasets (fo-dicom 5 and 4 stand-ins, exactly the published namespaces and signatures) ---------

        private const string FoDicom = """

            namespace FellowOakDicom
            {
                public sealed class DicomTag
                {
                    public static readonly DicomTag PatientID = new(), PatientName = new(), PatientBirthDate = new(), PatientAddress = new(),
                        PatientTelephoneNumbers = new(), OtherPatientIDsSequence = new(), SOPInstanceUID = new(), StudyInstanceUID = new(), Modality = new();
                }

                public class DicomDataset
                {
                    public string GetString(DicomTag tag) => "";
                    public T GetSingleValue<T>(DicomTag tag) => default!;
                    public T GetSingleValueOrDefault<T>(DicomTag tag, T defaultValue) => defaultValue;
                    public bool TryGetString(DicomTag tag, out string value) { value = ""; return true; }
                }

                public class DicomFile
                {
                    public DicomDataset Dataset { get; } = new();
                    public void Save(string fileName) { }
                    public System.Threading.Tasks.Task SaveAsync(string fileName) => System.Threading.Tasks.Task.CompletedTask;
                }
            }

            namespace Dicom
            {
                public sealed class DicomTag { public static readonly DicomTag PatientID = new(), SOPInstanceUID = new(); }
                public class DicomDataset { public string GetString(DicomTag tag) => ""; }
                public class DicomFile { public DicomDataset Dataset { get; } = new(); public void Save(string fileName) { } }
            }
            """;

        [Fact]
        public Task DicomFilesSavedUnderThePatientId() =>
            VerifyAsync(
                """
                var file = new FellowOakDicom.DicomFile();
                var id = file.Dataset.GetString(FellowOakDicom.DicomTag.PatientID);
                file.Save({|#0:Path.Combine(root, id + ".dcm")|});
                await file.SaveAsync({|#1:$"{root}/{file.Dataset.GetSingleValue<string>(FellowOakDicom.DicomTag.PatientName)}.dcm"|});
                if (file.Dataset.TryGetString(FellowOakDicom.DicomTag.PatientBirthDate, out var birth)) File.Create({|#2:birth|});
                File.Move("a", {|#3:file.Dataset.GetSingleValueOrDefault(FellowOakDicom.DicomTag.PatientTelephoneNumbers, "") + ".dcm"|});
                var legacy = new Dicom.DicomFile();
                legacy.Save({|#4:legacy.Dataset.GetString(Dicom.DicomTag.PatientID)|});
                """,
                FoDicom,
                Finding(0, "DICOM file name", "file.Dataset.GetString(FellowOakDicom.DicomTag.PatientID)", "patient identifier"),
                Finding(1, "DICOM file name", "file.Dataset.GetSingleValue<string>(FellowOakDicom.DicomTag…", "person's name"),
                Finding(2, "File name", "file.Dataset.TryGetString(FellowOakDicom.DicomTag.PatientBi…", "date of birth"),
                Finding(3, "File name", "file.Dataset.GetSingleValueOrDefault(FellowOakDicom.DicomTa…", "phone number"),
                Finding(4, "DICOM file name", "legacy.Dataset.GetString(Dicom.DicomTag.PatientID)", "patient identifier"));

        [Fact]
        public Task DicomFilesSavedUnderUidsAreFine() =>
            VerifyAsync(
                """
                var file = new FellowOakDicom.DicomFile();
                file.Save(Path.Combine(root, file.Dataset.GetString(FellowOakDicom.DicomTag.SOPInstanceUID) + ".dcm"));
                file.Save(Path.Combine(root, file.Dataset.GetString(FellowOakDicom.DicomTag.StudyInstanceUID), file.Dataset.GetString(FellowOakDicom.DicomTag.Modality)));
                var legacy = new Dicom.DicomFile();
                legacy.Save(legacy.Dataset.GetString(Dicom.DicomTag.SOPInstanceUID));
                File.WriteAllText(Path.Combine(root, "index.txt"), file.Dataset.GetString(FellowOakDicom.DicomTag.PatientID));
                """,
                FoDicom);
    
        // ---- objects, builders and functions built in the method ----------------------------------------------

        [Fact]
        public Task MembersOfObjectsBuiltInTheMethod() =>
            VerifyAsync(
                """
                var recording = new Recording { Caller = call.CallerPhoneNumber, Slot = 1 };
                File.Create({|#0:recording.Caller + ".wav"|});
                var meta = new { Who = patient.Mrn, When = 3 };
                File.Create({|#1:meta.Who|});
                var tag = new Tag(patient.Email);
                File.Create({|#2:tag.Who|});
                var opaque = new Recording { Caller = call.RecordingId.ToString(), Slot = 2 };
                File.Create(opaque.Caller);
                """,
                """
                public sealed class Recording { public string Caller { get; set; } = ""; public int Slot { get; set; } }
                public sealed record Tag(string Who);
                """,
                Finding(0, "File name", "call.CallerPhoneNumber", "phone number"),
                Finding(1, "File name", "patient.Mrn", "patient identifier"),
                Finding(2, "File name", "patient.Email", "email address"));

        [Fact]
        public Task StringBuildersCarryWhatWasAppended() =>
            VerifyAsync(
                """
                var builder = new StringBuilder(root);
                builder.Append('/').Append(call.CallerPhoneNumber).Append(".wav");
                File.Create({|#0:builder.ToString()|});
                var other = new StringBuilder();
                other.Append(root).Append("/calls.csv");
                File.Create(other.ToString());
                """,
                expected: Finding(0, "File name", "call.CallerPhoneNumber", "phone number"));

        [Fact]
        public Task LambdasAndLocalFunctions() =>
            VerifyAsync(
                """
                Func<string> letter = () => patient.NhsNumber + ".pdf";
                File.Create({|#0:letter()|});
                File.Create({|#1:Scan()|});
                string Scan() { var name = $"{patient.Mrn}.dcm"; return Path.Combine(root, name); }
                """,
                expected: new[] { Finding(0, "File name", "patient.NhsNumber", "national identity number"), Finding(1, "File name", "patient.Mrn", "patient identifier") });

        // ---- object storage (stand-ins with the published namespaces and member names) ----------------------

        [Fact]
        public Task BlobObjectAndBucketKeys() =>
            VerifyAsync(
                """
                var container = new Azure.Storage.Blobs.BlobContainerClient();
                container.GetBlobClient({|#0:$"calls/{call.CallerPhoneNumber}.wav"|});
                container.UploadBlob({|#1:patient.Mrn|}, new MemoryStream());
                container.GetBlobClient($"calls/{call.RecordingId}.wav");
                var put = new Amazon.S3.Model.PutObjectRequest { BucketName = "calls", Key = {|#2:call.CallerPhoneNumber|} };
                new Google.Cloud.Storage.V1.StorageClient().UploadObject("calls", {|#3:patient.NhsNumber + ".pdf"|}, "application/pdf", new MemoryStream());
                """,
                """
                namespace Azure.Storage.Blobs
                {
                    public class BlobContainerClient
                    {
                        public virtual object GetBlobClient(string blobName) => new();
                        public virtual object UploadBlob(string blobName, System.IO.Stream content) => new();
                    }
                }
                namespace Amazon.S3.Model { public class PutObjectRequest { public string BucketName { get; set; } = ""; public string Key { get; set; } = ""; } }
                namespace Google.Cloud.Storage.V1 { public class StorageClient { public virtual object UploadObject(string bucket, string objectName, string contentType, System.IO.Stream source) => new(); } }
                """,
                Finding(0, "Blob name", "call.CallerPhoneNumber", "phone number"),
                Finding(1, "Blob name", "patient.Mrn", "patient identifier"),
                Finding(2, "Object key", "call.CallerPhoneNumber", "phone number"),
                Finding(3, "Object key", "patient.NhsNumber", "national identity number"));

        // ---- .editorconfig -----------------------------------------------------------------------------------------

        private const string PseudonymMembers = """
            static class Pseudonyms
            {
                public static string Of(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value + Pepper())));
                static string Pepper() => "";
            }
            """;

        [Fact]
        public Task WithoutConfigurationAnUnkeyedHashHelperIsSda2002() =>
            VerifyAsync(
                "File.Create({|#0:Pseudonyms.Of(call.CallerPhoneNumber)|});",
                PseudonymMembers,
                Verify.Diagnostic("SDA2002").WithLocation(0).WithArguments("File name", "call.CallerPhoneNumber", "phone number"));

        [Theory]
        [InlineData("Pseudonyms.Of")]
        [InlineData("global::Pseudonyms.Of")]
        [InlineData("Other.Method, Pseudonyms.Of")]
        public Task ConfiguredPseudonymizersEndTheWalk(string configured) =>
            Verify.VerifyAnalyzerAsync(
                Usings + "var call = new Call(\"+4670\", Guid.NewGuid(), \"se\");\nFile.Create(Pseudonyms.Of(call.CallerPhoneNumber));\n" + PseudonymMembers + Types,
                "sda.pseudonymizers = " + configured);
    
        // ---- Content-Disposition headers written by hand -------------------------------------------------------

        [Fact]
        public Task ContentDispositionHeadersCarryTheDownloadName() =>
            VerifyAsync(
                """
                var context = new DefaultHttpContext();
                context.Response.Headers.ContentDisposition = {|#0:$"attachment; filename=\"{call.CallerPhoneNumber}.wav\""|};
                context.Response.Headers["Content-Disposition"] = {|#1:"attachment; filename=" + patient.Mrn|};
                context.Response.Headers.Append("content-disposition", {|#2:$"inline; filename={patient.Email}"|});
                var message = new System.Net.Http.HttpResponseMessage();
                message.Content = new System.Net.Http.StringContent("x");
                message.Content.Headers.TryAddWithoutValidation("Content-Disposition", {|#3:"attachment; filename=" + patient.NhsNumber|});
                context.Response.Headers["Content-Type"] = patient.Mrn;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{call.RecordingId}.wav\"";
                """,
                expected: new[]
                {
                    Finding(0, "Download name", "call.CallerPhoneNumber", "phone number"),
                    Finding(1, "Download name", "patient.Mrn", "patient identifier"),
                    Finding(2, "Download name", "patient.Email", "email address"),
                    Finding(3, "Download name", "patient.NhsNumber", "national identity number"),
                });
    
        private const string Archive = """
            namespace Acme.Storage
            {
                public sealed class Vault { public void Put(string objectName, byte[] data) { } public void Put2(string label, byte[] data) { } }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SensitiveAttribute : System.Attribute { }
                public sealed class Member { [Sensitive] public string Handle { get; set; } = ""; public string Nickname { get; set; } = ""; }
            }
            """;

        [Theory]
        [InlineData("sda.name_sinks = Acme.Storage.Vault.Put:objectName\nsda.personal_data_attributes = Acme.Storage.Sensitive")]
        [InlineData("sda.name_sinks = Vault.Put:objectName\nsda.personal_data_attributes = SensitiveAttribute")]
        [InlineData("sda.name_sinks = global::Acme.Storage.Vault.Put:objectName, Other.Method:x\nsda.personal_data_attributes = Acme.Storage.SensitiveAttribute")]
        public Task ConfiguredSinksAndAttributes(string configuration) =>
            Verify.VerifyAnalyzerAsync(
                Usings + """
                var vault = new Acme.Storage.Vault();
                var member = new Acme.Storage.Member();
                vault.Put({|#0:member.Handle + ".bin"|}, new byte[0]);
                vault.Put(member.Nickname, new byte[0]);
                vault.Put2(member.Handle, new byte[0]);
                File.Create({|#1:member.Handle|});
                """ + Archive,
                configuration,
                Verify.Diagnostic("SDA2001").WithLocation(0).WithArguments("Name", "member.Handle", "personal data"),
                Verify.Diagnostic("SDA2001").WithLocation(1).WithArguments("File name", "member.Handle", "personal data"));

        [Fact]
        public Task WithoutConfigurationTheCustomSinkAndAttributeAreUnknown() =>
            Verify.VerifyAnalyzerAsync(
                Usings + """
                var vault = new Acme.Storage.Vault();
                var member = new Acme.Storage.Member();
                vault.Put(member.Handle + ".bin", new byte[0]);
                File.Create(member.Handle);
                """ + Archive);
    
        // ---- links handed to clients ---------------------------------------------------------------------------

        [Fact]
        public Task LinksBuiltFromIdentifiers() =>
            VerifyAsync(
                """
                var created = Results.Created({|#0:"/recordings/" + Uri.EscapeDataString(call.CallerPhoneNumber)|}, null);
                var redirect = TypedResults.Redirect({|#1:$"/patients/{patient.Mrn}/letters"|});
                var builder = new UriBuilder("https://portal.example.org") { Path = {|#2:"/calls/" + call.CallerPhoneNumber|} };
                var opaque = Results.Created("/recordings/" + call.RecordingId, null);
                var api = new Uri($"https://fhir.example.org/Patient/{patient.Mrn}");
                """,
                expected: new[]
                {
                    Finding(0, "Link", "call.CallerPhoneNumber", "phone number"),
                    Finding(1, "Link", "patient.Mrn", "patient identifier"),
                    Finding(2, "Link", "call.CallerPhoneNumber", "phone number"),
                });
    }
}
