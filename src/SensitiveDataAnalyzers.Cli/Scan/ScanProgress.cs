using System;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace SensitiveDataAnalyzers.Cli.Scan
{
    /// <summary>Where a scan tells how far it is.</summary>
    internal interface IScanProgress
    {
        /// <summary>A stage of <paramref name="total"/> steps begins.</summary>
        void Start(string stage, int total);

        /// <summary>Shows what is being done; a step that names a unit (not "restoring" or "analyzing") counts towards the stage.</summary>
        void Step(string what);
    }

    /// <summary>No progress: CI, redirected output, tests.</summary>
    internal sealed class SilentProgress : IScanProgress
    {
        public static SilentProgress Instance { get; } = new();

        public void Start(string stage, int total)
        {
        }

        public void Step(string what)
        {
        }
    }

    /// <summary>A Spectre.Console progress bar on stderr, for a person at a terminal (the report goes to stdout).</summary>
    internal sealed class TerminalProgress : IScanProgress
    {
        private readonly ProgressContext _context;
        private ProgressTask? _task;

        private TerminalProgress(ProgressContext context)
        {
            _context = context;
        }

        /// <summary>Progress only when stdout and stderr are terminals and the run is not in CI (see <see cref="CliEnvironment.ShowProgress"/>).</summary>
        public static T Run<T>(CliEnvironment environment, TextWriter stderr, Func<IScanProgress, Task<T>> scan)
        {
            if (!environment.ShowProgress)
            {
                return scan(SilentProgress.Instance).GetAwaiter().GetResult();
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stderr),
                Interactive = InteractionSupport.Yes,
                Ansi = AnsiSupport.Detect,
            });
            return console.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(context => scan(new TerminalProgress(context)))
                .GetAwaiter()
                .GetResult();
        }

        public void Start(string stage, int total)
        {
            _task?.StopTask();
            _task = _context.AddTask(Markup.Escape(stage), maxValue: Math.Max(1, total));
        }

        public void Step(string what)
        {
            if (_task is null)
            {
                return;
            }

            var counts = !what.StartsWith("restoring ", StringComparison.Ordinal) && !what.StartsWith("analyzing ", StringComparison.Ordinal);
            if (counts && _task.Description != _task.Description.Split(':')[0])
            {
                _task.Increment(1);
            }

            _task.Description = Markup.Escape(_task.Description.Split(':')[0] + ": " + what);
        }
    }
}
