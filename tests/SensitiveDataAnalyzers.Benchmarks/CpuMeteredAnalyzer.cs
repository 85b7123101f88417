using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SensitiveDataAnalyzers.Benchmarks
{
    /// <summary>
    /// Counts the CPU time an analyzer's callbacks use on their own thread. Roslyn's telemetry times callbacks with a
    /// stopwatch, so on a busy 2-core machine it also counts the time a callback's thread waits for a core and the
    /// garbage collections other threads start while it runs: an analyzer with many short callbacks is charged for the
    /// compiler's work. Thread CPU time is what the analyzer itself costs.
    /// </summary>
    internal sealed class CpuMeteredAnalyzer : DiagnosticAnalyzer
    {
        private long _ticks;
        private long _callbacks;

        public CpuMeteredAnalyzer(DiagnosticAnalyzer inner) => Inner = inner;

        public DiagnosticAnalyzer Inner { get; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

        /// <summary>CPU time of the callbacks, less <paramref name="perCallback"/> nanoseconds per callback (the meter's own cost).</summary>
        public TimeSpan CpuTime(double perCallback) => ThreadCpuClock.ToTimeSpan(Math.Max(0, Interlocked.Read(ref _ticks) - (long)(Interlocked.Read(ref _callbacks) * perCallback)));

        /// <summary>CPU nanoseconds per callback, meter included: for the <see cref="EmptyAnalyzer"/>, the meter's own cost.</summary>
        public double NanosecondsPerCallback => Callbacks == 0 ? 0 : (double)Interlocked.Read(ref _ticks) / Callbacks;

        public long Callbacks => Interlocked.Read(ref _callbacks);

        public override void Initialize(AnalysisContext context) => Inner.Initialize(new MeteredAnalysisContext(context, this));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _byKind = new();

        /// <summary>CPU time and callbacks per kind of action (compilation start, operation, compilation end …).</summary>
        public System.Collections.Generic.IEnumerable<(string Kind, TimeSpan CpuTime, long Callbacks)> ByKind(double perCallback)
        {
            foreach (var pair in _byKind)
            {
                var ticks = Interlocked.Read(ref pair.Value[0]);
                var count = Interlocked.Read(ref pair.Value[1]);
                yield return (pair.Key, ThreadCpuClock.ToTimeSpan(Math.Max(0, ticks - (long)(count * perCallback))), count);
            }
        }

        internal Action<T> Meter<T>(Action<T> action)
        {
            var kind = typeof(T).Name.Replace("AnalysisContext", "", StringComparison.Ordinal);
            var counters = _byKind.GetOrAdd(kind, _ => new long[2]);
            return argument =>
            {
                var start = ThreadCpuClock.Now();
                try
                {
                    action(argument);
                }
                finally
                {
                    var spent = ThreadCpuClock.Now() - start;
                    Interlocked.Add(ref _ticks, spent);
                    Interlocked.Increment(ref _callbacks);
                    Interlocked.Add(ref counters[0], spent);
                    Interlocked.Increment(ref counters[1]);
                }
            };
        }

        private static NotSupportedException NotMetered(string registration) =>
            new($"{registration} is not metered by the benchmark yet: add it to {nameof(CpuMeteredAnalyzer)}.");

        private sealed class MeteredAnalysisContext : AnalysisContext
        {
            private readonly AnalysisContext _context;
            private readonly CpuMeteredAnalyzer _meter;

            public MeteredAnalysisContext(AnalysisContext context, CpuMeteredAnalyzer meter)
            {
                _context = context;
                _meter = meter;
            }

            public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _context.RegisterCompilationStartAction(_meter.Meter<CompilationStartAnalysisContext>(c => action(new MeteredCompilationStartContext(c, _meter))));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(_meter.Meter(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_meter.Meter(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                _context.RegisterSymbolAction(_meter.Meter(action), symbolKinds);

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_meter.Meter(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_meter.Meter(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _context.RegisterSyntaxNodeAction(_meter.Meter(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _context.RegisterOperationAction(_meter.Meter(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_meter.Meter(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_meter.Meter(action));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                throw NotMetered(nameof(RegisterCodeBlockStartAction));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
                throw NotMetered(nameof(RegisterOperationBlockStartAction));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                throw NotMetered(nameof(RegisterSymbolStartAction));
        }

        private sealed class MeteredCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _context;
            private readonly CpuMeteredAnalyzer _meter;

            public MeteredCompilationStartContext(CompilationStartAnalysisContext context, CpuMeteredAnalyzer meter)
                : base(context.Compilation, context.Options, context.CancellationToken)
            {
                _context = context;
                _meter = meter;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationEndAction(_meter.Meter(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_meter.Meter(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                _context.RegisterSymbolAction(_meter.Meter(action), symbolKinds);

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_meter.Meter(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_meter.Meter(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _context.RegisterSyntaxNodeAction(_meter.Meter(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _context.RegisterOperationAction(_meter.Meter(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_meter.Meter(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_meter.Meter(action));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                throw NotMetered(nameof(RegisterCodeBlockStartAction));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
                throw NotMetered(nameof(RegisterOperationBlockStartAction));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                throw NotMetered(nameof(RegisterSymbolStartAction));
        }
    }

    /// <summary>The calling thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), in nanoseconds.</summary>
    internal static class ThreadCpuClock
    {
        private const int ClockThreadCpuTimeLinux = 3;
        private const int ClockThreadCpuTimeMac = 16;

        // Decided once: Now() runs twice around every callback of every analyzer.
        private static readonly int? Clock =
            RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? ClockThreadCpuTimeLinux
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ClockThreadCpuTimeMac
            : null;

        private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

        /// <summary>False on Windows, where <see cref="Now"/> falls back to the wall clock.</summary>
        public static bool IsSupported => Clock is not null;

        public static long Now()
        {
            if (Clock is not int clock)
            {
                return (long)(Stopwatch.GetTimestamp() * NanosecondsPerTick);
            }

            return clock_gettime(clock, out var time) == 0 ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : 0;
        }

        public static TimeSpan ToTimeSpan(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / 100);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clockId, out TimeSpec time);
    }

    /// <summary>
    /// Does nothing on the operations every analyzer here registers for: run beside the real analyzers under the same
    /// meter, it measures what metering a callback costs under the same load, which is then taken off every callback.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
                _ => { },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.Literal));
        }
    }
}
