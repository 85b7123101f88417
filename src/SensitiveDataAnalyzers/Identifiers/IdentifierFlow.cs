using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>A personal identifier found in a value: the expression that reads it and what kind it is.</summary>
    internal readonly struct IdentifierSource
    {
        public IdentifierSource(string expression, string kind, bool throughUnkeyedHash = false)
        {
            Expression = expression;
            Kind = kind;
            ThroughUnkeyedHash = throughUnkeyedHash;
        }

        /// <summary>The source expression as written (<c>call.CallerPhoneNumber</c>), shortened for messages.</summary>
        public string Expression { get; }

        /// <summary>What it is, in words: "phone number", "personal data", …</summary>
        public string Kind { get; }

        /// <summary>The value reaches the name through a hash without a key (MD5, SHA-1, SHA-2): reversible by enumeration.</summary>
        public bool ThroughUnkeyedHash { get; }

        public IdentifierSource Hashed() => new(Expression, Kind, throughUnkeyedHash: true);
    }

    /// <summary>
    /// Walks backwards from a value to the personal identifiers it is built from: through conversions, interpolation,
    /// concatenation, <c>?:</c>, <c>??</c>, <c>await</c>, locals (every write in the method), the string and path
    /// helpers that keep their input in their output, and the results of this compilation's methods in any file (through
    /// their cached summaries: an identifier the callee reads, or the argument given for a parameter its result carries).
    /// Anything else — an unknown method, a hash, a GUID — ends the walk without a source: the rule reports what it can
    /// show, not what it guesses. Bounded in depth.
    /// </summary>
    internal sealed class IdentifierFlow
    {
        private const int MaxDepth = 24;
        private const int MaxExpressionLength = 60;

        private static readonly ImmutableHashSet<string> StringPropagators = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Format", "Concat", "Join", "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToLowerInvariant", "ToUpper",
            "ToUpperInvariant", "Replace", "Substring", "PadLeft", "PadRight", "Normalize", "Insert", "Remove");

        /// <summary>StringBuilder methods that put text into the builder (and return it, so calls chain).</summary>
        private static readonly ImmutableHashSet<string> BuilderWriters = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Append", "AppendFormat", "AppendJoin", "AppendLine", "Insert", "Replace");

        private static readonly ImmutableHashSet<string> PathPropagators = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Combine", "Join", "ChangeExtension", "GetFileName", "GetFileNameWithoutExtension", "GetFullPath");

        /// <summary>DICOM attributes that identify the patient, and what they are.</summary>
        private static readonly ImmutableDictionary<string, string> PatientTags = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            new[]
            {
                new KeyValuePair<string, string>("PatientID", "patient identifier"),
                new KeyValuePair<string, string>("OtherPatientIDs", "patient identifier"),
                new KeyValuePair<string, string>("OtherPatientIDsSequence", "patient identifier"),
                new KeyValuePair<string, string>("IssuerOfPatientID", "patient identifier"),
                new KeyValuePair<string, string>("PatientName", "person's name"),
                new KeyValuePair<string, string>("PatientBirthName", "person's name"),
                new KeyValuePair<string, string>("PatientMotherBirthName", "person's name"),
                new KeyValuePair<string, string>("PatientBirthDate", "date of birth"),
                new KeyValuePair<string, string>("PatientAddress", "postal address"),
                new KeyValuePair<string, string>("PatientTelephoneNumbers", "phone number"),
            });

        private static readonly ImmutableHashSet<string> DatasetReaders = ImmutableHashSet.Create(
            StringComparer.Ordinal, "GetString", "GetSingleValue", "GetSingleValueOrDefault", "GetValue", "GetValueOrDefault", "GetValues", "TryGetString", "TryGetSingleValue", "TryGetValue");

        /// <summary>Hash algorithms without a key: MD5, SHA-1 and SHA-2 (static HashData, instance ComputeHash).</summary>
        private static readonly string[] UnkeyedHashTypes =
        {
            "System.Security.Cryptography.MD5", "System.Security.Cryptography.SHA1", "System.Security.Cryptography.SHA256",
            "System.Security.Cryptography.SHA384", "System.Security.Cryptography.SHA512", "System.Security.Cryptography.SHA3_256",
            "System.Security.Cryptography.SHA3_384", "System.Security.Cryptography.SHA3_512",
        };

        /// <summary>Conversions that keep the information of their input (bytes to text and back).</summary>
        private static readonly (string Type, string[] Methods)[] EncodingPropagators =
        {
            ("System.Convert", new[] { "ToString", "ToHexString", "ToHexStringLower", "ToBase64String", "FromHexString", "FromBase64String" }),
            ("System.Uri", new[] { "EscapeDataString", "EscapeUriString", "UnescapeDataString" }),
            ("System.Net.WebUtility", new[] { "UrlEncode", "UrlDecode", "HtmlEncode" }),
            ("System.BitConverter", new[] { "ToString" }),
            ("System.Text.Encoding", new[] { "GetBytes", "GetString" }),
        };

        private readonly INamedTypeSymbol? _path;
        private readonly ImmutableArray<INamedTypeSymbol> _personalDataAttributes;
        private readonly ImmutableArray<INamedTypeSymbol> _bindingNameAttributes;
        private readonly ImmutableArray<INamedTypeSymbol> _datasets;
        private readonly ImmutableArray<INamedTypeSymbol> _dicomTags;
        private readonly ImmutableArray<INamedTypeSymbol> _unkeyedHashes;
        private readonly INamedTypeSymbol? _hashAlgorithm;
        private readonly INamedTypeSymbol? _stringBuilder;
        private readonly ImmutableDictionary<INamedTypeSymbol, ImmutableHashSet<string>> _encodings;

        private readonly MethodSummaries _summaries;

        /// <summary>Per body (its root operation, held weakly: the driver drops a body's operations after analyzing it).</summary>
        private readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> _localWrites = new();

        private IdentifierFlow(Compilation compilation, ImmutableArray<INamedTypeSymbol> personalDataAttributes, NameSinks sinks, Func<SyntaxTree, NameOptions> optionsFor)
        {
            _summaries = new MethodSummaries(this, new SourceMethodBodies(compilation), sinks, optionsFor);
            _path = KnownTypes.Find(compilation, "System.IO.Path");
            _personalDataAttributes = personalDataAttributes;
            _bindingNameAttributes = Types(
                compilation,
                "System.Text.Json.Serialization.JsonPropertyNameAttribute",
                "Newtonsoft.Json.JsonPropertyAttribute",
                "System.Runtime.Serialization.DataMemberAttribute",
                "Microsoft.AspNetCore.Mvc.FromQueryAttribute",
                "Microsoft.AspNetCore.Mvc.FromRouteAttribute",
                "Microsoft.AspNetCore.Mvc.FromHeaderAttribute",
                "Microsoft.AspNetCore.Mvc.FromFormAttribute",
                "Microsoft.AspNetCore.Mvc.BindPropertyAttribute",
                "Microsoft.AspNetCore.Mvc.ModelBinderAttribute");
            _datasets = Types(compilation, "FellowOakDicom.DicomDataset", "Dicom.DicomDataset");
            _dicomTags = Types(compilation, "FellowOakDicom.DicomTag", "Dicom.DicomTag");
            _unkeyedHashes = Types(compilation, UnkeyedHashTypes);
            _hashAlgorithm = KnownTypes.Find(compilation, "System.Security.Cryptography.HashAlgorithm");
            _stringBuilder = KnownTypes.Find(compilation, "System.Text.StringBuilder");
            var encodings = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);
            foreach (var (type, methods) in EncodingPropagators)
            {
                if (KnownTypes.Find(compilation, type) is { } symbol)
                {
                    encodings[symbol] = methods.ToImmutableHashSet(StringComparer.Ordinal);
                }
            }

            _encodings = encodings.ToImmutable();
        }

        private static ImmutableArray<INamedTypeSymbol> Types(Compilation compilation, params string[] names) =>
            names.Select(name => KnownTypes.Find(compilation, name)).Where(type => type is not null).Select(type => type!).ToImmutableArray();

        /// <param name="optionsFor">The .editorconfig options of a file (a callee is summarized with its own file's options).</param>
        public static IdentifierFlow Create(Compilation compilation, NameSinks sinks, Func<SyntaxTree, NameOptions> optionsFor)
        {
            var attributes = new[]
                {
                    "Microsoft.AspNetCore.Identity.PersonalDataAttribute",
                    "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute",
                }
                .Select(name => KnownTypes.Find(compilation, name))
                .Where(type => type is not null)
                .Select(type => type!)
                .ToImmutableArray();
            return new IdentifierFlow(compilation, attributes, sinks, optionsFor);
        }

        /// <summary>
        /// The name arguments inside <paramref name="method"/> (or the methods it calls) built from its parameters: a call
        /// that passes an identifier for one of them names a file after it.
        /// </summary>
        public ImmutableArray<NameWrite> NameWrites(IMethodSymbol method, CancellationToken cancellationToken) =>
            _summaries.NameWrites(method, stack: null, cancellationToken);

        /// <summary>Cheap: whether <see cref="NameWrites"/> could find anything (a method of this compilation that takes text).</summary>
        public bool MayWriteNames(IMethodSymbol method) => _summaries.MayWriteNames(method);

        /// <summary>The first personal identifier <paramref name="value"/> is built from, or null.</summary>
        /// <param name="options">The file's .editorconfig options: pseudonymizers end the walk, configured attributes mark sources.</param>
        public IdentifierSource? Find(IOperation value, NameOptions options, CancellationToken cancellationToken) =>
            new Walk(this, options, new SummaryStack(), summarized: null, cancellationToken).Trace(value, 0);

        /// <summary>
        /// What reaches <paramref name="value"/>, an operation inside <paramref name="method"/>: an identifier the method
        /// reads itself, or which of its parameters (to be resolved at each call). Part of a method summary.
        /// </summary>
        internal ValueSummary Summarize(IOperation value, IMethodSymbol method, NameOptions options, SummaryStack stack, CancellationToken cancellationToken)
        {
            var walk = new Walk(this, options, stack, method, cancellationToken);
            return walk.Trace(value, 0) is { } own ? new ValueSummary(own, ImmutableArray<ParameterFlow>.Empty) : new ValueSummary(null, walk.Parameters());
        }

        /// <summary>Summarize over every value a method returns.</summary>
        internal ValueSummary SummarizeReturns(IOperation body, IMethodSymbol method, NameOptions options, SummaryStack stack, CancellationToken cancellationToken)
        {
            var walk = new Walk(this, options, stack, method, cancellationToken);
            foreach (var returned in Walk.Returns(body))
            {
                if (walk.Trace(returned, 0) is { } own)
                {
                    return new ValueSummary(own, ImmutableArray<ParameterFlow>.Empty);
                }
            }

            return new ValueSummary(null, walk.Parameters());
        }

        /// <summary>The value a call passes for the parameter at <paramref name="ordinal"/> (the receiver of an extension method is one).</summary>
        internal static IOperation? ArgumentFor(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>"phone number", "personal data", or null when the symbol does not denote a personal identifier.</summary>
        private string? KindOf(ISymbol symbol, NameOptions options)
        {
            var kind = PersonalIdentifierNames.Classify(symbol.Name);
            if (kind != PersonalIdentifierKind.None)
            {
                return NamesFilesOrCode(symbol) ? null : PersonalIdentifierNames.Describe(kind);
            }

            if (_personalDataAttributes.IsEmpty && _bindingNameAttributes.IsEmpty && options.Attributes.IsEmpty)
            {
                return null;
            }

            // [PersonalData], [ProtectedPersonalData] (derives from it), data-classification and configured attributes mark members;
            // a JSON or request binding name ([JsonPropertyName("msisdn")], [FromQuery(Name = "phone")]) names what the value is.
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } configured && options.IsPersonalDataAttribute(configured))
                {
                    return "personal data";
                }

                if (BindingName(attribute) is { } bound && PersonalIdentifierNames.Classify(bound) is var boundKind && boundKind != PersonalIdentifierKind.None)
                {
                    return PersonalIdentifierNames.Describe(boundKind);
                }

                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (_personalDataAttributes.Contains(type, SymbolEqualityComparer.Default))
                    {
                        return "personal data";
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// FileSystemInfo.FullName, ZipArchiveEntry.FullName, Type.FullName, Assembly.FullName, AssemblyName.Name: the
        /// framework's members for files and code are named like people's but hold paths and type names.
        /// </summary>
        private static bool NamesFilesOrCode(ISymbol symbol)
        {
            if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.ContainingType is not { } type || type.ContainingAssembly is null
                || type.DeclaringSyntaxReferences.Length > 0)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == "Type" && IsNamespace(current.ContainingNamespace, "System"))
                {
                    return true;
                }
            }

            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if ((ns.Name == "IO" || ns.Name == "Reflection") && IsNamespace(ns.ContainingNamespace, "System"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNamespace(INamespaceSymbol? ns, string name) =>
            ns is { Name: var actual, ContainingNamespace.IsGlobalNamespace: true } && actual == name;

        /// <summary>The name a serializer or model binder uses for the member, when the attribute gives one.</summary>
        private string? BindingName(AttributeData attribute)
        {
            if (attribute.AttributeClass is null || !_bindingNameAttributes.Contains(attribute.AttributeClass, SymbolEqualityComparer.Default))
            {
                return null;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key is "Name" or "PropertyName" && named.Value.Value is string name)
                {
                    return name;
                }
            }

            return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string argument ? argument : null;
        }

        private bool Propagates(IMethodSymbol method)
        {
            switch (method.ContainingType?.SpecialType)
            {
                case SpecialType.System_String:
                    return StringPropagators.Contains(method.Name);
                case SpecialType.System_Object:
                    return method.Name == "ToString";
            }

            if (method.Name == "ToString" && !method.IsStatic)
            {
                return true; // the receiver's text, formatted or not: dateOfBirth.ToString("yyyyMMdd"), phone.ToString(culture)
            }

            if (_path is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _path))
            {
                return PathPropagators.Contains(method.Name);
            }

            // Encoding.UTF8.GetBytes is declared on Encoding and called on a derived instance: walk the base types.
            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (_encodings.TryGetValue(type, out var methods))
                {
                    return methods.Contains(method.Name);
                }
            }

            return false;
        }

        private bool IsStringBuilder(ITypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(type, _stringBuilder);

        /// <summary>MD5/SHA-1/SHA-2/SHA-3 HashData, or ComputeHash on an instance of one of them (not HMAC: it has a key).</summary>
        private bool IsUnkeyedHash(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("HashData" or "HashDataAsync" or "ComputeHash" or "ComputeHashAsync" or "TryHashData"))
            {
                return false;
            }

            if (_unkeyedHashes.Contains(method.ContainingType, SymbolEqualityComparer.Default))
            {
                return true;
            }

            // sha.ComputeHash(bytes) is declared on HashAlgorithm: judge the receiver's static type.
            return SymbolEqualityComparer.Default.Equals(method.ContainingType, _hashAlgorithm)
                && invocation.Instance?.Type is INamedTypeSymbol receiver
                && Inherits(receiver, _unkeyedHashes);
        }

        private static bool Inherits(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> bases)
        {
            for (var current = (INamedTypeSymbol?)type; current is not null; current = current.BaseType)
            {
                if (bases.Contains(current, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>dataset.GetString(DicomTag.PatientID) and the other readers of a patient-identifying DICOM attribute.</summary>
        private string? DicomSource(IInvocationOperation invocation)
        {
            if (_datasets.IsEmpty
                || !DatasetReaders.Contains(invocation.TargetMethod.Name)
                || !_datasets.Contains(invocation.TargetMethod.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default)
                || invocation.Arguments.Length == 0)
            {
                return null;
            }

            var tag = invocation.Arguments[0].Value;
            while (tag is IConversionOperation conversion)
            {
                tag = conversion.Operand;
            }

            return tag is IFieldReferenceOperation { Field: { IsStatic: true } field }
                   && _dicomTags.Contains(field.ContainingType, SymbolEqualityComparer.Default)
                   && PatientTags.TryGetValue(field.Name, out var kind)
                ? kind
                : null;
        }

        /// <summary>
        /// Every value written to <paramref name="local"/> in its body: its initializer, assignments, and the call that
        /// fills it as an <c>out</c> argument (<c>dataset.TryGetString(DicomTag.PatientID, out var id)</c>).
        /// </summary>
        private IReadOnlyList<IOperation> LocalWrites(ILocalReferenceOperation reference) =>
            _localWrites.GetValue(OperationTree.Root(reference), IndexLocalWrites).TryGetValue(reference.Local, out var writes)
                ? writes
                : Array.Empty<IOperation>();

        /// <summary>
        /// The writes of every local of a body, in one walk. The operation callbacks of one body trace many locals (and
        /// members of locals) of the same body; walking the body once per local was a quarter of this rule's cost.
        /// </summary>
        private static Dictionary<ILocalSymbol, List<IOperation>> IndexLocalWrites(IOperation root)
        {
            var writes = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            void Add(ILocalSymbol local, IOperation value)
            {
                if (!writes.TryGetValue(local, out var values))
                {
                    writes[local] = values = new List<IOperation>(1);
                }

                values.Add(value);
            }

            foreach (var descendant in root.Descendants())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation declarator:
                        if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value is { } initial)
                        {
                            Add(declarator.Symbol, initial);
                        }

                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: ILocalReferenceOperation written, Parent: { } call }:
                        Add(written.Local, call);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared }, Parent: { } declaringCall }:
                        Add(declared.Local, declaringCall);
                        break;
                }
            }

            return writes;
        }

        private static string Shorten(SyntaxNode syntax)
        {
            var text = syntax.ToString();
            return text.Length <= MaxExpressionLength ? text : text.Substring(0, MaxExpressionLength - 1) + "…";
        }

        /// <summary>
        /// One search: remembers what it has visited, so cycles (a local assigned from itself) end. When it summarizes a
        /// method, the method's parameters it reaches are recorded (to be resolved at each call) instead of ending it.
        /// </summary>
        private sealed class Walk
        {
            private readonly IdentifierFlow _flow;
            private readonly NameOptions _options;
            private readonly SummaryStack _stack;
            private readonly IMethodSymbol? _summarized;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<IOperation> _visited = new();
            private Dictionary<int, bool>? _parameters;
            private int _hashes;

            public Walk(IdentifierFlow flow, NameOptions options, SummaryStack stack, IMethodSymbol? summarized, CancellationToken cancellationToken)
            {
                _flow = flow;
                _options = options;
                _stack = stack;
                _summarized = summarized;
                _cancellationToken = cancellationToken;
            }

            /// <summary>The summarized method's parameters reached so far, each marked when only through an unkeyed hash.</summary>
            public ImmutableArray<ParameterFlow> Parameters() =>
                _parameters is null
                    ? ImmutableArray<ParameterFlow>.Empty
                    : _parameters.OrderBy(p => p.Key).Select(p => new ParameterFlow(p.Key, p.Value)).ToImmutableArray();

            public IdentifierSource? Trace(IOperation? operation, int depth)
            {
                if (operation is null || depth > MaxDepth || operation.ConstantValue.HasValue || !_visited.Add(operation))
                {
                    return null;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var next = depth + 1;
                switch (operation)
                {
                    case IConversionOperation conversion:
                        return Trace(conversion.Operand, next);
                    case IParenthesizedOperation parenthesized:
                        return Trace(parenthesized.Operand, next);
                    case IAwaitOperation awaited:
                        return Trace(awaited.Operation, next);
                    case IInterpolatedStringOperation interpolated:
                        return First(interpolated.Parts.OfType<IInterpolationOperation>().Select(part => part.Expression), next);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        return Trace(binary.LeftOperand, next) ?? Trace(binary.RightOperand, next);
                    case IConditionalOperation conditional:
                        return Trace(conditional.WhenTrue, next) ?? Trace(conditional.WhenFalse, next);
                    case ICoalesceOperation coalesce:
                        return Trace(coalesce.Value, next) ?? Trace(coalesce.WhenNull, next);
                    case IArrayCreationOperation array:
                        return array.Initializer is null ? null : First(array.Initializer.ElementValues, next);
                    case ILocalReferenceOperation local:
                        return Named(local.Local, local.Syntax) ?? First(Writes(local), next);
                    case IParameterReferenceOperation parameter:
                        return Named(parameter.Parameter, parameter.Syntax) ?? Reached(parameter.Parameter);
                    case IPropertyReferenceOperation property:
                        return Named(property.Property, property.Syntax) ?? Member(property.Instance, property.Property, next);
                    case IFieldReferenceOperation field:
                        return Named(field.Field, field.Syntax) ?? Member(field.Instance, field.Field, next);
                    case IInvocationOperation invocation:
                        return Invocation(invocation, next);
                    default:
                        return null;
                }
            }

            private IdentifierSource? Invocation(IInvocationOperation invocation, int depth)
            {
                var method = invocation.TargetMethod;
                if (_options.IsPseudonymizer(method))
                {
                    return null;
                }

                if (_flow.DicomSource(invocation) is { } dicomKind)
                {
                    return new IdentifierSource(Shorten(invocation.Syntax), dicomKind);
                }

                if (_flow.IsUnkeyedHash(invocation))
                {
                    // Not a pseudonym: the few possible values can all be hashed and looked up. Reported apart.
                    return Hashing(() => First(invocation.Arguments.Select(a => a.Value), depth));
                }

                if (method.Name == "ToString" && _flow.IsStringBuilder(invocation.Instance?.Type) && invocation.Instance is ILocalReferenceOperation builder)
                {
                    // sb.Append(phone); … sb.ToString(): what was appended or inserted into the builder.
                    return First(BuilderWrites(builder), depth);
                }

                if (_flow.Propagates(method))
                {
                    return Trace(invocation.Instance, depth)
                        ?? First(invocation.Arguments.Select(a => a.Value), depth);
                }

                if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is ILocalReferenceOperation { } function)
                {
                    // Func<string> name = () => phone + ".wav"; … name(): the lambdas assigned to the local.
                    foreach (var lambda in Writes(function).Select(Unwrapped).OfType<IAnonymousFunctionOperation>())
                    {
                        foreach (var returned in Returns(lambda.Body))
                        {
                            if (Trace(returned, depth) is { } source)
                            {
                                return source;
                            }
                        }
                    }

                    return null;
                }

                // A method of this compilation whose result carries an identifier it reads, or one of its parameters: the
                // argument given for that parameter here.
                var summary = _flow._summaries.Returns(method, _stack, _cancellationToken);
                if (summary.Own is { } own)
                {
                    return own;
                }

                foreach (var parameter in summary.Parameters)
                {
                    if (ArgumentFor(invocation, parameter.Ordinal) is { } argument
                        && (parameter.Hashed ? Hashing(() => Trace(argument, depth)) : Trace(argument, depth)) is { } source)
                    {
                        return source;
                    }
                }

                return null;
            }

            /// <summary>A parameter without a personal name: in a summary, one of the summarized method's parameters reached.</summary>
            private IdentifierSource? Reached(IParameterSymbol parameter)
            {
                if (_summarized is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, _summarized))
                {
                    _parameters ??= new Dictionary<int, bool>();
                    var hashed = _hashes > 0;
                    _parameters[parameter.Ordinal] = _parameters.TryGetValue(parameter.Ordinal, out var before) ? before && hashed : hashed;
                }

                return null;
            }

            /// <summary>Traces inside an unkeyed hash: a source found is marked hashed, and so is a parameter reached.</summary>
            private IdentifierSource? Hashing(Func<IdentifierSource?> trace)
            {
                _hashes++;
                try
                {
                    return trace()?.Hashed();
                }
                finally
                {
                    _hashes--;
                }
            }

            /// <summary>
            /// A member of an object built in the method: the value its initializer (<c>new Recording { Caller = phone }</c>,
            /// <c>new { Name = phone }</c>) or its record constructor (<c>new Call(phone)</c>, parameter of the same name) gave it.
            /// </summary>
            private IdentifierSource? Member(IOperation? instance, ISymbol member, int depth)
            {
                var creations = instance switch
                {
                    ILocalReferenceOperation local => Writes(local).Select(Unwrapped),
                    null => Enumerable.Empty<IOperation>(),
                    _ => new[] { Unwrapped(instance) },
                };
                foreach (var creation in creations)
                {
                    IEnumerable<IOperation> values = creation switch
                    {
                        IObjectCreationOperation created => InitializedValues(created.Initializer?.Initializers, member)
                            .Concat(created.Arguments.Where(a => a.Parameter is { } p && string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value)),
                        IAnonymousObjectCreationOperation anonymous => InitializedValues(anonymous.Initializers, member),
                        _ => Enumerable.Empty<IOperation>(),
                    };
                    if (First(values, depth) is { } source)
                    {
                        return source;
                    }
                }

                return null;
            }

            private static IEnumerable<IOperation> InitializedValues(ImmutableArray<IOperation>? initializers, ISymbol member) =>
                (initializers ?? ImmutableArray<IOperation>.Empty)
                    .OfType<ISimpleAssignmentOperation>()
                    .Where(assignment => assignment.Target switch
                    {
                        IPropertyReferenceOperation target => SymbolEqualityComparer.Default.Equals(target.Property, member),
                        IFieldReferenceOperation target => SymbolEqualityComparer.Default.Equals(target.Field, member),
                        _ => false,
                    })
                    .Select(assignment => assignment.Value);

            private static IOperation Unwrapped(IOperation operation)
            {
                while (operation is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation)
                {
                    operation = operation switch
                    {
                        IConversionOperation conversion => conversion.Operand,
                        IParenthesizedOperation parenthesized => parenthesized.Operand,
                        IDelegateCreationOperation delegateCreation => delegateCreation.Target,
                        _ => operation,
                    };
                }

                return operation;
            }

            /// <summary>The values appended or inserted into a StringBuilder local, and what it was created with.</summary>
            private static IEnumerable<IOperation> BuilderWrites(ILocalReferenceOperation builder)
            {
                foreach (var descendant in OperationTree.Root(builder).Descendants())
                {
                    if (descendant is IInvocationOperation call && BuilderWriters.Contains(call.TargetMethod.Name)
                        && Receiver(call.Instance) is ILocalReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Local, builder.Local))
                    {
                        foreach (var argument in call.Arguments)
                        {
                            yield return argument.Value;
                        }
                    }
                    else if (descendant is IVariableDeclaratorOperation declarator
                             && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder.Local)
                             && declarator.Initializer?.Value is IObjectCreationOperation created)
                    {
                        foreach (var argument in created.Arguments)
                        {
                            yield return argument.Value;
                        }
                    }
                }
            }

            /// <summary>The builder at the start of a chain: <c>sb.Append(a).Append(b)</c> appends to <c>sb</c>.</summary>
            private static IOperation? Receiver(IOperation? instance)
            {
                while (instance is IInvocationOperation chained && BuilderWriters.Contains(chained.TargetMethod.Name))
                {
                    instance = chained.Instance;
                }

                return instance;
            }

            private IdentifierSource? First(IEnumerable<IOperation> operations, int depth)
            {
                foreach (var operation in operations)
                {
                    if (Trace(operation, depth) is { } source)
                    {
                        return source;
                    }
                }

                return null;
            }

            private IdentifierSource? Named(ISymbol symbol, SyntaxNode syntax) =>
                _flow.KindOf(symbol, _options) is { } kind ? new IdentifierSource(Shorten(syntax), kind) : null;

            private IEnumerable<IOperation> Writes(ILocalReferenceOperation reference) => _flow.LocalWrites(reference);

            /// <summary>A return of a lambda or local function inside the body returns from that function, not the method.</summary>
            private static bool InsideNestedFunction(IOperation operation, IOperation body)
            {
                for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The returned expressions of a method or local function body (an expression body is one).</summary>
            internal static IEnumerable<IOperation> Returns(IOperation? body)
            {
                if (body is null)
                {
                    yield break;
                }

                foreach (var descendant in body.DescendantsAndSelf())
                {
                    if (descendant is IReturnOperation { ReturnedValue: { } value } && !InsideNestedFunction(descendant, body))
                    {
                        yield return value;
                    }
                }
            }
        }
    }
}
