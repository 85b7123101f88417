using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SensitiveDataAnalyzers.CodeFixes.Core;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.CodeFixes.Dicom
{
    /// <summary>Turns a literal <c>useTls: false</c> of a fo-dicom client into <c>true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDicomTlsCodeFixProvider)), Shared]
    public sealed class UseDicomTlsCodeFixProvider : SdaCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PlaintextDicomClient);

        protected override string FixKind => FixProperties.UseTlsFix;

        protected override string Title => "Use TLS (useTls: true)";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) => target.IsKind(SyntaxKind.FalseLiteralExpression);

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic) =>
            editor.ReplaceNode(target, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(target));
    }
}
