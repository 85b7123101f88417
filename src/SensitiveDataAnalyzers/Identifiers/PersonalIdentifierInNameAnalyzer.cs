using System.Collections.Concurrent;
using System.Collections.Generic;
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

            // .editorconfig options, read once per file of this compilation (every invocation consults them).
            var optionsByTree = new ConcurrentDictionary<SyntaxTree, NameOptions>();
            var analyzerOptions = context.Options;
            NameOptions OptionsFor(SyntaxTree tree) => optionsByTree.GetOrAdd(tree, t => NameOptions.Read(analyzerOptions, t));

            // Configured sinks are rare: when no file sets sda.name_sinks, calls to other APIs need no option lookup at all.
            var anyConfiguredSinks = false;
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                if (!OptionsFor(tree).Sinks.IsEmpty)
                {
                    anyConfiguredSinks = true;
                    break;
                }
            }

            // Per compilation: the flow and the summaries of the methods it follows, in any file.
            var flow = IdentifierFlow.Create(context.Compilation, sinks, OptionsFor);

            context.RegisterOperationAction(
                c =>
                {
                    var options = anyConfiguredSinks ? OptionsFor(c.Operation.Syntax.SyntaxTree) : NameOptions.None;
                    foreach (var (value, what) in sinks.NamesIn(c.Operation, options))
                    {
                        if (flow.Find(value, OptionsFor(value.Syntax.SyntaxTree), c.CancellationToken) is { } source)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(source.ThroughUnkeyedHash ? UnkeyedHashRule : Rule, value.Syntax.GetLocation(), what, source.Expression, source.Kind));
                            return; // one finding per call
                        }
                    }

                    if (c.Operation is IInvocationOperation invocation)
                    {
                        CheckCallee(c, invocation);
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment);

            // Store(call.CallerPhoneNumber, audio) where Store (in any file) writes File.WriteAllBytes(key + ".wav", audio),
            // itself or through the methods it calls: the finding is at the call that brings the identifier, since the
            // callee alone names nothing personal.
            void CheckCallee(OperationAnalysisContext c, IInvocationOperation invocation)
            {
                var callee = invocation.TargetMethod;
                if (invocation.Arguments.IsEmpty || !flow.MayWriteNames(callee))
                {
                    return;
                }

                // The arguments first: a call rarely passes a personal identifier, and then the callee's body (often in
                // another file, whose semantic model the driver may have released) is not bound at all.
                Dictionary<int, IdentifierSource>? carried = null;
                var options = OptionsFor(invocation.Syntax.SyntaxTree);
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter
                        && MethodSummaries.IsText(parameter.Type)
                        && flow.Find(argument.Value, options, c.CancellationToken) is { } found)
                    {
                        (carried ??= new Dictionary<int, IdentifierSource>())[parameter.Ordinal] = found;
                    }
                }

                if (carried is null)
                {
                    return;
                }

                foreach (var write in flow.NameWrites(callee, c.CancellationToken))
                {
                    foreach (var parameter in write.Parameters)
                    {
                        if (carried.TryGetValue(parameter.Ordinal, out var found))
                        {
                            var source = parameter.Hashed ? found.Hashed() : found;
                            c.ReportDiagnostic(Diagnostic.Create(
                                source.ThroughUnkeyedHash ? UnkeyedHashRule : Rule,
                                invocation.Syntax.GetLocation(),
                                write.What + " (written by '" + callee.Name + "')",
                                source.Expression,
                                source.Kind));
                            return; // one finding per call
                        }
                    }
                }
            }
        }
    }
}
