using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>
    /// Finds file, directory, archive-entry, download and object-storage names built from personal identifiers — the
    /// call-recording leak named every recording after the caller's phone number, so knowing a number was enough to
    /// fetch someone's calls. Reported at the name argument (or the assigned name property), once per call: SDA2001, or
    /// SDA2002 when the identifier reaches the name through an unkeyed hash, which enumeration reverses.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalIdentifierInNameAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.PersonalIdentifierInName,
            RuleDescriptors.PrivacyCategory,
            title: "Personal identifier in a file, blob or download name",
            messageFormat: "{0} is built from '{1}' ({2}); use an opaque id and keep the mapping in a protected store",
            description: "A name made of a phone number, national id, patient id or other personal identifier is guessable and listable: whoever knows or enumerates the identifier finds the file, and every directory listing, log line and URL discloses it.",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnkeyedHashRule = RuleDescriptors.Create(
            RuleIds.UnkeyedHashOfPersonalIdentifierInName,
            RuleDescriptors.PrivacyCategory,
            title: "Unkeyed hash of a personal identifier in a name",
            messageFormat: "{0} is an unkeyed hash of '{1}' ({2}); so few values exist that hashing them all reverses it: use a keyed HMAC with a secret key, or an opaque id",
            description: "Phone numbers, national ids and dates of birth have few possible values: an attacker hashes every one of them and looks the name up. A hash only hides an identifier when it is keyed (HMAC) and the key is secret.",
            DiagnosticSeverity.Warning);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, UnkeyedHashRule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var sinks = NameSinks.Create(context.Compilation);
            if (sinks.IsEmpty)
            {
                return;
            }

            var flow = IdentifierFlow.Create(context.Compilation);

            bool Check(OperationAnalysisContext c, IOperation value, string what)
            {
                if (flow.Find(value, SdaOptions.Pseudonymizers(c.Options, value.Syntax.SyntaxTree), c.CancellationToken) is not { } source)
                {
                    return false;
                }

                c.ReportDiagnostic(Diagnostic.Create(source.ThroughUnkeyedHash ? UnkeyedHashRule : Rule, value.Syntax.GetLocation(), what, source.Expression, source.Kind));
                return true;
            }

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    CheckNameArguments(c, invocation.TargetMethod, invocation.Arguments);
                    CheckHeaderArguments(c, invocation);
                },
                OperationKind.Invocation);
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Constructor is { } constructor)
                    {
                        CheckNameArguments(c, constructor, creation.Arguments);
                    }
                },
                OperationKind.ObjectCreation);
            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target)
                    {
                        return;
                    }

                    if (sinks.NameProperty(property) is { } what)
                    {
                        Check(c, assignment.Value, what);
                    }
                    else if (property.IsIndexer && target.Arguments.Length == 1 && sinks.IsContentDispositionHeader(property.ContainingType, target.Arguments[0].Value))
                    {
                        Check(c, assignment.Value, "Download name");
                    }
                },
                OperationKind.SimpleAssignment);

            // Headers.Append("Content-Disposition", value), Headers.Add(…), TryAddWithoutValidation(…): the value after the name.
            void CheckHeaderArguments(OperationAnalysisContext c, IInvocationOperation invocation)
            {
                // An extension method's receiver is its first argument.
                var method = invocation.TargetMethod;
                var first = method.IsExtensionMethod ? 1 : 0;
                var arguments = invocation.Arguments;
                var owner = method.IsExtensionMethod ? method.ContainingType : invocation.Instance?.Type ?? method.ContainingType;
                if (arguments.Length >= first + 2
                    && method.Name is "Append" or "Add" or "TryAdd" or "TryAddWithoutValidation" or "AppendCommaSeparatedValues"
                    && sinks.IsContentDispositionHeader(owner, arguments[first].Value))
                {
                    Check(c, arguments[first + 1].Value, "Download name");
                }
            }

            void CheckNameArguments(OperationAnalysisContext c, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
            {
                if (!sinks.HasNameParameters(method))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && sinks.NameParameter(method, parameter) is { } what && Check(c, argument.Value, what))
                    {
                        return; // one finding per call
                    }
                }
            }
        }
    }
}
