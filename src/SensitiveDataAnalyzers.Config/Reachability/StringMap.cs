using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SensitiveDataAnalyzers.Config.Model;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// A small read-only map of scalar values with where each was written: labels, annotations, selectors. Arrays
    /// searched linearly, because such maps hold a handful of entries and a deployment holds thousands of them.
    /// </summary>
    public sealed class StringMap : IReadOnlyDictionary<string, string?>
    {
        public static readonly StringMap Empty = new(Array.Empty<Entry>());

        private readonly Entry[] _entries;

        private StringMap(Entry[] entries)
        {
            _entries = entries;
        }

        /// <summary>The scalar entries of a mapping (later duplicates win, as in YAML readers); non-scalar values read as null.</summary>
        public static StringMap Read(ConfigMapping? mapping, StringPool pool)
        {
            if (mapping is null || mapping.Entries.Count == 0)
            {
                return Empty;
            }

            var entries = new List<(string Key, string? Value, SourceLocation At)>(mapping.Entries.Count);
            foreach (var entry in mapping.Entries)
            {
                entries.Add((entry.Name, (entry.Value as ConfigScalar)?.Value, entry.Value.Location));
            }

            return From(entries, pool);
        }

        public static StringMap From(IReadOnlyList<(string Key, string? Value, SourceLocation At)> entries, StringPool pool)
        {
            if (entries.Count == 0)
            {
                return Empty;
            }

            var kept = new List<Entry>(entries.Count);
            foreach (var (key, value, at) in entries)
            {
                var entry = new Entry(pool.Intern(key)!, pool.Intern(value), at);
                var existing = kept.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));
                if (existing >= 0)
                {
                    kept[existing] = entry;
                }
                else
                {
                    kept.Add(entry);
                }
            }

            return new StringMap(kept.ToArray());
        }

        public int Count => _entries.Length;

        public IEnumerable<string> Keys => _entries.Select(e => e.Key);

        public IEnumerable<string?> Values => _entries.Select(e => e.Value);

        public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, out string? value)
        {
            var index = IndexOf(key);
            value = index >= 0 ? _entries[index].Value : null;
            return index >= 0;
        }

        /// <summary>Where the value of <paramref name="key"/> was written, or null when absent.</summary>
        public SourceLocation? LocationOf(string key)
        {
            var index = IndexOf(key);
            return index >= 0 ? _entries[index].At : null;
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
        {
            foreach (var entry in _entries)
            {
                yield return new KeyValuePair<string, string?>(entry.Key, entry.Value);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
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
