using System;
using System.Collections.Generic;
using System.CommandLine;
using SensitiveDataAnalyzers.Config.Checks;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>The options every reporting command shares (<c>sda lint</c>, <c>sda scan</c>), parsed.</summary>
    internal sealed class ReportOptions
    {
        public ReportOptions(string format, string? output, FindingSeverity? failOn, string? baseline, IReadOnlyList<string> excludes)
        {
            Format = format;
            Output = output;
            FailOn = failOn;
            Baseline = baseline;
            Excludes = excludes;
        }

        public string Format { get; }

        public string? Output { get; }

        /// <summary>The gate: findings at or above it fail the run; null (<c>--fail-on none</c>) only reports.</summary>
        public FindingSeverity? FailOn { get; }

        public string? Baseline { get; }

        public IReadOnlyList<string> Excludes { get; }
    }

    /// <summary>The System.CommandLine options behind <see cref="ReportOptions"/>: made once per command, read back after parsing.</summary>
    internal sealed class ReportOptionSet
    {
        private readonly Option<string> _format = new("--format", "-f")
        {
            Description = "Report format.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif",
        };

        private readonly Option<string?> _output = new("--output", "-o")
        {
            Description = "Write the report to this file instead of stdout.",
            HelpName = "file",
        };

        private readonly Option<string> _failOn = new("--fail-on")
        {
            Description = "Exit with code 1 when a reported finding is at or above this severity; none only reports.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|note|none",
        };

        private readonly Option<string?> _baseline = new("--baseline")
        {
            Description = "A SARIF report from an earlier run: findings it already contains are not reported.",
            HelpName = "file",
        };

        private readonly Option<string[]> _exclude = new("--exclude")
        {
            Description = "Skip files and directories matching this glob (relative to the current directory; * ? ** [abc]; a pattern without / matches any path segment). Repeatable.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "glob",
        };

        public ReportOptionSet()
        {
            _format.AcceptOnlyFromAmong("text", "json", "sarif");
            _failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        }

        public void AddTo(Command command)
        {
            command.Options.Add(_format);
            command.Options.Add(_output);
            command.Options.Add(_failOn);
            command.Options.Add(_baseline);
            command.Options.Add(_exclude);
        }

        public ReportOptions Read(ParseResult parseResult) => new(
            parseResult.GetValue(_format) ?? "text",
            parseResult.GetValue(_output),
            ParseSeverity(parseResult.GetValue(_failOn) ?? "error"),
            parseResult.GetValue(_baseline),
            parseResult.GetValue(_exclude) ?? Array.Empty<string>());

        private static FindingSeverity? ParseSeverity(string value) => value switch
        {
            "none" => null,
            "note" => FindingSeverity.Note,
            "warning" => FindingSeverity.Warning,
            _ => FindingSeverity.Error,
        };
    }
}
