using System;
using System.Collections.Generic;
using System.Globalization;

namespace SensitiveDataAnalyzers.Config.Model
{
    /// <summary>
    /// A node of a YAML or JSON document that remembers where it was written. YAML aliases resolve to the very node
    /// their anchor names (no copy), so a document with aliases is a graph: walk it with <see cref="ConfigWalker"/>.
    /// </summary>
    public abstract class ConfigNode
    {
        protected ConfigNode(SourceLocation location)
        {
            Location = location;
        }

        public SourceLocation Location { get; }
    }

    /// <summary>A scalar: string, number, boolean or null, kept as text.</summary>
    public sealed class ConfigScalar : ConfigNode
    {
        public ConfigScalar(SourceLocation location, string? value, bool isQuoted)
            : base(location)
        {
            Value = value;
            IsQuoted = isQuoted;
        }

        /// <summary>The text; null for YAML <c>null</c>/<c>~</c>/empty and JSON <c>null</c>.</summary>
        public string? Value { get; }

        /// <summary>Written in quotes: "true" is then a string for YAML-aware tools, though env values are strings anyway.</summary>
        public bool IsQuoted { get; }

        /// <summary>true/false, and the YAML 1.1 and environment spellings yes/no, on/off, 1/0.</summary>
        public bool? AsBoolean() => ParseBoolean(Value);

        public long? AsInteger() =>
            long.TryParse(Value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

        public static bool? ParseBoolean(string? text)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "on":
                case "1":
                    return true;
                case "false":
                case "no":
                case "off":
                case "0":
                    return false;
                default:
                    return null;
            }
        }

        public override string ToString() => Value ?? "null";
    }

    /// <summary>A key and its value inside a mapping (a value type: one object fewer per entry in a large model).</summary>
    public readonly struct ConfigEntry
    {
        public ConfigEntry(ConfigScalar key, ConfigNode value)
        {
            Key = key;
            Value = value;
        }

        public ConfigScalar Key { get; }

        public ConfigNode Value { get; }

        public string Name => Key?.Value ?? string.Empty;
    }

    /// <summary>A mapping (YAML) or object (JSON), in document order. Merge keys (<c>&lt;&lt;</c>) are already applied.</summary>
    public sealed class ConfigMapping : ConfigNode
    {
        private IReadOnlyList<ConfigEntry> _entries;

        /// <param name="entries">Readers may still add to the list (anchors resolve to a mapping under construction) until <see cref="Seal"/>.</param>
        public ConfigMapping(SourceLocation location, List<ConfigEntry> entries)
            : base(location)
        {
            _entries = entries;
        }

        /// <summary>A mapping whose entries a reader sets when it has read them all (<see cref="Complete"/>).</summary>
        internal ConfigMapping(SourceLocation location)
            : base(location)
        {
            _entries = Array.Empty<ConfigEntry>();
        }

        public IReadOnlyList<ConfigEntry> Entries => _entries;

        internal void Complete(ConfigEntry[] entries) => _entries = entries;

        /// <summary>Keeps an exact-size array instead of the growing list, for the few mappings the deployment model keeps.</summary>
        internal void Seal()
        {
            if (_entries is List<ConfigEntry> list)
            {
                _entries = list.ToArray();
            }
        }

        /// <summary>The entry for <paramref name="key"/>; the last one wins, as in YAML and JSON readers of the tools.</summary>
        public ConfigEntry? Entry(string key, StringComparison comparison = StringComparison.Ordinal)
        {
            if (_entries is ConfigEntry[] array)
            {
                // The usual case once read (an exact array): indexed directly, not through the list interface, since
                // every view reads several keys of every mapping it meets.
                for (var i = array.Length - 1; i >= 0; i--)
                {
                    if (string.Equals(array[i].Key.Value, key, comparison))
                    {
                        return array[i];
                    }
                }

                return null;
            }

            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_entries[i].Key.Value, key, comparison))
                {
                    return _entries[i];
                }
            }

            return null;
        }

        public ConfigNode? this[string key] => Entry(key)?.Value;

        public ConfigMapping? Mapping(string key, StringComparison comparison = StringComparison.Ordinal) => Entry(key, comparison)?.Value as ConfigMapping;

        public ConfigSequence? Sequence(string key, StringComparison comparison = StringComparison.Ordinal) => Entry(key, comparison)?.Value as ConfigSequence;

        public ConfigScalar? Scalar(string key, StringComparison comparison = StringComparison.Ordinal) => Entry(key, comparison)?.Value as ConfigScalar;

        /// <summary>The scalar text under <paramref name="key"/>, or null.</summary>
        public string? Text(string key, StringComparison comparison = StringComparison.Ordinal) => Scalar(key, comparison)?.Value;
    }

    /// <summary>A sequence (YAML) or array (JSON).</summary>
    public sealed class ConfigSequence : ConfigNode
    {
        private IReadOnlyList<ConfigNode> _items;

        /// <param name="items">Readers may still add to the list while reading (anchors resolve to a sequence under construction).</param>
        public ConfigSequence(SourceLocation location, List<ConfigNode> items)
            : base(location)
        {
            _items = items;
        }

        /// <summary>A sequence whose items a reader sets when it has read them all (<see cref="Complete"/>).</summary>
        internal ConfigSequence(SourceLocation location)
            : base(location)
        {
            _items = Array.Empty<ConfigNode>();
        }

        public IReadOnlyList<ConfigNode> Items => _items;

        internal void Complete(ConfigNode[] items) => _items = items;
    }
}
