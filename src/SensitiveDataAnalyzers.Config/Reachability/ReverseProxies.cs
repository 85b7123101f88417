using System;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>A route a compose reverse proxy publishes to a service of the same file, and whether it asks for a login.</summary>
    public sealed class ProxyRoute
    {
        public ProxyRoute(string proxy, ComposeService target, bool authenticated, SourceLocation at)
        {
            Proxy = proxy;
            Target = target;
            Authenticated = authenticated;
            At = at;
        }

        /// <summary>"Traefik router 'pacs'", "nginx-proxy host 'pacs.example.org'", "Caddy site 'pacs.example.org'".</summary>
        public string Proxy { get; }

        public ComposeService Target { get; }

        /// <summary>The route passes through an authentication step (basic, digest or forward auth) the file declares or references.</summary>
        public bool Authenticated { get; }

        /// <summary>The label or variable that declares the route.</summary>
        public SourceLocation At { get; }
    }

    /// <summary>
    /// Reverse proxies configured by the services they route to, in the same compose file: Traefik's docker provider
    /// (<c>traefik.http.routers.NAME.rule</c> labels), nginx-proxy (<c>VIRTUAL_HOST</c>) and caddy-docker-proxy
    /// (<c>caddy</c> labels). A route counts only when the proxy itself is published beyond loopback.
    /// </summary>
    public static class ReverseProxies
    {
        private const string TraefikRouters = "traefik.http.routers.";

        private static readonly string[] TraefikAuthMiddlewares = { ".basicauth.", ".digestauth.", ".forwardauth." };

        private static readonly string[] CaddyAuthDirectives = { "basicauth", "basic_auth", "forward_auth" };

        public static IEnumerable<ProxyRoute> Routes(DeploymentModel deployment)
        {
            // Collected file by file into a list rather than yielded: an iterator's MoveNext runs once per route, so
            // the runtime never optimised the loop over every compose file of the run inside it.
            var routes = new List<ProxyRoute>();
            foreach (var file in deployment.ComposeServices.GroupBy(s => s.Path, StringComparer.Ordinal))
            {
                AddRoutes(file.ToList(), routes);
            }

            return routes;
        }

        /// <summary>The routes of the proxies of one compose file.</summary>
        private static void AddRoutes(List<ComposeService> services, List<ProxyRoute> routes)
        {
            var published = services.Where(IsPublished).ToList();
            if (published.Count == 0)
            {
                return;
            }

            if (published.Any(s => IsImage(s, "traefik")))
            {
                var authMiddlewares = new HashSet<string>(
                    services.SelectMany(s => s.Labels.Keys)
                        .Where(key => key.StartsWith("traefik.http.middlewares.", StringComparison.OrdinalIgnoreCase)
                                      && TraefikAuthMiddlewares.Any(auth => key.IndexOf(auth, StringComparison.OrdinalIgnoreCase) >= 0))
                        .Select(key => key.Split('.')[3]),
                    StringComparer.OrdinalIgnoreCase);
                routes.AddRange(services.SelectMany(s => TraefikRoutes(s, authMiddlewares)));
            }

            if (published.FirstOrDefault(s => IsImage(s, "nginx-proxy")) is { } nginxProxy)
            {
                // nginx-proxy asks for a login on the hosts that have an htpasswd file in /etc/nginx/htpasswd.
                var htpasswd = nginxProxy.Volumes.Any(v => v.IndexOf("htpasswd", StringComparison.OrdinalIgnoreCase) >= 0);
                foreach (var service in services)
                {
                    if (service.Variable("VIRTUAL_HOST") is { Value: { } host } variable)
                    {
                        routes.Add(new ProxyRoute($"nginx-proxy host '{host}'", service, htpasswd, variable.At));
                    }
                }
            }

            if (published.Any(s => IsImage(s, "caddy")))
            {
                foreach (var service in services)
                {
                    foreach (var site in service.Labels.Where(l => IsCaddySite(l.Key)))
                    {
                        var prefix = site.Key + ".";
                        var authenticated = service.Labels.Keys.Any(key =>
                            key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                            && CaddyAuthDirectives.Any(directive => key.Substring(prefix.Length).StartsWith(directive, StringComparison.OrdinalIgnoreCase)));
                        routes.Add(new ProxyRoute($"Caddy site '{site.Value}'", service, authenticated, service.Labels.LocationOf(site.Key) ?? service.At));
                    }
                }
            }
        }

        private static IEnumerable<ProxyRoute> TraefikRoutes(ComposeService service, HashSet<string> authMiddlewares)
        {
            if (service.Labels.TryGetValue("traefik.enable", out var enabled) && ConfigScalar.ParseBoolean(enabled) == false)
            {
                yield break;
            }

            foreach (var label in service.Labels)
            {
                if (label.Key.Length <= TraefikRouters.Length + ".rule".Length
                    || !label.Key.StartsWith(TraefikRouters, StringComparison.OrdinalIgnoreCase)
                    || !label.Key.EndsWith(".rule", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var router = label.Key.Substring(TraefikRouters.Length, label.Key.Length - TraefikRouters.Length - ".rule".Length);
                var middlewares = service.Labels.TryGetValue(TraefikRouters + router + ".middlewares", out var list) ? list ?? string.Empty : string.Empty;

                // A middleware of another provider (name@file, name@kubernetescrd) is defined where the linter cannot see:
                // it may well be the login, so the route is not reported.
                var authenticated = middlewares.Split(',')
                    .Select(m => m.Trim())
                    .Where(m => m.Length > 0)
                    .Any(m => (m.IndexOf('@') is var at and > 0 && !m.Substring(at + 1).Equals("docker", StringComparison.OrdinalIgnoreCase))
                              || authMiddlewares.Contains(m.IndexOf('@') is var end and > 0 ? m.Substring(0, end) : m));
                yield return new ProxyRoute($"Traefik router '{router}'", service, authenticated, service.Labels.LocationOf(label.Key) ?? service.At);
            }
        }

        /// <summary><c>caddy</c>, <c>caddy_0</c>, <c>caddy_1</c>: the site address labels of caddy-docker-proxy.</summary>
        private static bool IsCaddySite(string key) =>
            key.Equals("caddy", StringComparison.OrdinalIgnoreCase)
            || (key.StartsWith("caddy_", StringComparison.OrdinalIgnoreCase) && key.IndexOf('.') < 0);

        private static bool IsImage(ComposeService service, string name) =>
            service.Image?.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsPublished(ComposeService service) =>
            service.NetworkMode?.Value == "host" || service.Ports.Any(p => p.IsReachableFromOutside);
    }
}
