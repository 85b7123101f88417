using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SensitiveDataAnalyzers.Config.Benchmarks
{
    /// <summary>One generated file: its display path, bytes, how many documents it holds, and the rule ids planted in it.</summary>
    internal sealed class GeneratedFile
    {
        public GeneratedFile(string path, string text, int documents, bool isJson, IReadOnlyList<string> planted)
        {
            Path = path;
            Bytes = new UTF8Encoding(false).GetBytes(text);
            Documents = documents;
            IsJson = isJson;
            Planted = planted;
        }

        public string Path { get; }

        public byte[] Bytes { get; }

        public int Documents { get; }

        public bool IsJson { get; }

        /// <summary>Rule ids each planted document must raise in this file (one per planted document).</summary>
        public IReadOnlyList<string> Planted { get; }
    }

    internal sealed class Corpus
    {
        public Corpus(List<GeneratedFile> files, Dictionary<string, int> kinds)
        {
            Files = files;
            FileKinds = kinds;
        }

        public List<GeneratedFile> Files { get; }

        /// <summary>Files per kind (compose, kubernetes-yaml, kubernetes-json, appsettings, orthanc).</summary>
        public Dictionary<string, int> FileKinds { get; }

        public int Documents => Files.Sum(f => f.Documents);

        public long Bytes => Files.Sum(f => (long)f.Bytes.Length);

        public int PlantedDocuments => Files.Sum(f => f.Planted.Count);

        public void Dump(string directory)
        {
            foreach (var file in Files)
            {
                var full = System.IO.Path.Combine(directory, file.Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, file.Bytes);
            }
        }
    }

    /// <summary>
    /// Deterministic generator of a realistic deployment corpus. About 7 % of documents carry one planted finding;
    /// the others are near misses (loopback binds, TLS-covered Ingresses, ClusterIP Services, authenticated Orthanc).
    /// Every app lives in its own fixed-width directory and Kubernetes namespace, as separate stacks do.
    /// </summary>
    internal sealed class CorpusGenerator
    {
        private const double PlantRate = 0.075;

        private static readonly string[] Teams = { "shop", "billing", "search", "catalog", "auth", "notify", "report", "ledger", "portal", "booking" };
        private static readonly string[] Regions = { "eu-west", "eu-central", "us-east" };

        private readonly Random _random;
        private readonly List<GeneratedFile> _files = new();
        private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
        private int _documents;

        public CorpusGenerator(int seed) => _random = new Random(seed);

        public Corpus Generate(int documents)
        {
            var app = 0;
            while (_documents < documents)
            {
                var roll = _random.NextDouble();
                var budget = documents - _documents;
                if (roll < 0.30 || budget < 3)
                {
                    ComposeApp(app, budget);
                }
                else if (roll < 0.80)
                {
                    KubernetesApp(app, budget);
                }
                else if (roll < 0.92)
                {
                    Add($"services/svc-{app:D5}/appsettings{(_random.Next(3) == 0 ? ".Production" : string.Empty)}.json", "appsettings", AppSettings(out var planted), 1, true, planted);
                }
                else
                {
                    Add($"pacs/site-{app:D5}/orthanc.json", "orthanc", OrthancJson(app, standalone: true, out var planted), 1, true, planted);
                }

                app++;
            }

            return new Corpus(_files, _kinds);
        }

        private bool Plant() => _random.NextDouble() < PlantRate;

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private void Add(string path, string kind, string text, int documents, bool json, IReadOnlyList<string> planted)
        {
            _files.Add(new GeneratedFile(path, text, documents, json, planted));
            _kinds[kind] = _kinds.TryGetValue(kind, out var n) ? n + 1 : 1;
            _documents += documents;
        }

        private string Secret() =>
            new string(Enumerable.Range(0, 20).Select(_ => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[_random.Next(56)]).ToArray());

        // ------------------------------------------------------------------ compose

        private void ComposeApp(int app, int budget)
        {
            var dir = $"stacks/app-{app:D5}";
            var withOrthanc = budget >= 3 && _random.Next(5) == 0;
            var withSettings = budget >= 2 + (withOrthanc ? 1 : 0) && _random.Next(3) == 0;
            var planted = new List<string>();
            var text = Compose(app, withOrthanc, planted);
            Add(dir + (_random.Next(2) == 0 ? "/docker-compose.yml" : "/compose.yaml"), "compose", text, 1, false, planted);
            if (withOrthanc)
            {
                Add(dir + "/orthanc.json", "orthanc", OrthancJson(app, standalone: false, out var orthancPlanted), 1, true, orthancPlanted);
            }

            if (withSettings)
            {
                Add(dir + "/appsettings.json", "appsettings", AppSettings(out var settingsPlanted), 1, true, settingsPlanted);
            }
        }

        private string Compose(int app, bool withOrthanc, List<string> planted)
        {
            var team = Pick(Teams);
            var plant = Plant() ? _random.Next(5) : -1;
            var longSyntax = _random.Next(2) == 0;
            var envAsList = _random.Next(2) == 0;
            var sb = new StringBuilder();
            sb.Append("# ").Append(team).Append(" stack ").Append(app.ToString("D5", CultureInfo.InvariantCulture)).Append(" - managed by platform team\n");
            sb.Append("name: ").Append(team).Append('-').Append(app.ToString("D5", CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: \"10m\"\n      max-file: \"3\"\n");
            sb.Append("x-env: &env\n  TZ: Europe/Berlin\n  LOG_LEVEL: info\n  OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317\n\n");
            sb.Append("services:\n");

            // web: public entry point on 80/443, no patient data: not a finding.
            sb.Append("  web:\n    <<: *common\n    image: nginx:1.27-alpine\n    ports:\n      - \"80:80\"\n      - \"443:443\"\n");
            sb.Append("    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./certs:/etc/nginx/certs:ro\n    depends_on:\n      - api\n");

            // api: Kestrel on plain HTTP behind the proxy, published on loopback only.
            var urls = plant == 2 ? "http://+:443" : "http://+:8080";
            sb.Append("  api:\n    <<: *common\n    image: registry.example.com/").Append(team).Append("/api:1.").Append(_random.Next(20)).Append('.').Append(_random.Next(10)).Append('\n');
            if (envAsList)
            {
                sb.Append("    environment:\n      - ASPNETCORE_URLS=").Append(urls).Append("\n      - ASPNETCORE_ENVIRONMENT=Production\n      - ConnectionStrings__Default=Host=db;Database=").Append(team).Append("\n      - FEATURE_FLAGS=search,export\n");
            }
            else
            {
                sb.Append("    environment:\n      <<: *env\n      ASPNETCORE_URLS: \"").Append(urls).Append("\"\n      ASPNETCORE_ENVIRONMENT: Production\n      ConnectionStrings__Default: \"Host=db;Database=").Append(team).Append("\"\n");
            }

            sb.Append("    ports:\n");
            if (plant == 2)
            {
                sb.Append("      - \"443:443\"\n");
                planted.Add("SDA1002");
            }
            else
            {
                sb.Append("      - \"127.0.0.1:8080:8080\"\n");
            }

            if (longSyntax)
            {
                sb.Append("      - target: 9090\n        published: \"9090\"\n        host_ip: 127.0.0.1\n        protocol: tcp\n        mode: host\n");
            }
            else
            {
                sb.Append("      - \"127.0.0.1:9090:9090/tcp\"\n");
            }

            if (plant == 0)
            {
                sb.Append("      - \"0.0.0.0:8081:8081\"\n");
                planted.Add("SDA5101");
            }

            sb.Append("    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/healthz\"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n");

            // worker
            sb.Append("  worker:\n    <<: *common\n    image: registry.example.com/").Append(team).Append("/worker:2.").Append(_random.Next(9)).Append('\n');
            sb.Append("    command: [\"dotnet\", \"Worker.dll\", \"--queue\", \"jobs\"]\n    environment:\n      <<: *env\n      QUEUE_URL: amqp://queue:5672\n");
            if (plant == 3)
            {
                sb.Append("    network_mode: host\n");
                planted.Add("SDA5102");
            }

            // cache, queue, db: internal only
            sb.Append("  cache:\n    <<: *common\n    image: redis:7.4\n    expose:\n      - \"6379\"\n");
            if (_random.Next(2) == 0)
            {
                sb.Append("  queue:\n    <<: *common\n    image: rabbitmq:3.13-management\n    ports:\n      - \"127.0.0.1:15672:15672\"\n    environment:\n      RABBITMQ_DEFAULT_USER: ").Append(team).Append("\n      RABBITMQ_DEFAULT_PASS: ${RABBITMQ_PASS:?required}\n");
            }

            sb.Append("  db:\n    <<: *common\n    image: postgres:16\n    environment:\n      <<: *env\n      POSTGRES_USER: ").Append(team).Append("\n      POSTGRES_PASSWORD: ");
            if (plant == 4)
            {
                sb.Append("postgres\n");
                planted.Add("SDA4103");
            }
            else
            {
                sb.Append("${POSTGRES_PASSWORD:?set it in .env}\n");
            }

            sb.Append("    volumes:\n      - type: volume\n        source: dbdata\n        target: /var/lib/postgresql/data\n");

            if (withOrthanc)
            {
                // Authenticated Orthanc (mounted orthanc.json), REST API and DICOM on loopback only.
                sb.Append("  viewer:\n    <<: *common\n    image: orthancteam/orthanc:24.").Append(1 + _random.Next(9)).Append(".1\n    ports:\n      - \"127.0.0.1:8042:8042\"\n      - \"127.0.0.1:4242:4242\"\n");
                sb.Append("    volumes:\n      - ./orthanc.json:/etc/orthanc/orthanc.json:ro\n      - orthanc-db:/var/lib/orthanc/db\n    environment:\n      VERBOSE_ENABLED: \"false\"\n");
            }

            if (plant == 1)
            {
                sb.Append("  pacs:\n    image: jodogne/orthanc:1.12.4\n    ports:\n      - \"4242:4242\"\n      - \"127.0.0.1:8042:8042\"\n    volumes:\n      - pacs-db:/var/lib/orthanc/db\n");
                planted.Add("SDA5101");
            }

            sb.Append("\nvolumes:\n  dbdata:\n");
            if (withOrthanc)
            {
                sb.Append("  orthanc-db:\n");
            }

            if (plant == 1)
            {
                sb.Append("  pacs-db:\n");
            }

            sb.Append("\nnetworks:\n  default:\n    name: ").Append(team).Append("-net\n");
            return sb.ToString();
        }

        // ------------------------------------------------------------------ kubernetes

        private void KubernetesApp(int app, int budget)
        {
            var team = Pick(Teams);
            var name = $"{team}-{app:D5}";
            var ns = $"ns-{app:D5}";
            var orthanc = _random.Next(6) == 0;
            var objects = new List<(Map Object, string? Planted)>();
            var deploymentPlant = Plant() ? _random.Next(2) : -1;
            objects.Add((Deployment(name, ns, team, orthanc, deploymentPlant), deploymentPlant switch { 0 => "SDA5104", 1 => "SDA5102", _ => null }));
            var lb = Plant();
            objects.Add((Service(name, ns, orthanc, lb), lb ? "SDA5103" : null));
            var noTls = Plant();
            objects.Add((Ingress(name, ns, orthanc, noTls), noTls ? "SDA1101" : null));
            var authOff = orthanc && Plant();
            objects.Add((ConfigMap(name, ns, orthanc, authOff), authOff ? "SDA4101" : null));
            objects.Add((NetworkPolicy(name, ns), null));
            if (_random.Next(3) == 0)
            {
                objects.Add((Deployment(name + "-worker", ns, team, false, -1), null));
            }

            if (_random.Next(4) == 0)
            {
                objects.Add((HorizontalPodAutoscaler(name, ns), null));
            }

            if (objects.Count > budget)
            {
                // Trim the tail to hit the document count exactly (never drop a planted object silently).
                objects = objects.Take(Math.Max(1, budget)).ToList();
            }

            var dir = $"k8s/{team}/app-{app:D5}";
            var form = _random.NextDouble();
            if (form < 0.08)
            {
                // One JSON file holding a kind: List (as kubectl get -o json writes it).
                var list = new Map { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = objects.Select(o => (object)o.Object).ToList() };
                Add(dir + "/all.json", "kubernetes-json", Json(list), 1, true, objects.Where(o => o.Planted != null).Select(o => o.Planted!).ToList());
                return;
            }

            if (form < 0.20)
            {
                var list = new Map { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = objects.Select(o => (object)o.Object).ToList() };
                Add(dir + "/list.yaml", "kubernetes-yaml", "# kubectl get all -n " + ns + " -o yaml\n" + Yaml(list), 1, false, objects.Where(o => o.Planted != null).Select(o => o.Planted!).ToList());
                return;
            }

            // Multi-document files of 1-6 documents each.
            var index = 0;
            var part = 0;
            while (index < objects.Count)
            {
                var take = Math.Min(objects.Count - index, 1 + _random.Next(6));
                var chunk = objects.Skip(index).Take(take).ToList();
                var sb = new StringBuilder();
                foreach (var (obj, _) in chunk)
                {
                    sb.Append("---\n# Source: ").Append(team).Append("/templates/").Append(((string)obj["kind"]).ToLowerInvariant()).Append(".yaml\n");
                    sb.Append(Yaml(obj));
                }

                Add($"{dir}/manifest-{part}.yaml", "kubernetes-yaml", sb.ToString(), chunk.Count, false, chunk.Where(o => o.Planted != null).Select(o => o.Planted!).ToList());
                index += take;
                part++;
            }
        }

        private static Map Meta(string name, string ns, Map? labels = null, Map? annotations = null)
        {
            var meta = new Map { ["name"] = name, ["namespace"] = ns, ["labels"] = labels ?? new Map { ["app.kubernetes.io/name"] = name, ["app.kubernetes.io/managed-by"] = "Helm" } };
            if (annotations is not null)
            {
                meta["annotations"] = annotations;
            }

            return meta;
        }

        private Map Deployment(string name, string ns, string team, bool orthanc, int plant)
        {
            var container = new Map
            {
                ["name"] = orthanc ? "viewer" : "api",
                ["image"] = orthanc ? "orthancteam/orthanc:24." + (1 + _random.Next(9)) + ".1" : $"registry.example.com/{team}/api:1.{_random.Next(20)}.{_random.Next(10)}",
                ["imagePullPolicy"] = "IfNotPresent",
            };
            var env = new List<object>();
            if (!orthanc)
            {
                env.Add(new Map { ["name"] = "ASPNETCORE_URLS", ["value"] = "http://+:8080" });
                env.Add(new Map { ["name"] = "ASPNETCORE_ENVIRONMENT", ["value"] = "Production" });
            }

            env.Add(new Map { ["name"] = "DB_PASSWORD", ["valueFrom"] = new Map { ["secretKeyRef"] = new Map { ["name"] = name + "-db", ["key"] = "password" } } });
            env.Add(new Map { ["name"] = "REGION", ["value"] = Pick(Regions) });
            container["env"] = env;
            var ports = new List<object>();
            if (orthanc)
            {
                var http = new Map { ["name"] = "http", ["containerPort"] = 8042 };
                if (plant == 0)
                {
                    http["hostPort"] = 8042;
                }

                ports.Add(http);
                ports.Add(new Map { ["name"] = "dicom", ["containerPort"] = 4242 });
            }
            else
            {
                var http = new Map { ["name"] = "http", ["containerPort"] = 8080, ["protocol"] = "TCP" };
                if (plant == 0)
                {
                    http["hostPort"] = 8080;
                }

                ports.Add(http);
            }

            container["ports"] = ports;
            container["resources"] = new Map { ["requests"] = new Map { ["cpu"] = "100m", ["memory"] = "128Mi" }, ["limits"] = new Map { ["memory"] = "512Mi" } };
            container["readinessProbe"] = new Map { ["httpGet"] = new Map { ["path"] = "/healthz", ["port"] = "http" }, ["periodSeconds"] = 10 };
            container["securityContext"] = new Map { ["runAsNonRoot"] = true, ["readOnlyRootFilesystem"] = true, ["allowPrivilegeEscalation"] = false };
            if (orthanc)
            {
                container["volumeMounts"] = new List<object> { new Map { ["name"] = "config", ["mountPath"] = "/etc/orthanc", ["readOnly"] = true } };
            }

            var podSpec = new Map { ["serviceAccountName"] = name, ["containers"] = new List<object> { container } };
            if (plant == 1)
            {
                podSpec["hostNetwork"] = true;
            }

            if (orthanc)
            {
                podSpec["volumes"] = new List<object> { new Map { ["name"] = "config", ["configMap"] = new Map { ["name"] = name + "-config" } } };
            }

            return new Map
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["metadata"] = Meta(name, ns),
                ["spec"] = new Map
                {
                    ["replicas"] = 1 + _random.Next(3),
                    ["selector"] = new Map { ["matchLabels"] = new Map { ["app.kubernetes.io/name"] = name } },
                    ["template"] = new Map
                    {
                        ["metadata"] = new Map { ["labels"] = new Map { ["app.kubernetes.io/name"] = name } },
                        ["spec"] = podSpec,
                    },
                },
            };
        }

        private Map Service(string name, string ns, bool orthanc, bool loadBalancer)
        {
            var ports = new List<object>();
            if (loadBalancer)
            {
                ports.Add(new Map { ["name"] = "dicom", ["port"] = 4242, ["targetPort"] = 4242, ["protocol"] = "TCP" });
            }
            else if (orthanc)
            {
                ports.Add(new Map { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" });
                ports.Add(new Map { ["name"] = "dicom", ["port"] = 4242, ["targetPort"] = "dicom" });
            }
            else
            {
                ports.Add(new Map { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http", ["protocol"] = "TCP" });
            }

            return new Map
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Service",
                ["metadata"] = Meta(loadBalancer ? name + "-dicom" : name, ns),
                ["spec"] = new Map
                {
                    ["type"] = loadBalancer ? "LoadBalancer" : "ClusterIP",
                    ["selector"] = new Map { ["app.kubernetes.io/name"] = name },
                    ["ports"] = ports,
                },
            };
        }

        private Map Ingress(string name, string ns, bool orthanc, bool noTls)
        {
            var host = $"{name}.{Pick(Regions)}.example.com";
            var spec = new Map { ["ingressClassName"] = "nginx" };
            if (!noTls)
            {
                spec["tls"] = new List<object> { new Map { ["hosts"] = new List<object> { host }, ["secretName"] = name + "-tls" } };
            }

            spec["rules"] = new List<object>
            {
                new Map
                {
                    ["host"] = host,
                    ["http"] = new Map
                    {
                        ["paths"] = new List<object>
                        {
                            new Map
                            {
                                ["path"] = "/",
                                ["pathType"] = "Prefix",
                                ["backend"] = new Map { ["service"] = new Map { ["name"] = name, ["port"] = new Map { ["number"] = 80 } } },
                            },
                        },
                    },
                },
            };
            var annotations = new Map
            {
                ["nginx.ingress.kubernetes.io/ssl-redirect"] = "true",
                ["nginx.ingress.kubernetes.io/proxy-body-size"] = orthanc ? "500m" : "8m",
                ["cert-manager.io/cluster-issuer"] = "letsencrypt",
            };
            return new Map { ["apiVersion"] = "networking.k8s.io/v1", ["kind"] = "Ingress", ["metadata"] = Meta(name, ns, annotations: annotations), ["spec"] = spec };
        }

        private Map ConfigMap(string name, string ns, bool orthanc, bool authOff)
        {
            var data = new Map();
            if (orthanc)
            {
                var json = new StringBuilder();
                json.Append("{\n  \"Name\": \"").Append(name).Append("\",\n  \"RemoteAccessAllowed\": true,\n  \"AuthenticationEnabled\": ").Append(authOff ? "false" : "true").Append(",\n");
                json.Append("  \"RegisteredUsers\": { \"viewer\": \"").Append(Secret()).Append("\" },\n  \"DicomAet\": \"").Append(name.ToUpperInvariant().Replace("-", string.Empty).Substring(0, 8)).Append("\",\n");
                json.Append("  \"DicomCheckCalledAet\": true,\n  \"DicomAlwaysAllowStore\": false,\n  \"StorageDirectory\": \"/var/lib/orthanc/db\"\n}\n");
                data["orthanc.json"] = new Block(json.ToString());
            }
            else
            {
                data["LOG_LEVEL"] = "info";
                data["FEATURE_EXPORT"] = "true";
                data["appsettings.Production.json"] = new Block("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"AllowedHosts\": \"*\"\n}\n");
            }

            return new Map { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = Meta(orthanc ? name + "-config" : name + "-settings", ns), ["data"] = data };
        }

        private static Map NetworkPolicy(string name, string ns) => new()
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = Meta(name + "-ingress", ns),
            ["spec"] = new Map
            {
                ["podSelector"] = new Map { ["matchLabels"] = new Map { ["app.kubernetes.io/name"] = name } },
                ["policyTypes"] = new List<object> { "Ingress" },
                ["ingress"] = new List<object>
                {
                    new Map
                    {
                        ["from"] = new List<object> { new Map { ["namespaceSelector"] = new Map { ["matchLabels"] = new Map { ["kubernetes.io/metadata.name"] = "ingress-nginx" } } } },
                        ["ports"] = new List<object> { new Map { ["protocol"] = "TCP", ["port"] = 8080 } },
                    },
                },
            },
        };

        private static Map HorizontalPodAutoscaler(string name, string ns) => new()
        {
            ["apiVersion"] = "autoscaling/v2",
            ["kind"] = "HorizontalPodAutoscaler",
            ["metadata"] = Meta(name, ns),
            ["spec"] = new Map
            {
                ["scaleTargetRef"] = new Map { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = name },
                ["minReplicas"] = 2,
                ["maxReplicas"] = 10,
                ["metrics"] = new List<object> { new Map { ["type"] = "Resource", ["resource"] = new Map { ["name"] = "cpu", ["target"] = new Map { ["type"] = "Utilization", ["averageUtilization"] = 70 } } } },
            },
        };

        // ------------------------------------------------------------------ appsettings / orthanc JSON

        private string AppSettings(out IReadOnlyList<string> planted)
        {
            var plant = Plant() ? _random.Next(2) : -1;
            var comments = _random.Next(2) == 0;
            var trailing = _random.Next(4) == 0;
            var sb = new StringBuilder();
            if (comments)
            {
                sb.Append("// Production settings; secrets come from the environment.\n");
            }

            sb.Append("{\n  \"Logging\": {\n    \"LogLevel\": {\n      \"Default\": \"Information\",\n      \"Microsoft.AspNetCore\": \"Warning\"").Append(trailing ? "," : string.Empty).Append("\n    }\n  },\n");
            sb.Append("  \"AllowedHosts\": \"*\",\n");
            sb.Append("  \"ConnectionStrings\": {\n    \"Default\": \"Host=db;Database=app;Username=app\"\n  },\n");
            sb.Append("  \"Kestrel\": {\n");
            if (comments)
            {
                sb.Append("    /* HTTPS for clients, plain HTTP for the local health probe only */\n");
            }

            sb.Append("    \"Endpoints\": {\n");
            sb.Append("      \"Https\": {\n        \"Url\": \"").Append(plant == 0 ? "http://0.0.0.0:443" : "https://0.0.0.0:443").Append("\",\n");
            sb.Append("        \"Certificate\": { \"Path\": \"/etc/ssl/app.pfx\", \"Password\": \"\" },\n");
            sb.Append("        \"SslProtocols\": [ ").Append(plant == 1 ? "\"Tls11\", \"Tls12\"" : "\"Tls12\", \"Tls13\"").Append(" ]\n      },\n");
            sb.Append("      \"Health\": {\n        \"Url\": \"http://localhost:5000\"").Append(trailing ? "," : string.Empty).Append("\n      }\n    }\n  },\n");
            sb.Append("  \"Features\": { \"Export\": true, \"Search\": ").Append(_random.Next(2) == 0 ? "true" : "false").Append(", \"MaxPageSize\": ").Append(50 + _random.Next(200)).Append(" }\n}\n");
            planted = plant switch { 0 => new[] { "SDA1002" }, 1 => new[] { "SDA1004" }, _ => Array.Empty<string>() };
            return sb.ToString();
        }

        private string OrthancJson(int app, bool standalone, out IReadOnlyList<string> planted)
        {
            var plant = Plant() ? _random.Next(2) : -1;
            var sb = new StringBuilder();
            sb.Append("// Orthanc configuration for site ").Append(app.ToString("D5", CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("{\n  /**\n   * General configuration of Orthanc\n   **/\n  \"Name\" : \"PACS-").Append(app.ToString("D5", CultureInfo.InvariantCulture)).Append("\",\n");
            sb.Append("  \"StorageDirectory\" : \"/var/lib/orthanc/db\",\n  \"IndexDirectory\" : \"/var/lib/orthanc/db\",\n  \"StorageCompression\" : false,\n");
            sb.Append("  \"MaximumStorageSize\" : 0,\n  \"HttpServerEnabled\" : true,\n  \"HttpPort\" : 8042,\n");
            sb.Append("  \"SslEnabled\" : ").Append(standalone ? "true" : "false").Append(",  // TLS is terminated by the reverse proxy in compose stacks\n");
            sb.Append("  \"SslCertificate\" : \"/etc/orthanc/tls/cert.pem\",\n");
            sb.Append("  \"RemoteAccessAllowed\" : true,\n");
            sb.Append("  \"AuthenticationEnabled\" : ").Append(plant == 0 ? "false" : "true").Append(",\n");
            sb.Append("  \"RegisteredUsers\" : {\n    \"").Append(plant == 1 ? "orthanc\" : \"orthanc" : "reader\" : \"" + Secret()).Append("\"\n  },\n");
            sb.Append("  \"DicomServerEnabled\" : true,\n  \"DicomAet\" : \"SITE").Append(app.ToString("D5", CultureInfo.InvariantCulture)).Append("\",\n  \"DicomPort\" : 4242,\n");
            sb.Append("  \"DicomCheckCalledAet\" : true,\n  \"DicomAlwaysAllowStore\" : false,\n  \"DicomTlsEnabled\" : ").Append(standalone ? "true" : "false").Append(",\n");
            sb.Append("  \"DicomModalities\" : {\n    \"ct1\" : [ \"CT1\", \"10.20.").Append(_random.Next(255)).Append('.').Append(_random.Next(255)).Append("\", 104 ],\n    \"mr1\" : { \"AET\" : \"MR1\", \"Host\" : \"10.20.0.7\", \"Port\" : 11112 }\n  },\n");
            sb.Append("  \"OrthancPeers\" : {\n    \"archive\" : [ \"https://archive.example.org/orthanc/\" ]\n  },\n");
            sb.Append("  \"HttpsVerifyPeers\" : true,\n  \"ConcurrentJobs\" : 2,\n  \"LimitFindResults\" : 100\n}\n");
            planted = plant switch { 0 => new[] { "SDA4101" }, 1 => new[] { "SDA4103" }, _ => Array.Empty<string>() };
            return sb.ToString();
        }

        // ------------------------------------------------------------------ tiny tree + emitters for Kubernetes objects

        internal sealed class Map : List<KeyValuePair<string, object>>
        {
            public object this[string key]
            {
                get => this.First(p => p.Key == key).Value;
                set
                {
                    var index = FindIndex(p => p.Key == key);
                    if (index >= 0)
                    {
                        this[index] = new KeyValuePair<string, object>(key, value);
                    }
                    else
                    {
                        Add(new KeyValuePair<string, object>(key, value));
                    }
                }
            }
        }

        /// <summary>A multi-line string written as a YAML literal block.</summary>
        internal sealed class Block
        {
            public Block(string text) => Text = text;

            public string Text { get; }
        }

        private static readonly Regex PlainSafe = new("^[A-Za-z_./][A-Za-z0-9_./+-]*$|^[A-Za-z][A-Za-z0-9 _./+-]*[A-Za-z0-9]$", RegexOptions.CultureInvariant);

        private static string Scalar(object value) => value switch
        {
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            string s when PlainSafe.IsMatch(s) && s is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n") => s,
            string s => JsonSerializer.Serialize(s),
            _ => throw new ArgumentException(value.GetType().Name),
        };

        internal static string Yaml(object node)
        {
            var sb = new StringBuilder();
            EmitYaml(sb, node, 0);
            return sb.ToString();
        }

        private static void EmitYaml(StringBuilder sb, object node, int indent)
        {
            var pad = new string(' ', indent);
            switch (node)
            {
                case Map map:
                    foreach (var (key, value) in map)
                    {
                        sb.Append(pad).Append(Scalar(key)).Append(':');
                        EmitValue(sb, value, indent);
                    }

                    break;
                case List<object> list:
                    foreach (var item in list)
                    {
                        if (item is Map or List<object> && Count(item) > 0)
                        {
                            var inner = new StringBuilder();
                            EmitYaml(inner, item, indent + 2);
                            sb.Append(pad).Append("- ").Append(inner.ToString(indent + 2, inner.Length - indent - 2));
                        }
                        else
                        {
                            sb.Append(pad).Append('-');
                            EmitValue(sb, item, indent);
                        }
                    }

                    break;
            }
        }

        private static int Count(object node) => node switch { Map m => m.Count, List<object> l => l.Count, _ => 0 };

        private static void EmitValue(StringBuilder sb, object value, int indent)
        {
            switch (value)
            {
                case Map or List<object> when Count(value) == 0:
                    sb.Append(value is Map ? " {}\n" : " []\n");
                    break;
                case Map:
                    sb.Append('\n');
                    EmitYaml(sb, value, indent + 2);
                    break;
                case List<object>:
                    sb.Append('\n');
                    EmitYaml(sb, value, indent + 2);
                    break;
                case Block block:
                    sb.Append(" |\n");
                    foreach (var line in block.Text.TrimEnd('\n').Split('\n'))
                    {
                        sb.Append(' ', indent + 2).Append(line).Append('\n');
                    }

                    break;
                default:
                    sb.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
            }
        }

        internal static string Json(object node)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                WriteJson(writer, node);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteJson(Utf8JsonWriter writer, object node)
        {
            switch (node)
            {
                case Map map:
                    writer.WriteStartObject();
                    foreach (var (key, value) in map)
                    {
                        writer.WritePropertyName(key);
                        WriteJson(writer, value);
                    }

                    writer.WriteEndObject();
                    break;
                case List<object> list:
                    writer.WriteStartArray();
                    foreach (var item in list)
                    {
                        WriteJson(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case Block block:
                    writer.WriteStringValue(block.Text);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                default:
                    throw new ArgumentException(node.GetType().Name);
            }
        }
    }
}
