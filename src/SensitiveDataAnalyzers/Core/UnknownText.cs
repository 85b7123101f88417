namespace SensitiveDataAnalyzers.Core
{
    /// <summary>
    /// Marks a part of a string whose value is not known (an unresolved interpolation hole, an unset variable).
    /// Shared by source with the config linter, which parses listener addresses the same way.
    /// </summary>
    internal static class UnknownText
    {
        public const char Marker = '\u0001';
    }
}
