using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TicketSaas.Discord.Emulator.Spec;

/// <summary>
/// Discord's OpenAPI 3.1 document, loaded once per process (it is over a megabyte) and shared by every emulator.
/// Checks a request's method, path template, path and query parameters and JSON body against it; compiled
/// validators are cached per operation.
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiSpec>> Loaded = new(StringComparer.Ordinal);

    private readonly JsonDocument _document;
    private readonly SchemaCompiler _requests;
    private readonly SchemaCompiler _answers;
    private readonly IReadOnlyList<PathTemplate> _templates;
    private readonly ConcurrentDictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);

    private OpenApiSpec(byte[] content)
    {
        _document = JsonDocument.Parse(content);
        _requests = new SchemaCompiler(_document.RootElement, digitsAreIntegers: true);
        _answers = new SchemaCompiler(_document.RootElement);
        _templates = [.. _document.RootElement.GetProperty("paths").EnumerateObject().Select(p => new PathTemplate(p.Name, p.Value))];
    }

    public static OpenApiSpec Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<OpenApiSpec>(() => new OpenApiSpec(File.ReadAllBytes(p)))).Value;

    /// <summary>The template a concrete path (after <c>/api/v10</c>) belongs to; literal segments beat parameters.</summary>
    public string? TemplateOf(string path) => Match(path)?.Template.Text;

    internal IReadOnlyList<SpecViolation> Check(string method, string path, IQueryCollection query, SpecBody body)
    {
        if (Match(path) is not { } match)
        {
            return [new(SpecViolationKind.UnknownPath, $"{path} matches no path of Discord's OpenAPI document", [])];
        }

        var template = match.Template;
        var verb = method.ToLowerInvariant();
        if (!template.Item.TryGetProperty(verb, out var operation))
        {
            return [new(SpecViolationKind.MethodNotAllowed, $"{method} is not an operation of {template.Text}", [])];
        }

        var violations = new List<SpecViolation>();
        var parameterErrors = CheckParameters(template, operation, match.Values, query);
        if (parameterErrors.Count > 0)
        {
            violations.Add(new(SpecViolationKind.InvalidParameter, $"{method} {template.Text}: parameters do not match the spec", parameterErrors));
        }

        if (CheckBody(method, template, operation, body) is { } bodyViolation)
        {
            violations.Add(bodyViolation);
        }

        return violations;
    }

    /// <summary>
    /// Checks an answer against the operation's documented response for its status (exact, then the "4XX" range):
    /// a JSON body must match the response schema, and a response documented without content must have none.
    /// </summary>
    public IReadOnlyList<SpecViolation> CheckResponse(string method, string path, int status, JsonElement? body)
    {
        var where = $"{method} {path} -> {status}";
        if (Match(path) is not { Template: var template } || !template.Item.TryGetProperty(method.ToLowerInvariant(), out var operation))
        {
            return [new(SpecViolationKind.InvalidResponse, $"{where}: not an operation of Discord's OpenAPI document", [])];
        }

        var responses = operation.GetProperty("responses");
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(code, out var response) && !responses.TryGetProperty($"{code[0]}XX", out response))
        {
            return [new(SpecViolationKind.InvalidResponse, $"{where}: the operation documents no such status", [])];
        }

        if (response.TryGetProperty("$ref", out var reference))
        {
            response = _answers.Resolve(reference.GetString()!);
        }

        if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var media))
        {
            return body is null ? [] : [new(SpecViolationKind.InvalidResponse, $"{where}: documented without a body, yet one was sent", [])];
        }

        if (body is not { } json)
        {
            return [new(SpecViolationKind.InvalidResponse, $"{where}: documented with a JSON body, yet none was sent", [])];
        }

        var errors = Node($"response:{template.Text}:{method}:{code}", media.GetProperty("schema"), _answers).Validate(json);
        return errors.Count == 0 ? [] : [new(SpecViolationKind.InvalidResponse, $"{where}: the body does not match the spec", errors)];
    }

    private PathMatch? Match(string path)
    {
        var segments = path.Trim('/').Split('/');
        return _templates
            .Select(t => t.Match(segments))
            .OfType<PathMatch>()
            .OrderByDescending(m => m.Template.LiteralCount)
            .FirstOrDefault();
    }

    private List<SchemaError> CheckParameters(PathTemplate template, JsonElement operation, IReadOnlyDictionary<string, string> pathValues, IQueryCollection query)
    {
        var errors = new List<SchemaError>();
        var parameters = Parameters(template.Item).Concat(Parameters(operation));
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var location = parameter.GetProperty("in").GetString();
            var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            string? raw = location switch
            {
                "path" => pathValues.GetValueOrDefault(name),
                "query" when query.TryGetValue(name, out var values) => values.ToString(),
                _ => null,
            };

            if (raw is null)
            {
                if (required)
                {
                    errors.Add(new SchemaError([name], "required", "BASE_TYPE_REQUIRED", $"The {location} parameter is required"));
                }

                continue;
            }

            var schema = Node($"param:{template.Text}:{name}:{location}", parameter.GetProperty("schema"), _requests);
            errors.AddRange(ValidateText(schema, raw).Select(e => e with { Path = [name, .. e.Path] }));
        }

        return errors;
    }

    /// <summary>
    /// A parameter arrives as text; it passes if it is valid read as a number, a boolean or a string (in that
    /// order). When none passes, the first reading that parsed explains why.
    /// </summary>
    internal static IReadOnlyList<SchemaError> ValidateText(SchemaNode schema, string raw)
    {
        var readings = new List<string>();
        if (decimal.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            readings.Add(raw);
        }

        if (raw is "true" or "false" or "True" or "False")
        {
            readings.Add(raw.ToLowerInvariant());
        }

        readings.Add(JsonSerializer.Serialize(raw));
        IReadOnlyList<SchemaError>? first = null;
        foreach (var reading in readings)
        {
            using var parsed = JsonDocument.Parse(reading);
            var errors = schema.Validate(parsed.RootElement);
            if (errors.Count == 0)
            {
                return [];
            }

            first ??= errors;
        }

        return first!;
    }

    private SpecViolation? CheckBody(string method, PathTemplate template, JsonElement operation, SpecBody body)
    {
        var where = $"{method} {template.Text}";
        if (!operation.TryGetProperty("requestBody", out var requestBody))
        {
            return body.IsPresent ? new(SpecViolationKind.InvalidBody, $"{where} takes no request body, yet one was sent", []) : null;
        }

        if (!body.IsPresent)
        {
            var required = requestBody.TryGetProperty("required", out var r) && r.GetBoolean();
            return required ? new(SpecViolationKind.InvalidBody, $"{where} requires a request body", []) : null;
        }

        var content = requestBody.GetProperty("content");
        if (!content.TryGetProperty(body.MediaType, out var media))
        {
            var accepted = string.Join(", ", content.EnumerateObject().Select(c => c.Name));
            return new(SpecViolationKind.InvalidBody, $"{where} does not accept {body.MediaType} (accepts {accepted})", []);
        }

        if (body.ParseError is not null)
        {
            return new(SpecViolationKind.InvalidBody, $"{where}: {body.ParseError}", []);
        }

        var schema = Node($"body:{template.Text}:{method}:{body.MediaType}", media.GetProperty("schema"), _requests);
        var errors = schema.Validate(body.Json!.Value);
        return errors.Count == 0 ? null : new(SpecViolationKind.InvalidBody, $"{where}: the body does not match the spec", errors);
    }

    private SchemaNode Node(string key, JsonElement schema, SchemaCompiler compiler) =>
        _compiled.GetOrAdd(key, _ => compiler.Compile(schema));

    private static IEnumerable<JsonElement> Parameters(JsonElement item) =>
        item.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

    private sealed record PathMatch(PathTemplate Template, IReadOnlyDictionary<string, string> Values);

    private sealed class PathTemplate
    {
        private readonly string[] _segments;

        public PathTemplate(string text, JsonElement item)
        {
            Text = text;
            Item = item;
            _segments = text.Trim('/').Split('/');
            LiteralCount = _segments.Count(s => !IsParameter(s));
        }

        public string Text { get; }
        public JsonElement Item { get; }
        public int LiteralCount { get; }

        public PathMatch? Match(string[] segments)
        {
            if (segments.Length != _segments.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < segments.Length; i++)
            {
                if (IsParameter(_segments[i]))
                {
                    values[_segments[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else if (!string.Equals(_segments[i], segments[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return new PathMatch(this, values);
        }

        private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
    }
}
