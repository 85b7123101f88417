using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SensitiveDataAnalyzers.Core;

namespace SensitiveDataAnalyzers.Dicom
{
    /// <summary>Reads the host, port and TLS arguments of fo-dicom client and server calls, by parameter name.</summary>
    internal static class DicomArguments
    {
        public static IArgumentOperation? Named(ImmutableArray<IArgumentOperation> arguments, string name) =>
            arguments.FirstOrDefault(argument => argument.Parameter?.Name == name);

        /// <summary>
        /// Where a host or listening address points: loopback only when every value it may take is loopback; hosts
        /// read at run time are <see cref="HostScope.Unknown"/>. A missing argument is <paramref name="whenAbsent"/>.
        /// </summary>
        public static (HostScope Scope, string? Text) Host(IArgumentOperation? argument, HostScope whenAbsent, DevelopmentGuards guards, CancellationToken cancellationToken)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return (whenAbsent, null);
            }

            // options.Host where options is new PacsOptions { Host = "…" }: the initializer's value.
            var hostValue = ValueTracking.InitializedMemberValue(argument.Value, cancellationToken) ?? argument.Value;
            var values = ValueTracking.Strings(hostValue, guards, cancellationToken);
            if (values.Count == 0)
            {
                return (HostScope.Unknown, null);
            }

            foreach (var value in values)
            {
                var scope = ListenerAddress.ClassifyHost(value.Text);
                if (scope != HostScope.Loopback)
                {
                    return (scope, value.Text.IndexOf(ValueTracking.Unknown) >= 0 ? null : value.Text);
                }
            }

            return (HostScope.Loopback, values[0].Text);
        }

        /// <summary>"port 104", or "the configured port" when it is not a constant.</summary>
        public static string Port(IArgumentOperation? argument, CancellationToken cancellationToken) =>
            argument is not null && ValueTracking.Integer(argument.Value, cancellationToken) is long port ? "port " + port : "the configured port";

        /// <summary>
        /// An argument left out, or given as null / default, or a <c>?:</c> / <c>??</c> one of whose values outside
        /// Development is null (<c>secure ? new DefaultTlsInitiator() : null</c>).
        /// </summary>
        public static bool IsAbsentOrNull(IArgumentOperation? argument, DevelopmentGuards guards, CancellationToken cancellationToken) =>
            argument is null
            || argument.ArgumentKind == ArgumentKind.DefaultValue
            || ValueTracking.Alternatives(argument.Value, guards, cancellationToken).Any(value => IsConstant(value, null, cancellationToken));

        /// <summary>An argument left out, null, or the empty string (a certificate name that turns TLS off).</summary>
        public static bool IsAbsentOrEmpty(IArgumentOperation? argument, DevelopmentGuards guards, CancellationToken cancellationToken) =>
            IsAbsentOrNull(argument, guards, cancellationToken)
            || ValueTracking.Alternatives(argument!.Value, guards, cancellationToken).Any(value => IsConstant(value, string.Empty, cancellationToken) || IsStringEmpty(value, cancellationToken));

        /// <summary><c>string.Empty</c>: a static readonly field of metadata, so it has no constant value to read.</summary>
        private static bool IsStringEmpty(IOperation value, CancellationToken cancellationToken) =>
            ValueTracking.Unwrap(value, cancellationToken) is IFieldReferenceOperation { Field: { Name: nameof(string.Empty), IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } };

        private static bool IsConstant(IOperation value, object? expected, CancellationToken cancellationToken) =>
            ValueTracking.Unwrap(value, cancellationToken).ConstantValue is { HasValue: true } constant && Equals(constant.Value, expected);
    }
}
