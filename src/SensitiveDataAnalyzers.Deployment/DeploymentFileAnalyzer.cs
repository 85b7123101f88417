using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Config;
using SensitiveDataAnalyzers.Config.Checks;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Deployment
{
    /// <summary>
    /// Finds in the project's deployment files – appsettings*.json, docker compose files, Kubernetes manifests, Orthanc
    /// configuration, passed as AdditionalFiles – what <c>sda lint</c> finds in them, with the same ids, severities,
    /// messages and help links. Each file is loaded in its own callback (bounded by the linter's
    /// <see cref="ParseLimits"/>; unreadable input is a positioned SDA0xxx notice); the files are then judged together at
    /// compilation end, as one <c>sda lint</c> run judges them, because a compose override, a Service in another manifest
    /// or the ports that publish a listener change the verdict.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeploymentFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DeploymentRules.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (!context.Options.AdditionalFiles.Any(file => DeploymentFiles.IsCandidate(file.Path)))
            {
                return;
            }

            var files = new ConcurrentBag<LoadedFile>();
            var code = new KestrelEndpointSources();
            context.RegisterAdditionalFileAction(c =>
            {
                if (DeploymentFiles.IsCandidate(c.AdditionalFile.Path))
                {
                    files.Add(DeploymentFiles.Load(c.AdditionalFile, ParseLimits.Default, c.CancellationToken));
                }
            });
            context.RegisterOperationAction(c => code.OnInvocation((IInvocationOperation)c.Operation, c.CancellationToken), OperationKind.Invocation);
            context.RegisterCompilationEndAction(c => Report(c, files, code));
        }

        private static void Report(CompilationAnalysisContext context, IEnumerable<LoadedFile> files, KestrelEndpointSources code)
        {
            // One path per file: the same file listed twice is read once.
            var byPath = new Dictionary<string, LoadedFile>(StringComparer.Ordinal);
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                byPath[file.Path] = file;
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            var findings = ConfigLinter.Lint(byPath.Values.Select(f => f.Result));
            var configurationUse = code.ConfigurationUse;
            foreach (var finding in findings)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                byPath.TryGetValue(finding.Location.Path, out var file);
                var location = DeploymentFiles.LocationOf(finding.Location, file?.Text);
                var message = finding.Message;
                IEnumerable<Location>? additional = null;
                if (configurationUse is not null && IsKestrelListenerFinding(finding))
                {
                    message += "; the project's code takes its Kestrel endpoints from this file (" + Describe(configurationUse) + ")";
                    additional = new[] { configurationUse };
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DeploymentRules.For(finding.Rule),
                    location,
                    DeploymentRules.Severity(finding.Severity),
                    additional,
                    properties: null,
                    message));
            }
        }

        /// <summary>SDA1001/SDA1002 on a Urls or Kestrel endpoint setting of an appsettings file.</summary>
        private static bool IsKestrelListenerFinding(Finding finding) =>
            (finding.Rule.Id == ConfigRules.PlaintextListener.Id || finding.Rule.Id == ConfigRules.PlaintextOnTlsPort.Id)
            && AppSettings.IsNamedAppSettings(finding.Location.Path);

        private static string Describe(Location location)
        {
            var span = location.GetLineSpan();
            return System.IO.Path.GetFileName(span.Path) + " line " + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
