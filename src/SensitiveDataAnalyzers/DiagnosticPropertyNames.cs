namespace SensitiveDataAnalyzers
{
    /// <summary>
    /// Facts a diagnostic carries in <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> for tools that read the
    /// analyzers' results (<c>sda scan</c> joins a plaintext listener with the deployment that publishes its port).
    /// </summary>
    public static class DiagnosticPropertyNames
    {
        /// <summary>SDA1001, SDA1002, SDA1005: the port the plaintext listener binds (decimal), when the code names one.</summary>
        public const string ListenerPort = "SdaListenerPort";
    }
}
