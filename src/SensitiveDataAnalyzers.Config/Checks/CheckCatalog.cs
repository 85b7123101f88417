using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Checks.Exposure;
using SensitiveDataAnalyzers.Config.Checks.Pacs;
using SensitiveDataAnalyzers.Config.Checks.Transport;

namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>The checks the linter runs; one line per check.</summary>
    internal static class CheckCatalog
    {
        public static IReadOnlyList<IConfigCheck> Create() => new IConfigCheck[]
        {
            new PlaintextListenerSettingsCheck(),
            new IngressTlsCheck(),
            new OrthancTransportCheck(),
            new OrthancDicomCheck(),
            new OrthancAccessCheck(),
            new DefaultCredentialsCheck(),
            new PacsListenerCheck(),
            new PublishedPortCheck(),
            new HostNetworkCheck(),
            new ClusterExposureCheck(),
        };
    }
}
