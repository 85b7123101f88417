using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>
    /// One small declarative check over the typed deployment model (kube-linter's shape): it names the rules it may
    /// report and reports through the sink, which applies severities and suppressions.
    /// </summary>
    public interface IConfigCheck
    {
        IReadOnlyList<ConfigRule> Rules { get; }

        void Run(DeploymentModel deployment, FindingSink sink);
    }
}
