using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Access
{
    /// <summary>
    /// Finds <c>UseStaticFiles</c> and <c>UseFileServer</c> serving a folder outside the web root (a
    /// <c>PhysicalFileProvider</c> rooted elsewhere, alone or in a <c>CompositeFileProvider</c>, or the content root).
    /// The static-file middleware ignores authorization, so only an <c>OnPrepareResponse</c> that checks the user and
    /// refuses protects such a folder, and only when the middleware runs after authentication. An error when the folder
    /// or request path is named for patient data or the provider maps audio, DICOM or document types.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StaticFilesOutsideWebRootAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.StaticFilesOutsideWebRoot,
            RuleDescriptors.AccessCategory,
            title: "Static files from a folder outside the web root served to anyone",
            messageFormat: "{0} serves {1}{2} to anyone: the static-file middleware ignores authorization; {3}",
            description: "UseStaticFiles and UseFileServer answer before any endpoint's authorization policy is applied: every file of the folder is served to whoever knows or guesses its name. A folder outside wwwroot holds what the application keeps, not what it publishes; a medical advice line's call recordings leaked from such a folder.",
            DiagnosticSeverity.Warning);

        private const string CheckTheUserAdvice = "check ctx.Context.User in OnPrepareResponse and refuse anonymous requests, or serve the files from an endpoint that requires authorization";

        private const string BeforeAuthenticationAdvice = "it runs before authentication, so no user is known when the file is served; move it after UseAuthentication and UseAuthorization and check ctx.Context.User in OnPrepareResponse";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (StaticFileApis.Create(context.Compilation) is not { } apis)
            {
                return;
            }

            var guards = DevelopmentGuards.Create(context.Compilation);
            var bodies = new SourceMethodBodies(context.Compilation);

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    var fileServer = apis.IsUseFileServer(method);
                    if ((!fileServer && !apis.IsUseStaticFiles(method))
                        || DirectoryBrowsingAnalyzer.Argument(invocation, "options") is not { } options
                        || guards.IsDevelopmentOnly(invocation))
                    {
                        return;
                    }

                    var cancellationToken = c.CancellationToken;
                    var settings = OptionsSettings.Of(options, cancellationToken);
                    var folder = ServedFolder.Of(settings, "", apis, guards, cancellationToken);
                    if (!folder.ProviderKnown || !folder.OutsideWebRoot)
                    {
                        return;
                    }

                    // FileServerOptions keeps the static-file settings in its StaticFileOptions.
                    var prefix = fileServer ? "StaticFileOptions." : "";
                    var before = RunsBeforeAuthentication(invocation, apis);
                    if (!before && settings.Values(prefix + "OnPrepareResponse").Any(handler => RefusesAnonymous(handler, apis, bodies, guards, cancellationToken)))
                    {
                        return;
                    }

                    var types = SensitiveTypes(settings, prefix, guards, cancellationToken);
                    var severity = folder.SensitiveWord is not null || types.Count > 0 ? DiagnosticSeverity.Error : Rule.DefaultSeverity;
                    var reasons = types.Count == 0 ? folder.Reasons() : folder.Reasons("maps " + string.Join(", ", types));
                    c.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        invocation.Syntax.GetLocation(),
                        severity,
                        additionalLocations: null,
                        properties: null,
                        method.Name,
                        folder.Describe(),
                        reasons,
                        before ? BeforeAuthenticationAdvice : CheckTheUserAdvice));
                },
                OperationKind.Invocation);
        }

        /// <summary>
        /// A handler (lambda, local function or method with a body in the compilation) that reads the request's
        /// <c>User</c> and can refuse: replaces the response body (<c>Stream.Null</c>), throws, or aborts the request.
        /// </summary>
        private static bool RefusesAnonymous(IOperation handler, StaticFileApis apis, SourceMethodBodies bodies, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            foreach (var alternative in ValueTracking.Alternatives(handler, guards, cancellationToken))
            {
                var target = ValueTracking.Unwrap(alternative, cancellationToken);
                if (target is IDelegateCreationOperation creation)
                {
                    target = creation.Target;
                }

                var body = target switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Body,
                    IMethodReferenceOperation reference => bodies.Of(reference.Method, cancellationToken),
                    _ => null,
                };
                if (body is null)
                {
                    continue;
                }

                var operations = body.Descendants().ToList();
                var readsUser = operations.Any(o => o is IPropertyReferenceOperation { Property.Name: "User" } user && IsHttpContext(user.Property.ContainingType, apis));
                // The middleware writes the file after the handler returns, whatever status it set: only a replaced
                // response body, an exception or an aborted request keep the file from being sent.
                var refuses = operations.Any(o => o is IThrowOperation
                    || o is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Body" } }
                    || o is IInvocationOperation { TargetMethod.Name: "Abort" });
                if (readsUser && refuses)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHttpContext(INamedTypeSymbol? type, StaticFileApis apis)
        {
            for (; type is not null; type = type.BaseType)
            {
                if (StaticFileApis.IsType(type, apis.HttpContext))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>app.UseStaticFiles(…)</c> followed, later in the same body and on the same <c>app</c>, by
        /// <c>UseAuthentication</c> or <c>UseAuthorization</c>.
        /// </summary>
        private static bool RunsBeforeAuthentication(IInvocationOperation invocation, StaticFileApis apis)
        {
            if (invocation.Arguments.Length == 0 || OperationTree.ReferencedSymbol(invocation.Arguments[0].Value) is not { } pipeline)
            {
                return false;
            }

            return OperationTree.Root(invocation).Descendants().Any(o => o is IInvocationOperation { Arguments.Length: > 0 } later
                && later.Syntax.SpanStart > invocation.Syntax.SpanStart
                && apis.IsAuthenticationOrAuthorization(later.TargetMethod)
                && SymbolEqualityComparer.Default.Equals(OperationTree.ReferencedSymbol(later.Arguments[0].Value), pipeline));
        }

        /// <summary>Audio, DICOM and document extensions the content-type provider maps, and a sensitive DefaultContentType.</summary>
        private static List<string> SensitiveTypes(OptionsSettings settings, string prefix, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            var found = new List<string>();
            foreach (var provider in settings.Values(prefix + "ContentTypeProvider"))
            {
                foreach (var key in OptionsSettings.Of(provider, cancellationToken).Values("Mappings.[]"))
                {
                    if (ValueTracking.SingleString(key, guards, cancellationToken) is { } extension
                        && SensitiveFolderWords.IsSensitiveExtension(extension)
                        && !found.Contains(extension))
                    {
                        found.Add(extension);
                    }
                }
            }

            foreach (var contentType in settings.Values(prefix + "DefaultContentType"))
            {
                if (ValueTracking.SingleString(contentType, guards, cancellationToken) is { } type
                    && SensitiveFolderWords.IsSensitiveContentType(type))
                {
                    found.Add(type);
                }
            }

            return found;
        }
    }
}
