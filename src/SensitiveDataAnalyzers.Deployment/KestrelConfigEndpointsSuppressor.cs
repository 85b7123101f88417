using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Deployment
{
    /// <summary>
    /// Kestrel binds the endpoints of <c>Kestrel:Endpoints</c> and ignores the URLs given by <c>UseUrls</c>,
    /// <c>app.Urls</c>, <c>app.Run(url)</c>, the <c>urls</c>/<c>http_ports</c> settings and <c>ASPNETCORE_URLS</c> (only
    /// endpoints from <c>Listen*</c> calls are added to them). When the project's non-Development appsettings declare
    /// Kestrel endpoints that serve HTTPS only beyond loopback, a plaintext URL in code is therefore never bound: its
    /// SDA1001, SDA1002 or SDA1005 is suppressed, with a justification naming the settings file. Not suppressed: Listen*
    /// and configuration-loader endpoints, HTTP.sys and HttpListener prefixes, code that prefers hosting URLs
    /// (<c>PreferHostingUrls</c>), a host that does not load the Kestrel section, and any settings file that binds
    /// plaintext beyond loopback.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KestrelConfigEndpointsSuppressor : DiagnosticSuppressor
    {
        /// <summary>
        /// SDA1002 is reported as an error but its descriptor's default severity is Warning: Roslyn never lets a
        /// suppressor hide a diagnostic whose default severity is Error (dotnet/roslyn#36582).
        /// </summary>
        private static readonly string[] SuppressedIds = { "SDA1001", "SDA1002", "SDA1005" };

        /// <summary>Settings files a justification names; any other non-Development appsettings*.json is the last entry.</summary>
        private static readonly string[] NamedFiles = { "appsettings.json", "appsettings.Production.json", "appsettings.Staging.json", null! };

        private static readonly ImmutableArray<SuppressionDescriptor> Descriptors = SuppressedIds
            .SelectMany(id => NamedFiles.Select((file, index) => Create(id, file, index)))
            .ToImmutableArray();

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => Descriptors;

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            var candidates = context.ReportedDiagnostics.Where(d => Array.IndexOf(SuppressedIds, d.Id) >= 0 && d.Location.IsInSource).ToList();
            if (candidates.Count == 0 || HttpsOnlySettings(context.Options.AdditionalFiles, context.CancellationToken) is not string settingsFile)
            {
                return;
            }

            if (!LoadsKestrelConfiguration(context.Compilation, context.CancellationToken))
            {
                return;
            }

            var fileIndex = Array.FindIndex(NamedFiles, name => name is null || name.Equals(settingsFile, StringComparison.OrdinalIgnoreCase));
            foreach (var diagnostic in candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (IsUrlSetting(diagnostic, context))
                {
                    var descriptor = Descriptors[Array.IndexOf(SuppressedIds, diagnostic.Id) * NamedFiles.Length + fileIndex];
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }

        /// <summary>
        /// The file name of the settings that make code URLs harmless: at least one non-Development appsettings*.json
        /// declares Kestrel endpoints, all of them HTTPS (or plaintext on loopback), and no other such file declares a
        /// plaintext endpoint beyond loopback. appsettings.json is named first: it applies in every environment.
        /// </summary>
        private static string? HttpsOnlySettings(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            string? named = null;
            foreach (var file in files.OrderBy(f => System.IO.Path.GetFileName(f.Path).Length).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                if (!AppSettings.IsNamedAppSettings(file.Path) || AppSettings.IsDevelopmentOnly(file.Path))
                {
                    continue;
                }

                var loaded = DeploymentFiles.Load(file, ParseLimits.Default, cancellationToken);
                if (loaded.Result.File?.Documents.FirstOrDefault()?.Root is not ConfigMapping root || AppSettings.Read(file.Path, root) is not { } settings)
                {
                    continue;
                }

                if (settings.Endpoints.Any(e => e.Url is not null))
                {
                    if (!settings.EndpointsServeTlsBeyondLoopback)
                    {
                        return null;
                    }

                    named ??= System.IO.Path.GetFileName(file.Path);
                }
            }

            return named;
        }

        /// <summary>
        /// Kestrel reads the Kestrel section when the host is built with the defaults or the code loads it; code that
        /// prefers hosting URLs or runs on HTTP.sys keeps its URLs. A text search: it runs only when a suppression is possible.
        /// </summary>
        private static bool LoadsKestrelConfiguration(Compilation compilation, CancellationToken cancellationToken)
        {
            var loads = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                if (text.IndexOf("PreferHostingUrls", StringComparison.Ordinal) >= 0
                    || text.IndexOf("preferHostingUrls", StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("UseHttpSys", StringComparison.Ordinal) >= 0)
                {
                    return false;
                }

                loads |= text.IndexOf("CreateBuilder", StringComparison.Ordinal) >= 0
                    || text.IndexOf("CreateSlimBuilder", StringComparison.Ordinal) >= 0
                    || text.IndexOf("CreateDefaultBuilder", StringComparison.Ordinal) >= 0
                    || text.IndexOf("ConfigureWebHostDefaults", StringComparison.Ordinal) >= 0
                    || text.IndexOf("GetSection(\"Kestrel\")", StringComparison.Ordinal) >= 0;
            }

            return loads;
        }

        /// <summary>
        /// The diagnostic sits in a URL setting (UseUrls, app.Urls.Add, app.Run(url), UseSetting, a configuration
        /// indexer, Environment.SetEnvironmentVariable), not in a Listen* call, a configuration-loader endpoint, or an
        /// HTTP.sys or HttpListener prefix.
        /// </summary>
        private static bool IsUrlSetting(Diagnostic diagnostic, SuppressionAnalysisContext context)
        {
            var tree = diagnostic.Location.SourceTree!;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var model = context.GetSemanticModel(tree);
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case InvocationExpressionSyntax invocation:
                        if (model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
                        {
                            return false;
                        }

                        var type = method.ContainingType?.Name;
                        return method.Name switch
                        {
                            "UseUrls" or "UseSetting" or "SetEnvironmentVariable" => true,
                            "Run" or "RunAsync" => type == "WebApplication",
                            "Add" => type is not ("UrlPrefixCollection" or "HttpListenerPrefixCollection") && IsUrlsCollection(invocation, model, context.CancellationToken),
                            _ => false,
                        };
                    case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax }:
                        return true;
                    case StatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>app.Urls.Add(…) or IServerAddressesFeature.Addresses.Add(…).</summary>
        private static bool IsUrlsCollection(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
            invocation.Expression is MemberAccessExpressionSyntax { Expression: var collection }
            && model.GetSymbolInfo(collection, cancellationToken).Symbol is IPropertySymbol { Name: "Urls" or "Addresses" } property
            && property.ContainingType?.Name is "WebApplication" or "IServerAddressesFeature";

        private static SuppressionDescriptor Create(string suppressedId, string? file, int index) =>
            new(
                "SDAS" + suppressedId.Substring(3) + (char)('A' + index),
                suppressedId,
                file is null
                    ? "Kestrel:Endpoints in a non-Development appsettings*.json of the project serve HTTPS only; Kestrel ignores URLs set in code when endpoints are configured"
                    : "Kestrel:Endpoints in " + file + " serve HTTPS only; Kestrel ignores URLs set in code when endpoints are configured");
    }
}
