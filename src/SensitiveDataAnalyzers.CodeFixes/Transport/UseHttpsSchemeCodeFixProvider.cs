using System;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SensitiveDataAnalyzers.CodeFixes.Core;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.CodeFixes.Transport
{
    /// <summary>Rewrites the flagged <c>http://</c> URL in a string literal or interpolated string to <c>https://</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseHttpsSchemeCodeFixProvider)), Shared]
    public sealed class UseHttpsSchemeCodeFixProvider : SdaCodeFixProvider
    {
        private const string PlainScheme = "http://";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.PlaintextHttpListener, RuleIds.PlaintextHttpOnTlsPort, RuleIds.PlaintextHttpBehindProxy);

        protected override string FixKind => FixProperties.HttpsSchemeFix;

        protected override string Title => "Use https://";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) => SchemeOffset(target, diagnostic) >= 0;

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic)
        {
            var offset = SchemeOffset(target, diagnostic);
            var text = target.ToString();
            var rewritten = text.Substring(0, offset) + "https://" + text.Substring(offset + PlainScheme.Length);
            editor.ReplaceNode(target, SyntaxFactory.ParseExpression(rewritten).WithTriviaFrom(target));
        }

        /// <summary>
        /// Offset, within the node's text, of the scheme of the flagged URL: for a ';' list the same occurrence as
        /// in the value; for an interpolated string the first one in its text parts. -1 when there is none.
        /// </summary>
        private static int SchemeOffset(SyntaxNode target, Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(FixProperties.UrlKey, out var url);
            switch (target)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    var value = literal.Token.ValueText;
                    var position = url is null ? -1 : value.IndexOf(url, StringComparison.OrdinalIgnoreCase);
                    var occurrence = position < 0 ? 0 : CountOccurrences(value.Substring(0, position));
                    return NthOccurrence(literal.Token.Text, occurrence);
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax textPart && NthOccurrence(textPart.TextToken.Text, 0) is var index and >= 0)
                        {
                            return textPart.SpanStart - interpolated.SpanStart + index;
                        }
                    }

                    return -1;
                default:
                    return -1;
            }
        }

        private static int CountOccurrences(string text)
        {
            var count = 0;
            for (var i = text.IndexOf(PlainScheme, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(PlainScheme, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }

            return count;
        }

        private static int NthOccurrence(string text, int n)
        {
            var index = text.IndexOf(PlainScheme, StringComparison.OrdinalIgnoreCase);
            for (; index >= 0 && n > 0; n--)
            {
                index = text.IndexOf(PlainScheme, index + 1, StringComparison.OrdinalIgnoreCase);
            }

            return index;
        }
    }
}
