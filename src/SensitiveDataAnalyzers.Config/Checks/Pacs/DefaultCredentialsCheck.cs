using System;
using System.Collections.Generic;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Checks.Pacs
{
    /// <summary>
    /// SDA4103 in environments: the published defaults of PACS and their stores (dcm4chee LDAP/Postgres/keystores,
    /// MinIO). SDA4101 for the plain dcm4chee-arc images, whose web UI and REST API have no login, when reachable.
    /// Messages name the variable, never its value.
    /// </summary>
    internal sealed class DefaultCredentialsCheck : IConfigCheck
    {
        private static readonly Dictionary<string, string[]> DefaultPasswords = new(StringComparer.Ordinal)
        {
            ["LDAP_ROOTPASS"] = new[] { "secret" },
            ["LDAP_CONFIGPASS"] = new[] { "secret" },
            ["POSTGRES_PASSWORD"] = new[] { "pacs", "postgres", "password" },
            ["KEYSTORE_PASSWORD"] = new[] { "secret" },
            ["TRUSTSTORE_PASSWORD"] = new[] { "changeit" },
            ["WILDFLY_ADMIN_PASSWORD"] = new[] { "admin" },
            ["KEYCLOAK_ADMIN_PASSWORD"] = new[] { "admin", "changeit" },
            ["MINIO_ROOT_PASSWORD"] = new[] { "minioadmin" },
            ["MINIO_SECRET_KEY"] = new[] { "minioadmin" },
            ["MYSQL_ROOT_PASSWORD"] = new[] { "root", "password" },
        };

        private static readonly (string User, string Password)[] DefaultLogins =
        {
            ("orthanc", "orthanc"), ("admin", "admin"), ("pacs", "pacs"), ("root", "root"), ("user", "user"), ("demo", "demo"), ("alice", "orthanctest"),
        };

        public IReadOnlyList<ConfigRule> Rules { get; } = new[] { ConfigRules.DefaultCredentials, ConfigRules.AnonymousPacsApi };

        /// <summary>A published default login, or a password equal to the user name.</summary>
        public static bool IsDefaultLogin(string user, string? password)
        {
            if (password is null)
            {
                return false;
            }

            if (string.Equals(user, password, StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var (defaultUser, defaultPassword) in DefaultLogins)
            {
                if (string.Equals(user, defaultUser, StringComparison.OrdinalIgnoreCase) && password == defaultPassword)
                {
                    return true;
                }
            }

            return false;
        }

        public void Run(DeploymentModel deployment, FindingSink sink)
        {
            foreach (var workload in deployment.Workloads)
            {
                var ignored = (workload as KubernetesContainer)?.Owner.IgnoredRules;
                var environment = workload.Environment;
                for (var i = 0; i < environment.Count; i++)
                {
                    var variable = environment[i];
                    if (variable.Value is { } value && DefaultPasswords.TryGetValue(variable.Name, out var defaults) && Array.IndexOf(defaults, value) >= 0)
                    {
                        sink.Report(ConfigRules.DefaultCredentials, variable.At, $"{variable.Name} of '{workload.Name}' is a published default password; set a generated secret", suppressedIds: ignored);
                    }
                }

                if (IsUnsecuredDcm4chee(workload.Image)
                    && (PortReachability.HowReachable(deployment, workload, 8080) ?? PortReachability.HowReachable(deployment, workload, 8443)) is { } how)
                {
                    sink.Report(ConfigRules.AnonymousPacsApi, workload.At, $"'{workload.Name}' runs dcm4chee-arc without Keycloak (use a -secure image with AUTH_SERVER_URL): its UI and REST API, reachable through {how}, have no login", suppressedIds: ignored);
                }
            }
        }

        private static bool IsUnsecuredDcm4chee(string? image) =>
            image is not null
            && image.IndexOf("dcm4chee-arc", StringComparison.OrdinalIgnoreCase) >= 0
            && image.IndexOf("secure", StringComparison.OrdinalIgnoreCase) < 0;
    }
}
