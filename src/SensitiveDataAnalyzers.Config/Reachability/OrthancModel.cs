using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Model;
using SensitiveDataAnalyzers.Config.Parsing;

namespace SensitiveDataAnalyzers.Config.Reachability
{
    /// <summary>One effective Orthanc setting and where it was written (a JSON key's value or an environment variable).</summary>
    public sealed class OrthancSetting
    {
        public OrthancSetting(string key, ConfigNode value, SourceLocation? reportAt)
        {
            Key = key;
            Value = value;
            ValueHasPositions = reportAt is null;
            At = reportAt ?? value.Location;
        }

        public string Key { get; }

        /// <summary>The value: a scalar, or a mapping for RegisteredUsers / OrthancPeers / DicomModalities.</summary>
        public ConfigNode Value { get; }

        /// <summary>Where to report it: the value, or for JSON embedded in a variable or a ConfigMap entry, that variable or entry.</summary>
        public SourceLocation At { get; }

        /// <summary>True when the value was written in a file of the run, so the nodes inside it carry their own positions.</summary>
        public bool ValueHasPositions { get; }

        public bool? AsBoolean() => (Value as ConfigScalar)?.AsBoolean();
    }

    /// <summary>
    /// An Orthanc server's effective configuration, merged as Orthanc does: configuration files (a JSON file of the
    /// run, a ConfigMap, <c>ORTHANC_JSON</c>), then environment variables (<c>ORTHANC__REMOTE_ACCESS_ALLOWED</c> style
    /// and the legacy names), over the defaults of Orthanc and of its Docker images.
    /// </summary>
    public sealed class OrthancInstance
    {
        private static readonly Dictionary<string, string> LegacyVariables = new(StringComparer.Ordinal)
        {
            ["AC_ALLOW_REMOTE"] = "RemoteAccessAllowed",
            ["AC_AUTHENTICATION_ENABLED"] = "AuthenticationEnabled",
            ["AC_REGISTERED_USERS"] = "RegisteredUsers",
            ["DICOM_AET_CHECK_ENABLED"] = "DicomCheckCalledAet",
            ["DICOM_ALWAYS_ALLOW_STORE_ENABLED"] = "DicomAlwaysAllowStore",
            ["DICOM_CHECK_MODALITY_HOST_ENABLED"] = "DicomCheckModalityHost",
            ["EXECUTE_LUA_ENABLED"] = "ExecuteLuaEnabled",
            ["HTTP_CL_VERIFY_PEERS"] = "HttpsVerifyPeers",
        };

        // Sized for a typical configuration file's settings, so that reading one does not grow the table several times.
        private readonly Dictionary<string, OrthancSetting> _settings = new(16, StringComparer.OrdinalIgnoreCase);
        private bool _configurationMounted;
        private readonly HashSet<string> _mountedConfigMaps = new(StringComparer.Ordinal);
        private readonly HashSet<string> _setElsewhere = new(StringComparer.OrdinalIgnoreCase);

        private OrthancInstance(string name, Workload? workload, SourceLocation at)
        {
            Name = name;
            Workload = workload;
            At = at;
            var image = workload?.Image?.ToLowerInvariant() ?? string.Empty;
            IsTeamImage = image.Contains("orthancteam/") || image.Contains("osimis/");
        }

        /// <summary>"service 'pacs'", "container 'orthanc' of Deployment 'pacs'", or "configuration 'orthanc.json'".</summary>
        public string Name { get; }

        /// <summary>The compose service or container running it; null for a configuration file on its own.</summary>
        public Workload? Workload { get; }

        /// <summary>Where findings about missing settings go: the service/container, or the file's root.</summary>
        public SourceLocation At { get; }

        /// <summary>orthancteam/orthanc (formerly osimis/orthanc) turns remote access and authentication on by default.</summary>
        public bool IsTeamImage { get; }

        public OrthancSetting? this[string key] => _settings.TryGetValue(key, out var setting) ? setting : null;

        public bool? Boolean(string key) => this[key]?.AsBoolean();

        /// <summary>
        /// True when a variable sets the key with a value the linter cannot see (Kubernetes valueFrom a Secret, a compose
        /// variable passed through from the host): the setting exists, its value is unknown.
        /// </summary>
        public bool SetElsewhere(string key) => this[key] is null && _setElsewhere.Contains(key);

        public int HttpPort => (int)((this["HttpPort"]?.Value as ConfigScalar)?.AsInteger() ?? 8042);

        public int DicomPort => (int)((this["DicomPort"]?.Value as ConfigScalar)?.AsInteger() ?? 4242);

        public bool HttpServerEnabled => Boolean("HttpServerEnabled") ?? true;

        public bool DicomServerEnabled => Boolean("DicomServerEnabled") ?? true;

        /// <summary>
        /// The jodogne/orthanc image ships a configuration with remote access on and its documented orthanc/orthanc
        /// login; a configuration file mounted over it replaces that.
        /// </summary>
        public bool UsesImageConfiguration => !_configurationMounted && Workload?.Image?.IndexOf("jodogne/orthanc", StringComparison.OrdinalIgnoreCase) >= 0;

        public bool RemoteAccessAllowed => Boolean("RemoteAccessAllowed") ?? (IsTeamImage || UsesImageConfiguration);

        /// <summary>Unset: since 1.5.8 it follows RemoteAccessAllowed; the team image turns it on.</summary>
        public bool AuthenticationEnabled => Boolean("AuthenticationEnabled") ?? (IsTeamImage || RemoteAccessAllowed);

        /// <summary>Registered users (user → password node); the image's documented login when its configuration is used.</summary>
        public IEnumerable<(string User, string? Password, SourceLocation At)> RegisteredUsers
        {
            get
            {
                if (this["RegisteredUsers"] is { Value: ConfigMapping users } setting)
                {
                    foreach (var entry in users.Entries)
                    {
                        yield return (entry.Name, (entry.Value as ConfigScalar)?.Value, setting.ValueHasPositions ? entry.Value.Location : setting.At);
                    }
                }
                else if (this["RegisteredUsers"] is null && UsesImageConfiguration)
                {
                    yield return ("orthanc", "orthanc", At);
                }
            }
        }

        /// <summary>Orthanc servers of the deployment: orthanc workloads (with their mounted JSON or ConfigMap) and stand-alone Orthanc JSON files.</summary>
        public static IReadOnlyList<OrthancInstance> Find(DeploymentModel deployment)
        {
            var instances = new List<OrthancInstance>();
            var usedFiles = new HashSet<JsonConfiguration>();
            foreach (var workload in deployment.Workloads)
            {
                if (!SensitiveData.IsOrthancImage(workload.Image))
                {
                    continue;
                }

                var instance = new OrthancInstance(Describe(workload), workload, workload.At);
                foreach (var file in MountedConfiguration(deployment, workload, instance._mountedConfigMaps))
                {
                    if (file.File is not null)
                    {
                        usedFiles.Add(file.File);
                    }

                    instance._configurationMounted = true;
                    instance.AddJson(file.Root, file.ReportAt);
                }

                instance.AddEnvironment(workload.Environment);
                instances.Add(instance);
            }

            // Orthanc JSON in a ConfigMap that no Orthanc workload of the run mounts: judged on its own.
            var mounted = new HashSet<(string Namespace, string Name)>(instances
                .Where(i => i.Workload is KubernetesContainer)
                .SelectMany(i => i._mountedConfigMaps.Select(name => (((KubernetesContainer)i.Workload!).Owner.Namespace, name))));
            // A type test on each object rather than OfType: on a sealed class it is one comparison, where the generic
            // filter called the runtime's cast helper for every object of the run.
            foreach (var item in deployment.KubernetesObjects)
            {
                if (item is not KubernetesConfigMap configMap || mounted.Contains((configMap.Namespace, configMap.Name)))
                {
                    continue;
                }

                foreach (var entry in configMap.OrthancEntries)
                {
                    if (ParseEmbeddedJson(entry.Text, entry.At) is ConfigMapping embedded && LooksLikeOrthanc(embedded))
                    {
                        var instance = new OrthancInstance($"configuration in ConfigMap '{configMap.Name}'", null, entry.At);
                        instance.AddJson(embedded, entry.At);
                        instances.Add(instance);
                    }
                }
            }

            foreach (var file in deployment.JsonConfigurations)
            {
                if (usedFiles.Contains(file) || !file.LooksLikeOrthanc)
                {
                    continue;
                }

                var instance = new OrthancInstance($"configuration '{System.IO.Path.GetFileName(file.Path)}'", null, file.Root.Location);
                instance.AddJson(file.Root, null);
                instances.Add(instance);
            }

            return instances;
        }

        /// <summary>Cheap text test before parsing a ConfigMap value: does it name an Orthanc-only key?</summary>
        public static bool MentionsOrthancKey(string text)
        {
            foreach (var key in KnownKeys)
            {
                if (text.IndexOf(key, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A JSON object with at least two keys only Orthanc uses.</summary>
        public static bool LooksLikeOrthanc(ConfigMapping root) => OrthancKeys.Count(k => root.Entry(k) is not null) >= 2;

        /// <summary>
        /// The Orthanc side of a JSON object file, or null when it names no Orthanc key: a file Orthanc may read when
        /// mounted (a credentials.json holding only RegisteredUsers). The deployment model keeps only the settings the
        /// checks read, not the whole file.
        /// </summary>
        public static JsonConfiguration? ReadConfiguration(string path, ConfigMapping root)
        {
            if (!root.Entries.Any(e => KnownKeys.Contains(e.Name)))
            {
                return null;
            }

            var read = new ConfigMapping(root.Location, root.Entries.Where(e => ReadKeys.Contains(e.Name)).ToList());
            read.Seal();
            return new JsonConfiguration(path, read, LooksLikeOrthanc(root));
        }

        private static readonly string[] OrthancKeys =
        {
            "DicomAet", "DicomPort", "HttpPort", "RemoteAccessAllowed", "AuthenticationEnabled", "RegisteredUsers", "OrthancPeers",
            "DicomModalities", "StorageDirectory", "DicomTlsEnabled", "DicomCheckCalledAet", "DicomAlwaysAllowStore",
        };

        /// <summary>Every key an Orthanc check reads, and the server's AE title that names it.</summary>
        private static readonly HashSet<string> ReadKeys = new(
            new[]
            {
                "DicomAet", "DicomPort", "HttpPort", "RemoteAccessAllowed", "AuthenticationEnabled", "RegisteredUsers", "OrthancPeers",
                "DicomTlsEnabled", "DicomCheckCalledAet", "DicomAlwaysAllowStore", "SslEnabled", "HttpsVerifyPeers",
                "DicomServerEnabled", "HttpServerEnabled", "DicomTlsRemoteCertificateRequired", "DicomAlwaysAllowFind",
                "DicomAlwaysAllowFindWorklist", "DicomAlwaysAllowGet", "DicomAlwaysAllowMove",
            },
            StringComparer.OrdinalIgnoreCase);

        /// <summary>The keys that identify an Orthanc configuration and the keys the checks read.</summary>
        private static readonly HashSet<string> KnownKeys = new(OrthancKeys.Concat(ReadKeys), StringComparer.OrdinalIgnoreCase);

        private static string Describe(Workload workload) => workload switch
        {
            ComposeService service => $"service '{service.Name}'",
            KubernetesContainer container => $"container '{container.Name}' of {container.Owner.Kind} '{container.Owner.Name}'",
            _ => workload.Name,
        };

        /// <summary>
        /// Orthanc JSON the workload reads: compose volumes mounting a JSON file of this run into /etc/orthanc, and
        /// Kubernetes ConfigMaps (mounted as volumes) whose data holds JSON objects. Orthanc merges every JSON file of
        /// its configuration directory, so a mounted object counts even with a single key (a credentials.json holding
        /// only RegisteredUsers). ReportAt: null for a file of the run (its own positions), else the ConfigMap entry.
        /// </summary>
        private static IEnumerable<(JsonConfiguration? File, ConfigMapping Root, SourceLocation? ReportAt)> MountedConfiguration(DeploymentModel deployment, Workload workload, HashSet<string> mountedConfigMaps)
        {
            if (workload is ComposeService service)
            {
                // The compose file's directory, once: every file of the run with the mounted name is compared with it.
                string? directory = null;
                foreach (var volume in service.Volumes)
                {
                    var colon = volume.IndexOf(':');
                    var source = colon < 0 ? volume : volume.Substring(0, colon);
                    if (!source.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    source = source.Replace('\\', '/');
                    var fileName = source.Substring(source.LastIndexOf('/') + 1);
                    directory ??= System.IO.Path.GetDirectoryName(service.Path)?.Replace('\\', '/') + "/";
                    foreach (var file in deployment.JsonConfigurationsNamed(fileName))
                    {
                        if (directory.Length == 1 || file.SlashedPath.StartsWith(directory, StringComparison.Ordinal))
                        {
                            yield return (file, file.Root, null);
                        }
                    }
                }
            }
            else if (workload is KubernetesContainer container)
            {
                var configMapNames = container.Owner.ConfigMapVolumes;
                foreach (var item in deployment.ObjectsOfKind("ConfigMap", container.Owner.Namespace))
                {
                    if (item is not KubernetesConfigMap configMap || !configMapNames.Contains(configMap.Name))
                    {
                        continue;
                    }

                    if (configMap.HoldsJson)
                    {
                        mountedConfigMaps.Add(configMap.Name);
                    }

                    foreach (var entry in configMap.OrthancEntries)
                    {
                        // Embedded JSON has positions inside the string only: its settings are reported at the entry.
                        if (ParseEmbeddedJson(entry.Text, entry.At) is ConfigMapping root)
                        {
                            yield return (null, root, entry.At);
                        }
                    }
                }
            }
        }

        private void AddJson(ConfigMapping root, SourceLocation? reportAt)
        {
            foreach (var entry in root.Entries)
            {
                _settings[entry.Name] = new OrthancSetting(entry.Name, entry.Value, reportAt);
            }
        }

        private void AddEnvironment(IReadOnlyList<EnvironmentVariable> environment)
        {
            // ORTHANC_JSON counts as a configuration file, and files come before variables whatever their order.
            for (var i = 0; i < environment.Count; i++)
            {
                if (environment[i].Name == "ORTHANC_JSON")
                {
                    AddVariable(environment[i]);
                }
            }

            for (var i = 0; i < environment.Count; i++)
            {
                if (environment[i].Name != "ORTHANC_JSON")
                {
                    AddVariable(environment[i]);
                }
            }
        }

        private void AddVariable(EnvironmentVariable variable)
        {
            if (variable.Value is not { } value)
            {
                if (KeyOf(variable.Name) is { } unknown)
                {
                    _setElsewhere.Add(unknown);
                }

                return;
            }

            if (variable.Name == "ORTHANC_JSON")
            {
                if (ParseEmbeddedJson(value, variable.At) is ConfigMapping json)
                {
                    AddJson(json, variable.At);
                }

                return;
            }

            var key = KeyOf(variable.Name);
            if (key is null)
            {
                return;
            }

            var node = value.TrimStart().StartsWith("{", StringComparison.Ordinal) && ParseEmbeddedJson(value, variable.At) is { } parsed
                ? parsed
                : new ConfigScalar(variable.At, value, isQuoted: true);
            _settings[key] = new OrthancSetting(key, node, variable.At);
        }

        /// <summary>The configuration key a variable sets (ORTHANC__ style or legacy name), or null.</summary>
        private static string? KeyOf(string name) =>
            name.StartsWith("ORTHANC__", StringComparison.Ordinal)
                ? KeyFromEnvironment(name.Substring("ORTHANC__".Length))
                : LegacyVariables.TryGetValue(name, out var legacy) ? legacy : null;

        /// <summary>REMOTE_ACCESS_ALLOWED → RemoteAccessAllowed (nested levels, separated by "__", keep only the first).</summary>
        private static string KeyFromEnvironment(string name)
        {
            var level = name.Split(new[] { "__" }, StringSplitOptions.None)[0];
            var builder = new StringBuilder();
            foreach (var word in level.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1).ToLowerInvariant());
            }

            return builder.ToString();
        }

        /// <summary>JSON written inside a value (ORTHANC_JSON, a ConfigMap entry); its nodes are reported at <paramref name="at"/>.</summary>
        private static ConfigNode? ParseEmbeddedJson(string json, SourceLocation at)
        {
            // Most ConfigMap values are not JSON objects: skip them without parsing.
            if (!KubernetesConfigMap.LooksLikeJsonObject(json))
            {
                return null;
            }

            try
            {
                // Straight to the JSON reader: the text is already known to be a JSON object, not a template or YAML.
                return JsonConfigReader.Read(at.Path, Encoding.UTF8.GetBytes(json), ParseLimits.Default).Documents.FirstOrDefault()?.Root as ConfigMapping;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Malformed embedded JSON (or a reader bug) makes no settings; the rest of the run goes on.
                return null;
            }
        }
    }
}
