using System;
using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>An environment variable of a container or compose service, with where it is written (a value type: a deployment holds tens of thousands).</summary>
    public readonly struct EnvironmentVariable
    {
        public EnvironmentVariable(string name, string? value, SourceLocation at)
        {
            Name = name;
            Value = value;
            At = at;
        }

        public string Name { get; }

        /// <summary>The value; null when unset or taken from elsewhere (valueFrom, an env file).</summary>
        public string? Value { get; }

        /// <summary>Where the value is written, else the entry.</summary>
        public SourceLocation At { get; }
    }

    /// <summary>What runs: a compose service or a Kubernetes container, with what identifies its data.</summary>
    public abstract class Workload
    {
        protected Workload(string name, string? image, IReadOnlyList<EnvironmentVariable> environment, SourceLocation at, IReadOnlyList<PositionedText> arguments)
        {
            Name = name;
            Image = image;
            Environment = environment;
            At = at;
            Arguments = arguments;
        }

        /// <summary>The command line the workload is started with (compose <c>command</c>; Kubernetes <c>command</c> then <c>args</c>), one word each.</summary>
        public IReadOnlyList<PositionedText> Arguments { get; }

        public string Name { get; }

        public string? Image { get; }

        public IReadOnlyList<EnvironmentVariable> Environment { get; }

        /// <summary>Where the workload is declared (service key or container mapping).</summary>
        public SourceLocation At { get; }

        /// <summary>Labels, mounted paths and other words that say what the workload holds.</summary>
        public IEnumerable<string> DescriptiveText
        {
            get
            {
                var texts = new List<string>();
                AddDescriptiveText(texts);
                return texts;
            }
        }

        /// <summary>Adds <see cref="DescriptiveText"/> to a list: PHI recognition reads it for every workload, so no iterator chain.</summary>
        internal abstract void AddDescriptiveText(List<string> texts);

        /// <summary>Whether <see cref="SensitiveData.HoldsPhi"/> recognised it; computed once, as every check asks.</summary>
        internal bool? HoldsPhi { get; set; }

        /// <summary>Explicit <c>sensitivedata.io/phi</c> label or annotation: true/false, or null when absent.</summary>
        public abstract bool? DeclaredPhi { get; }

        /// <summary>The variable's last definition, or null when the workload does not set it.</summary>
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

        private static readonly char[] WordSeparators = { ' ', '\t', '\n' };

        /// <summary>Words of a command: a list of words, or one string split on white space (each word at the string's position).</summary>
        public static IReadOnlyList<PositionedText> ReadArguments(StringPool pool, params ConfigNode?[] nodes)
        {
            List<PositionedText>? words = null;
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case ConfigScalar { Value: { } line }:
                        foreach (var word in line.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
                        {
                            (words ??= new List<PositionedText>()).Add(new PositionedText(pool.Intern(word)!, node.Location));
                        }

                        break;
                    case ConfigSequence sequence:
                        foreach (var item in sequence.Items)
                        {
                            if (item is ConfigScalar { Value: { } word })
                            {
                                (words ??= new List<PositionedText>()).Add(new PositionedText(pool.Intern(word)!, item.Location));
                            }
                        }

                        break;
                }
            }

            return words?.ToArray() ?? Array.Empty<PositionedText>();
        }

        /// <summary>Reads <c>environment:</c> in list (<c>- KEY=value</c>) or map (<c>KEY: value</c>) form, or Kubernetes <c>env:</c>.</summary>
        public static IReadOnlyList<EnvironmentVariable> ReadEnvironment(ConfigNode? node, StringPool pool)
        {
            if (node is not (ConfigMapping { Entries.Count: > 0 } or ConfigSequence { Items.Count: > 0 }))
            {
                return Array.Empty<EnvironmentVariable>();
            }

            // Sized for one variable per entry or item (nearly always exact): every workload of a run has an environment.
            EnvironmentVariable[] variables;
            var count = 0;
            switch (node)
            {
                case ConfigMapping map:
                    variables = new EnvironmentVariable[map.Entries.Count];
                    for (var i = 0; i < variables.Length; i++)
                    {
                        var entry = map.Entries[i];
                        variables[count++] = new EnvironmentVariable(pool.Intern(entry.Name)!, pool.Intern((entry.Value as ConfigScalar)?.Value), entry.Value.Location);
                    }

                    break;
                case ConfigSequence list:
                    variables = new EnvironmentVariable[list.Items.Count];
                    for (var i = 0; i < variables.Length; i++)
                    {
                        var item = list.Items[i];
                        if (item is ConfigScalar { Value: { } text })
                        {
                            var equals = text.IndexOf('=');
                            variables[count++] = equals < 0
                                ? new EnvironmentVariable(pool.Intern(text)!, null, item.Location)
                                : new EnvironmentVariable(pool.Intern(text.Substring(0, equals))!, pool.Intern(text.Substring(equals + 1)), item.Location);
                        }
                        else if (item is ConfigMapping kubernetesVariable && kubernetesVariable.Text("name") is { } name)
                        {
                            var value = kubernetesVariable.Scalar("value");
                            variables[count++] = new EnvironmentVariable(pool.Intern(name)!, pool.Intern(value?.Value), ((ConfigNode?)value ?? kubernetesVariable).Location);
                        }
                    }

                    break;
                default:
                    return Array.Empty<EnvironmentVariable>();
            }

            return KubernetesObject.Trimmed(variables, count);
        }
    }
}
