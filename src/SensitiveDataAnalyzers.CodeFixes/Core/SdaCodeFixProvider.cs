using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.CodeFixes.Core
{
    /// <summary>
    /// Base of every SDA code fix. The analyzer states in the diagnostic's properties which mechanical fix is safe
    /// (<see cref="FixProperties"/>); a provider offers its fix only for diagnostics carrying its kind, edits
    /// through one <see cref="DocumentEditor"/>, and uses the same path for Fix All (document, project, solution).
    /// </summary>
    public abstract class SdaCodeFixProvider : CodeFixProvider
    {
        /// <summary>The <see cref="FixProperties.FixKey"/> value this provider handles.</summary>
        protected abstract string FixKind { get; }

        protected abstract string Title { get; }

        public sealed override FixAllProvider GetFixAllProvider() => new DocumentFixAll(this);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (IsMine(diagnostic) && FindTarget(root, diagnostic) is { } target && CanFix(target, diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: GetType().Name),
                        diagnostic);
                }
            }
        }

        /// <summary>Whether the node at the diagnostic can take this fix (the shape the analyzer promised).</summary>
        protected abstract bool CanFix(SyntaxNode target, Diagnostic diagnostic);

        protected abstract void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic);

        /// <summary>Runs once per document after all fixes, e.g. to add a using directive the fixes need.</summary>
        protected virtual Task<Document> AfterFixesAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(document);

        private bool IsMine(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(FixProperties.FixKey, out var kind) && kind == FixKind;

        private static SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            return root.FullSpan.Contains(span) ? root.FindNode(span, getInnermostNodeForTie: true) : null;
        }

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var fixedAny = false;
            foreach (var diagnostic in diagnostics.Where(IsMine).OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (FindTarget(editor.OriginalRoot, diagnostic) is { } target && CanFix(target, diagnostic))
                {
                    Fix(editor, target, diagnostic);
                    fixedAny = true;
                }
            }

            return fixedAny
                ? await AfterFixesAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false)
                : document;
        }

        private sealed class DocumentFixAll : DocumentBasedFixAllProvider
        {
            private readonly SdaCodeFixProvider _provider;

            public DocumentFixAll(SdaCodeFixProvider provider)
            {
                _provider = provider;
            }

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
                await _provider.ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
