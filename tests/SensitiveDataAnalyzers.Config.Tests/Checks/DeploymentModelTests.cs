using System.Linq;
using System.Text;
using SensitiveDataAnalyzers.Config.Parsing;
using SensitiveDataAnalyzers.Config.Reachability;

namespace SensitiveDataAnalyzers.Config.Tests.Checks
{
    /// <summary>The typed deployment model the checks read: compose ports and environment, Kubernetes objects, appsettings.</summary>
    public class DeploymentModelTests
    {
        private static DeploymentModel Model(params (string Path, string Text)[] files) =>
            DeploymentModel.Build(files.Select(f => ConfigLoader.Load(f.Path, Encoding.UTF8.GetBytes(f.Text)).File!).ToList());

        private static EnvironmentVariable Var(Workload workload, string name) =>
            workload.Variable(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not set");

        private static PublishedPort[] Ports(string port) =>
            Model(("docker-compose.yml", "services:\n  a:\n    ports:\n      - " + port + "\n")).ComposeServices.Single().Ports.ToArray();

        [Theory]
        [InlineData("\"8080\"", null, null, 8080, HostBinding.AllInterfaces)]
        [InlineData("8080:80", null, 8080, 80, HostBinding.AllInterfaces)]
        [InlineData("\"0.0.0.0:8080:80\"", "0.0.0.0", 8080, 80, HostBinding.AllInterfaces)]
        [InlineData("\"[::]:8080:80\"", "::", 8080, 80, HostBinding.AllInterfaces)]
        [InlineData("\":::8080:80\"", "::", 8080, 80, HostBinding.AllInterfaces)]
        [InlineData("\"127.0.0.1:8080:80\"", "127.0.0.1", 8080, 80, HostBinding.Loopback)]
        [InlineData("\"127.0.0.1::80\"", "127.0.0.1", null, 80, HostBinding.Loopback)]
        [InlineData("\"[::1]:8080:80\"", "::1", 8080, 80, HostBinding.Loopback)]
        [InlineData("\"::1:8080:80\"", "::1", 8080, 80, HostBinding.Loopback)]
        [InlineData("\"192.168.0.10:8080:80\"", "192.168.0.10", 8080, 80, HostBinding.SpecificAddress)]
        [InlineData("\"[2001:db8::1]:8080:80\"", "2001:db8::1", 8080, 80, HostBinding.SpecificAddress)]
        [InlineData("\"80:80/udp\"", null, 80, 80, HostBinding.AllInterfaces)]
        public void ShortSyntax(string text, string? hostIp, int? published, int target, HostBinding binding)
        {
            var port = Assert.Single(Ports(text));
            Assert.Equal(hostIp, port.HostIp);
            Assert.Equal(published, port.Published);
            Assert.Equal(target, port.Target);
            Assert.Equal(binding, port.Binding);
            Assert.False(port.IngressMode);
            Assert.Equal(published ?? target, port.ExternalPort);
        }

        [Fact]
        public void ShortSyntaxRangesYieldOnePortEach()
        {
            var ports = Ports("\"8000-8002:9000-9002\"");
            Assert.Equal(new[] { 9000, 9001, 9002 }, ports.Select(p => p.Target));
            Assert.Equal(new int?[] { 8000, 8001, 8002 }, ports.Select(p => p.Published));
            Assert.All(ports, p => Assert.Equal(4, p.At.Line));
        }

        [Fact]
        public void ShortSyntaxRangesAreBounded()
        {
            Assert.Equal(65, Ports("\"1-65535\"").Length);
        }

        [Theory]
        [InlineData("\"http\"")]
        [InlineData("\"80-70:80-70\"")]
        [InlineData("\"0:0\"")]
        [InlineData("\"70000:80\"")]
        public void InvalidShortSyntaxYieldsNoPortButDoesNotFail(string text)
        {
            // An invalid container port is skipped; the check never guesses.
            var ports = Ports(text);
            Assert.All(ports, p => Assert.InRange(p.Target, 1, 65535));
            Assert.All(ports, p => Assert.True(p.Published is null || p.Published is > 0 and <= 65535));
        }

        [Fact]
        public void LongSyntax()
        {
            const string yaml = """
                services:
                  a:
                    ports:
                      - target: 80
                        published: "8080"
                        host_ip: 127.0.0.1
                      - target: 4242
                        mode: ingress
                      - published: 9000
                """;
            var ports = Model(("docker-compose.yml", yaml)).ComposeServices.Single().Ports;
            Assert.Equal(2, ports.Count);
            Assert.Equal((80, (int?)8080, HostBinding.Loopback, false), (ports[0].Target, ports[0].Published, ports[0].Binding, ports[0].IngressMode));
            Assert.Equal((4242, (int?)null, HostBinding.AllInterfaces, true), (ports[1].Target, ports[1].Published, ports[1].Binding, ports[1].IngressMode));
            Assert.Equal((4, 9), (ports[0].At.Line, ports[0].At.Column));
        }

        [Fact]
        public void EnvironmentListAndMapForms()
        {
            const string yaml = """
                services:
                  list:
                    environment:
                      - A=1
                      - B=x=y
                      - C
                  map:
                    environment:
                      A: 1
                      B: "x=y"
                      C:
                """;
            var services = Model(("docker-compose.yml", yaml)).ComposeServices;
            foreach (var service in services)
            {
                Assert.Equal(new[] { "A", "B", "C" }, service.Environment.Select(v => v.Name));
                Assert.Equal("1", Var(service, "A").Value);
                Assert.Equal("x=y", Var(service, "B").Value);
                Assert.Null(Var(service, "C").Value);
            }

            Assert.Equal((4, 9), (Var(services[0], "A").At.Line, Var(services[0], "A").At.Column));
            Assert.Equal((9, 10), (Var(services[1], "A").At.Line, Var(services[1], "A").At.Column));
        }

        [Fact]
        public void LaterEnvironmentEntriesWin()
        {
            var model = Model(("docker-compose.yml", "services:\n  a:\n    environment:\n      - A=1\n      - A=2\n"));
            Assert.Equal("2", Var(model.ComposeServices.Single(), "A").Value);
        }

        [Fact]
        public void LabelsVolumesAndNetworkMode()
        {
            const string yaml = """
                services:
                  a:
                    image: example/a
                    network_mode: host
                    labels:
                      - sensitivedata.io/phi=true
                      - team=imaging
                    volumes:
                      - data:/var/lib/data
                      - type: bind
                        source: ./recordings
                        target: /app/recordings
                """;
            var service = Model(("docker-compose.yml", yaml)).ComposeServices.Single();
            Assert.Equal("host", service.NetworkMode!.Value);
            Assert.Equal("true", service.Labels[SensitiveData.PhiKey]);
            Assert.True(service.DeclaredPhi);
            Assert.Equal(new[] { "data:/var/lib/data", "./recordings:/app/recordings" }, service.Volumes);
            Assert.Equal("example/a", service.Image);
        }

        [Fact]
        public void MergeKeysAreResolvedAndLocalKeysWin()
        {
            const string yaml = """
                x-common: &common
                  image: example/common
                  environment:
                    A: from-anchor
                services:
                  a:
                    <<: *common
                    image: example/a
                  b:
                    <<: *common
                """;
            var services = Model(("docker-compose.yml", yaml)).ComposeServices;
            Assert.Equal(new[] { "a", "b" }, services.Select(s => s.Name));
            Assert.Equal("example/a", services[0].Image);
            Assert.Equal("example/common", services[1].Image);
            Assert.Equal(4, Var(services[1], "A").At.Line);
        }

        [Fact]
        public void KubernetesObjectsFromListsAndMultipleDocuments()
        {
            const string yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: s
                      namespace: pacs
                    spec:
                      type: NodePort
                      selector:
                        app: pacs
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: c
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: pacs
                  namespace: pacs
                spec:
                  template:
                    metadata:
                      labels:
                        app: pacs
                        tier: db
                    spec:
                      hostNetwork: true
                      containers:
                        - name: orthanc
                          image: orthancteam/orthanc
                          volumeMounts:
                            - mountPath: /var/lib/orthanc/db
                        - name: sidecar
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: i
                  namespace: pacs
                spec:
                  tls:
                    - hosts: ["*.example.com"]
                  rules:
                    - host: a.example.com
                      http:
                        paths:
                          - backend:
                              service:
                                name: s
                """;
            var model = Model(("all.yaml", yaml));
            Assert.Equal(new[] { "Service", "ConfigMap", "StatefulSet", "Ingress" }, model.KubernetesObjects.Select(o => o.Kind));
            var service = model.KubernetesServices.Single();
            var workload = model.KubernetesWorkloads.Single();
            var ingress = model.Ingresses.Single();
            Assert.True(service.IsExternal);
            Assert.Equal("pacs", service.Namespace);
            Assert.Same(workload, model.SelectedBy(service).Single());
            Assert.Equal(new[] { "orthanc", "sidecar" }, workload.Containers.Select(c => c.Name));
            Assert.True(workload.HostNetwork!.AsBoolean());
            Assert.Equal(new[] { "/var/lib/orthanc/db" }, workload.Containers[0].MountPaths);
            Assert.True(SensitiveData.HoldsPhi(workload.Containers[0]));
            Assert.True(SensitiveData.HoldsPhi(workload.Containers[1])); // the workload's name and labels say "pacs"
            Assert.Equal(new[] { "s" }, ingress.BackendServices);
            Assert.Same(service, model.ServicesNamed("s", "pacs").Single());
            Assert.Empty(model.ServicesNamed("s", "default"));
            Assert.True(ingress.CoversHost("a.example.com"));
            Assert.False(ingress.CoversHost("example.com"));
            Assert.False(ingress.CoversHost("b.a.example.com"));
            Assert.Empty(model.ComposeServices);
        }

        [Fact]
        public void SelectorsNeedEveryKeyAndAreNeverEmpty()
        {
            static StringMap Map(params (string Key, string? Value)[] pairs) =>
                StringMap.From(pairs.Select(p => new EnvironmentVariable(p.Key, p.Value, new Model.SourceLocation("k8s.yaml", 1, 1))).ToArray(), new StringPool());

            var pod = Map(("app", "a"), ("tier", "web"));
            Assert.True(KubernetesObject.Selects(Map(("app", "a")), pod));
            Assert.False(KubernetesObject.Selects(Map(("app", "a"), ("tier", "db")), pod));
            Assert.False(KubernetesObject.Selects(Map(("app", null)), pod));
            Assert.False(KubernetesObject.Selects(Map(), pod));
        }

        [Fact]
        public void ClusterIpServiceIsInternalUnlessItHasExternalIps()
        {
            var model = Model(("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: ClusterIP\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  externalIPs: [1.2.3.4]\n"));
            Assert.Equal(new[] { false, true }, model.KubernetesServices.Select(s => s.IsExternal));
        }

        [Fact]
        public void PodLabelsOfAPodAreItsOwnLabels()
        {
            var model = Model(("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: x\nspec:\n  containers:\n    - name: c\n      image: i\n"));
            var workload = model.KubernetesWorkloads.Single();
            Assert.Equal("x", workload.PodLabels["app"]);
            Assert.Equal("i", workload.Containers.Single().Image);
        }

        [Fact]
        public void KubernetesEnvValueAndValueFrom()
        {
            const string yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                    - name: c
                      env:
                        - name: A
                          value: "1"
                        - name: B
                          valueFrom:
                            secretKeyRef: { name: s, key: k }
                """;
            var container = Model(("pod.yaml", yaml)).KubernetesWorkloads.Single().Containers.Single();
            Assert.Equal("1", Var(container, "A").Value);
            Assert.Equal((10, 18), (Var(container, "A").At.Line, Var(container, "A").At.Column));
            Assert.Null(Var(container, "B").Value);
        }

        [Fact]
        public void PhiDeclarationPrecedence()
        {
            const string yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: pacs
                  annotations:
                    sensitivedata.io/phi: "false"
                  labels:
                    sensitivedata.io/phi: "true"
                spec:
                  template:
                    spec:
                      containers:
                        - name: orthanc
                          image: orthancteam/orthanc
                """;
            var container = Model(("d.yaml", yaml)).KubernetesWorkloads.Single().Containers.Single();
            Assert.False(container.DeclaredPhi);
            Assert.False(SensitiveData.HoldsPhi(container)); // an explicit declaration beats recognition
        }

        [Fact]
        public void AppSettingsAreRecognisedByNameOrKestrelSectionInJsonOnly()
        {
            var model = Model(
                ("appsettings.Production.json", """{ "Urls": "http://*:5000" }"""),
                ("appsettings.Development.json", """{ "Urls": "http://*:5000" }"""), // never deployed: not read
                ("other.json", """{ "Kestrel": { "Endpoints": { "A": { "Url": "http://*:1" }, "B": "not a mapping" } } }"""),
                ("package.json", """{ "Urls": "http://*:5000" }"""),
                ("appsettings.yaml", "Kestrel:\n  Endpoints: {}\n"));
            Assert.Equal(new[] { "appsettings.Production.json", "other.json" }, model.AppSettings.Select(s => s.Path));
            Assert.Equal("http://*:5000", model.AppSettings[0].Urls!.Value.Text);
            Assert.Equal(new[] { "A" }, model.AppSettings[1].Endpoints.Select(e => e.Name));
        }

        [Theory]
        [InlineData(104, true)]
        [InlineData(11112, true)]
        [InlineData(4242, true)]
        [InlineData(2761, true)]
        [InlineData(2762, true)]
        [InlineData(8042, false)]
        [InlineData(443, false)]
        public void DicomPorts(int port, bool dicom)
        {
            Assert.Equal(dicom, SensitiveData.IsDicomPort(port));
        }
    }
}
