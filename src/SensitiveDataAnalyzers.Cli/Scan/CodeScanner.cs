using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using SensitiveDataAnalyzers.Cli.Inputs;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Checks.Transport;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Shared;

namespace SensitiveDataAnalyzers.Cli.Scan
{
    /// <summary>What the code half of a scan found.</summary>
    internal sealed class CodeScanResult
    {
        public List<Finding> Findings { get; } = new();

        public List<ScannedProject> Projects { get; } = new();

        public int SourceFiles { get; set; }
    }

    /// <summary>
    /// Loads the solutions and projects of a scan with MSBuildWorkspace (restoring those never restored), runs every
    /// SDA analyzer on each with the project's .editorconfig, and falls back to <see cref="FallbackCompilation"/> for a
    /// project MSBuild cannot load or restore. Nothing here throws for a bad project: it becomes a notice.
    /// </summary>
    internal sealed class CodeScanner
    {
        private static readonly Regex ErrorInProject = new(@"^\s*(?<path>.+?\.csproj)\s*:\s*error\s+(?<message>.*)$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        private static readonly object LocatorLock = new();

        private readonly PathDisplay _display;
        private readonly bool _restore;
        private readonly IScanProgress _progress;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly Dictionary<string, ConfigRule> _rules = new(StringComparer.Ordinal);

        public CodeScanner(PathDisplay display, bool restore, IScanProgress progress, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
        {
            _display = display;
            _restore = restore;
            _progress = progress;
            _analyzers = analyzers ?? AnalyzerLoader.Load().analyzers;
        }

        public async Task<CodeScanResult> ScanAsync(IReadOnlyList<string> projectFiles, CancellationToken cancellationToken)
        {
            var result = new CodeScanResult();
            var solutions = projectFiles.Where(f => !f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
            var projects = projectFiles.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
            if (solutions.Count + projects.Count == 0)
            {
                return result;
            }

            _progress.Start("C# projects", solutions.Count + projects.Count);
            RegisterMsBuild();
            var done = new HashSet<string>(PathDisplay.PathComparer);
            var restoreFailures = new Dictionary<string, string>(PathDisplay.PathComparer);
            using var workspace = MSBuildWorkspace.Create();
            var failures = new List<WorkspaceDiagnostic>();
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    lock (failures)
                    {
                        failures.Add(e.Diagnostic);
                    }
                }
            });

            foreach (var unit in solutions.Concat(projects))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var isSolution = !unit.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
                if (!isSolution && done.Contains(unit))
                {
                    _progress.Step(_display.ToDisplayPath(unit) + " (in a solution)");
                    continue;
                }

                _progress.Step(_display.ToDisplayPath(unit));
                if (!isSolution && ProjectFileFacts.Read(unit) is { XmlError: { } xmlError } broken)
                {
                    done.Add(unit);
                    Fallback(result, broken, "the project file is not valid XML: " + xmlError.Message, new SourceLocation(_display.ToDisplayPath(unit), xmlError.Line, xmlError.Column), cancellationToken);
                    continue;
                }

                if (_restore)
                {
                    await RestoreIfNeededAsync(unit, isSolution, restoreFailures, cancellationToken).ConfigureAwait(false);
                }

                IEnumerable<Project> loaded;
                failures.Clear();
                try
                {
                    loaded = isSolution
                        ? (await workspace.OpenSolutionAsync(unit, cancellationToken: cancellationToken).ConfigureAwait(false)).Projects
                        : new[] { await workspace.OpenProjectAsync(unit, cancellationToken: cancellationToken).ConfigureAwait(false) };
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    if (isSolution)
                    {
                        // The solution's projects are found on their own and loaded one by one.
                        result.Findings.Add(Notice(ToolNotices.ProjectFallback, new SourceLocation(_display.ToDisplayPath(unit), 1, 1), $"solution could not be loaded ({FirstLine(exception.Message)}); its projects are scanned one by one"));
                    }
                    else
                    {
                        done.Add(unit);
                        Fallback(result, ProjectFileFacts.Read(unit), "MSBuild could not load it: " + FirstLine(exception.Message), null, cancellationToken);
                    }

                    continue;
                }

                foreach (var project in loaded.Where(p => p.Language == LanguageNames.CSharp && p.FilePath is not null).ToList())
                {
                    var path = Path.GetFullPath(project.FilePath!);
                    if (!done.Add(path))
                    {
                        continue; // loaded by an earlier solution, or another target framework of the same project
                    }

                    var facts = ProjectFileFacts.Read(path);
                    var problem = restoreFailures.TryGetValue(path, out var restoreError) ? "restore failed: " + restoreError : WorkspaceFailure(failures, path);
                    Compilation? compilation = null;
                    if (problem is null)
                    {
                        compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                        if (compilation is null || compilation.GetSpecialType(SpecialType.System_Object).TypeKind == TypeKind.Error)
                        {
                            problem = "MSBuild gave it no framework references";
                        }
                    }

                    if (problem is not null || compilation is null)
                    {
                        Fallback(result, facts, problem ?? "no compilation", null, cancellationToken);
                        continue;
                    }

                    await AnalyzeAsync(result, facts, compilation, project.AnalyzerOptions, project.AssemblyName, cancellationToken).ConfigureAwait(false);
                }
            }

            return result;
        }

        private static void RegisterMsBuild()
        {
            lock (LocatorLock)
            {
                if (!MSBuildLocator.IsRegistered && MSBuildLocator.CanRegister)
                {
                    MSBuildLocator.RegisterDefaults();
                }
            }
        }

        /// <summary>Runs <c>dotnet restore</c> on a project or solution that has a project without obj/project.assets.json.</summary>
        private async Task RestoreIfNeededAsync(string unit, bool isSolution, Dictionary<string, string> failures, CancellationToken cancellationToken)
        {
            if (!isSolution && File.Exists(Path.Combine(Path.GetDirectoryName(unit)!, "obj", "project.assets.json")))
            {
                return;
            }

            _progress.Step("restoring " + _display.ToDisplayPath(unit));
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(unit)!,
            };
            start.ArgumentList.Add("restore");
            start.ArgumentList.Add(unit);
            start.ArgumentList.Add("--nologo");
            start.ArgumentList.Add("-v:q");
            start.Environment["MSBUILDNOINPROCNODE"] = null;
            try
            {
                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromMinutes(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    process.Kill(entireProcessTree: true);
                    failures[unit] = "dotnet restore did not finish within 5 minutes";
                    return;
                }

                if (process.ExitCode == 0)
                {
                    return;
                }

                var text = await output.ConfigureAwait(false) + "\n" + await error.ConfigureAwait(false);
                var any = false;
                foreach (Match match in ErrorInProject.Matches(text))
                {
                    var path = Path.GetFullPath(match.Groups["path"].Value.Trim(), Path.GetDirectoryName(unit)!);
                    if (!failures.ContainsKey(path))
                    {
                        failures[path] = match.Groups["message"].Value.Trim();
                    }

                    any = true;
                }

                if (!any && !isSolution)
                {
                    failures[unit] = FirstLine(text.Trim());
                }
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                failures[unit] = "dotnet restore could not be started: " + exception.Message;
            }
        }

        private static string? WorkspaceFailure(List<WorkspaceDiagnostic> failures, string projectPath)
        {
            lock (failures)
            {
                return failures.FirstOrDefault(d => d.Message.Contains(projectPath, StringComparison.Ordinal)) is { } failure
                    ? FirstLine(failure.Message.Replace(projectPath, Path.GetFileName(projectPath), StringComparison.Ordinal))
                    : null;
            }
        }

        private void Fallback(CodeScanResult result, ProjectFileFacts facts, string reason, SourceLocation? at, CancellationToken cancellationToken)
        {
            var location = at ?? new SourceLocation(_display.ToDisplayPath(facts.Path), 1, 1);
            result.Findings.Add(Notice(
                ToolNotices.ProjectFallback,
                location,
                $"project '{facts.Name}' was compiled without its build ({reason}): its .cs files were analyzed against the framework reference assemblies only, so findings that need its packages may be missing"));
            var (compilation, options) = FallbackCompilation.Create(facts, cancellationToken);
            AnalyzeAsync(result, facts, compilation, options, assemblyName: null, cancellationToken).GetAwaiter().GetResult();
        }

        private async Task AnalyzeAsync(CodeScanResult result, ProjectFileFacts facts, Compilation compilation, AnalyzerOptions options, string? assemblyName, CancellationToken cancellationToken)
        {
            _progress.Step("analyzing " + facts.Name);
            var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer Analyzer, Exception Exception)>();
            var withAnalyzers = compilation.WithAnalyzers(
                _analyzers,
                new CompilationWithAnalyzersOptions(options, (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            result.SourceFiles += compilation.SyntaxTrees.Count();
            var projectDisplay = _display.ToDisplayPath(facts.Path);
            var listeners = new List<CodeListener>();
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (analyzer, exception) in exceptions)
            {
                if (failed.Add(analyzer.GetType().Name))
                {
                    result.Findings.Add(Notice(ToolNotices.AnalyzerFailure, new SourceLocation(projectDisplay, 1, 1), $"analyzer {analyzer.GetType().Name} threw {exception.GetType().Name} on project '{facts.Name}' ({FirstLine(exception.Message)}); its findings for this project may be missing"));
                }
            }

            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
            {
                if (diagnostic.IsSuppressed || diagnostic.Severity == DiagnosticSeverity.Hidden)
                {
                    continue;
                }

                if (diagnostic.Id == "AD0001")
                {
                    if (failed.Add(diagnostic.GetMessage()))
                    {
                        result.Findings.Add(Notice(ToolNotices.AnalyzerFailure, new SourceLocation(projectDisplay, 1, 1), $"project '{facts.Name}': {FirstLine(diagnostic.GetMessage())}"));
                    }

                    continue;
                }

                var location = ToLocation(diagnostic.Location, projectDisplay);
                var finding = new Finding(RuleOf(diagnostic.Descriptor), ToSeverity(diagnostic.Severity), diagnostic.GetMessage(), location);
                result.Findings.Add(finding);
                if (diagnostic.Id is "SDA1001" or "SDA1002"
                    && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ListenerPort, out var portText)
                    && int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
                {
                    listeners.Add(new CodeListener(diagnostic.Id, port, location));
                }
            }

            result.Projects.Add(new ScannedProject(facts.Name, Path.GetDirectoryName(facts.Path)!, facts.ImageNames(assemblyName), listeners));
        }

        private SourceLocation ToLocation(Location location, string projectDisplay)
        {
            if (!location.IsInSource)
            {
                return new SourceLocation(projectDisplay, 1, 1);
            }

            var span = location.GetMappedLineSpan();
            var path = span.HasMappedPath || !string.IsNullOrEmpty(span.Path) ? span.Path : location.SourceTree!.FilePath;
            return new SourceLocation(_display.ToDisplayPath(Path.GetFullPath(path)), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        private ConfigRule RuleOf(DiagnosticDescriptor descriptor)
        {
            lock (_rules)
            {
                if (!_rules.TryGetValue(descriptor.Id, out var rule))
                {
                    var description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _rules[descriptor.Id] = rule = new ConfigRule(
                        descriptor.Id,
                        descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ToSeverity(descriptor.DefaultSeverity),
                        description.Length > 0 ? description : descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        descriptor.HelpLinkUri);
                }

                return rule;
            }
        }

        private static FindingSeverity ToSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => FindingSeverity.Error,
            DiagnosticSeverity.Warning => FindingSeverity.Warning,
            _ => FindingSeverity.Note,
        };

        private static Finding Notice(ConfigRule rule, SourceLocation at, string message) => new(rule, rule.DefaultSeverity, message, at);

        private static string FirstLine(string text)
        {
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }
    }
}
