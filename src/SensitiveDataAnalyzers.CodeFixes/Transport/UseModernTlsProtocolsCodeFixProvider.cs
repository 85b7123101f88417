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
    /// <summary>Replaces an obsolete protocol value with <c>Tls12 | Tls13</c> of the same enum.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseModernTlsProtocolsCodeFixProvider)), Shared]
    public sealed class UseModernTlsProtocolsCodeFixProvider : SdaCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ObsoleteTlsProtocol, RuleIds.ObsoleteDicomTlsProtocol);

        protected override string FixKind => FixProperties.ModernTlsFix;

        protected override string Title => "Use TLS 1.2 and TLS 1.3";

        protected override bool CanFix(SyntaxNode target, Diagnostic diagnostic) =>
            target is ExpressionSyntax && EnumTypeName(diagnostic) is not null;

        protected override void Fix(DocumentEditor editor, SyntaxNode target, Diagnostic diagnostic)
        {
            var fullName = EnumTypeName(diagnostic)!;
            var type = ShortestBindingName(editor.SemanticModel, target.SpanStart, fullName);
            var replacement = SyntaxFactory.ParseExpression($"{type}.Tls12 | {type}.Tls13").WithTriviaFrom(target);
            editor.ReplaceNode(target, replacement);
        }

        /// <summary>The simple name when it binds to the enum at that position (a using is in scope), else the full name.</summary>
        private static string ShortestBindingName(SemanticModel model, int position, string fullName)
        {
            var simpleName = fullName.Substring(fullName.LastIndexOf('.') + 1);
            var enumType = model.Compilation.GetTypeByMetadataName(fullName);
            foreach (var symbol in model.LookupNamespacesAndTypes(position, name: simpleName))
            {
                if (SymbolEqualityComparer.Default.Equals(symbol, enumType))
                {
                    return simpleName;
                }
            }

            return fullName;
        }

        private static string? EnumTypeName(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(FixProperties.EnumKey, out var name);
            return name switch
            {
                "SslProtocols" => "System.Security.Authentication.SslProtocols",
                "SecurityProtocolType" => "System.Net.SecurityProtocolType",
                _ => null,
            };
        }
    }
}
