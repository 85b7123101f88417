using System.Linq;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Answers "is this port of this workload reachable from outside, and how": compose ports published beyond
    /// loopback or the host network; Kubernetes hostNetwork, hostPort, LoadBalancer/NodePort/external-IP Services
    /// selecting the pod, and Ingresses routing to a Service that targets the port. Null means not reachable.
    /// </summary>
    public static class PortReachability
    {
        public static string? HowReachable(DeploymentModel deployment, Workload workload, int port)
        {
            switch (workload)
            {
                case ComposeService service:
                    if (service.NetworkMode?.Value == "host")
                    {
                        return "the host network (network_mode: host)";
                    }

                    var published = service.Ports.FirstOrDefault(p => p.Target == port && (p.Binding != HostBinding.Loopback || p.IngressMode));
                    return published is null
                        ? null
                        : published.Binding == HostBinding.AllInterfaces ? $"host port {published.ExternalPort} on all interfaces" : $"host port {published.ExternalPort} on {published.HostIp}";
                case KubernetesContainer container:
                    var owner = container.Owner;
                    if (owner.HostNetwork?.AsBoolean() == true)
                    {
                        return "the node network (hostNetwork: true)";
                    }

                    if (container.Ports.Any(p => p.Scalar("containerPort")?.AsInteger() == port && p.Scalar("hostPort")?.AsInteger() > 0))
                    {
                        return "a hostPort";
                    }

                    var services = deployment.KubernetesServices
                        .Where(s => s.Namespace == owner.Namespace && KubernetesObject.Selects(s.Selector, owner.PodLabels) && Targets(s, port))
                        .ToList();
                    if (services.FirstOrDefault(s => s.IsExternal) is { } external)
                    {
                        return $"Service '{external.Name}' ({(external.ExternalIps is { Items.Count: > 0 } ? "external IPs" : external.Type?.Value)})";
                    }

                    var ingress = deployment.Ingresses.FirstOrDefault(i => i.Namespace == owner.Namespace && i.BackendServices.Any(name => services.Any(s => s.Name == name)));
                    return ingress is null ? null : $"Ingress '{ingress.Name}'";
                default:
                    return null;
            }
        }

        private static bool Targets(KubernetesService service, int port) =>
            service.Ports.Any(p => (ComposeService.Port(p.Text("targetPort")) ?? ComposeService.Port(p.Text("port"))) == port);
    }
}
