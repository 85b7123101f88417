using System.Globalization;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Exposure
{
    /// <summary>How serious an exposed port is: DICOM and PHI workloads are errors; a public website without PHI is fine.</summary>
    internal static class Exposure
    {
        /// <summary>Null when the exposure is not a finding (an ordinary web port of a workload without PHI).</summary>
        public static FindingSeverity? Severity(Workload? workload, int port, FindingSeverity baseline)
        {
            var phi = workload is not null && SensitiveData.HoldsPhi(workload);
            if (SensitiveData.IsDicomPort(port) || phi)
            {
                return FindingSeverity.Error;
            }

            if (workload?.DeclaredPhi == false || SensitiveData.IsWebPort(port))
            {
                return null;
            }

            return baseline;
        }

        /// <summary>One level less serious: a NetworkPolicy limits the sources, so the exposure is narrower.</summary>
        public static FindingSeverity Lower(FindingSeverity severity) =>
            severity == FindingSeverity.Error ? FindingSeverity.Warning : FindingSeverity.Note;

        /// <summary>"4242 (DICOM)", "8042 (patient data service)" or "8080".</summary>
        public static string Describe(Workload? workload, int port)
        {
            var text = port.ToString(CultureInfo.InvariantCulture);
            if (SensitiveData.IsDicomPort(port))
            {
                return text + " (DICOM)";
            }

            return workload is not null && SensitiveData.HoldsPhi(workload) ? text + " of a service holding patient data" : text;
        }
    }
}
