using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Transport
{
    /// <summary>A plaintext HTTP listener found in a project's code (an SDA1001 or SDA1002 finding of the analyzers).</summary>
    public sealed class CodeListener
    {
        public CodeListener(string ruleId, int port, SourceLocation at)
        {
            RuleId = ruleId;
            Port = port;
            At = at;
        }

        /// <summary>SDA1001 or SDA1002.</summary>
        public string RuleId { get; }

        /// <summary>The port the code binds.</summary>
        public int Port { get; }

        /// <summary>Where the code binds it.</summary>
        public SourceLocation At { get; }
    }

    /// <summary>A project of the scan with what a deployment may know it by and what its code listens on.</summary>
    public sealed class ScannedProject
    {
        public ScannedProject(string name, string directory, IReadOnlyList<string> imageNames, IReadOnlyList<CodeListener> listeners)
        {
            Name = name;
            Directory = directory;
            ImageNames = imageNames;
            Listeners = listeners;
        }

        public string Name { get; }

        /// <summary>The full path of the directory that holds the project file.</summary>
        public string Directory { get; }

        /// <summary>Names an image built from it would have: the assembly name, ContainerRepository, the project file's name.</summary>
        public IReadOnlyList<string> ImageNames { get; }

        public IReadOnlyList<CodeListener> Listeners { get; }
    }

    /// <summary>
    /// SDA1106: a deployment publishes the port on which the code it deploys listens for plaintext HTTP beyond loopback.
    /// A compose service deploys a project when its <c>build:</c> context (or the dockerfile's directory) is the project's
    /// directory, or the only project under the context; a compose service or Kubernetes container deploys it when its
    /// image's repository (registry, tag and digest stripped) is the project's name.
    /// </summary>
    public sealed class PublishedCodeListenerCheck : IConfigCheck
    {
        public static readonly ConfigRule Rule = new(
            "SDA1106",
            "Plaintext HTTP listener of the code published by the deployment",
            FindingSeverity.Error,
            "The code listens for plaintext HTTP beyond loopback and the deployment publishes that port: requests and the health data they carry cross the network unencrypted.");

        private readonly IReadOnlyList<ScannedProject> _projects;
        private readonly Func<string, string> _fullPath;

        /// <param name="projects">The scanned projects.</param>
        /// <param name="fullPath">Turns a finding path (as displayed) into a full path, to resolve <c>build:</c> contexts.</param>
        public PublishedCodeListenerCheck(IReadOnlyList<ScannedProject> projects, Func<string, string> fullPath)
        {
            _projects = projects;
            _fullPath = fullPath;
        }

        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { Rule };

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            if (!_projects.Any(project => project.Listeners.Count > 0))
            {
                return;
            }

            foreach (var workload in deployment.Workloads)
            {
                var project = DeployedProject(workload);
                if (project is null)
                {
                    continue;
                }

                foreach (var listener in project.Listeners)
                {
                    var how = PortReachability.HowReachableInPlaintext(deployment, workload, listener.Port);
                    if (how is null)
                    {
                        continue;
                    }

                    sink.Report(
                        Rule,
                        Where(workload, listener.Port),
                        $"{Describe(workload)} publishes port {listener.Port} through {how}, where project '{project.Name}' listens for plaintext HTTP beyond loopback ({listener.At}, {listener.RuleId}): serve HTTPS in the code or keep the port off the network");
                }
            }
        }

        private ScannedProject? DeployedProject(Workload workload)
        {
            if (workload is ComposeService { BuildContext: { } context } service && BuiltFrom(service, context) is { } built)
            {
                return built;
            }

            return workload.Image is { } image && RepositoryOf(image) is { } repository
                ? _projects.FirstOrDefault(project => project.ImageNames.Any(name => NameMatches(repository, name)))
                : null;
        }

        private ScannedProject? BuiltFrom(ComposeService service, string context)
        {
            string contextDirectory;
            try
            {
                var composeDirectory = Path.GetDirectoryName(_fullPath(service.Path)) ?? string.Empty;
                contextDirectory = Normalize(Path.GetFullPath(Path.Combine(composeDirectory, context)));
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null;
            }

            var candidates = new List<string> { contextDirectory };
            if (service.BuildDockerfile is { } dockerfile && Path.GetDirectoryName(dockerfile) is { Length: > 0 } dockerfileDirectory)
            {
                candidates.Add(Normalize(Path.GetFullPath(Path.Combine(contextDirectory, dockerfileDirectory))));
            }

            foreach (var candidate in candidates.AsEnumerable().Reverse())
            {
                if (_projects.FirstOrDefault(project => SameDirectory(Normalize(project.Directory), candidate)) is { } exact)
                {
                    return exact;
                }
            }

            var inside = _projects.Where(project => IsUnder(Normalize(project.Directory), contextDirectory)).Take(2).ToList();
            return inside.Count == 1 ? inside[0] : null;
        }

        /// <summary>
        /// The repository part of an image reference, lower case: <c>registry.example.org:5000/team/app:1.2@sha256:…</c>
        /// → <c>team/app</c>. Null when nothing is left (a variable, an empty string).
        /// </summary>
        public static string? RepositoryOf(string image)
        {
            var text = image.Trim();
            var at = text.IndexOf('@');
            if (at >= 0)
            {
                text = text.Substring(0, at);
            }

            var colon = text.LastIndexOf(':');
            if (colon > text.LastIndexOf('/'))
            {
                text = text.Substring(0, colon);
            }

            var slash = text.IndexOf('/');
            if (slash > 0)
            {
                var first = text.Substring(0, slash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
                {
                    text = text.Substring(slash + 1);
                }
            }

            return text.Length == 0 || text.IndexOf('$') >= 0 ? null : text.ToLowerInvariant();
        }

        /// <summary>The whole repository or its last segment names the project (case-insensitive).</summary>
        public static bool NameMatches(string repository, string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return false;
            }

            var last = repository.Substring(repository.LastIndexOf('/') + 1);
            return string.Equals(repository, name, StringComparison.OrdinalIgnoreCase) || string.Equals(last, name, StringComparison.OrdinalIgnoreCase);
        }

        private static SourceLocation Where(Workload workload, int port)
        {
            switch (workload)
            {
                case ComposeService service:
                    if (service.NetworkMode?.Value == "host")
                    {
                        return service.NetworkMode.Location;
                    }

                    var published = service.Ports.FirstOrDefault(p => p.Target == port && p.IsReachableFromOutside);
                    return published?.At ?? service.At;
                case KubernetesContainer container:
                    var hostPort = container.Ports.FirstOrDefault(p => p.Number == port && p.HostPort is not null);
                    return hostPort?.HostPortAt ?? container.At;
                default:
                    return workload.At;
            }
        }

        private static string Describe(Workload workload) => workload switch
        {
            KubernetesContainer container => $"container '{container.Name}' of {container.Owner.Kind} '{container.Owner.Name}'",
            _ => $"service '{workload.Name}'",
        };

        private static string Normalize(string directory) => directory.Replace('\\', '/').TrimEnd('/');

        private static bool SameDirectory(string a, string b) => string.Equals(a, b, PathComparison);

        private static bool IsUnder(string directory, string root) =>
            SameDirectory(directory, root) || directory.StartsWith(root + "/", PathComparison);

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
