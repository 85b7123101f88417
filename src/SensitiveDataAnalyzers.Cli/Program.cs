using System;
using System.IO;
using System.Text;
using SensitiveDataAnalyzers.Cli;

// The process entry point only wires the real console to Cli.Run, which holds all behaviour (and is what the tests call).
try
{
    using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
    var environment = new CliEnvironment(stdoutIsTerminal: !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, stderrIsTerminal: !Console.IsErrorRedirected);
    return Cli.Run(args, stdin, Console.Out, Console.Error, Environment.CurrentDirectory, environment);
}
catch (Exception exception)
{
    try
    {
        Console.Error.WriteLine("sda: internal error: " + exception.GetType().Name + ": " + exception.Message);
    }
    catch (IOException)
    {
        // stderr is gone as well; the exit code still says what happened.
    }

    return ExitCodes.UsageOrInputError;
}
