using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SensitiveDataAnalyzers.Benchmarks
{
    /// <summary>One generated source file and the diagnostics the planted rules should report in it (one per id listed).</summary>
    internal sealed record GeneratedFile(string Path, string Text, string Kind, string Variant, IReadOnlyCollection<string> ExpectedIds);

    /// <summary>
    /// Generates a deterministic ASP.NET Core-style code base: modules of DTOs, a service, a controller,
    /// mappings and one infrastructure file (hosting, HttpClient set-up, recording storage or SslStream code),
    /// plus one shared recording store. About 5% of the files contain a transport (SDA1001-1004) or
    /// personal-identifier-in-name (SDA2001/2002) finding; the other infrastructure files are near misses
    /// (loopback, https, UseHttps, real certificate checks, TLS 1.2/1.3; opaque ids, identifiers in contents
    /// and logs, keyed HMACs) and the rest is ordinary code.
    /// </summary>
    internal sealed class CodeBaseGenerator
    {
        public const int DefaultSeed = 20190218;
        public const double FindingShare = 0.05;
        private const int FilesPerModule = 5;

        private static readonly string[] Entities =
        {
            "Patient", "Appointment", "Prescription", "Referral", "LabResult", "Invoice", "Clinic", "Practitioner",
            "Vaccination", "Allergy", "CarePlan", "Encounter", "Observation", "Consent", "Coverage", "Recording",
            "Callback", "Triage", "Ward", "Bed", "Shift", "Device", "Specimen", "Medication", "Diagnosis",
        };

        private static readonly Property[] PropertyPool =
        {
            new("string", "DisplayName", " = string.Empty;", "[Required, StringLength(200)]", "Required"),
            new("string", "Code", " = string.Empty;", "[Required, RegularExpression(\"^[A-Z0-9-]{3,32}$\")]", "Code"),
            new("string?", "Notes", "", "[StringLength(4000)]", "Text"),
            new("int", "Priority", "", "[Range(0, 10)]", "Range"),
            new("decimal", "Amount", "", "[Range(typeof(decimal), \"0\", \"1000000\")]", "Money"),
            new("bool", "IsUrgent", "", "", "None"),
            new("Guid", "OwnerId", "", "", "Guid"),
            new("DateOnly", "ValidFrom", "", "", "Date"),
            new("DateTimeOffset?", "ClosedAt", "", "", "None"),
            new("string", "Department", " = string.Empty;", "[Required, StringLength(100)]", "Required"),
            new("double", "Score", "", "[Range(0.0, 1.0)]", "Range"),
            new("string?", "ExternalReference", "", "[StringLength(64)]", "Text"),
            new("int", "DurationMinutes", "", "[Range(1, 1440)]", "Range"),
            new("string", "Region", " = string.Empty;", "[Required, StringLength(50)]", "Required"),
        };

        private readonly Random _random;

        public CodeBaseGenerator(int seed = DefaultSeed)
        {
            _random = new Random(seed);
        }

        public IReadOnlyList<GeneratedFile> Generate(int fileCount)
        {
            if (fileCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(fileCount));
            }

            // One shared file (the recording store the storage code of every module may call) and modules of five files.
            // Infrastructure files are the last of each module; a fixed share of all files, drawn from them, carries a finding.
            var moduleFileCount = fileCount - 1;
            var infraPositions = Enumerable.Range(0, moduleFileCount).Where(i => i % FilesPerModule == FilesPerModule - 1).ToList();
            Shuffle(infraPositions);
            var findingCount = Math.Min(infraPositions.Count, (int)Math.Round(fileCount * FindingShare, MidpointRounding.AwayFromZero));
            var findingOrder = new Dictionary<int, int>();
            for (var k = 0; k < findingCount; k++)
            {
                findingOrder[infraPositions[k]] = k;
            }

            var files = new List<GeneratedFile>(fileCount);
            Module? module = null;
            for (var i = 0; i < moduleFileCount; i++)
            {
                var slot = i % FilesPerModule;
                if (slot == 0)
                {
                    module = NewModule(i / FilesPerModule);
                }

                var m = module!;
                files.Add(slot switch
                {
                    0 => Dto(m),
                    1 => Service(m),
                    2 => Controller(m),
                    3 => Mappings(m),
                    _ => findingOrder.TryGetValue(i, out var k) ? Finding(m, k) : NearMiss(m),
                });
            }

            files.Add(SharedRecordingStore());
            return files;
        }

        // ---------------------------------------------------------------- modules and ordinary code

        private sealed record Property(string Type, string Name, string Initializer, string Attributes, string Check);

        private sealed class Module
        {
            public Module(int index, string entity, IReadOnlyList<Property> properties)
            {
                Index = index;
                Entity = entity;
                Properties = properties;
                Plural = entity.EndsWith("y", StringComparison.Ordinal) ? entity[..^1] + "ies"
                    : entity.EndsWith("is", StringComparison.Ordinal) ? entity[..^2] + "es"
                    : entity + "s";
                Namespace = $"Contoso.Care.{Plural}{index:D3}";
                Folder = $"src/Contoso.Care.{Plural}{index:D3}";
                Route = "api/" + ToKebab(Plural);
            }

            public int Index { get; }
            public string Entity { get; }
            public string Plural { get; }
            public string Namespace { get; }
            public string Folder { get; }
            public string Route { get; }
            public IReadOnlyList<Property> Properties { get; }
        }

        private Module NewModule(int index)
        {
            var entity = Entities[_random.Next(Entities.Length)];
            var count = _random.Next(4, 9);
            var props = PropertyPool.OrderBy(_ => _random.Next()).Take(count).ToList();
            return new Module(index, entity, props);
        }

        private static GeneratedFile Ordinary(Module m, string fileName, string kind, string text) =>
            new($"{m.Folder}/{fileName}", text, kind, "ordinary", Array.Empty<string>());

        private GeneratedFile Dto(Module m)
        {
            var e = m.Entity;
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\nusing System.Text.Json.Serialization;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"[JsonConverter(typeof(JsonStringEnumConverter))]\npublic enum {e}Status\n{{\n    Draft,\n    Active,\n    OnHold,\n    Completed,\n    Archived,\n}}\n\n");
            sb.Append($"/// <summary>Stored {e.ToLowerInvariant()} record.</summary>\npublic sealed class {e}\n{{\n");
            sb.Append("    public Guid Id { get; set; }\n\n    public DateTimeOffset CreatedAt { get; set; }\n\n    public DateTimeOffset UpdatedAt { get; set; }\n\n");
            sb.Append($"    public {e}Status Status {{ get; set; }}\n\n    public int Revision {{ get; set; }}\n");
            foreach (var p in m.Properties)
            {
                sb.Append($"\n    public {p.Type} {p.Name} {{ get; set; }}{p.Initializer}\n");
            }

            sb.Append("}\n\n");
            sb.Append($"public sealed record {e}Dto(\n    Guid Id,\n    DateTimeOffset CreatedAt,\n    {e}Status Status,\n    int Revision");
            foreach (var p in m.Properties)
            {
                sb.Append($",\n    {p.Type} {p.Name}");
            }

            sb.Append(");\n\n");
            sb.Append($"public sealed class Create{e}Request\n{{\n");
            var first = true;
            foreach (var p in m.Properties)
            {
                sb.Append(first ? "" : "\n");
                first = false;
                if (p.Attributes.Length > 0)
                {
                    sb.Append($"    {p.Attributes}\n");
                }

                sb.Append($"    public {p.Type} {p.Name} {{ get; set; }}{p.Initializer}\n");
            }

            sb.Append("}\n\n");
            sb.Append($"public sealed record Update{e}StatusRequest([property: Required] {e}Status Status, int ExpectedRevision, string? Reason);\n\n");
            sb.Append($"public sealed record {e}Page(IReadOnlyList<{e}Dto> Items, int Total, int Page, int PageSize)\n{{\n");
            sb.Append("    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;\n\n    public bool HasNext => Page < PageCount;\n}\n");
            return Ordinary(m, $"Models/{e}.cs", "dto", sb.ToString());
        }

        private GeneratedFile Service(Module m)
        {
            var e = m.Entity;
            var sortable = m.Properties.FirstOrDefault(p => p.Type is "int" or "decimal" or "double");
            var searchable = m.Properties.FirstOrDefault(p => p.Type == "string");
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Collections.Concurrent;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.Logging;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"public interface I{e}Service\n{{\n");
            sb.Append($"    Task<{e}Page> ListAsync(int page, int pageSize, string? search, CancellationToken cancellationToken);\n\n");
            sb.Append($"    Task<{e}Dto?> FindAsync(Guid id, CancellationToken cancellationToken);\n\n");
            sb.Append($"    Task<{e}Dto> CreateAsync(Create{e}Request request, CancellationToken cancellationToken);\n\n");
            sb.Append($"    Task<{e}Dto?> UpdateStatusAsync(Guid id, Update{e}StatusRequest request, CancellationToken cancellationToken);\n\n");
            sb.Append("    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);\n}\n\n");
            sb.Append($"public sealed class {e}Service : I{e}Service\n{{\n");
            sb.Append($"    private readonly ConcurrentDictionary<Guid, {e}> _items = new();\n    private readonly ILogger<{e}Service> _logger;\n    private readonly TimeProvider _clock;\n\n");
            sb.Append($"    public {e}Service(ILogger<{e}Service> logger, TimeProvider clock)\n    {{\n        _logger = logger;\n        _clock = clock;\n    }}\n\n");
            sb.Append($"    public Task<{e}Page> ListAsync(int page, int pageSize, string? search, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        cancellationToken.ThrowIfCancellationRequested();\n        if (page < 1)\n        {\n            throw new ArgumentOutOfRangeException(nameof(page), page, \"Pages start at 1.\");\n        }\n\n");
            sb.Append("        pageSize = Math.Clamp(pageSize, 1, 200);\n");
            sb.Append($"        IEnumerable<{e}> query = _items.Values.Where(x => x.Status != {e}Status.Archived);\n");
            if (searchable is not null)
            {
                sb.Append($"        if (!string.IsNullOrWhiteSpace(search))\n        {{\n            query = query.Where(x => x.{searchable.Name}.Contains(search, StringComparison.OrdinalIgnoreCase));\n        }}\n\n");
            }

            sb.Append(sortable is not null
                ? $"        var ordered = query.OrderByDescending(x => x.{sortable.Name}).ThenByDescending(x => x.CreatedAt).ToList();\n"
                : "        var ordered = query.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToList();\n");
            sb.Append("        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(x => x.ToDto()).ToList();\n");
            sb.Append($"        return Task.FromResult(new {e}Page(items, ordered.Count, page, pageSize));\n    }}\n\n");
            sb.Append($"    public Task<{e}Dto?> FindAsync(Guid id, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        cancellationToken.ThrowIfCancellationRequested();\n");
            sb.Append($"        return Task.FromResult(_items.TryGetValue(id, out var item) ? item.ToDto() : null);\n    }}\n\n");
            sb.Append($"    public Task<{e}Dto> CreateAsync(Create{e}Request request, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        ArgumentNullException.ThrowIfNull(request);\n        cancellationToken.ThrowIfCancellationRequested();\n");
            sb.Append("        var now = _clock.GetUtcNow();\n        var entity = request.ToEntity(Guid.NewGuid(), now);\n");
            sb.Append("        if (!_items.TryAdd(entity.Id, entity))\n        {\n            throw new InvalidOperationException(\"Duplicate id.\");\n        }\n\n");
            sb.Append($"        _logger.LogInformation(\"Created {e.ToLowerInvariant()} {{Id}} at {{CreatedAt}}\", entity.Id, entity.CreatedAt);\n");
            sb.Append("        return Task.FromResult(entity.ToDto());\n    }\n\n");
            sb.Append($"    public Task<{e}Dto?> UpdateStatusAsync(Guid id, Update{e}StatusRequest request, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        cancellationToken.ThrowIfCancellationRequested();\n        if (!_items.TryGetValue(id, out var item))\n        {\n");
            sb.Append($"            return Task.FromResult<{e}Dto?>(null);\n        }}\n\n");
            sb.Append("        lock (item)\n        {\n            if (item.Revision != request.ExpectedRevision)\n            {\n");
            sb.Append("                _logger.LogWarning(\"Revision conflict on {Id}: expected {Expected}, found {Actual}\", id, request.ExpectedRevision, item.Revision);\n");
            sb.Append("                throw new InvalidOperationException(\"The record was changed by someone else.\");\n            }\n\n");
            sb.Append("            item.Status = request.Status;\n            item.Revision++;\n            item.UpdatedAt = _clock.GetUtcNow();\n");
            sb.Append($"            return Task.FromResult<{e}Dto?>(item.ToDto());\n        }}\n    }}\n\n");
            sb.Append("    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)\n    {\n");
            sb.Append("        cancellationToken.ThrowIfCancellationRequested();\n        var removed = _items.TryRemove(id, out _);\n");
            sb.Append("        if (removed)\n        {\n            _logger.LogInformation(\"Deleted {Id}\", id);\n        }\n\n        return Task.FromResult(removed);\n    }\n}\n");
            return Ordinary(m, $"Services/{e}Service.cs", "service", sb.ToString());
        }

        private GeneratedFile Controller(Module m)
        {
            var e = m.Entity;
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.Extensions.Logging;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"[ApiController]\n[Route(\"{m.Route}\")]\n[Produces(\"application/json\")]\npublic sealed class {m.Plural}Controller : ControllerBase\n{{\n");
            sb.Append($"    private readonly I{e}Service _service;\n    private readonly ILogger<{m.Plural}Controller> _logger;\n\n");
            sb.Append($"    public {m.Plural}Controller(I{e}Service service, ILogger<{m.Plural}Controller> logger)\n    {{\n        _service = service;\n        _logger = logger;\n    }}\n\n");
            sb.Append($"    [HttpGet]\n    [ProducesResponseType(StatusCodes.Status200OK)]\n    public async Task<ActionResult<{e}Page>> List([FromQuery] int page = 1, [FromQuery] int pageSize = 50, [FromQuery] string? search = null, CancellationToken cancellationToken = default)\n    {{\n");
            sb.Append("        if (page < 1)\n        {\n            return BadRequest(new ProblemDetails { Title = \"page must be 1 or more\" });\n        }\n\n");
            sb.Append("        return Ok(await _service.ListAsync(page, pageSize, search, cancellationToken));\n    }\n\n");
            sb.Append($"    [HttpGet(\"{{id:guid}}\")]\n    [ProducesResponseType(StatusCodes.Status200OK)]\n    [ProducesResponseType(StatusCodes.Status404NotFound)]\n    public async Task<ActionResult<{e}Dto>> Get(Guid id, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        var item = await _service.FindAsync(id, cancellationToken);\n        return item is null ? NotFound() : Ok(item);\n    }\n\n");
            sb.Append($"    [HttpPost]\n    [ProducesResponseType(StatusCodes.Status201Created)]\n    [ProducesResponseType(StatusCodes.Status400BadRequest)]\n    public async Task<ActionResult<{e}Dto>> Create([FromBody] Create{e}Request request, CancellationToken cancellationToken)\n    {{\n");
            sb.Append($"        var errors = {e}Mappings.Validate(request);\n        if (errors.Count > 0)\n        {{\n");
            sb.Append("            foreach (var error in errors)\n            {\n                ModelState.AddModelError(error.Field, error.Message);\n            }\n\n            return ValidationProblem(ModelState);\n        }\n\n");
            sb.Append("        var created = await _service.CreateAsync(request, cancellationToken);\n");
            sb.Append("        _logger.LogDebug(\"Created {Id}\", created.Id);\n");
            sb.Append("        return CreatedAtAction(nameof(Get), new { id = created.Id }, created);\n    }\n\n");
            sb.Append($"    [HttpPut(\"{{id:guid}}/status\")]\n    public async Task<ActionResult<{e}Dto>> UpdateStatus(Guid id, [FromBody] Update{e}StatusRequest request, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        try\n        {\n            var updated = await _service.UpdateStatusAsync(id, request, cancellationToken);\n            return updated is null ? NotFound() : Ok(updated);\n        }\n");
            sb.Append("        catch (InvalidOperationException ex)\n        {\n            return Conflict(new ProblemDetails { Title = \"Conflict\", Detail = ex.Message });\n        }\n    }\n\n");
            sb.Append("    [HttpDelete(\"{id:guid}\")]\n    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>\n        await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();\n}\n");
            return Ordinary(m, $"Controllers/{m.Plural}Controller.cs", "controller", sb.ToString());
        }

        private GeneratedFile Mappings(Module m)
        {
            var e = m.Entity;
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Collections.Generic;\nusing System.Text.RegularExpressions;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append("public readonly record struct FieldError(string Field, string Message);\n\n");
            sb.Append($"public static class {e}Mappings\n{{\n    private static readonly Regex CodePattern = new(\"^[A-Z0-9-]{{3,32}}$\", RegexOptions.Compiled | RegexOptions.CultureInvariant);\n\n");
            sb.Append($"    public static {e}Dto ToDto(this {e} entity) =>\n        new(entity.Id, entity.CreatedAt, entity.Status, entity.Revision");
            foreach (var p in m.Properties)
            {
                sb.Append($", entity.{p.Name}");
            }

            sb.Append(");\n\n");
            sb.Append($"    public static {e} ToEntity(this Create{e}Request request, Guid id, DateTimeOffset now) =>\n        new()\n        {{\n");
            sb.Append($"            Id = id,\n            CreatedAt = now,\n            UpdatedAt = now,\n            Status = {e}Status.Draft,\n");
            foreach (var p in m.Properties)
            {
                var value = p.Type == "string" ? $"request.{p.Name}.Trim()" : $"request.{p.Name}";
                sb.Append($"            {p.Name} = {value},\n");
            }

            sb.Append("        };\n\n");
            sb.Append($"    public static IReadOnlyList<FieldError> Validate(Create{e}Request request)\n    {{\n        var errors = new List<FieldError>();\n");
            foreach (var p in m.Properties)
            {
                switch (p.Check)
                {
                    case "Required":
                        sb.Append($"        if (string.IsNullOrWhiteSpace(request.{p.Name}))\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Required.\"));\n        }}\n");
                        break;
                    case "Code":
                        sb.Append($"        if (!CodePattern.IsMatch(request.{p.Name}))\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Invalid code.\"));\n        }}\n");
                        break;
                    case "Text":
                        sb.Append($"        if (request.{p.Name} is {{ Length: > 4000 }})\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Too long.\"));\n        }}\n");
                        break;
                    case "Range":
                        sb.Append($"        if (request.{p.Name} < 0)\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Must not be negative.\"));\n        }}\n");
                        break;
                    case "Money":
                        sb.Append($"        if (request.{p.Name} < 0m || decimal.Round(request.{p.Name}, 2) != request.{p.Name})\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Invalid amount.\"));\n        }}\n");
                        break;
                    case "Guid":
                        sb.Append($"        if (request.{p.Name} == Guid.Empty)\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Required.\"));\n        }}\n");
                        break;
                    case "Date":
                        sb.Append($"        if (request.{p.Name} < new DateOnly(2000, 1, 1))\n        {{\n            errors.Add(new FieldError(nameof(request.{p.Name}), \"Too early.\"));\n        }}\n");
                        break;
                }
            }

            sb.Append("        return errors;\n    }\n}\n");
            return Ordinary(m, $"Mappings/{e}Mappings.cs", "mappings", sb.ToString());
        }

        // ---------------------------------------------------------------- infrastructure: findings and near misses

        private sealed record Variant(string Name, string Kind, string[] ExpectedIds, Func<Module, string> Render);

        // The analyzers treat one compilation as one application: an app-wide UseForwardedHeaders (SDA1005) or an HTTPS
        // endpoint with UseHttpsRedirection changes the verdict on every listener of the compilation. The generated code
        // base therefore contains neither, so that each planted finding has one expected verdict; those cases are left
        // to the unit tests.
        private static readonly Variant[] FindingVariants =
        {
            // SDA1001: plaintext listener on a non-loopback address.
            new("UseUrls 0.0.0.0:5000", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, builder: "builder.WebHost.UseUrls(\"http://0.0.0.0:5000\");")),
            new("Urls.Add http://*:8080", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, app: "app.Urls.Add(\"http://*:8080\");")),
            new("Listen(IPAddress.Any, 5000)", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options =>\n        {\n            options.Limits.MaxRequestBodySize = 10 * 1024 * 1024;\n            options.Listen(IPAddress.Any, 5000);\n        });")),
            new("ListenAnyIP(8080, protocols only)", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(8080, listen => listen.Protocols = HttpProtocols.Http1AndHttp2));")),
            new("UseSetting(urls, http://+:80)", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, builder: "builder.WebHost.UseSetting(\"urls\", \"http://+:80\");")),
            new("app.Run(http://0.0.0.0:5000)", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, runUrl: "http://0.0.0.0:5000")),
            new("HttpSys UrlPrefixes http://+:80/", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, builder: "builder.WebHost.UseHttpSys(options =>\n        {\n            options.MaxConnections = 2000;\n            options.UrlPrefixes.Add(\"http://+:80/\");\n        });")),
            new("HttpListener http://+:9102/", "hosting", new[] { "SDA1001" }, m => MinimalHost(m, extra: MetricsListener("http://+:9102/"))),
            new("Startup UseUrls http://*:5000", "hosting", new[] { "SDA1001" }, m => StartupHost(m, "web.UseStartup<Startup>().UseUrls(\"http://*:5000\")")),
            // SDA1002: plaintext HTTP on a TLS port.
            new("UseUrls http://0.0.0.0:443", "hosting", new[] { "SDA1002" }, m => MinimalHost(m, builder: "builder.WebHost.UseUrls(\"http://0.0.0.0:443\");")),
            new("ListenAnyIP(443)", "hosting", new[] { "SDA1002" }, m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(443));")),
            new("Listen(IPAddress.Any, 8443)", "hosting", new[] { "SDA1002" }, m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options =>\n        {\n            options.AddServerHeader = false;\n            options.Listen(IPAddress.Any, 8443);\n        });")),
            // SDA1003: certificate validation disabled.
            new("handler callback => true", "http", new[] { "SDA1003" }, m => HttpClients(m, "new HttpClientHandler\n        {\n            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,\n        }")),
            new("DangerousAcceptAnyServerCertificateValidator", "http", new[] { "SDA1003" }, m => HttpClients(m, "new HttpClientHandler\n        {\n            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,\n        }")),
            new("SocketsHttpHandler delegate { return true; }", "http", new[] { "SDA1003" }, m => HttpClients(m, "new SocketsHttpHandler\n        {\n            PooledConnectionLifetime = TimeSpan.FromMinutes(5),\n            SslOptions = new SslClientAuthenticationOptions\n            {\n                RemoteCertificateValidationCallback = delegate { return true; },\n            },\n        }")),
            new("SslStream ctor callback => true", "ssl", new[] { "SDA1003" }, m => SslFeed(m, "new SslStream(tcp.GetStream(), false, (sender, certificate, chain, errors) => true)", "await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, cancellationToken);")),
            // SDA1004: obsolete protocol versions.
            new("AuthenticateAsClient Tls | Tls11", "ssl", new[] { "SDA1004" }, m => SslFeed(m, "new SslStream(tcp.GetStream(), false)", "ssl.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls11, checkCertificateRevocation: true);")),
            new("EnabledSslProtocols Ssl3 | Tls12", "ssl", new[] { "SDA1004" }, m => SslFeed(m, "new SslStream(tcp.GetStream(), false)", "await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = SslProtocols.Ssl3 | SslProtocols.Tls12 }, cancellationToken);")),
            new("HttpClientHandler SslProtocols Tls11", "http", new[] { "SDA1004" }, m => HttpClients(m, "new HttpClientHandler\n        {\n            SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,\n        }")),
            new("Kestrel HTTPS defaults Tls", "hosting", new[] { "SDA1004" }, m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options =>\n        {\n            options.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12);\n            options.ListenAnyIP(443, listen => listen.UseHttps());\n        });")),
            // SDA2001: a file, directory, archive-entry or download name, or a link handed to clients, built from a personal identifier.
            new("File.WriteAllBytes Path.Combine phone number", "storage", new[] { "SDA2001" }, m => Storage(m, save: """
                File.WriteAllBytes(Path.Combine(_root, recording.CallerPhoneNumber + ".wav"), recording.Audio);
                """)),
            new("interpolated local patient id", "storage", new[] { "SDA2001" }, m => Storage(m, save: """
                var fileName = $"{recording.PatientId}_{recording.StartedAt:yyyyMMdd'T'HHmm}.wav";
                await File.WriteAllBytesAsync(Path.Combine(_root, fileName), recording.Audio, cancellationToken);
                """)),
            new("Results.File fileDownloadName phone number", "storage", new[] { "SDA2001" }, m => Storage(m, download: """
                Results.File(recording.Audio, "audio/wav", fileDownloadName: recording.CallerPhoneNumber + ".wav")
                """)),
            new("ZipArchive.CreateEntry email", "storage", new[] { "SDA2001" }, m => Storage(m, save: """
                await using var zipFile = File.Create(Path.Combine(_root, recording.RecordingId.ToString("N") + ".zip"));
                using var zip = new ZipArchive(zipFile, ZipArchiveMode.Create);
                var entry = zip.CreateEntry(recording.Email + ".wav", CompressionLevel.Fastest);
                await using var entryStream = entry.Open();
                await entryStream.WriteAsync(recording.Audio, cancellationToken);
                """)),
            new("Directory.CreateDirectory per patient id", "storage", new[] { "SDA2001" }, m => Storage(m, save: """
                Directory.CreateDirectory(Path.Combine(_root, "patients", recording.PatientId));
                await File.WriteAllBytesAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".wav"), recording.Audio, cancellationToken);
                """)),
            new("helper in the same file builds the name from its parameter", "storage", new[] { "SDA2001" }, m => Storage(m,
                save: """
                    await File.WriteAllBytesAsync(PathFor(recording.CallerPhoneNumber, recording.StartedAt), recording.Audio, cancellationToken);
                    """,
                extra: """
                    private string PathFor(string key, DateTimeOffset startedAt) =>
                        Path.Combine(_root, $"{key.Trim()}_{startedAt:yyyyMMdd'T'HHmm}.wav");
                    """)),
            new("shared RecordingStore.SaveAsync (other file) called with the phone number", "storage", new[] { "SDA2001" }, m => Storage(m, save: """
                await _store.SaveAsync(recording.CallerPhoneNumber, recording.Audio, cancellationToken);
                """)),
            new("Results.Created link with the phone number", "storage", new[] { "SDA2001" }, m => Storage(m, link: """
                Results.Created("/recordings/" + Uri.EscapeDataString(recording.CallerPhoneNumber), new { recording.RecordingId, recording.StartedAt })
                """)),
            new("Content-Disposition header with the phone number", "storage", new[] { "SDA2001" }, m => Storage(m, header: """
                $"attachment; filename=\"{recording.CallerPhoneNumber}.wav\""
                """)),
            // SDA2002: the same through an unkeyed hash.
            new("SHA256.HashData of the phone number", "storage", new[] { "SDA2002" }, m => Storage(m, save: """
                var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(recording.CallerPhoneNumber)));
                await File.WriteAllBytesAsync(Path.Combine(_root, name + ".wav"), recording.Audio, cancellationToken);
                """)),
            new("MD5 ComputeHash helper of the email", "storage", new[] { "SDA2002" }, m => Storage(m,
                save: """
                    File.WriteAllBytes(Path.Combine(_root, Digest(recording.Email) + ".wav"), recording.Audio);
                    """,
                extra: """
                    private static string Digest(string value)
                    {
                        using var md5 = MD5.Create();
                        return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(value)));
                    }
                    """)),
        };

        private static readonly Variant[] NearMissVariants =
        {
            new("UseUrls localhost", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.UseUrls(\"http://localhost:5000\");")),
            new("UseUrls 127.0.0.1 + [::1]", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.UseUrls(\"http://127.0.0.1:5080\", \"http://[::1]:5080\");")),
            new("UseUrls https://0.0.0.0:443", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.UseUrls(\"https://0.0.0.0:443\");")),
            new("ListenAnyIP(443, UseHttps)", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(443, listen => listen.UseHttps()));")),
            new("Listen(IPAddress.Loopback)", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 5000));")),
            new("ListenLocalhost", "hosting", Array.Empty<string>(), m => MinimalHost(m, builder: "builder.WebHost.ConfigureKestrel(options => options.ListenLocalhost(5000));")),
            new("IsDevelopment http://0.0.0.0", "hosting", Array.Empty<string>(), m => MinimalHost(m, app: "if (app.Environment.IsDevelopment())\n        {\n            app.Urls.Add(\"http://0.0.0.0:5000\");\n        }")),
            new("no binding", "hosting", Array.Empty<string>(), m => MinimalHost(m)),
            new("app.Run() no url", "hosting", Array.Empty<string>(), m => MinimalHost(m, runUrl: "")),
            new("Startup UseUrls https://*:5001", "hosting", Array.Empty<string>(), m => StartupHost(m, "web.UseStartup<Startup>().UseUrls(\"https://*:5001\")")),
            new("HttpListener localhost", "hosting", Array.Empty<string>(), m => MinimalHost(m, extra: MetricsListener("http://localhost:9102/"))),
            new("handler callback checks errors", "http", Array.Empty<string>(), m => HttpClients(m, "new HttpClientHandler\n        {\n            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None,\n        }")),
            new("handler callback pins thumbprint", "http", Array.Empty<string>(), m => HttpClients(m, "new HttpClientHandler\n        {\n            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>\n                errors == SslPolicyErrors.None || (certificate is not null && string.Equals(certificate.GetCertHashString(), PinnedThumbprint, StringComparison.OrdinalIgnoreCase)),\n        }")),
            new("handler Tls12 | Tls13", "http", Array.Empty<string>(), m => HttpClients(m, "new HttpClientHandler\n        {\n            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,\n            CheckCertificateRevocationList = true,\n        }")),
            new("SocketsHttpHandler defaults", "http", Array.Empty<string>(), m => HttpClients(m, "new SocketsHttpHandler\n        {\n            PooledConnectionLifetime = TimeSpan.FromMinutes(5),\n            ConnectTimeout = TimeSpan.FromSeconds(10),\n        }")),
            new("SslStream Tls12 | Tls13", "ssl", Array.Empty<string>(), m => SslFeed(m, "new SslStream(tcp.GetStream(), false)", "await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, cancellationToken);")),
            new("SslStream SslProtocols.None", "ssl", Array.Empty<string>(), m => SslFeed(m, "new SslStream(tcp.GetStream(), false)", "await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = SslProtocols.None }, cancellationToken);")),
            new("SslStream callback checks errors", "ssl", Array.Empty<string>(), m => SslFeed(m, "new SslStream(tcp.GetStream(), false, ValidateServerCertificate)", "await ssl.AuthenticateAsClientAsync(host);")),
            new("opaque RecordingId name", "storage", Array.Empty<string>(), m => Storage(m)),
            new("Guid.NewGuid name", "storage", Array.Empty<string>(), m => Storage(m, save: """
                var fileName = $"{Guid.NewGuid():N}.wav";
                await File.WriteAllBytesAsync(Path.Combine(_root, fileName), recording.Audio, cancellationToken);
                """)),
            new("identifiers in the contents of a sidecar file", "storage", Array.Empty<string>(), m => Storage(m, save: """
                await File.WriteAllBytesAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".wav"), recording.Audio, cancellationToken);
                var sidecar = JsonSerializer.Serialize(new { recording.CallerPhoneNumber, recording.PatientId, recording.Email, recording.StartedAt });
                await File.WriteAllTextAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".json"), sidecar, cancellationToken);
                """)),
            new("identifiers logged", "storage", Array.Empty<string>(), m => Storage(m, save: """
                await File.WriteAllBytesAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".wav"), recording.Audio, cancellationToken);
                _logger.LogInformation("Recording {RecordingId} from {CallerPhoneNumber} for patient {PatientId}", recording.RecordingId, recording.CallerPhoneNumber, recording.PatientId);
                """)),
            new("HMACSHA256 with a key", "storage", Array.Empty<string>(), m => Storage(m, save: """
                var pseudonym = Convert.ToHexString(HMACSHA256.HashData(_pseudonymKey, Encoding.UTF8.GetBytes(recording.CallerPhoneNumber)));
                await File.WriteAllBytesAsync(Path.Combine(_root, pseudonym + ".wav"), recording.Audio, cancellationToken);
                """)),
            new("metadata member PhoneNumberType", "storage", Array.Empty<string>(), m => Storage(m, save: """
                var folder = Path.Combine(_root, recording.PhoneNumberType.ToLowerInvariant());
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, recording.RecordingId.ToString("N") + ".wav"), recording.Audio, cancellationToken);
                """)),
            new("shared RecordingStore.SaveAsync (other file) called with the RecordingId", "storage", Array.Empty<string>(), m => Storage(m, save: """
                await _store.SaveAsync(recording.RecordingId.ToString("N"), recording.Audio, cancellationToken);
                """)),
            new("SHA256.HashData of the RecordingId", "storage", Array.Empty<string>(), m => Storage(m, save: """
                var name = Convert.ToHexString(SHA256.HashData(recording.RecordingId.ToByteArray()));
                await File.WriteAllBytesAsync(Path.Combine(_root, name + ".wav"), recording.Audio, cancellationToken);
                """)),
            new("zip entry named by RecordingId, caller in the contents", "storage", Array.Empty<string>(), m => Storage(m, save: """
                await using var zipFile = File.Create(Path.Combine(_root, recording.RecordingId.ToString("N") + ".zip"));
                using var zip = new ZipArchive(zipFile, ZipArchiveMode.Create);
                await using (var audio = zip.CreateEntry(recording.RecordingId.ToString("N") + ".wav").Open())
                {
                    await audio.WriteAsync(recording.Audio, cancellationToken);
                }

                await using var caller = new StreamWriter(zip.CreateEntry("caller.txt").Open());
                await caller.WriteLineAsync(recording.CallerPhoneNumber);
                """)),
            new("FHIR service URL with the patient id", "storage", Array.Empty<string>(), m => Storage(m, save: """
                await File.WriteAllBytesAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".wav"), recording.Audio, cancellationToken);
                var subject = new Uri($"https://fhir.example.org/Patient/{Uri.EscapeDataString(recording.PatientId)}");
                await File.WriteAllTextAsync(Path.Combine(_root, recording.RecordingId.ToString("N") + ".ref"), subject.AbsoluteUri, cancellationToken);
                """)),
            new("helper in the same file names by the RecordingId, logs the caller", "storage", Array.Empty<string>(), m => Storage(m,
                save: """
                    await File.WriteAllBytesAsync(PathFor(recording.RecordingId, recording.CallerPhoneNumber), recording.Audio, cancellationToken);
                    """,
                extra: """
                    private string PathFor(Guid recordingId, string caller)
                    {
                        _logger.LogDebug("Naming the recording of {Caller}", caller);
                        return Path.Combine(_root, recordingId.ToString("N") + ".wav");
                    }
                    """)),
        };

        /// <summary>Finding variants in round-robin order over the rules, so that even a small code base covers every rule.</summary>
        private static readonly Variant[] FindingCycle = Interleave(FindingVariants.GroupBy(v => v.ExpectedIds[0]).OrderBy(g => g.Key, StringComparer.Ordinal));

        /// <summary>Near misses: hosting code most often, then HttpClient set-up, then recording storage, then raw SslStream code.</summary>
        private static readonly (string Kind, double Weight)[] NearMissKinds = { ("hosting", 0.38), ("http", 0.28), ("storage", 0.18), ("ssl", 0.16) };

        private GeneratedFile Finding(Module m, int k) => Infra(m, FindingCycle[k % FindingCycle.Length]);

        private GeneratedFile NearMiss(Module m)
        {
            var roll = _random.NextDouble();
            var kind = NearMissKinds[^1].Kind;
            foreach (var (candidate, weight) in NearMissKinds)
            {
                if (roll < weight)
                {
                    kind = candidate;
                    break;
                }

                roll -= weight;
            }

            var choices = NearMissVariants.Where(v => v.Kind == kind).ToArray();
            return Infra(m, choices[_random.Next(choices.Length)]);
        }

        private static Variant[] Interleave(IEnumerable<IGrouping<string, Variant>> groups)
        {
            var queues = groups.Select(g => new Queue<Variant>(g)).ToList();
            var result = new List<Variant>();
            while (queues.Any(q => q.Count > 0))
            {
                foreach (var queue in queues.Where(q => q.Count > 0))
                {
                    result.Add(queue.Dequeue());
                }
            }

            return result.ToArray();
        }

        private static GeneratedFile Infra(Module m, Variant v)
        {
            var name = v.Kind switch
            {
                "hosting" => $"Hosting/{m.Plural}Host.cs",
                "http" => $"Http/{m.Plural}HttpClients.cs",
                "storage" => $"Storage/{m.Entity}RecordingArchive.cs",
                _ => $"Feeds/{m.Entity}FeedClient.cs",
            };
            return new GeneratedFile($"{m.Folder}/{name}", v.Render(m), v.Kind, v.Name, v.ExpectedIds);
        }

        private const string HostingUsings =
            "using System;\nusing System.Net;\nusing System.Security.Authentication;\nusing System.Threading;\nusing System.Threading.Tasks;\n" +
            "using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.HttpOverrides;\n" +
            "using Microsoft.AspNetCore.Server.Kestrel.Core;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Hosting;\nusing Microsoft.Extensions.Logging;\n\n";

        private static string MinimalHost(Module m, string builder = "", string app = "", string? runUrl = null, string extra = "")
        {
            var sb = new StringBuilder(HostingUsings);
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"public static class {m.Plural}Host\n{{\n");
            sb.Append("    public static WebApplication Build(string[] args)\n    {\n");
            sb.Append("        var builder = WebApplication.CreateBuilder(args);\n");
            sb.Append("        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);\n");
            sb.Append("        builder.Services.AddControllers();\n        builder.Services.AddProblemDetails();\n        builder.Services.AddHealthChecks();\n");
            sb.Append($"        builder.Services.AddSingleton(TimeProvider.System);\n        builder.Services.AddSingleton<I{m.Entity}Service, {m.Entity}Service>();\n");
            if (builder.Length > 0)
            {
                sb.Append("        ").Append(builder).Append('\n');
            }

            sb.Append("\n        var app = builder.Build();\n        app.UseExceptionHandler();\n        app.UseStatusCodePages();\n");
            if (app.Length > 0)
            {
                sb.Append("        ").Append(app).Append('\n');
            }

            sb.Append("        app.MapControllers();\n        app.MapHealthChecks(\"/healthz\");\n");
            sb.Append($"        app.MapGet(\"/{ToKebab(m.Plural)}/ping\", (TimeProvider clock) => Results.Ok(new {{ Service = \"{m.Plural}\", Time = clock.GetUtcNow() }}));\n");
            sb.Append("        return app;\n    }\n\n");
            sb.Append("    public static void Main(string[] args)\n    {\n        var app = Build(args);\n");
            sb.Append(runUrl is { Length: > 0 } ? $"        app.Run(\"{runUrl}\");\n" : "        app.Run();\n");
            sb.Append("    }\n}\n");
            if (extra.Length > 0)
            {
                sb.Append('\n').Append(extra);
            }

            return sb.ToString();
        }

        private static string StartupHost(Module m, string webConfiguration)
        {
            var sb = new StringBuilder(HostingUsings);
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append("public sealed class Startup\n{\n");
            sb.Append("    public void ConfigureServices(IServiceCollection services)\n    {\n");
            sb.Append($"        services.AddControllers();\n        services.AddSingleton(TimeProvider.System);\n        services.AddScoped<I{m.Entity}Service, {m.Entity}Service>();\n    }}\n\n");
            sb.Append("    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)\n    {\n");
            sb.Append("        if (env.IsDevelopment())\n        {\n            app.UseDeveloperExceptionPage();\n        }\n\n");
            sb.Append("        app.UseRouting();\n        app.UseEndpoints(endpoints => endpoints.MapControllers());\n    }\n}\n\n");
            sb.Append($"public static class {m.Plural}Host\n{{\n");
            sb.Append("    public static IHost Build(string[] args) =>\n        Host.CreateDefaultBuilder(args)\n");
            sb.Append($"            .ConfigureWebHostDefaults(web => {webConfiguration})\n            .Build();\n\n");
            sb.Append("    public static Task Main(string[] args) => Build(args).RunAsync();\n}\n");
            return sb.ToString();
        }

        private static string MetricsListener(string prefix) =>
            "/// <summary>Legacy Prometheus-style metrics endpoint that predates the Kestrel host.</summary>\n" +
            "public sealed class MetricsListener : IDisposable\n{\n" +
            "    private readonly HttpListener _listener = new();\n    private readonly CancellationTokenSource _stop = new();\n\n" +
            "    public void Start()\n    {\n" +
            $"        _listener.Prefixes.Add(\"{prefix}\");\n" +
            "        _listener.Start();\n        _ = Task.Run(() => LoopAsync(_stop.Token));\n    }\n\n" +
            "    private async Task LoopAsync(CancellationToken cancellationToken)\n    {\n" +
            "        while (!cancellationToken.IsCancellationRequested)\n        {\n" +
            "            var context = await _listener.GetContextAsync();\n" +
            "            var body = System.Text.Encoding.UTF8.GetBytes(\"up 1\\n\");\n" +
            "            context.Response.ContentType = \"text/plain; version=0.0.4\";\n" +
            "            await context.Response.OutputStream.WriteAsync(body, cancellationToken);\n" +
            "            context.Response.Close();\n        }\n    }\n\n" +
            "    public void Dispose()\n    {\n        _stop.Cancel();\n        _listener.Close();\n        _stop.Dispose();\n    }\n}\n";

        private static string HttpClients(Module m, string handler)
        {
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Net.Http.Json;\nusing System.Net.Security;\nusing System.Security.Authentication;\nusing System.Threading;\nusing System.Threading.Tasks;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append("/// <summary>Adds a correlation id to every outgoing request.</summary>\n");
            sb.Append("public sealed class CorrelationHandler : DelegatingHandler\n{\n");
            sb.Append("    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)\n    {\n");
            sb.Append("        if (!request.Headers.Contains(\"X-Correlation-Id\"))\n        {\n            request.Headers.Add(\"X-Correlation-Id\", Guid.NewGuid().ToString(\"N\"));\n        }\n\n");
            sb.Append("        return base.SendAsync(request, cancellationToken);\n    }\n}\n\n");
            sb.Append($"public static class {m.Plural}HttpClients\n{{\n");
            sb.Append("    private const string PinnedThumbprint = \"3B1EFD3A66EA28B16697394703A72CA340A05BD5\";\n\n");
            sb.Append($"    /// <summary>Client for the regional registry that mirrors {m.Entity.ToLowerInvariant()} records.</summary>\n");
            sb.Append("    public static HttpClient CreateRegistryClient(string token)\n    {\n");
            sb.Append($"        var primary = {handler};\n");
            sb.Append("        var client = new HttpClient(new CorrelationHandler { InnerHandler = primary })\n        {\n");
            sb.Append($"            BaseAddress = new Uri(\"https://registry.example.org/{ToKebab(m.Plural)}/\"),\n            Timeout = TimeSpan.FromSeconds(30),\n        }};\n");
            sb.Append("        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", token);\n");
            sb.Append("        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(\"application/json\"));\n        return client;\n    }\n\n");
            sb.Append($"    public static async Task<{m.Entity}Dto?> FetchAsync(HttpClient client, Guid id, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        using var response = await client.GetAsync(id.ToString(\"D\"), cancellationToken);\n");
            sb.Append("        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)\n        {\n            return null;\n        }\n\n");
            sb.Append($"        response.EnsureSuccessStatusCode();\n        return await response.Content.ReadFromJsonAsync<{m.Entity}Dto>(cancellationToken: cancellationToken);\n    }}\n\n");
            sb.Append($"    public static async Task PushAsync(HttpClient client, {m.Entity}Dto item, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        using var response = await client.PutAsJsonAsync(item.Id.ToString(\"D\"), item, cancellationToken);\n        response.EnsureSuccessStatusCode();\n    }\n}\n");
            return sb.ToString();
        }

        private static string SslFeed(Module m, string createStream, string authenticate)
        {
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Net.Security;\nusing System.Net.Sockets;\nusing System.Runtime.CompilerServices;\n");
            sb.Append("using System.Security.Authentication;\nusing System.Security.Cryptography.X509Certificates;\nusing System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"/// <summary>Line-based event feed from the upstream system over TLS: one {m.Entity.ToLowerInvariant()} id per line.</summary>\n");
            sb.Append($"public sealed class {m.Entity}FeedClient\n{{\n");
            sb.Append("    private readonly string _host;\n    private readonly int _port;\n\n");
            sb.Append($"    public {m.Entity}FeedClient(string host, int port = 6514)\n    {{\n        _host = host;\n        _port = port;\n    }}\n\n");
            sb.Append("    public async IAsyncEnumerable<Guid> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)\n    {\n");
            sb.Append("        var host = _host;\n        using var tcp = new TcpClient();\n        await tcp.ConnectAsync(host, _port, cancellationToken);\n");
            sb.Append($"        await using var ssl = {createStream};\n");
            sb.Append($"        {authenticate}\n");
            sb.Append("        using var reader = new StreamReader(ssl, Encoding.UTF8);\n");
            sb.Append("        while (await reader.ReadLineAsync(cancellationToken) is { } line)\n        {\n");
            sb.Append("            if (Guid.TryParse(line.AsSpan().Trim(), out var id))\n            {\n                yield return id;\n            }\n        }\n    }\n\n");
            sb.Append("    private static bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)\n    {\n");
            sb.Append("        if (errors == SslPolicyErrors.None)\n        {\n            return true;\n        }\n\n");
            sb.Append("        Console.Error.WriteLine($\"Rejected feed certificate {certificate?.Subject}: {errors}\");\n        return false;\n    }\n}\n");
            return sb.ToString();
        }

        private const string DefaultSave = "await File.WriteAllBytesAsync(Path.Combine(_root, recording.RecordingId.ToString(\"N\") + \".wav\"), recording.Audio, cancellationToken);";
        private const string DefaultDownload = "Results.File(recording.Audio, \"audio/wav\", fileDownloadName: $\"{recording.RecordingId:N}.wav\")";
        private const string DefaultLink = "Results.Created($\"/recordings/{recording.RecordingId:N}\", new { recording.RecordingId, recording.StartedAt })";
        private const string DefaultHeader = "$\"attachment; filename=\\\"{recording.RecordingId:N}.wav\\\"\"";

        /// <summary>
        /// A module's recording archive: saves call audio (<paramref name="save"/>, inside a lock), serves it as a download,
        /// a link and a hand-written Content-Disposition response. By default every name is the opaque RecordingId.
        /// </summary>
        private static string Storage(Module m, string? save = null, string? download = null, string? link = null, string? header = null, string extra = "")
        {
            var e = m.Entity;
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.IO;\nusing System.IO.Compression;\nusing System.Security.Cryptography;\nusing System.Text;\nusing System.Text.Json;\nusing System.Threading;\nusing System.Threading.Tasks;\n");
            sb.Append("using Contoso.Care.Shared.Storage;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.Logging;\n\n");
            sb.Append($"namespace {m.Namespace};\n\n");
            sb.Append($"/// <summary>A call linked to {e.ToLowerInvariant()} records, recorded by the telephony platform.</summary>\n");
            sb.Append($"public sealed record {e}CallRecording(Guid RecordingId, string CallerPhoneNumber, string PatientId, string Email, DateTimeOffset StartedAt, byte[] Audio)\n{{\n");
            sb.Append("    public string PhoneNumberType { get; init; } = \"mobile\";\n}\n\n");
            sb.Append($"/// <summary>Keeps the audio of {e.ToLowerInvariant()} calls on the recordings volume and serves it to the care team.</summary>\n");
            sb.Append($"public sealed class {e}RecordingArchive : IDisposable\n{{\n");
            sb.Append("    private readonly SemaphoreSlim _gate = new(1, 1);\n    private readonly string _root;\n    private readonly byte[] _pseudonymKey;\n    private readonly RecordingStore _store;\n");
            sb.Append($"    private readonly ILogger<{e}RecordingArchive> _logger;\n\n");
            sb.Append($"    public {e}RecordingArchive(string root, byte[] pseudonymKey, RecordingStore store, ILogger<{e}RecordingArchive> logger)\n    {{\n");
            sb.Append("        _root = root;\n        _pseudonymKey = pseudonymKey;\n        _store = store;\n        _logger = logger;\n    }\n\n");
            sb.Append($"    public async Task SaveAsync({e}CallRecording recording, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        ArgumentNullException.ThrowIfNull(recording);\n        await _gate.WaitAsync(cancellationToken);\n        try\n        {\n");
            sb.Append("            Directory.CreateDirectory(_root);\n");
            sb.Append(Indent(save ?? DefaultSave, 12)).Append('\n');
            sb.Append("        }\n        finally\n        {\n            _gate.Release();\n        }\n\n");
            sb.Append("        _logger.LogInformation(\"Stored recording {RecordingId} ({Bytes} bytes)\", recording.RecordingId, recording.Audio.Length);\n    }\n\n");
            sb.Append($"    public IResult Download({e}CallRecording recording) =>\n        {(download ?? DefaultDownload).Trim()};\n\n");
            sb.Append($"    public IResult Published({e}CallRecording recording) =>\n        {(link ?? DefaultLink).Trim()};\n\n");
            sb.Append($"    public Task StreamAsync(HttpResponse response, {e}CallRecording recording, CancellationToken cancellationToken)\n    {{\n");
            sb.Append("        response.ContentType = \"audio/wav\";\n");
            sb.Append($"        response.Headers.ContentDisposition = {(header ?? DefaultHeader).Trim()};\n");
            sb.Append("        return response.Body.WriteAsync(recording.Audio, cancellationToken).AsTask();\n    }\n\n");
            sb.Append("    public bool Exists(Guid recordingId) => File.Exists(Path.Combine(_root, recordingId.ToString(\"N\") + \".wav\"));\n\n");
            sb.Append("    public void Dispose() => _gate.Dispose();\n");
            if (extra.Length > 0)
            {
                sb.Append('\n').Append(Indent(extra, 4)).Append('\n');
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        /// <summary>
        /// The recordings volume shared by every module (one file, always generated): it writes the key its callers
        /// choose into the file name, so it is not a finding itself; a call that passes an identifier is (SDA2001 at the call).
        /// </summary>
        private static GeneratedFile SharedRecordingStore()
        {
            const string text = """
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Contoso.Care.Shared.Storage;

                /// <summary>The recordings volume shared by the modules: one file per key, the key chosen by the caller.</summary>
                public sealed class RecordingStore
                {
                    private readonly string _root;

                    public RecordingStore(string root)
                    {
                        _root = root;
                    }

                    public async Task SaveAsync(string key, byte[] audio, CancellationToken cancellationToken)
                    {
                        var path = Path.Combine(_root, key + ".wav");
                        await File.WriteAllBytesAsync(path, audio, cancellationToken);
                    }

                    public bool Exists(string key) => File.Exists(Path.Combine(_root, key + ".wav"));

                    public void Delete(string key) => File.Delete(Path.Combine(_root, key + ".wav"));
                }

                """;
            return new GeneratedFile("src/Contoso.Care.Shared/Storage/RecordingStore.cs", text, "storage", "shared RecordingStore (writes its key into a file name)", Array.Empty<string>());
        }

        // ---------------------------------------------------------------- helpers

        private static string Indent(string text, int spaces)
        {
            var pad = new string(' ', spaces);
            return string.Join("\n", text.Replace("\r", "", StringComparison.Ordinal).Trim('\n').Split('\n').Select(line => line.Length == 0 ? line : pad + line));
        }

        private void Shuffle<T>(IList<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private static string ToKebab(string name)
        {
            var sb = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c) && i > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }
    }
}
