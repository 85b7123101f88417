using System;
using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>An environment variable of a container or compose service, with where it is written.</summary>
    public sealed class EnvironmentVariable
    {
        public EnvironmentVariable(string name, string? value, ConfigNode at)
        {
            Name = name;
            Value = value;
            At = at;
        }

        public string Name { get; }

        /// <summary>The value; null when unset or taken from elsewhere (valueFrom, an env file).</summary>
        public string? Value { get; }

        /// <summary>The value node when written, else the entry.</summary>
        public ConfigNode At { get; }
    }

    /// <summary>What runs: a compose service or a Kubernetes container, with what identifies its data.</summary>
    public abstract class Workload
    {
        protected Workload(string name, string? image, IReadOnlyList<EnvironmentVariable> environment, ConfigNode at)
        {
            Name = name;
            Image = image;
            Environment = environment;
            At = at;
        }

        public string Name { get; }

        public string? Image { get; }

        public IReadOnlyList<EnvironmentVariable> Environment { get; }

        /// <summary>The node that declares the workload (service or container mapping).</summary>
        public ConfigNode At { get; }

        /// <summary>Labels, mounted paths and other words that say what the workload holds.</summary>
        public abstract IEnumerable<string> DescriptiveText { get; }

        /// <summary>Explicit <c>sensitivedata.io/phi</c> label or annotation: true/false, or null when absent.</summary>
        public abstract bool? DeclaredPhi { get; }

        public EnvironmentVariable? Variable(string name)
        {
            for (var i = Environment.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Environment[i].Name, name, StringComparison.Ordinal))
                {
                    return Environment[i];
                }
            }

            return null;
        }

        /// <summary>Reads <c>environment:</c> in list (<c>- KEY=value</c>) or map (<c>KEY: value</c>) form, or Kubernetes <c>env:</c>.</summary>
        public static List<EnvironmentVariable> ReadEnvironment(ConfigNode? node)
        {
            var variables = new List<EnvironmentVariable>();
            switch (node)
            {
                case ConfigMapping map:
                    foreach (var entry in map.Entries)
                    {
                        variables.Add(new EnvironmentVariable(entry.Name, (entry.Value as ConfigScalar)?.Value, entry.Value));
                    }

                    break;
                case ConfigSequence list:
                    foreach (var item in list.Items)
                    {
                        if (item is ConfigScalar { Value: { } text })
                        {
                            var equals = text.IndexOf('=');
                            variables.Add(equals < 0
                                ? new EnvironmentVariable(text, null, item)
                                : new EnvironmentVariable(text.Substring(0, equals), text.Substring(equals + 1), item));
                        }
                        else if (item is ConfigMapping kubernetesVariable && kubernetesVariable.Text("name") is { } name)
                        {
                            var value = kubernetesVariable.Scalar("value");
                            variables.Add(new EnvironmentVariable(name, value?.Value, (ConfigNode?)value ?? kubernetesVariable));
                        }
                    }

                    break;
            }

            return variables;
        }
    }
}
