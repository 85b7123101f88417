using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>
    /// The .editorconfig options of the personal-identifier rules for one file: pseudonymizers (the flow ends there),
    /// extra personal-data attributes (sources) and extra name parameters (sinks). Names are written
    /// <c>Namespace.Type.Member</c> or <c>Type.Member</c>.
    /// </summary>
    internal sealed class NameOptions
    {
        public static readonly NameOptions None = new(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

        private NameOptions(ImmutableHashSet<string> pseudonymizers, ImmutableHashSet<string> attributes, ImmutableHashSet<string> sinks)
        {
            Pseudonymizers = pseudonymizers;
            Attributes = attributes;
            Sinks = sinks;
        }

        public ImmutableHashSet<string> Pseudonymizers { get; }

        public ImmutableHashSet<string> Attributes { get; }

        /// <summary><c>Type.Method:parameter</c> entries.</summary>
        public ImmutableHashSet<string> Sinks { get; }

        public static NameOptions Read(AnalyzerOptions options, SyntaxTree tree)
        {
            var pseudonymizers = SdaOptions.NameList(options, tree, SdaOptions.PseudonymizersKey);
            var attributes = SdaOptions.NameList(options, tree, SdaOptions.PersonalDataAttributesKey);
            var sinks = SdaOptions.NameList(options, tree, SdaOptions.NameSinksKey);
            return pseudonymizers.IsEmpty && attributes.IsEmpty && sinks.IsEmpty ? None : new NameOptions(pseudonymizers, attributes, sinks);
        }

        public bool IsPseudonymizer(IMethodSymbol method) =>
            !Pseudonymizers.IsEmpty && Matches(Pseudonymizers, method.ContainingType, method.Name);

        /// <summary>A configured attribute, by full or simple name, with or without the "Attribute" suffix.</summary>
        public bool IsPersonalDataAttribute(INamedTypeSymbol attribute)
        {
            if (Attributes.IsEmpty)
            {
                return false;
            }

            var full = FullName(attribute);
            var shortName = attribute.Name.EndsWith("Attribute", StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;
            var shortFull = full.EndsWith("Attribute", StringComparison.Ordinal) ? full.Substring(0, full.Length - "Attribute".Length) : full;
            return Attributes.Contains(full) || Attributes.Contains(attribute.Name) || Attributes.Contains(shortName) || Attributes.Contains(shortFull);
        }

        /// <summary>"Name" when the parameter is a configured sink, else null.</summary>
        public string? SinkParameter(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (Sinks.IsEmpty)
            {
                return null;
            }

            var type = method.ContainingType;
            var member = method.MethodKind == MethodKind.Constructor ? type.Name : method.Name;
            return Sinks.Contains(type.Name + "." + member + ":" + parameter.Name) || Sinks.Contains(FullName(type) + "." + member + ":" + parameter.Name)
                ? "Name"
                : null;
        }

        private static bool Matches(ImmutableHashSet<string> names, INamedTypeSymbol type, string member) =>
            names.Contains(type.Name + "." + member) || names.Contains(FullName(type) + "." + member);

        private static string FullName(INamedTypeSymbol type) =>
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
    }
}
