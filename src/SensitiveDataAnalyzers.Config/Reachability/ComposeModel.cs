using System;
using System.Collections.Generic;
using System.Globalization;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>Where a published port listens on the host.</summary>
    public enum HostBinding
    {
        /// <summary>No host IP, 0.0.0.0, :: — every interface of the host, so every network the host is on.</summary>
        AllInterfaces,

        /// <summary>127.0.0.0/8, ::1, localhost.</summary>
        Loopback,

        /// <summary>One specific non-loopback address.</summary>
        SpecificAddress,
    }

    /// <summary>A <c>ports:</c> entry of a compose service (short or long syntax).</summary>
    public sealed class PublishedPort
    {
        public PublishedPort(SourceLocation at, string? hostIp, int? published, int target, bool ingressMode)
        {
            At = at;
            HostIp = hostIp;
            Published = published;
            Target = target;
            IngressMode = ingressMode;
            Binding = ClassifyHost(hostIp);
        }

        public SourceLocation At { get; }

        public string? HostIp { get; }

        /// <summary>The host port; null when Docker picks one (container-only syntax) — still published.</summary>
        public int? Published { get; }

        /// <summary>The container port.</summary>
        public int Target { get; }

        /// <summary>Swarm <c>mode: ingress</c> (the default for long syntax in swarm): the routing mesh publishes on every node.</summary>
        public bool IngressMode { get; }

        public HostBinding Binding { get; }

        /// <summary>Other machines can connect: bound beyond loopback, or published on every swarm node by the routing mesh.</summary>
        public bool IsReachableFromOutside => Binding != HostBinding.Loopback || IngressMode;

        /// <summary>Ports that outsiders see: the published port, or the container port when Docker chooses one.</summary>
        public int ExternalPort => Published ?? Target;

        private static HostBinding ClassifyHost(string? hostIp)
        {
            var host = hostIp?.Trim().Trim('[', ']');
            if (string.IsNullOrEmpty(host) || host is "0.0.0.0" or "::" or "*")
            {
                return HostBinding.AllInterfaces;
            }

            if (host == "localhost" || host == "::1" || host!.StartsWith("127.", StringComparison.Ordinal))
            {
                return HostBinding.Loopback;
            }

            return HostBinding.SpecificAddress;
        }
    }

    /// <summary>A service of a docker compose file.</summary>
    public sealed class ComposeService : Workload
    {
        private ComposeService(string path, ConfigEntry entry, ConfigMapping service, StringPool pool)
            : base(pool.Intern(entry.Name)!, pool.Intern(ComposeInterpolation.Effective(service.Text("image"))), Interpolated(ReadEnvironment(service["environment"], pool), pool), entry.Key.Location, ReadArguments(pool, service["entrypoint"], service["command"]))
        {
            Path = path;
            NetworkMode = service.Scalar("network_mode");
            Ports = ReadPorts(service.Sequence("ports"), pool);
            Labels = StringMap.From(ReadEnvironment(service["labels"], pool), pool);
            Volumes = ReadVolumes(service.Sequence("volumes"), pool);
            switch (service["build"])
            {
                case ConfigScalar { Value: { } context } build:
                    BuildContext = pool.Intern(ComposeInterpolation.Effective(context));
                    BuildAt = build.Location;
                    break;
                case ConfigMapping build:
                    BuildContext = pool.Intern(ComposeInterpolation.Effective(build.Text("context")) ?? ".");
                    BuildDockerfile = pool.Intern(ComposeInterpolation.Effective(build.Text("dockerfile")));
                    BuildAt = build.Location;
                    break;
            }
        }

        /// <summary><c>build:</c> (or <c>build.context</c>, "." when only a dockerfile is named), relative to the compose file's directory; null without <c>build:</c>.</summary>
        public string? BuildContext { get; }

        /// <summary><c>build.dockerfile</c>, relative to the context; null when not set.</summary>
        public string? BuildDockerfile { get; }

        /// <summary>Where <c>build:</c> is written.</summary>
        public SourceLocation BuildAt { get; }

        /// <summary>The compose file.</summary>
        public string Path { get; }

        public ConfigScalar? NetworkMode { get; }

        public IReadOnlyList<PublishedPort> Ports { get; }

        public StringMap Labels { get; }

        public IReadOnlyList<string> Volumes { get; }

        internal override void AddDescriptiveText(List<string> texts)
        {
            texts.Add(Name);
            Labels.AddWords(texts);
            texts.AddRange(Volumes);
        }

        public override bool? DeclaredPhi =>
            Labels.TryGetValue(SensitiveData.PhiKey, out var value) ? ConfigScalar.ParseBoolean(value) : null;

        /// <summary>The services of a compose document: a mapping with a top-level <c>services</c> mapping.</summary>
        public static IEnumerable<ComposeService> Read(string path, ConfigMapping root, StringPool pool)
        {
            var services = new List<ComposeService>();
            Read(path, root, pool, services);
            return services;
        }

        /// <summary>Adds the services of a compose document to <paramref name="into"/> (no iterator per document of the run).</summary>
        internal static void Read(string path, ConfigMapping root, StringPool pool, List<ComposeService> into)
        {
            if (root.Mapping("services") is not { } services || root.Entry("apiVersion") is not null)
            {
                return;
            }

            var entries = services.Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Value is ConfigMapping service)
                {
                    into.Add(new ComposeService(path, entries[i], service, pool));
                }
            }
        }

        /// <summary>
        /// Variables as the container gets them when the deployer sets nothing: defaults of <c>${VAR:-default}</c>
        /// applied. The list read is kept as it is when no value changes (most environments have no '$').
        /// </summary>
        private static IReadOnlyList<EnvironmentVariable> Interpolated(IReadOnlyList<EnvironmentVariable> environment, StringPool pool)
        {
            EnvironmentVariable[]? result = null;
            for (var i = 0; i < environment.Count; i++)
            {
                var variable = environment[i];
                var effective = ComposeInterpolation.Effective(variable.Value);
                if (!ReferenceEquals(effective, variable.Value))
                {
                    if (result is null)
                    {
                        result = new EnvironmentVariable[environment.Count];
                        for (var j = 0; j < i; j++)
                        {
                            result[j] = environment[j];
                        }
                    }

                    result[i] = new EnvironmentVariable(variable.Name, pool.Intern(effective), variable.At);
                }
                else if (result is not null)
                {
                    result[i] = variable;
                }
            }

            return result ?? environment;
        }

        /// <summary>Short syntax as written, long syntax as <c>source:target</c>.</summary>
        private static IReadOnlyList<string> ReadVolumes(ConfigSequence? volumes, StringPool pool)
        {
            if (volumes is not { Items.Count: > 0 })
            {
                return Array.Empty<string>();
            }

            var result = new string[volumes.Items.Count];
            var count = 0;
            foreach (var volume in volumes.Items)
            {
                var text = volume is ConfigScalar scalar ? scalar.Value : (volume as ConfigMapping)?.Text("source") + ":" + (volume as ConfigMapping)?.Text("target");
                if (text is not null)
                {
                    result[count++] = pool.Intern(text)!;
                }
            }

            return KubernetesObject.Trimmed(result, count);
        }

        private static IReadOnlyList<PublishedPort> ReadPorts(ConfigSequence? ports, StringPool pool)
        {
            if (ports is not { Items.Count: > 0 })
            {
                return Array.Empty<PublishedPort>();
            }

            var result = new List<PublishedPort>(ports.Items.Count);
            foreach (var item in ports.Items)
            {
                switch (item)
                {
                    case ConfigScalar { Value: { } written } when ComposeInterpolation.Effective(written) is { } text:
                        ParseShortSyntax(item.Location, text, pool, result);
                        break;
                    case ConfigMapping longSyntax when Port(ComposeInterpolation.Effective(longSyntax.Text("target"))) is int target:
                        result.Add(new PublishedPort(
                            longSyntax.Location,
                            pool.Intern(ComposeInterpolation.Effective(longSyntax.Text("host_ip"))),
                            Port(ComposeInterpolation.Effective(longSyntax.Text("published"))),
                            target,
                            ingressMode: string.Equals(longSyntax.Text("mode"), "ingress", StringComparison.OrdinalIgnoreCase)));
                        break;
                }
            }

            return result.ToArray();
        }

        /// <summary><c>[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]</c>; a range yields one entry per port (bounded).</summary>
        private static void ParseShortSyntax(SourceLocation at, string text, StringPool pool, List<PublishedPort> into)
        {
            var spec = text.Trim();
            var slash = spec.IndexOf('/');
            if (slash >= 0)
            {
                spec = spec.Substring(0, slash);
            }

            string? hostIp = null;
            if (spec.StartsWith("[", StringComparison.Ordinal) && spec.IndexOf("]:", StringComparison.Ordinal) is var close and > 0)
            {
                hostIp = spec.Substring(1, close - 1);
                spec = spec.Substring(close + 2);
            }

            // The ports are parts[first..]: the parts before them name the host.
            var parts = spec.Split(':');
            var first = 0;
            if (hostIp is null && parts.Length > 3)
            {
                // Unbracketed IPv6 host, e.g. ::1:8080:80 or :::8080:80.
                hostIp = string.Join(":", parts, 0, parts.Length - 2);
                first = parts.Length - 2;
            }
            else if (hostIp is null && parts.Length == 3)
            {
                hostIp = parts[0];
                first = 1;
            }

            var targetRange = Range(parts[parts.Length - 1]);
            var publishedRange = parts.Length - first == 2 && parts[first].Length > 0 ? Range(parts[first]) : null;
            if (targetRange is null)
            {
                return;
            }

            var (targetStart, targetEnd) = targetRange.Value;
            hostIp = pool.Intern(hostIp);
            for (var offset = 0; offset <= Math.Min(targetEnd - targetStart, 64); offset++)
            {
                int? published = publishedRange is { } p ? p.Start + Math.Min(offset, p.End - p.Start) : null;
                into.Add(new PublishedPort(at, hostIp, published, targetStart + offset, ingressMode: false));
            }
        }

        private static (int Start, int End)? Range(string text)
        {
            var dash = text.IndexOf('-');
            var start = Port(dash < 0 ? text : text.Substring(0, dash));
            var end = dash < 0 ? start : Port(text.Substring(dash + 1));
            return start is int s && end is int e && e >= s ? (s, e) : null;
        }

        public static int? Port(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
    }
}
