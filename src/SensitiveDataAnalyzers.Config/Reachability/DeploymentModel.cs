using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>Typed views of every recognised document of one deployment (all files of a run).</summary>
    public sealed class DeploymentModel
    {
        private DeploymentModel(IReadOnlyList<ConfigFile> files)
        {
            Files = files;
        }

        public IReadOnlyList<ConfigFile> Files { get; }

        public static DeploymentModel Build(IReadOnlyList<ConfigFile> files) => new(files);
    }
}
