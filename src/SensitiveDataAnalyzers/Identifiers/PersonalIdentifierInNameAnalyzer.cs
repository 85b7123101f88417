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

            var flow = IdentifierFlow.Create(context.Compilation);

            // Per compilation, per method of the same file: the name arguments of its sink calls that read one of its
            // parameters and are not findings on their own. Computed on first call, shared by every caller.
            // .editorconfig options, read once per file of this compilation (every invocation consults them).
            var optionsByTree = new ConcurrentDictionary<SyntaxTree, NameOptions>();
            NameOptions OptionsFor(AnalyzerOptions options, SyntaxTree tree) => optionsByTree.GetOrAdd(tree, t => NameOptions.Read(options, t));

            // Configured sinks are rare: when no file sets sda.name_sinks, calls to other APIs need no option lookup at all.
            var anyConfiguredSinks = false;
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                if (!OptionsFor(context.Options, tree).Sinks.IsEmpty)
                {
                    anyConfiguredSinks = true;
                    break;
                }
            }

            var namesFromParameters = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<(IOperation Value, string What)>>(SymbolEqualityComparer.Default);

            bool Check(OperationAnalysisContext c, IOperation value, string what)
            {
                if (flow.Find(value, OptionsFor(c.Options, value.Syntax.SyntaxTree), c.CancellationToken) is not { } source)
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
                    CheckCallee(c, invocation);
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

            // Store(call.CallerPhoneNumber, audio) where Store writes File.WriteAllBytes(key + ".wav", audio): the finding is
            // at the call that brings the identifier, since the callee alone names nothing personal.
            void CheckCallee(OperationAnalysisContext c, IInvocationOperation invocation)
            {
                var callee = invocation.TargetMethod.OriginalDefinition;
                if (invocation.Arguments.IsEmpty || invocation.SemanticModel is not { } model || !DeclaredIn(callee, model.SyntaxTree))
                {
                    return; // only methods of the caller's file: their operations come from the model at hand
                }

                var names = namesFromParameters.GetOrAdd(callee, method => MentionsNameSink(method, c) ? NamesFromParameters(method, model, c) : ImmutableArray<(IOperation, string)>.Empty);
                foreach (var (value, what) in names)
                {
                    if (flow.FindThroughCall(value, invocation, OptionsFor(c.Options, invocation.Syntax.SyntaxTree), c.CancellationToken) is { } source)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            source.ThroughUnkeyedHash ? UnkeyedHashRule : Rule,
                            invocation.Syntax.GetLocation(),
                            what + " (written by '" + callee.Name + "')",
                            source.Expression,
                            source.Kind));
                        return; // one finding per call
                    }
                }
            }

            // A token scan before any binding: most methods of a code base never mention a file, blob or download API.
            static bool MentionsNameSink(IMethodSymbol method, OperationAnalysisContext c)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    foreach (var token in reference.GetSyntax(c.CancellationToken).DescendantTokens())
                    {
                        if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && NameSinks.SinkWords.Contains(token.ValueText))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            // A parameter read directly, or through locals (var path = Path.Combine(root, key)), a few assignments deep.
            static bool DependsOnParameter(IOperation value, IOperation body)
            {
                var pending = new Stack<(IOperation Operation, int Depth)>();
                var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                pending.Push((value, 0));
                while (pending.Count > 0)
                {
                    var (operation, depth) = pending.Pop();
                    foreach (var node in operation.DescendantsAndSelf())
                    {
                        if (node is IParameterReferenceOperation)
                        {
                            return true;
                        }

                        if (node is ILocalReferenceOperation local && depth < 4 && seen.Add(local.Local))
                        {
                            foreach (var written in IdentifierFlow.LocalWrites(local.Local, body))
                            {
                                pending.Push((written, depth + 1));
                            }
                        }
                    }
                }

                return false;
            }

            static bool DeclaredIn(IMethodSymbol method, SyntaxTree tree)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == tree)
                    {
                        return true;
                    }
                }

                return false;
            }

            ImmutableArray<(IOperation Value, string What)> NamesFromParameters(IMethodSymbol method, SemanticModel model, OperationAnalysisContext c)
            {
                var result = ImmutableArray.CreateBuilder<(IOperation, string)>();
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree || model.GetOperation(reference.GetSyntax(c.CancellationToken), c.CancellationToken) is not { } body)
                    {
                        continue;
                    }

                    foreach (var operation in body.Descendants())
                    {
                        var (callMethod, arguments) = operation switch
                        {
                            IInvocationOperation call => (call.TargetMethod, call.Arguments),
                            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                        };
                        if (callMethod is null || !sinks.HasNameParameters(callMethod))
                        {
                            continue;
                        }

                        foreach (var argument in arguments)
                        {
                            // Only names that read a parameter can get an identifier from a call; names that are findings on
                            // their own are reported in the callee, not again at every call.
                            if (argument.Parameter is { } parameter && sinks.NameParameter(callMethod, parameter) is { } what
                                && DependsOnParameter(argument.Value, body)
                                && flow.Find(argument.Value, NameOptions.None, c.CancellationToken) is null)
                            {
                                result.Add((argument.Value, what));
                            }
                        }
                    }
                }

                return result.ToImmutable();
            }

            // Headers.Append("Content-Disposition", value), Headers.Add(…), TryAddWithoutValidation(…): the value after the name.
            void CheckHeaderArguments(OperationAnalysisContext c, IInvocationOperation invocation)
            {
                // An extension method's receiver is its first argument.
                var method = invocation.TargetMethod;
                if (method.Name is not ("Append" or "Add" or "TryAdd" or "TryAddWithoutValidation" or "AppendCommaSeparatedValues"))
                {
                    return; // every invocation comes here: the name test first, it is the cheap one
                }

                var first = method.IsExtensionMethod ? 1 : 0;
                var arguments = invocation.Arguments;
                var owner = method.IsExtensionMethod ? method.ContainingType : invocation.Instance?.Type ?? method.ContainingType;
                if (arguments.Length >= first + 2 && sinks.IsContentDispositionHeader(owner, arguments[first].Value))
                {
                    Check(c, arguments[first + 1].Value, "Download name");
                }
            }

            void CheckNameArguments(OperationAnalysisContext c, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
            {
                var configured = NameOptions.None;
                if (!sinks.HasNameParameters(method)
                    && (!anyConfiguredSinks || (configured = OptionsFor(c.Options, c.Operation.Syntax.SyntaxTree)).Sinks.IsEmpty))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter
                        && (sinks.NameParameter(method, parameter) ?? configured.SinkParameter(method, parameter)) is { } what
                        && Check(c, argument.Value, what))
                    {
                        return; // one finding per call
                    }
                }
            }
        }
    }
}
