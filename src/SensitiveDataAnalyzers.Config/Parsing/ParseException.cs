using System;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Config.Parsing
{
    /// <summary>A parse failure with its position, turned into an SDA0xxx finding by the loader.</summary>
    internal sealed class ParseException : Exception
    {
        public ParseException(ConfigRule rule, string message, int line, int column)
            : base(message)
        {
            Rule = rule;
            Line = line;
            Column = column;
        }

        public ConfigRule Rule { get; }

        public int Line { get; }

        public int Column { get; }
    }
}
