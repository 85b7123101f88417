namespace SensitiveDataAnalyzers.Config.Checks
{
    /// <summary>
    /// The linter's rules. Where configuration makes the same mistake as code, it reports the code rule's id
    /// (SDA1001, SDA1002, SDA1004): one id per mistake, wherever it is written. Config-only rules use x1xx numbers.
    /// </summary>
    public static class ConfigRules
    {
        public static readonly ConfigRule PlaintextListener = new(
            "SDA1001",
            "Plaintext HTTP listener on a non-loopback address",
            FindingSeverity.Warning,
            "An HTTP listener reachable from other machines sends everything it serves unencrypted over the network.");

        public static readonly ConfigRule PlaintextOnTlsPort = new(
            "SDA1002",
            "Plaintext HTTP on a TLS port",
            FindingSeverity.Error,
            "A medical advice line served 2.7 million call recordings as plain HTTP on TCP 443: a TLS port that speaks plaintext.");

        public static readonly ConfigRule ObsoleteTlsProtocol = new(
            "SDA1004",
            "Obsolete TLS protocol version",
            FindingSeverity.Warning,
            "SSL 3.0, TLS 1.0 and TLS 1.1 have known attacks; allowing them lets an attacker downgrade the connection.");

        public static readonly ConfigRule IngressWithoutTls = new(
            "SDA1101",
            "Ingress without TLS",
            FindingSeverity.Warning,
            "An Ingress host without a TLS entry is served as plain HTTP from outside the cluster.");

        public static readonly ConfigRule IngressTlsRedirectDisabled = new(
            "SDA1102",
            "Ingress HTTPS redirect disabled",
            FindingSeverity.Warning,
            "With the HTTPS redirect turned off, clients that start on http:// keep talking plaintext to the Ingress.");

        public static readonly ConfigRule CertificateValidationDisabled = new(
            "SDA1003",
            "TLS certificate validation disabled",
            FindingSeverity.Warning,
            "Outgoing TLS that accepts any certificate is open to a man-in-the-middle: images and credentials can be read and changed.");

        public static readonly ConfigRule PacsHttpWithoutTls = new(
            "SDA1103",
            "PACS web API without TLS reachable from outside",
            FindingSeverity.Error,
            "Orthanc's REST API and viewer answer plain HTTP unless SslEnabled is set; reachable from outside, every image, name and birth date crosses the network readable.");

        public static readonly ConfigRule PeerOverPlaintext = new(
            "SDA1105",
            "PACS peer reached over plain HTTP",
            FindingSeverity.Warning,
            "An OrthancPeers URL with http:// sends images and the peer's credentials in clear text.");

        public static readonly ConfigRule DicomWithoutTls = new(
            "SDA3101",
            "DICOM without TLS reachable from outside",
            FindingSeverity.Error,
            "Of 3,627 DICOM servers found on the Internet, 0.14 % used TLS: a plaintext DICOM port exposes every image and patient name to the network.");

        public static readonly ConfigRule DicomPeerCertificateNotRequired = new(
            "SDA3102",
            "DICOM TLS accepts peers without a certificate",
            FindingSeverity.Warning,
            "With DicomTlsRemoteCertificateRequired false any client can open a DICOM TLS association without proving who it is.");

        public static readonly ConfigRule AnonymousPacsApi = new(
            "SDA4101",
            "PACS reachable without authentication",
            FindingSeverity.Error,
            "A PACS that accepts remote requests without authentication lets anyone list, download and delete patients' studies.");

        public static readonly ConfigRule AuthenticationWithoutUsers = new(
            "SDA4102",
            "PACS authentication enabled without users",
            FindingSeverity.Error,
            "With authentication on and no RegisteredUsers, Orthanc creates the user orthanc with the password orthanc.");

        public static readonly ConfigRule DefaultCredentials = new(
            "SDA4103",
            "Default credentials",
            FindingSeverity.Error,
            "Published default passwords (orthanc/orthanc, admin/admin, pacs/pacs, LDAP secret, minioadmin…) are the first ones anyone tries.");

        public static readonly ConfigRule AnonymousDicomAccess = new(
            "SDA4104",
            "DICOM accepts any calling application",
            FindingSeverity.Error,
            "99.56 % of Internet-reachable DICOM servers accepted associations without checking the AE title; with Find/Get/Move open to anyone, any client can query and retrieve every patient.");

        public static readonly ConfigRule IngressToUnauthenticatedPacs = new(
            "SDA4105",
            "Ingress or reverse proxy publishes a PACS that has no authentication",
            FindingSeverity.Error,
            "An Ingress or reverse proxy that routes the Internet to a PACS without a login of its own, and adds none, publishes every patient's images.");

        public static readonly ConfigRule PortOnAllInterfaces = new(
            "SDA5101",
            "Port published on all host interfaces",
            FindingSeverity.Warning,
            "A port published without a host IP (or on 0.0.0.0 / ::) is reachable from every network the host is on, and Docker bypasses host firewalls for it.");

        public static readonly ConfigRule HostNetwork = new(
            "SDA5102",
            "Container shares the host's network",
            FindingSeverity.Warning,
            "With the host's network namespace every port the container opens is open on the host's interfaces, with no port mapping to review.");

        public static readonly ConfigRule ServiceReachableFromOutside = new(
            "SDA5103",
            "Kubernetes Service reachable from outside the cluster",
            FindingSeverity.Warning,
            "LoadBalancer and NodePort Services and external IPs open the pods' ports beyond the cluster.");

        public static readonly ConfigRule HostPort = new(
            "SDA5104",
            "Container port bound to a node port (hostPort)",
            FindingSeverity.Warning,
            "A hostPort opens the container's port on the node's interfaces, bypassing Services and most network policies.");
    }
}
