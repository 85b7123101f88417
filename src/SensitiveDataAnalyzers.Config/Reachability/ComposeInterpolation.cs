using System.Text;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>
    /// docker compose variable interpolation, as far as a file alone can tell: <c>${VAR:-default}</c> and
    /// <c>${VAR-default}</c> run with the default unless the deployer sets VAR, so the default is what the linter
    /// judges; <c>${VAR}</c>, <c>$VAR</c>, <c>${VAR:?error}</c> and <c>${VAR:+alternative}</c> come from the host's
    /// environment and are unknown. <c>$$</c> is a literal dollar.
    /// </summary>
    public static class ComposeInterpolation
    {
        /// <summary>The value with defaults substituted, or null when any part of it comes from the environment.</summary>
        public static string? Effective(string? value)
        {
            if (value is null || value.IndexOf('$') < 0)
            {
                return value;
            }

            var result = new StringBuilder(value.Length);
            var i = 0;
            return Append(value, ref i, result, stopAtBrace: false) ? result.ToString() : null;
        }

        private static bool Append(string text, ref int i, StringBuilder result, bool stopAtBrace)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (stopAtBrace && c == '}')
                {
                    return true;
                }

                if (c != '$')
                {
                    result.Append(c);
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '$')
                {
                    result.Append('$');
                    i += 2;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    i += 2;
                    var nameStart = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    if (i == nameStart || i >= text.Length)
                    {
                        return false;
                    }

                    if (text[i] == '}')
                    {
                        return false; // ${VAR}: from the environment
                    }

                    var operatorText = text[i] == ':' && i + 1 < text.Length ? text.Substring(i, 2) : text.Substring(i, 1);
                    if (operatorText is ":-" or "-")
                    {
                        i += operatorText.Length;
                        if (!Append(text, ref i, result, stopAtBrace: true) || i >= text.Length)
                        {
                            return false;
                        }

                        i++; // the closing brace
                        continue;
                    }

                    return false; // :?, ?, :+, +: an error or an alternative that depends on the environment
                }

                if (i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
                {
                    return false; // $VAR
                }

                result.Append(c); // a lone '$'
                i++;
            }

            return !stopAtBrace;
        }
    }
}
