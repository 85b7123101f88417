using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// A small read-only map of scalar values with where each was written: labels, annotations, selectors. A value
    /// type over one array searched linearly: such maps hold a handful of entries and a deployment holds thousands.
    /// </summary>
    public readonly struct StringMap : IReadOnlyDictionary<string, string?>
    {
        public static readonly StringMap Empty = default;

        private readonly Entry[]? _array;

        private StringMap(Entry[] entries)
        {
            _array = entries.Length == 0 ? null : entries;
        }

        private Entry[] Items => _array ?? Array.Empty<Entry>();

        /// <summary>The scalar entries of a mapping (later duplicates win, as in YAML readers); non-scalar values read as null.</summary>
        public static StringMap Read(ConfigMapping? mapping, StringPool pool)
        {
            if (mapping is null || mapping.Entries.Count == 0)
            {
                return Empty;
            }

            var entries = new Entry[mapping.Entries.Count];
            var count = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = mapping.Entries[i];
                count = Put(entries, count, entry.Name, (entry.Value as ConfigScalar)?.Value, entry.Value.Location, pool);
            }

            return Create(entries, count);
        }

        /// <summary>Environment-style pairs (compose labels in list or map form); later duplicates win.</summary>
        public static StringMap From(IReadOnlyList<EnvironmentVariable> pairs, StringPool pool)
        {
            if (pairs.Count == 0)
            {
                return Empty;
            }

            var entries = new Entry[pairs.Count];
            var count = 0;
            foreach (var pair in pairs)
            {
                count = Put(entries, count, pair.Name, pair.Value, pair.At, pool);
            }

            return Create(entries, count);
        }

        private static int Put(Entry[] entries, int count, string key, string? value, SourceLocation at, StringPool pool)
        {
            var entry = new Entry(pool.Intern(key)!, pool.Intern(value), at);
            for (var i = 0; i < count; i++)
            {
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    entries[i] = entry;
                    return count;
                }
            }

            entries[count] = entry;
            return count + 1;
        }

        private static StringMap Create(Entry[] entries, int count)
        {
            if (count < entries.Length)
            {
                Array.Resize(ref entries, count);
            }

            return new StringMap(entries);
        }

        public int Count => Items.Length;

        public IEnumerable<string> Keys => Items.Select(e => e.Key);

        public IEnumerable<string?> Values => Items.Select(e => e.Value);

        public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, out string? value)
        {
            var index = IndexOf(key);
            value = index >= 0 ? Items[index].Value : null;
            return index >= 0;
        }

        /// <summary>
        /// True when this map is a non-empty selector that <paramref name="labels"/> satisfies: every key has the same
        /// value there. Without allocation: Services are matched against every workload of their namespace.
        /// </summary>
        public bool Selects(StringMap labels)
        {
            if (Items.Length == 0)
            {
                return false;
            }

            foreach (var entry in Items)
            {
                var index = labels.IndexOf(entry.Key);
                if (index < 0 || !string.Equals(labels.Items[index].Value, entry.Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds the keys and values, each on its own (no "key=value" strings built for a search).</summary>
        internal void AddWords(List<string> words)
        {
            foreach (var entry in Items)
            {
                words.Add(entry.Key);
                if (entry.Value is { } value)
                {
                    words.Add(value);
                }
            }
        }

        /// <summary>Where the value of <paramref name="key"/> was written, or null when absent.</summary>
        public SourceLocation? LocationOf(string key)
        {
            var index = IndexOf(key);
            return index >= 0 ? Items[index].At : null;
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
        {
            foreach (var entry in Items)
            {
                yield return new KeyValuePair<string, string?>(entry.Key, entry.Value);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            for (var i = 0; i < Items.Length; i++)
            {
                if (string.Equals(Items[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private readonly struct Entry
        {
            public Entry(string key, string? value, SourceLocation at)
            {
                Key = key;
                Value = value;
                At = at;
            }

            public string Key { get; }

            public string? Value { get; }

            public SourceLocation At { get; }
        }
    }

    /// <summary>
    /// One copy of each short string the views of a deployment keep (label keys, image names, variable names repeat
    /// across every file); the parser's per-file copies then die young.
    /// </summary>
    public sealed class StringPool
    {
        private const int MaxLength = 64;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string? Intern(string? value)
        {
            if (value is null || value.Length > MaxLength)
            {
                return value;
            }

            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }

            _strings[value] = value;
            return value;
        }
    }
}
