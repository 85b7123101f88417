using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SensitiveDataAnalyzers.Identifiers;
using Verify = SensitiveDataAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SensitiveDataAnalyzers.Identifiers.PersonalIdentifierInNameAnalyzer>;

namespace SensitiveDataAnalyzers.Tests.Dicom
{
    /// <summary>
    /// SDA2001 on the fo-dicom stand-ins: a DicomFile saved under a path built from the dataset's PatientID is a file
    /// named after a patient identifier, in 5.1 and in 4.x; a path built from the SOP instance UID is not.
    /// </summary>
    public class DicomFilePathTests
    {
        private static Task VerifyAsync(FoDicom version, string statements, params DiagnosticResult[] expected) =>
            DicomTestCode.VerifyAsync<PersonalIdentifierInNameAnalyzer>(version, DicomTestCode.Program(version, statements), Array.Empty<(string, string)>(), broken: false, expected);

        [Theory]
        [InlineData(FoDicom.V51, "Path.Combine(\"/archive\", dataset.GetString(DicomTag.PatientID) + \".dcm\")")]
        [InlineData(FoDicom.V4, "$\"/archive/{dataset.GetString(DicomTag.PatientID)}.dcm\"")]
        public Task SavePathFromThePatientIdIsFound(FoDicom version, string path) =>
            VerifyAsync(
                version,
                "var dataset = new DicomDataset();\nvar file = new DicomFile(dataset);\nfile.Save({|#0:" + path + "|});",
                Verify.Diagnostic("SDA2001").WithLocation(0).WithArguments("DICOM file name", "dataset.GetString(DicomTag.PatientID)", "patient identifier"));

        [Theory]
        [InlineData(FoDicom.V51)]
        [InlineData(FoDicom.V4)]
        public Task SavePathFromTheInstanceUidIsSilent(FoDicom version) =>
            VerifyAsync(
                version,
                """
                var dataset = new DicomDataset();
                var file = new DicomFile(dataset);
                file.Save(Path.Combine("/archive", dataset.GetString(DicomTag.SOPInstanceUID) + ".dcm"));
                """);
    }
}
