using System;

namespace SensitiveDataAnalyzers.Cli
{
    /// <summary>What the CLI reads from its surroundings besides arguments and streams (injectable for tests).</summary>
    public sealed class CliEnvironment
    {
        public CliEnvironment(bool stdoutIsTerminal, Func<string, string?> getEnvironmentVariable, bool stderrIsTerminal = false)
        {
            StdoutIsTerminal = stdoutIsTerminal;
            StderrIsTerminal = stderrIsTerminal;
            GetEnvironmentVariable = getEnvironmentVariable ?? throw new ArgumentNullException(nameof(getEnvironmentVariable));
        }

        /// <summary>Captured streams: not a terminal, real environment variables.</summary>
        public static CliEnvironment Captured { get; } = new(stdoutIsTerminal: false, Environment.GetEnvironmentVariable);

        public bool StdoutIsTerminal { get; }

        /// <summary>stderr, where progress is drawn, is a terminal.</summary>
        public bool StderrIsTerminal { get; }

        /// <summary>Progress of long scans: stdout and stderr are both terminals and the run is not in CI.</summary>
        public bool ShowProgress => StdoutIsTerminal && StderrIsTerminal && !IsCi && !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

        /// <summary>CI set to anything but false/0.</summary>
        private bool IsCi
        {
            get
            {
                var ci = GetEnvironmentVariable("CI");
                return !string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) && ci != "0";
            }
        }

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

                if (IsCi)
                {
                    return false;
                }

                return !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
            }
        }
    }
}
