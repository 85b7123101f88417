using System;
using System.Collections.Generic;
using System.Text;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Says whether a folder or request path names content that is patient data: recordings, audio, images, DICOM, scans,
    /// exports, backups, uploads, reports, patients. Each segment is split into words (at punctuation, digits and camel
    /// case) and a word counts when it starts with one of the stems, so <c>CallRecordings</c>, <c>dicom-store</c> and
    /// <c>patient_exports</c> match while <c>css</c>, <c>js</c>, <c>lib</c> or <c>scandinavia</c> do not. A few
    /// Swedish, German, French and Spanish stems are included.
    /// </summary>
    internal static class SensitiveFolderWords
    {
        private static readonly (string Stem, string Label)[] Stems =
        {
            ("recording", "recordings"), ("inspelning", "recordings"), ("aufnahme", "recordings"), ("aufzeichnung", "recordings"),
            ("enregistrement", "recordings"), ("grabacion", "recordings"), ("grabación", "recordings"),
            ("audio", "audio"), ("voice", "audio"), ("voicemail", "audio"), ("wav", "audio"), ("ljud", "audio"),
            ("image", "images"), ("imaging", "images"), ("bild", "images"), ("xray", "images"), ("rontgen", "images"), ("röntgen", "images"),
            ("dicom", "DICOM"), ("dcm", "DICOM"), ("pacs", "DICOM"),
            ("scan", "scans"),
            ("export", "exports"),
            ("backup", "backups"), ("sauvegarde", "backups"), ("sicherung", "backups"),
            ("upload", "uploads"),
            ("report", "reports"), ("rapport", "reports"), ("befund", "reports"), ("informe", "reports"),
            ("patient", "patients"), ("paciente", "patients"), ("journal", "patients"), ("medical", "patients"),
        };

        /// <summary>File types that are patient data: audio, DICOM, documents, archives.</summary>
        private static readonly string[] Extensions =
        {
            ".wav", ".mp3", ".m4a", ".ogg", ".oga", ".flac", ".gsm", ".amr", ".wma", ".aac", ".opus",
            ".dcm", ".dicom", ".nii", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".zip", ".7z", ".bak", ".hl7",
        };

        private static readonly string[] ContentTypes = { "audio/", "application/dicom", "application/pdf" };

        /// <summary>An extension (<c>.wav</c>) of a file type that is patient data.</summary>
        public static bool IsSensitiveExtension(string extension) =>
            Array.IndexOf(Extensions, extension.ToLowerInvariant()) >= 0;

        /// <summary>A content type (<c>audio/wav</c>) of a file type that is patient data.</summary>
        public static bool IsSensitiveContentType(string contentType)
        {
            foreach (var sensitive in ContentTypes)
            {
                if (contentType.StartsWith(sensitive, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A route, file name or content type that says it serves patient data: a sensitive word, file type or content type.</summary>
        public static bool Mentions(string text)
        {
            if (Find(text) is not null || IsSensitiveContentType(text))
            {
                return true;
            }

            var dot = text.LastIndexOf('.');
            return dot >= 0 && IsSensitiveExtension(text.Substring(dot));
        }

        /// <summary>What the first sensitive word of <paramref name="path"/> says it holds ("recordings"), or null.</summary>
        public static string? Find(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            foreach (var word in Words(path!))
            {
                foreach (var (stem, label) in Stems)
                {
                    // "scan" is a word of its own or its plural, not the start of "scandinavia".
                    var matches = stem == "scan"
                        ? word == "scan" || word == "scans" || word.StartsWith("scanned", StringComparison.Ordinal)
                        : word.StartsWith(stem, StringComparison.Ordinal);
                    if (matches)
                    {
                        return label;
                    }
                }
            }

            return null;
        }

        private static IEnumerable<string> Words(string path)
        {
            var word = new StringBuilder();
            char previous = '\0';
            foreach (var c in path)
            {
                var split = !char.IsLetter(c) || (char.IsUpper(c) && char.IsLower(previous));
                if (split && word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                if (char.IsLetter(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }

                previous = c;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }
    }
}
