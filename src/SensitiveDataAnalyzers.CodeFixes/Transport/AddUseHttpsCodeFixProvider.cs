using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SensitiveDataAnalyzers.CodeFixes.Core;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.CodeFixes.Transport
{
    /// <summary>
    /// <c>ListenAnyIP(p)</c>, <c>Listen(a, p)</c>, <c>AnyIPEndpoint(p)</c>, <c>Endpoint(a, p)</c> →
    /// add <c>listenOptions => listenOptions.UseHttps()</c>, importing Microsoft.AspNetCore.Hosting if needed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUseHttpsCodeFixProvider)), Shared]
    public sealed class AddUseHttpsCodeFixProvider : SdaCodeFixProvider
    {
        private const string HostingNamespace = "Microsoft.AspNetCore.Hosting";
        private static readonly SyntaxAnnotation UseHttpsAnnotation = new(nameof(AddUseHttpsCodeFixProvider));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.PlaintextHttpListener, RuleIds.PlaintextHttpOnTlsPort, RuleIds.PlaintextHttpBehindProxy);

        protected override string FixKind => FixProperties.AddUseHttpsFix;

        protected override string Title => "Serve HTTPS on this endpoint (UseHttps)";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) => target.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not null;

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic)
        {
            var invocation = target.FirstAncestorOrSelf<InvocationExpressionSyntax>()!;
            var configure = SyntaxFactory.ParseExpression("listenOptions => listenOptions.UseHttps()").WithAdditionalAnnotations(UseHttpsAnnotation);
            editor.ReplaceNode(invocation, invocation.AddArgumentListArguments(SyntaxFactory.Argument(configure)));
        }

        /// <summary>UseHttps is an extension method: import its namespace unless a using or global using already does.</summary>
        protected override async Task<Document> AfterFixesAsync(Document document, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.SyntaxTree.GetRoot(cancellationToken) is not CompilationUnitSyntax root)
            {
                return document;
            }

            var unresolved = root.GetAnnotatedNodes(UseHttpsAnnotation)
                .SelectMany(node => node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                .Any(call => model.GetSymbolInfo(call, cancellationToken).Symbol is null);
            if (!unresolved || root.Usings.Any(u => u.Name?.ToString() == HostingNamespace))
            {
                return document;
            }

            // Keep the file's own line endings: copy them from an existing using directive.
            var endOfLine = root.Usings.Count > 0 ? root.Usings[0].GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed);
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(HostingNamespace))
                .NormalizeWhitespace()
                .WithTrailingTrivia(endOfLine);
            return document.WithSyntaxRoot(root.WithUsings(root.Usings.Insert(InsertionIndex(root.Usings), directive)));
        }

        /// <summary>In order within the Microsoft.* group (files usually put System.* first), else at the end.</summary>
        private static int InsertionIndex(SyntaxList<UsingDirectiveSyntax> usings)
        {
            var index = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                var name = usings[i].Name?.ToString() ?? string.Empty;
                if (usings[i].Alias is null && name.StartsWith("Microsoft.", System.StringComparison.Ordinal))
                {
                    if (string.CompareOrdinal(name, HostingNamespace) > 0)
                    {
                        return i;
                    }

                    index = i + 1;
                }
            }

            return index;
        }
    }
}
