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
            // A loop rather than OfType().Any(): every PACS and exposure check asks this about every workload it reports.
            foreach (var item in deployment.ObjectsOfKind("NetworkPolicy", workload.Namespace))
            {
                if (item is KubernetesNetworkPolicy policy && policy.Selects(workload) && policy.GovernsIngress && policy.EveryRuleNamesSources)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
