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

            var values = ValueTracking.Strings(argument.Value, guards, cancellationToken);
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

        /// <summary>An argument left out, or given as null / default.</summary>
        public static bool IsAbsentOrNull(IArgumentOperation? argument, CancellationToken cancellationToken) =>
            argument is null
            || argument.ArgumentKind == ArgumentKind.DefaultValue
            || ValueTracking.Unwrap(argument.Value, cancellationToken).ConstantValue is { HasValue: true, Value: null };

        /// <summary>An argument left out, null, or the empty string (a certificate name that turns TLS off).</summary>
        public static bool IsAbsentOrEmpty(IArgumentOperation? argument, CancellationToken cancellationToken) =>
            IsAbsentOrNull(argument, cancellationToken)
            || ValueTracking.Unwrap(argument!.Value, cancellationToken).ConstantValue is { HasValue: true, Value: "" };
    }
}
