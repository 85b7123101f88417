using System;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Whether NetworkPolicies limit who may connect to a pod: a policy of its namespace selects it (an empty
    /// podSelector selects every pod), governs Ingress, and every ingress rule names its sources (a rule without
    /// <c>from</c> admits everyone). Such pods are still exposed, but less: findings on them are lowered one level.
    /// </summary>
    public static class NetworkPolicies
    {
        public static bool RestrictIngress(DeploymentModel deployment, KubernetesWorkload workload)
        {
            foreach (var policy in deployment.ObjectsOfKind("NetworkPolicy", workload.Namespace))
            {
                var spec = policy.Root.Mapping("spec");
                if (spec?.Mapping("podSelector") is not { } podSelector)
                {
                    continue;
                }

                var matchLabels = podSelector.Mapping("matchLabels");
                var selectsAll = (matchLabels is null || matchLabels.Entries.Count == 0) && podSelector.Entry("matchExpressions") is null;
                var selects = selectsAll || (matchLabels is not null && KubernetesObject.Selects(
                    matchLabels.Entries.ToDictionary(e => e.Name, e => (e.Value as ConfigScalar)?.Value, StringComparer.Ordinal),
                    workload.PodLabels));
                var governsIngress = spec.Sequence("policyTypes")?.Items.OfType<ConfigScalar>().Any(t => t.Value == "Ingress") ?? spec.Entry("ingress") is not null;
                if (!selects || !governsIngress)
                {
                    continue;
                }

                var rules = spec.Sequence("ingress")?.Items.OfType<ConfigMapping>().ToList();
                if (rules is null || rules.All(rule => rule.Sequence("from") is { Items.Count: > 0 }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
