using System;
using System.Collections.Generic;
using System.Linq;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Recognises workloads that hold protected health information (PHI) and ports that carry DICOM, so that
    /// exposure findings rise where the leaks happened and stay quiet for a public website on 80/443.
    /// </summary>
    public static class SensitiveData
    {
        /// <summary>Label or annotation that declares a workload as holding PHI ("true") or not ("false").</summary>
        public const string PhiKey = "sensitivedata.io/phi";

        /// <summary>DICOM: 104 classic, 11112 common (dcm4chee), 4242 Orthanc, 2761/2762 DICOM over TLS.</summary>
        public static readonly IReadOnlyCollection<int> DicomPorts = new HashSet<int> { 104, 11112, 4242, 2761, 2762 };

        /// <summary>Ports of an ordinary public website: not a finding by themselves.</summary>
        public static readonly IReadOnlyCollection<int> WebPorts = new HashSet<int> { 80, 443 };

        private static readonly string[] PhiImages = { "orthanc", "dcm4chee", "dcm4che", "pacs", "dicom", "ohif", "openemr", "hapi-fhir", "fhir", "mirth", "openmrs" };

        private static readonly string[] PhiWords = { "recording", "dicom", "pacs", "patient", "medical", "fhir", "hl7", "orthanc", "radiology", "imaging" };

        /// <summary>The descriptive texts of the workload being recognised (one list per thread, not one per workload).</summary>
        [ThreadStatic]
        private static List<string>? t_texts;

        /// <summary>True when the workload is declared or recognised (image, name, labels, mounts) as holding PHI.</summary>
        public static bool HoldsPhi(Workload workload) => workload.HoldsPhi ??= Recognise(workload);

        private static bool Recognise(Workload workload)
        {
            if (workload.DeclaredPhi is bool declared)
            {
                return declared;
            }

            if (ContainsAny(workload.Image ?? string.Empty, PhiImages))
            {
                return true;
            }

            var texts = t_texts ??= new List<string>();
            try
            {
                workload.AddDescriptiveText(texts);
                for (var i = 0; i < texts.Count; i++)
                {
                    // Texts are pooled and repeat within a workload (a container's pod labels copy its workload's labels
                    // and name): each string is searched once.
                    if (!SeenBefore(texts, i) && ContainsAny(texts[i], PhiWords))
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                texts.Clear();
            }
        }

        private static bool SeenBefore(List<string> texts, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (ReferenceEquals(texts[i], texts[index]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// One lower-casing per text, then ordinal (vectorised) searches: every check asks about every workload. Text
        /// without upper-case or non-ASCII letters (most names, labels and paths) is searched as it is, without a copy.
        /// </summary>
        private static bool ContainsAny(string text, string[] lowerCaseWords)
        {
            foreach (var c in text)
            {
                if (c is >= 'A' and <= 'Z' or > '\x7f')
                {
                    text = text.ToLowerInvariant();
                    break;
                }
            }

            foreach (var word in lowerCaseWords)
            {
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsDicomPort(int port) => DicomPorts.Contains(port);

        public static bool IsWebPort(int port) => WebPorts.Contains(port);

        /// <summary>Orthanc's images, whose defaults the Orthanc rules apply.</summary>
        public static bool IsOrthancImage(string? image) => image?.IndexOf("orthanc", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
