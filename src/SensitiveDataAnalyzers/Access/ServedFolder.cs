using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// The folder a static-file, file-server or directory-browser middleware serves, as far as the code says: where its
    /// <c>FileProvider</c> is rooted (the web root when none is set), the <c>RequestPath</c> it answers on, and whether
    /// its names say it holds patient data.
    /// </summary>
    internal sealed class ServedFolder
    {
        private ServedFolder(string? root, string? requestPath, bool outsideWebRoot, bool providerKnown)
        {
            Root = root;
            RequestPath = requestPath;
            OutsideWebRoot = outsideWebRoot;
            ProviderKnown = providerKnown;
            SensitiveWord = SensitiveFolderWords.Find(root) ?? SensitiveFolderWords.Find(requestPath);
        }

        /// <summary>The root as written (<c>ContentRootPath/recordings</c>, <c>/srv/scans</c>); null for an unknown provider.</summary>
        public string? Root { get; }

        public string? RequestPath { get; }

        /// <summary>A physical folder that is not the web root (or under it): the content root, an absolute path, a sibling folder.</summary>
        public bool OutsideWebRoot { get; }

        /// <summary>False when the provider is set to something the rule cannot follow (a parameter, a helper's result, a custom provider).</summary>
        public bool ProviderKnown { get; }

        /// <summary>What the folder's or request path's name says it holds ("recordings"), or null.</summary>
        public string? SensitiveWord { get; }

        /// <summary>For messages: <c>folder 'ContentRootPath/recordings' at '/recordings'</c>.</summary>
        public string Describe()
        {
            var folder = Root is null ? "the folder its file provider serves" : "folder '" + Root + "'";
            return RequestPath is null ? folder : folder + " at '" + RequestPath + "'";
        }

        /// <summary>Why the folder is sensitive, for messages: <c> (outside the web root, named for recordings)</c>, or "".</summary>
        public string Reasons(params string[] more)
        {
            var reasons = new List<string>();
            if (OutsideWebRoot)
            {
                reasons.Add("outside the web root");
            }

            if (SensitiveWord is not null)
            {
                reasons.Add("named for " + SensitiveWord);
            }

            reasons.AddRange(more);
            return reasons.Count == 0 ? "" : " (" + string.Join(", ", reasons) + ")";
        }

        /// <summary>The web root at a request path: what the middleware serves without a FileProvider.</summary>
        public static ServedFolder WebRoot(string? requestPath) => new("wwwroot", requestPath, outsideWebRoot: false, providerKnown: true);

        /// <summary>The folder of options whose <c>FileProvider</c> and <c>RequestPath</c> are in <paramref name="settings"/> under <paramref name="prefix"/>.</summary>
        public static ServedFolder Of(OptionsSettings settings, string prefix, StaticFileApis apis, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            var requestPath = settings.Values(prefix + "RequestPath").Select(value => RequestPathText(value, guards, cancellationToken)).LastOrDefault(text => text is not null);
            var providers = settings.Values(prefix + "FileProvider");
            if (!settings.Known)
            {
                return new ServedFolder(null, requestPath, outsideWebRoot: false, providerKnown: false);
            }

            if (providers.Count == 0)
            {
                return WebRoot(requestPath);
            }

            var roots = new List<ProviderRoot>();
            foreach (var provider in providers)
            {
                foreach (var alternative in ValueTracking.Alternatives(provider, guards, cancellationToken))
                {
                    AddProviderRoots(alternative, apis, guards, roots, 0, cancellationToken);
                }
            }

            if (roots.Count == 0 || roots.Any(root => root.Text is null))
            {
                return new ServedFolder(null, requestPath, outsideWebRoot: false, providerKnown: false);
            }

            var outside = roots.Where(root => root.Outside).ToList();
            var shown = outside.Count > 0 ? outside : roots;
            return new ServedFolder(string.Join("', '", shown.Select(root => root.Text).Distinct()), requestPath, outside.Count > 0, providerKnown: true);
        }

        /// <summary>
        /// For an assignment that turns an options switch on (<c>EnableDirectoryBrowsing = true</c>, in an initializer or
        /// later, outside Development-only code): the folder of the options object it belongs to. Null otherwise.
        /// </summary>
        public static ServedFolder? OfSwitchTurnedOn(ISimpleAssignmentOperation assignment, INamedTypeSymbol? optionsType, string property, StaticFileApis apis, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            if (assignment.Target is not IPropertyReferenceOperation target
                || !apis.IsOptionsProperty(target.Property, optionsType, property)
                || !ValueTracking.Booleans(assignment.Value, guards, cancellationToken).Contains(true)
                || guards.IsDevelopmentOnly(assignment))
            {
                return null;
            }

            return Of(OptionsSettings.OfOwner(assignment, cancellationToken), "", apis, guards, cancellationToken);
        }

        /// <summary>A request path written as a string or <c>new PathString("…")</c>.</summary>
        public static string? RequestPathText(IOperation value, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            var unwrapped = ValueTracking.Unwrap(value, cancellationToken);
            if (unwrapped is IObjectCreationOperation { Arguments.Length: 1 } creation)
            {
                unwrapped = creation.Arguments[0].Value;
            }

            return ValueTracking.SingleString(unwrapped, guards, cancellationToken) is { } text ? Display(text) : null;
        }

        private readonly struct ProviderRoot
        {
            public ProviderRoot(string? text, bool outside)
            {
                Text = text;
                Outside = outside;
            }

            public string? Text { get; }

            public bool Outside { get; }
        }

        private static void AddProviderRoots(IOperation provider, StaticFileApis apis, DevelopmentGuards guards, List<ProviderRoot> roots, int depth, CancellationToken cancellationToken)
        {
            switch (ValueTracking.Unwrap(provider, cancellationToken))
            {
                case IObjectCreationOperation creation when StaticFileApis.IsType(creation.Type, apis.PhysicalFileProvider) && creation.Arguments.Length > 0:
                    roots.Add(PhysicalRoot(creation.Arguments[0].Value, apis, guards, cancellationToken));
                    break;
                case IObjectCreationOperation creation when StaticFileApis.IsType(creation.Type, apis.CompositeFileProvider) && depth < 4:
                    foreach (var argument in creation.Arguments)
                    {
                        var value = ValueTracking.Unwrap(argument.Value, cancellationToken);
                        var elements = value is IArrayCreationOperation { Initializer: { } initializer } ? (IEnumerable<IOperation>)initializer.ElementValues : Single(value);
                        foreach (var element in elements)
                        {
                            AddProviderRoots(element, apis, guards, roots, depth + 1, cancellationToken);
                        }
                    }

                    break;
                case IPropertyReferenceOperation { Property.Name: "WebRootFileProvider" }:
                    roots.Add(new ProviderRoot("wwwroot", outside: false));
                    break;
                case IPropertyReferenceOperation { Property.Name: "ContentRootFileProvider" }:
                    roots.Add(new ProviderRoot("ContentRootPath", outside: true));
                    break;
                case IObjectCreationOperation creation when creation.Type?.Name is "EmbeddedFileProvider" or "ManifestEmbeddedFileProvider" or "NullFileProvider":
                    // Files compiled into the assembly: what the developer chose to publish.
                    roots.Add(new ProviderRoot(creation.Type.Name, outside: false));
                    break;
                default:
                    roots.Add(new ProviderRoot(null, outside: false));
                    break;
            }
        }

        private static IEnumerable<IOperation> Single(IOperation value) => new[] { value };

        private static string Display(string text) => text.Replace(UnknownText.Marker.ToString(), "…");

        /// <summary>
        /// A PhysicalFileProvider's root: <c>Path.Combine</c>/<c>Path.Join</c> of a base and segments, a property such as
        /// <c>WebRootPath</c> or <c>ContentRootPath</c>, or a string. Only the web root (or a folder under it) is inside.
        /// </summary>
        private static ProviderRoot PhysicalRoot(IOperation value, StaticFileApis apis, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            var unwrapped = ValueTracking.Unwrap(value, cancellationToken);
            var parts = unwrapped is IInvocationOperation { TargetMethod.Name: "Combine" or "Join" } combine
                && StaticFileApis.IsType(combine.TargetMethod.ContainingType, apis.Path)
                ? combine.Arguments.SelectMany(argument => ValueTracking.Unwrap(argument.Value, cancellationToken) is IArrayCreationOperation { Initializer: { } initializer }
                    ? (IEnumerable<IOperation>)initializer.ElementValues
                    : Single(argument.Value)).ToList()
                : new List<IOperation> { unwrapped };

            var texts = parts.Select(part => PartText(part, guards, cancellationToken)).ToList();
            var text = texts.Count == 0 ? "…" : string.Join("/", texts).Replace('\\', '/');
            var first = texts.Count > 0 ? texts[0] : "";
            var segments = text.Split('/');
            var insideWebRoot = (first.StartsWith("WebRootPath", StringComparison.Ordinal) || IsRelativeWwwroot(first)
                || (first.StartsWith("…", StringComparison.Ordinal) && unwrapped.Descendants().Any(d => d is IPropertyReferenceOperation { Property.Name: "WebRootPath" })))
                && !segments.Contains("..");
            return new ProviderRoot(text, outside: !insideWebRoot);
        }

        private static bool IsRelativeWwwroot(string path)
        {
            var trimmed = path.Replace('\\', '/').TrimStart('.', '/');
            return !path.StartsWith("/", StringComparison.Ordinal)
                && (trimmed.Equals("wwwroot", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase));
        }

        private static string PartText(IOperation part, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            var unwrapped = ValueTracking.Unwrap(part, cancellationToken);
            if (unwrapped is IPropertyReferenceOperation { Property.Name: "WebRootPath" or "ContentRootPath" } property)
            {
                return property.Property.Name;
            }

            return ValueTracking.SingleString(part, guards, cancellationToken) is { } text ? Display(text) : "…";
        }
    }
}
