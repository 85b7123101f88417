using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>
    /// Diagnostic properties that tell a code fix which mechanical change applies. The analyzer decides, so a fix is
    /// offered only where the analyzer saw that the change is safe.
    /// </summary>
    internal static class FixProperties
    {
        public const string FixKey = "SdaFix";
        public const string UrlKey = "SdaUrl";
        public const string EnumKey = "SdaEnum";

        public const string HttpsSchemeFix = "HttpsScheme";
        public const string AddUseHttpsFix = "AddUseHttps";
        public const string RemoveAssignmentFix = "RemoveAssignment";
        public const string NullArgumentFix = "NullArgument";
        public const string ModernTlsFix = "ModernTls";
        public const string UseTlsFix = "UseTls";

        public static readonly ImmutableDictionary<string, string?> None = ImmutableDictionary<string, string?>.Empty;

        public static readonly ImmutableDictionary<string, string?> AddUseHttps = None.Add(FixKey, AddUseHttpsFix);

        public static readonly ImmutableDictionary<string, string?> RemoveAssignment = None.Add(FixKey, RemoveAssignmentFix);

        public static readonly ImmutableDictionary<string, string?> NullArgument = None.Add(FixKey, NullArgumentFix);

        public static readonly ImmutableDictionary<string, string?> UseTls = None.Add(FixKey, UseTlsFix);

        public static ImmutableDictionary<string, string?> HttpsScheme(string url) => None.Add(FixKey, HttpsSchemeFix).Add(UrlKey, url);

        public static ImmutableDictionary<string, string?> ModernTls(string enumTypeName) => None.Add(FixKey, ModernTlsFix).Add(EnumKey, enumTypeName);

        /// <summary>A string literal or interpolated string whose text the scheme fix can edit.</summary>
        public static bool IsStringSyntax(SyntaxNode syntax) =>
            syntax is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax;
    }
}
