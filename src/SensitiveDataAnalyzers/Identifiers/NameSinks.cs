using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SensitiveDataAnalyzers.Core;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>
    /// The parameters and properties that are a file, directory, archive-entry, download or object-storage name, by
    /// fully-qualified type and parameter name; resolved once per compilation. File contents, log text and queries are
    /// deliberately absent: an identifier written there is not what this family is about.
    /// </summary>
    internal sealed class NameSinks
    {
        /// <summary>Which parameters of every method or constructor of a type are names, and what they name.</summary>
        private static readonly (string Type, string? Member, string[] Parameters, string What)[] Catalogue =
        {
            ("System.IO.File", null, new[] { "path", "sourceFileName", "destFileName", "destinationFileName", "destinationBackupFileName", "linkPath" }, "File name"),
            ("System.IO.Directory", null, new[] { "path", "sourceDirName", "destDirName", "linkPath" }, "Directory name"),
            ("System.IO.Directory", null, new[] { "searchPattern" }, "File search pattern"),
            ("System.IO.DirectoryInfo", null, new[] { "searchPattern" }, "File search pattern"),
            ("System.IO.FileInfo", ".ctor", new[] { "fileName" }, "File name"),
            ("System.IO.FileInfo", "MoveTo", new[] { "destFileName" }, "File name"),
            ("System.IO.FileInfo", "CopyTo", new[] { "destFileName" }, "File name"),
            ("System.IO.DirectoryInfo", ".ctor", new[] { "path" }, "Directory name"),
            ("System.IO.DirectoryInfo", "MoveTo", new[] { "destDirName" }, "Directory name"),
            ("System.IO.DirectoryInfo", "CreateSubdirectory", new[] { "path" }, "Directory name"),
            ("System.IO.FileStream", ".ctor", new[] { "path" }, "File name"),
            ("System.IO.StreamWriter", ".ctor", new[] { "path" }, "File name"),
            ("System.IO.StreamReader", ".ctor", new[] { "path" }, "File name"),
            ("System.IO.Compression.ZipArchive", "CreateEntry", new[] { "entryName" }, "Archive entry name"),
            ("System.IO.Compression.ZipFileExtensions", "CreateEntryFromFile", new[] { "entryName" }, "Archive entry name"),
            ("System.IO.Compression.ZipFileExtensions", "ExtractToFile", new[] { "destinationFileName" }, "File name"),
            ("System.IO.Compression.ZipFile", null, new[] { "archiveFileName", "sourceArchiveFileName", "destinationArchiveFileName" }, "File name"),
            ("System.IO.Compression.ZipFile", null, new[] { "destinationDirectoryName" }, "Directory name"),
            ("FellowOakDicom.DicomFile", null, new[] { "fileName" }, "DICOM file name"),
            ("Dicom.DicomFile", null, new[] { "fileName" }, "DICOM file name"),
            ("Microsoft.AspNetCore.Http.Results", null, new[] { "fileDownloadName" }, "Download name"),
            ("Microsoft.AspNetCore.Http.Results", "Created", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Http.Results", "Accepted", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Http.Results", "Redirect", new[] { "url" }, "Link"),
            ("Microsoft.AspNetCore.Http.Results", "LocalRedirect", new[] { "localUrl" }, "Link"),
            ("Microsoft.AspNetCore.Http.TypedResults", "Created", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Http.TypedResults", "Accepted", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Http.TypedResults", "Redirect", new[] { "url" }, "Link"),
            ("Microsoft.AspNetCore.Http.TypedResults", "LocalRedirect", new[] { "localUrl" }, "Link"),
            ("Microsoft.AspNetCore.Mvc.ControllerBase", "Created", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Mvc.ControllerBase", "Accepted", new[] { "uri" }, "Link"),
            ("Microsoft.AspNetCore.Mvc.ControllerBase", "Redirect", new[] { "url" }, "Link"),
            ("Microsoft.AspNetCore.Mvc.ControllerBase", "LocalRedirect", new[] { "localUrl" }, "Link"),
            ("Microsoft.AspNetCore.Http.TypedResults", null, new[] { "fileDownloadName" }, "Download name"),
            ("Microsoft.AspNetCore.Mvc.ControllerBase", null, new[] { "fileDownloadName" }, "Download name"),
            ("Azure.Storage.Blobs.BlobContainerClient", null, new[] { "blobName" }, "Blob name"),
            ("Google.Cloud.Storage.V1.StorageClient", null, new[] { "objectName" }, "Object key"),
        };

        /// <summary>Properties whose value is a name.</summary>
        private static readonly (string Type, string Property, string What)[] PropertyCatalogue =
        {
            ("Microsoft.AspNetCore.Mvc.FileResult", "FileDownloadName", "Download name"),
            ("Microsoft.Net.Http.Headers.ContentDispositionHeaderValue", "FileName", "Download name"),
            ("Microsoft.Net.Http.Headers.ContentDispositionHeaderValue", "FileNameStar", "Download name"),
            ("System.Net.Http.Headers.ContentDispositionHeaderValue", "FileName", "Download name"),
            ("System.Net.Http.Headers.ContentDispositionHeaderValue", "FileNameStar", "Download name"),
            ("Microsoft.AspNetCore.Http.IHeaderDictionary", "ContentDisposition", "Download name"),
            ("System.UriBuilder", "Path", "Link"),
            ("Amazon.S3.Model.PutObjectRequest", "Key", "Object key"),
            ("Amazon.S3.Model.GetObjectRequest", "Key", "Object key"),
        };

        private readonly Dictionary<INamedTypeSymbol, (string? Member, ImmutableHashSet<string> Parameters, string What)[]> _methods;
        private readonly Dictionary<IPropertySymbol, string> _properties;
        private readonly ImmutableArray<INamedTypeSymbol> _headerTypes;

        private NameSinks(
            Dictionary<INamedTypeSymbol, (string? Member, ImmutableHashSet<string> Parameters, string What)[]> methods,
            Dictionary<IPropertySymbol, string> properties,
            ImmutableArray<INamedTypeSymbol> headerTypes)
        {
            _methods = methods;
            _properties = properties;
            _headerTypes = headerTypes;
        }

        public bool IsEmpty => _methods.Count == 0 && _properties.Count == 0 && _headerTypes.IsEmpty;

        /// <summary>
        /// A Content-Disposition header written by name — <c>Headers["Content-Disposition"] = …</c>,
        /// <c>Headers.Append("Content-Disposition", …)</c>: its value carries the download name.
        /// </summary>
        public bool IsContentDispositionHeader(ITypeSymbol? owner, IOperation? key)
        {
            if (owner is null || key?.ConstantValue is not { HasValue: true, Value: string name }
                || !string.Equals(name, "Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var header in _headerTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, header)
                    || owner.AllInterfaces.Contains(header, SymbolEqualityComparer.Default)
                    || InheritsFrom(owner, header))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        public static NameSinks Create(Compilation compilation)
        {
            var methods = new Dictionary<INamedTypeSymbol, (string?, ImmutableHashSet<string>, string)[]>(SymbolEqualityComparer.Default);
            foreach (var group in Catalogue.GroupBy(entry => entry.Type))
            {
                if (KnownTypes.Find(compilation, group.Key) is { } type)
                {
                    methods[type] = group.Select(entry => (entry.Member, entry.Parameters.ToImmutableHashSet(StringComparer.Ordinal), entry.What)).ToArray();
                }
            }

            // Property symbols resolved once: every property assignment of the compilation is then one lookup.
            var properties = new Dictionary<IPropertySymbol, string>(SymbolEqualityComparer.Default);
            foreach (var (typeName, propertyName, what) in PropertyCatalogue)
            {
                foreach (var property in KnownTypes.Find(compilation, typeName)?.GetMembers(propertyName).OfType<IPropertySymbol>() ?? Enumerable.Empty<IPropertySymbol>())
                {
                    properties[property] = what;
                }
            }

            var headerTypes = new[] { "Microsoft.AspNetCore.Http.IHeaderDictionary", "Microsoft.AspNetCore.Http.HeaderDictionaryExtensions", "System.Net.Http.Headers.HttpHeaders" }
                .Select(name => KnownTypes.Find(compilation, name))
                .Where(type => type is not null)
                .Select(type => type!)
                .ToImmutableArray();
            return new NameSinks(methods, properties, headerTypes);
        }

        /// <summary>
        /// The names an operation writes, each with what it names: the name arguments of a call or construction (catalogued
        /// or configured in <paramref name="configured"/>), the value of a Content-Disposition header written by name, and
        /// the value assigned to a name property.
        /// </summary>
        public IEnumerable<(IOperation Value, string What)> NamesIn(IOperation operation, NameOptions configured)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when !HasNameParameters(invocation.TargetMethod) && configured.Sinks.IsEmpty && !IsHeaderWriter(invocation.TargetMethod):
                    return Enumerable.Empty<(IOperation, string)>(); // most calls: no iterator allocated
                case IInvocationOperation invocation:
                    return ArgumentNames(invocation.TargetMethod, invocation.Arguments, configured).Concat(HeaderValue(invocation));
                case IObjectCreationOperation { Constructor: { } noNames } when !HasNameParameters(noNames) && configured.Sinks.IsEmpty:
                    return Enumerable.Empty<(IOperation, string)>();
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    return ArgumentNames(constructor, creation.Arguments, configured);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } target } assignment:
                    if (NameProperty(property) is { } what)
                    {
                        return new[] { (assignment.Value, what) };
                    }

                    return property.IsIndexer && target.Arguments.Length == 1 && IsContentDispositionHeader(property.ContainingType, target.Arguments[0].Value)
                        ? new[] { (assignment.Value, "Download name") }
                        : Enumerable.Empty<(IOperation, string)>();
                default:
                    return Enumerable.Empty<(IOperation, string)>();
            }
        }

        private IEnumerable<(IOperation Value, string What)> ArgumentNames(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, NameOptions configured)
        {
            if (!HasNameParameters(method) && configured.Sinks.IsEmpty)
            {
                yield break;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && (NameParameter(method, parameter) ?? configured.SinkParameter(method, parameter)) is { } what)
                {
                    yield return (argument.Value, what);
                }
            }
        }

        private static bool IsHeaderWriter(IMethodSymbol method) =>
            method.Name is "Append" or "Add" or "TryAdd" or "TryAddWithoutValidation" or "AppendCommaSeparatedValues";

        /// <summary>Headers.Append("Content-Disposition", value), Add, TryAddWithoutValidation, …: the value after the name.</summary>
        private IEnumerable<(IOperation Value, string What)> HeaderValue(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!IsHeaderWriter(method))
            {
                yield break;
            }

            // An extension method's receiver is its first argument.
            var first = method.IsExtensionMethod ? 1 : 0;
            var arguments = invocation.Arguments;
            var owner = method.IsExtensionMethod ? method.ContainingType : invocation.Instance?.Type ?? method.ContainingType;
            if (arguments.Length >= first + 2 && IsContentDispositionHeader(owner, arguments[first].Value))
            {
                yield return (arguments[first + 1].Value, "Download name");
            }
        }

        /// <summary>True when some method of the type has a name parameter: one lookup per call before looking at arguments.</summary>
        public bool HasNameParameters(IMethodSymbol method) =>
            method.ContainingType is { } type && _methods.ContainsKey(type.OriginalDefinition);

        /// <summary>What the parameter is ("File name", "Download name", …), or null when it is not a name.</summary>
        public string? NameParameter(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String
                || !_methods.TryGetValue(method.ContainingType.OriginalDefinition, out var entries))
            {
                return null;
            }

            foreach (var (member, parameters, what) in entries)
            {
                if ((member is null || string.Equals(member, method.Name, StringComparison.Ordinal)) && parameters.Contains(parameter.Name))
                {
                    return what;
                }
            }

            return null;
        }

        /// <summary>What the property names, or null (an override of a catalogued property counts).</summary>
        public string? NameProperty(IPropertySymbol property)
        {
            for (var current = property.OriginalDefinition; current is not null; current = current.OverriddenProperty?.OriginalDefinition)
            {
                if (_properties.TryGetValue(current, out var what))
                {
                    return what;
                }
            }

            return null;
        }
    }
}
