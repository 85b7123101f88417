using System;
using System.Collections.Generic;
using System.Linq;

namespace SensitiveDataAnalyzers.Benchmarks
{
    /// <summary>Min / median / max of a series of timings in milliseconds.</summary>
    internal readonly record struct Summary(double Min, double Median, double Max)
    {
        public static Summary Of(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return new Summary(0, 0, 0);
            }

            var mid = sorted.Length / 2;
            var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            return new Summary(sorted[0], median, sorted[^1]);
        }
    }

    internal static class Format
    {
        public static string Ms(double ms) => ms >= 100
            ? ms.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : ms.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);

        public static string Percent(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " %";

        public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";

        /// <summary>Renders a Markdown table with left-aligned text columns and right-aligned numeric ones.</summary>
        public static string Table(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned, IEnumerable<IReadOnlyList<string>> rows)
        {
            var sb = new System.Text.StringBuilder();
            sb.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
            sb.Append('|');
            for (var i = 0; i < headers.Count; i++)
            {
                sb.Append(rightAligned[i] ? " ---: |" : " --- |");
            }

            sb.Append('\n');
            foreach (var row in rows)
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
            }

            return sb.ToString();
        }
    }
}
