using System;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>What the CLI reads from its surroundings besides arguments and streams (injectable for tests).</summary>
    public sealed class CliEnvironment
    {
        public CliEnvironment(bool stdoutIsTerminal, Func<string, string?> getEnvironmentVariable)
        {
            StdoutIsTerminal = stdoutIsTerminal;
            GetEnvironmentVariable = getEnvironmentVariable ?? throw new ArgumentNullException(nameof(getEnvironmentVariable));
        }

        /// <summary>Captured streams: not a terminal, real environment variables.</summary>
        public static CliEnvironment Captured { get; } = new(stdoutIsTerminal: false, Environment.GetEnvironmentVariable);

        public bool StdoutIsTerminal { get; }

        public Func<string, string?> GetEnvironmentVariable { get; }

        /// <summary>
        /// Colour only for a person at a terminal: stdout is a terminal, NO_COLOR is not set (no-color.org: present and
        /// not empty), the run is not in CI (CI set to anything but false/0) and TERM is not "dumb".
        /// </summary>
        public bool UseColor
        {
            get
            {
                if (!StdoutIsTerminal || !string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR")))
                {
                    return false;
                }

                var ci = GetEnvironmentVariable("CI");
                if (!string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) && ci != "0")
                {
                    return false;
                }

                return !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
            }
        }
    }
}
