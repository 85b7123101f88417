using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Identifiers.PersonalIdentifierInNameAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Identifiers
{
    /// <summary>
    /// SDA2001 for every kind of source in every kind of sink: each pair is one compiled program, with the finding
    /// expected at the name and nowhere else; and every near miss (opaque ids, metadata names, keyed HMAC, random ids,
    /// DICOM UIDs, a configured pseudonymizer) in every sink, with no finding.
    /// </summary>
    public class SourceSinkMatrixTests
    {
        /// <summary>Source kind → (expression in code, expression in the message, kind in the message).</summary>
        private static readonly Dictionary<string, (string Code, string Shown, string Kind)> Sources = new()
        {
            ["member"] = ("call.CallerPhoneNumber", "call.CallerPhoneNumber", "phone number"),
            ["parameter"] = ("msisdn", "msisdn", "phone number"),
            ["local"] = ("email", "email", "email address"),
            ["record component"] = ("person.DateOfBirth", "person.DateOfBirth", "date of birth"),
            ["JSON-bound property"] = ("upload.Contact", "upload.Contact", "phone number"),
            ["[PersonalData]"] = ("person.Handle", "person.Handle", "personal data"),
            ["DataClassification attribute"] = ("person.Alias", "person.Alias", "personal data"),
            ["DICOM PatientID"] = ("dataset.GetString(DicomTag.PatientID)", "dataset.GetString(DicomTag.PatientID)", "patient identifier"),
            ["DICOM PatientName"] = ("dataset.GetSingleValue<string>(DicomTag.PatientName)", "dataset.GetSingleValue<string>(DicomTag.PatientName)", "person's name"),
        };

        /// <summary>Near misses: values that sit where an identifier would, and are not one (or no longer are).</summary>
        private static readonly Dictionary<string, string> NearMisses = new()
        {
            ["opaque id member"] = "call.RecordingId.ToString(\"N\")",
            ["metadata member"] = "call.PhoneNumberType",
            ["opaque parameter"] = "recordingId",
            ["opaque local"] = "callId",
            ["JSON-bound opaque id"] = "upload.Reference",
            ["keyed HMAC"] = "Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(call.CallerPhoneNumber)))",
            ["random id"] = "Guid.NewGuid().ToString(\"N\")",
            ["DICOM SOP instance UID"] = "dataset.GetString(DicomTag.SOPInstanceUID)",
            ["configured pseudonymizer"] = "Pseudonyms.Of(call.CallerPhoneNumber)",
            ["length of an identifier"] = "call.CallerPhoneNumber.Length.ToString()",
        };

        /// <summary>Sink kind → (statement with {0} for the name value, what the message calls it).</summary>
        private static readonly Dictionary<string, (string Statement, string What)> Sinks = new()
        {
            ["File"] = ("File.WriteAllBytes({|#0:Path.Combine(\"/data\", {0} + \".wav\")|}, audio);", "File name"),
            ["File.Move destination"] = ("File.Move(\"/tmp/in.wav\", {|#0:{0}|});", "File name"),
            ["Directory"] = ("Directory.CreateDirectory({|#0:{0}|});", "Directory name"),
            ["search pattern"] = ("_ = Directory.GetFiles(\"/data\", {|#0:{0} + \"_*\"|});", "File search pattern"),
            ["FileInfo"] = ("_ = new FileInfo({|#0:{0}|});", "File name"),
            ["FileStream"] = ("using (var stream = new FileStream({|#0:{0}|}, FileMode.Create)) { }", "File name"),
            ["StreamWriter"] = ("using (var writer = new StreamWriter({|#0:{0}|})) { }", "File name"),
            ["zip entry"] = ("zip.CreateEntry({|#0:{0} + \".wav\"|});", "Archive entry name"),
            ["zip archive file"] = ("ZipFile.CreateFromDirectory(\"/data/calls\", {|#0:Path.Combine(\"/exports\", {0} + \".zip\")|});", "File name"),
            ["DICOM file"] = ("dicomFile.Save({|#0:{0} + \".dcm\"|});", "DICOM file name"),
            ["Results.File"] = ("_ = Results.File(audio, \"audio/wav\", {|#0:{0}|});", "Download name"),
            ["TypedResults.PhysicalFile"] = ("_ = TypedResults.PhysicalFile(\"/data/x.wav\", \"audio/wav\", {|#0:{0}|});", "Download name"),
            ["ControllerBase.File"] = ("_ = controller.File(audio, \"audio/wav\", {|#0:{0}|});", "Download name"),
            ["FileDownloadName"] = ("_ = new FileContentResult(audio, \"audio/wav\") { FileDownloadName = {|#0:{0}|} };", "Download name"),
            ["ContentDispositionHeaderValue"] = ("_ = new System.Net.Http.Headers.ContentDispositionHeaderValue(\"attachment\") { FileName = {|#0:{0}|} };", "Download name"),
            ["Content-Disposition header"] = ("response.Headers.Append(\"Content-Disposition\", {|#0:\"attachment; filename=\" + {0}|});", "Download name"),
            ["Created link"] = ("_ = Results.Created({|#0:\"/calls/\" + {0}|}, null);", "Link"),
            ["UriBuilder.Path"] = ("_ = new UriBuilder(\"https://example.org\") { Path = {|#0:{0}|} };", "Link"),
            ["blob"] = ("container.GetBlobClient({|#0:{0}|});", "Blob name"),
            ["S3 key"] = ("_ = new Amazon.S3.Model.PutObjectRequest { Key = {|#0:{0}|} };", "Object key"),
            ["GCS object"] = ("storage.UploadObject(\"calls\", {|#0:{0}|}, \"audio/wav\", new MemoryStream());", "Object key"),
        };

        private const string Program = """
            #nullable enable
            using System;
            using System.IO;
            using System.IO.Compression;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using FellowOakDicom;

            public static class Case
            {
                public static void Main() { }

                public static void Run(Call call, Person person, Upload upload, string msisdn, DicomDataset dataset, DicomFile dicomFile,
                    ZipArchive zip, ControllerBase controller, HttpResponse response, Azure.Storage.Blobs.BlobContainerClient container,
                    Google.Cloud.Storage.V1.StorageClient storage, byte[] audio, string recordingId, byte[] key)
                {
                    var email = call.Region;
                    var callId = call.Region;
                    SINK
                }
            }

            public sealed record Call(string CallerPhoneNumber, Guid RecordingId, string Region, string PhoneNumberType);
            public static class Pseudonyms { public static string Of(string value) => value; }
            public sealed record Person(
                DateOnly DateOfBirth,
                [property: Microsoft.AspNetCore.Identity.PersonalData] string Handle,
                [property: PrivateData] string Alias);
            public sealed record Upload(
                [property: System.Text.Json.Serialization.JsonPropertyName("caller_msisdn")] string Contact,
                [property: System.Text.Json.Serialization.JsonPropertyName("recording_id")] string Reference);
            public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(default) { }
            }

            namespace Microsoft.Extensions.Compliance.Classification
            {
                public readonly struct DataClassification { }
                public class DataClassificationAttribute : System.Attribute
                {
                    protected DataClassificationAttribute(DataClassification classification) { }
                }
            }

            namespace FellowOakDicom
            {
                public sealed class DicomTag { public static readonly DicomTag PatientID = new(), PatientName = new(), SOPInstanceUID = new(); }
                public class DicomDataset
                {
                    public string GetString(DicomTag tag) => "";
                    public T GetSingleValue<T>(DicomTag tag) => default!;
                }
                public class DicomFile { public void Save(string fileName) { } }
            }

            namespace Azure.Storage.Blobs { public class BlobContainerClient { public virtual object GetBlobClient(string blobName) => new(); } }
            namespace Amazon.S3.Model { public class PutObjectRequest { public string Key { get; set; } = ""; } }
            namespace Google.Cloud.Storage.V1 { public class StorageClient { public virtual object UploadObject(string bucket, string objectName, string contentType, System.IO.Stream source) => new(); } }
            """;

        public static IEnumerable<object[]> Pairs() =>
            from source in Sources.Keys
            from sink in Sinks.Keys
            select new object[] { source, sink };

        public static IEnumerable<object[]> NearMissPairs() =>
            from nearMiss in NearMisses.Keys
            from sink in Sinks.Keys
            select new object[] { nearMiss, sink };

        [Theory]
        [MemberData(nameof(Pairs))]
        public Task EverySourceInEverySink(string source, string sink)
        {
            var (code, shown, kind) = Sources[source];
            var (statement, what) = Sinks[sink];
            // Dates are not strings: a DateOnly source is formatted into the name, as real code does.
            var value = code.Contains("DateOfBirth") ? code + ".ToString(\"yyyyMMdd\")" : code;
            return Verify.VerifyAnalyzerAsync(
                Program.Replace("SINK", statement.Replace("{0}", value)),
                null,
                Verify.Diagnostic("SDA2001").WithLocation(0).WithArguments(what, shown, kind));
        }

        [Theory]
        [MemberData(nameof(NearMissPairs))]
        public Task NoNearMissInAnySink(string nearMiss, string sink)
        {
            var statement = Sinks[sink].Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
            return Verify.VerifyAnalyzerAsync(Program.Replace("SINK", statement.Replace("{0}", NearMisses[nearMiss])), "sda.pseudonymizers = Pseudonyms.Of");
        }
    }
}
