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

                    // Loops rather than LINQ: the PACS checks ask this for every port of every PACS container.
                    List<KubernetesService>? services = null;
                    foreach (var service in deployment.ServicesSelecting(owner))
                    {
                        if (Targets(service, port, owner.Containers))
                        {
                            (services ??= new List<KubernetesService>()).Add(service);
                        }
                    }

                    if (services is null)
                    {
                        return null;
                    }

                    foreach (var external in services)
                    {
                        if (external.IsExternal)
                        {
                            return $"Service '{external.Name}' ({(external.HasExternalIps ? "external IPs" : external.Type)})";
                        }
                    }

                    // An Ingress carries HTTP to the Service port it names: the container port must be that port's target.
                    foreach (var item in deployment.ObjectsOfKind("Ingress", owner.Namespace))
                    {
                        if (item is KubernetesIngress ingress && !(plaintextOnly && ingress.TerminatesTls) && RoutesTo(ingress, services, port, owner.Containers))
                        {
                            return $"Ingress '{ingress.Name}'";
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A backend of the Ingress names one of the Services and a port of it that forwards to the container port.</summary>
        private static bool RoutesTo(KubernetesIngress ingress, List<KubernetesService> services, int port, IReadOnlyList<KubernetesContainer> containers)
        {
            foreach (var backend in ingress.Backends)
            {
                foreach (var service in services)
                {
                    if (service.Name != backend.Service)
                    {
                        continue;
                    }

                    foreach (var servicePort in service.Ports)
                    {
                        if ((backend.Port is null || backend.Port == servicePort.Port || backend.Port == servicePort.Name)
                            && KubernetesService.TargetPortOf(servicePort, containers) == port)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>A Service port forwarding to the container port: numeric or named targetPort, else the port itself.</summary>
        private static bool Targets(KubernetesService service, int port, IEnumerable<KubernetesContainer> containers) =>
            service.Ports.Any(p => KubernetesService.TargetPortOf(p, containers) == port);
    }
}
