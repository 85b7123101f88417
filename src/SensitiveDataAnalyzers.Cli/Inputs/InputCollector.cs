using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SensitiveDataAnalyzers.Cli.Inputs
{
    /// <summary>One thing to lint: a file on disk, or standard input.</summary>
    internal sealed class InputItem
    {
        private InputItem(string? fullPath, string displayPath)
        {
            FullPath = fullPath;
            DisplayPath = displayPath;
        }

        /// <summary>Null for standard input.</summary>
        public string? FullPath { get; }

        public string DisplayPath { get; }

        public bool IsStdin => FullPath is null;

        public static InputItem Stdin { get; } = new(null, PathDisplay.StdinDisplayPath);

        public static InputItem File(string fullPath, string displayPath) => new(fullPath, displayPath);
    }

    /// <summary>
    /// Turns path arguments into files. Directories are walked without following directory symbolic links (so links
    /// cannot loop) and without .git, bin, obj and node_modules; they contribute *.yaml, *.yml and *.json files. A file
    /// named explicitly is linted whatever its extension. Each real file is linted once however it was reached.
    /// </summary>
    internal sealed class InputCollector
    {
        private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules" };

        private static readonly string[] ConfigExtensions = { ".yaml", ".yml", ".json" };

        private readonly PathDisplay _display;
        private readonly ExcludeFilter _exclude;
        private readonly HashSet<string> _ignoredFullPaths;
        private readonly HashSet<string> _seenFiles = new(PathDisplay.PathComparer);
        private readonly HashSet<string> _walkedDirectories = new(PathDisplay.PathComparer);
        private readonly List<InputItem> _inputs = new();
        private readonly List<string> _projectFiles = new();
        private readonly List<string> _errors = new();
        private readonly List<string> _warnings = new();

        public InputCollector(PathDisplay display, ExcludeFilter exclude, IEnumerable<string> ignoredFullPaths)
        {
            _display = display;
            _exclude = exclude;
            _ignoredFullPaths = new HashSet<string>(ignoredFullPaths, PathDisplay.PathComparer);
        }

        public IReadOnlyList<InputItem> Inputs => _inputs;

        /// <summary>With <see cref="CollectProjects"/>: the full paths of the .sln, .slnx and .csproj files met while walking directories, in walk order.</summary>
        public IReadOnlyList<string> ProjectFiles => _projectFiles;

        /// <summary>Also collect solution and project files (<c>sda scan</c>) while walking directories.</summary>
        public bool CollectProjects { get; init; }

        /// <summary>Arguments that named nothing readable (missing paths, broken links, invalid names).</summary>
        public IReadOnlyList<string> Errors => _errors;

        /// <summary>Directories that could not be listed and arguments that produced no file.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        public int UnreadableArguments { get; private set; }

        public void Add(string argument)
        {
            if (argument == "-")
            {
                if (!_inputs.Contains(InputItem.Stdin))
                {
                    _inputs.Add(InputItem.Stdin);
                }

                return;
            }

            string fullPath;
            try
            {
                fullPath = _display.FullPath(argument);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                Fail($"{argument}: not a valid path");
                return;
            }

            try
            {
                if (File.Exists(fullPath))
                {
                    var displayPath = _display.ToDisplayPath(fullPath);
                    if (_exclude.IsExcluded(displayPath))
                    {
                        _warnings.Add($"{argument}: excluded by --exclude");
                        return;
                    }

                    AddFile(fullPath, displayPath);
                }
                else if (Directory.Exists(fullPath))
                {
                    var before = _inputs.Count;
                    Walk(fullPath);
                    if (_inputs.Count == before)
                    {
                        _warnings.Add($"{argument}: no .yaml, .yml or .json files to lint");
                    }
                }
                else
                {
                    Fail($"{argument}: no such file or directory");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Fail($"{argument}: cannot be read ({exception.GetType().Name})");
            }
        }

        private void Fail(string message)
        {
            _errors.Add(message);
            UnreadableArguments++;
        }

        private void AddFile(string fullPath, string displayPath)
        {
            if (_ignoredFullPaths.Contains(fullPath))
            {
                return;
            }

            if (_seenFiles.Add(RealPath(fullPath)))
            {
                _inputs.Add(InputItem.File(fullPath, displayPath));
            }
        }

        private void Walk(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = 0,
                ReturnSpecialDirectories = false,
            };

            while (pending.Count > 0)
            {
                var directory = pending.Pop();
                if (!_walkedDirectories.Add(RealPath(directory)))
                {
                    continue;
                }

                List<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options).ToList();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    _warnings.Add($"{_display.ToDisplayPath(directory)}: directory skipped, it cannot be listed ({exception.GetType().Name})");
                    continue;
                }

                var subdirectories = new List<string>();
                foreach (var entry in entries.OrderBy(entry => entry.Name, StringComparer.Ordinal))
                {
                    if (IsLink(entry))
                    {
                        // A link to a directory is never followed (that is where loops come from); a link to a file is.
                        if (entry is FileInfo && HasConfigExtension(entry.Name) && LinkTargetIsFile(entry))
                        {
                            AddIfIncluded(entry.FullName);
                        }

                        continue;
                    }

                    if (entry is DirectoryInfo)
                    {
                        if (!SkippedDirectories.Contains(entry.Name) && !_exclude.IsExcluded(_display.ToDisplayPath(entry.FullName)))
                        {
                            subdirectories.Add(entry.FullName);
                        }
                    }
                    else if (HasConfigExtension(entry.Name))
                    {
                        AddIfIncluded(entry.FullName);
                    }
                    else if (CollectProjects && IsProjectFile(entry.Name) && !_exclude.IsExcluded(_display.ToDisplayPath(entry.FullName)))
                    {
                        _projectFiles.Add(entry.FullName);
                    }
                }

                // Depth-first in name order: reverse so the first name is popped first.
                for (var i = subdirectories.Count - 1; i >= 0; i--)
                {
                    pending.Push(subdirectories[i]);
                }
            }
        }

        private void AddIfIncluded(string fullPath)
        {
            var displayPath = _display.ToDisplayPath(fullPath);
            if (!_exclude.IsExcluded(displayPath))
            {
                AddFile(fullPath, displayPath);
            }
        }

        private static bool HasConfigExtension(string name) =>
            ConfigExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

        private static bool IsProjectFile(string name) =>
            name.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

        private static bool IsLink(FileSystemInfo entry)
        {
            try
            {
                return entry.LinkTarget is not null || (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return true;
            }
        }

        private static bool LinkTargetIsFile(FileSystemInfo link)
        {
            try
            {
                var target = link.ResolveLinkTarget(returnFinalTarget: true);
                return target is FileInfo && target.Exists;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>The path with symbolic links of the final component resolved, for "seen already" checks.</summary>
        private static string RealPath(string fullPath)
        {
            try
            {
                var info = new FileInfo(fullPath);
                return info.LinkTarget is null ? fullPath : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return fullPath;
            }
        }
    }
}
