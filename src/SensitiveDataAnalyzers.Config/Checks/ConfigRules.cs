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
