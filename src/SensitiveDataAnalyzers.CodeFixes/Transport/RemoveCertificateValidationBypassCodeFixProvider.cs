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
    /// <summary>
    /// Removes an always-true certificate validation callback (or fo-dicom's <c>IgnoreSslPolicyErrors = true</c>) so the
    /// platform's validation applies again: the assignment statement or initializer member goes; an SslStream constructor
    /// argument becomes <c>null</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveCertificateValidationBypassCodeFixProvider)), Shared]
    public sealed class RemoveCertificateValidationBypassCodeFixProvider : SdaCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CertificateValidationDisabled, RuleIds.DicomCertificateChecksDisabled);

        protected override string FixKind => FixProperties.RemoveAssignmentFix;

        protected override string Title => "Remove the certificate validation bypass";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) =>
            target.FirstAncestorOrSelf<AssignmentExpressionSyntax>()?.Parent is ExpressionStatementSyntax or InitializerExpressionSyntax or LambdaExpressionSyntax;

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic)
        {
            var assignment = target.FirstAncestorOrSelf<AssignmentExpressionSyntax>()!;
            switch (assignment.Parent)
            {
                case ExpressionStatementSyntax statement:
                    // The statement's own line goes with it; directives around it stay balanced.
                    editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    break;
                case InitializerExpressionSyntax:
                    editor.RemoveNode(assignment);
                    break;
                case LambdaExpressionSyntax:
                    // o => o.Callback = (…) => true   becomes   o => { }
                    editor.ReplaceNode(assignment, SyntaxFactory.Block().WithTriviaFrom(assignment));
                    break;
            }
        }
    }

    /// <summary>Replaces an always-true validation callback passed to an SslStream constructor with null (default validation).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullCertificateValidationArgumentCodeFixProvider)), Shared]
    public sealed class NullCertificateValidationArgumentCodeFixProvider : SdaCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CertificateValidationDisabled);

        protected override string FixKind => FixProperties.NullArgumentFix;

        protected override string Title => "Use the default certificate validation (null)";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) => target is ExpressionSyntax;

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic) =>
            editor.ReplaceNode(target, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(target));
    }
}
