using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SensitiveDataAnalyzers.Core
{
    /// <summary>The protocol bits an SslProtocols or SecurityProtocolType value sets, and which of them are obsolete.</summary>
    internal static class TlsProtocolFlags
    {
        /// <summary>Obsolete members, by value; SslProtocols and SecurityProtocolType share these values.</summary>
        private static readonly (long Value, string Name)[] ObsoleteMembers =
        {
            (12, "Ssl2"),
            (48, "Ssl3"),
            (192, "Tls"),
            (768, "Tls11"),
        };

        /// <summary>How deep <c>a | b | …</c> chains with unknown operands are followed.</summary>
        private const int MaxFlagsDepth = 16;

        /// <summary>
        /// The protocol bits known to be set: the tracked value, or for a <c>|</c> combination of tracked values
        /// (<c>legacy | SslProtocols.Tls12</c>), the bits of the operands that are known, since <c>|</c> can only
        /// add them. <paramref name="complete"/> turns false when some operand is unknown.
        /// </summary>
        public static long? Known(IOperation value, ref bool complete, CancellationToken cancellationToken) =>
            Known(value, 0, ref complete, cancellationToken);

        private static long? Known(IOperation value, int depth, ref bool complete, CancellationToken cancellationToken)
        {
            if (ValueTracking.Integer(value, cancellationToken) is long flags)
            {
                return flags;
            }

            if (depth < MaxFlagsDepth
                && ValueTracking.Unwrap(value, cancellationToken) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or)
            {
                var left = Known(or.LeftOperand, depth + 1, ref complete, cancellationToken);
                var right = Known(or.RightOperand, depth + 1, ref complete, cancellationToken);
                return left is null && right is null ? null : (left ?? 0) | (right ?? 0);
            }

            complete = false;
            return null;
        }

        public static List<string> ObsoleteNames(long flags)
        {
            var names = new List<string>();
            foreach (var (value, name) in ObsoleteMembers)
            {
                if ((flags & value) != 0)
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}
