namespace SensitiveDataAnalyzers
{
    /// <summary>
    /// Rule ids: "SDA" + 4 digits, the first digit is the concern (shared by code and config rules):
    /// 0 tool notices, 1 transport, 2 personal identifiers in names, 3 DICOM, 4 anonymous access, 5 network exposure.
    /// </summary>
    public static class RuleIds
    {
        public const string PlaintextHttpListener = "SDA1001";
        public const string PlaintextHttpOnTlsPort = "SDA1002";
        public const string CertificateValidationDisabled = "SDA1003";
        public const string ObsoleteTlsProtocol = "SDA1004";
        public const string PlaintextHttpBehindProxy = "SDA1005";
        public const string PersonalIdentifierInName = "SDA2001";
        public const string UnkeyedHashOfPersonalIdentifierInName = "SDA2002";
        public const string PlaintextDicomClient = "SDA3001";
        public const string PlaintextDicomServer = "SDA3002";
        public const string DicomCertificateChecksDisabled = "SDA3003";
        public const string ObsoleteDicomTlsProtocol = "SDA3004";
        public const string DefaultDicomTlsProtocols = "SDA3005";
        public const string AnonymousDicomAssociation = "SDA4001";
        public const string DirectoryBrowsingEnabled = "SDA4002";
        public const string StaticFilesOutsideWebRoot = "SDA4003";
        public const string UnknownFileTypesServed = "SDA4004";
        public const string AnonymousFileEndpoint = "SDA4005";
    }
}
