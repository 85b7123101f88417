using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// Answers "is this port of this workload reachable from outside, and how": compose ports published beyond
    /// loopback or the host network; Kubernetes hostNetwork, hostPort, LoadBalancer/NodePort/external-IP Services
    /// selecting the pod, and Ingresses routing to a Service that targets the port. Null means not reachable.
    /// </summary>
    public static class PortReachability
    {
        public static string? HowReachable(DeploymentModel deployment, Workload workload, int port) =>
            HowReachable(deployment, workload, port, plaintextOnly: false);

        /// <summary>
        /// Like <see cref="HowReachable(DeploymentModel, Workload, int)"/>, for a plaintext HTTP port: an Ingress that
        /// terminates TLS for every host it serves is the TLS-terminating proxy in front of it, so it is not a
        /// plaintext route from outside.
        /// </summary>
        public static string? HowReachableInPlaintext(DeploymentModel deployment, Workload workload, int port) =>
            HowReachable(deployment, workload, port, plaintextOnly: true);

        private static string? HowReachable(DeploymentModel deployment, Workload workload, int port, bool plaintextOnly)
        {
            switch (workload)
            {
                case ComposeService service:
                    if (service.NetworkMode?.Value == "host")
                    {
                        return "the host network (network_mode: host)";
                    }

                    var published = service.Ports.FirstOrDefault(p => p.Target == port && p.IsReachableFromOutside);
                    return published is null
                        ? null
                        : published.Binding == HostBinding.AllInterfaces ? $"host port {published.ExternalPort} on all interfaces" : $"host port {published.ExternalPort} on {published.HostIp}";
                case KubernetesContainer container:
                    var owner = container.Owner;
                    if (owner.HostNetwork?.AsBoolean() == true)
                    {
                        return "the node network (hostNetwork: true)";
                    }

                    if (container.Ports.Any(p => p.Number == port && p.HostPort is not null))
                    {
                        return "a hostPort";
                    }

                    var services = deployment.ServicesSelecting(owner).Where(s => Targets(s, port, owner.Containers)).ToList();
                    if (services.FirstOrDefault(s => s.IsExternal) is { } external)
                    {
                        return $"Service '{external.Name}' ({(external.HasExternalIps ? "external IPs" : external.Type)})";
                    }

                    // An Ingress carries HTTP to the Service port it names: the container port must be that port's target.
                    var ingress = deployment.ObjectsOfKind("Ingress", owner.Namespace).OfType<KubernetesIngress>().FirstOrDefault(i =>
                        !(plaintextOnly && i.TerminatesTls) && i.Backends.Any(backend => services.Any(s => s.Name == backend.Service && s.Ports.Any(p =>
                            (backend.Port is null || backend.Port == p.Port || backend.Port == p.Name)
                            && KubernetesService.TargetPortOf(p, owner.Containers) == port))));
                    return ingress is null ? null : $"Ingress '{ingress.Name}'";
                default:
                    return null;
            }
        }

        /// <summary>A Service port forwarding to the container port: numeric or named targetPort, else the port itself.</summary>
        private static bool Targets(KubernetesService service, int port, IEnumerable<KubernetesContainer> containers) =>
            service.Ports.Any(p => KubernetesService.TargetPortOf(p, containers) == port);
    }
}
