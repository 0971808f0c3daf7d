using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TicketSaas.Discord.Emulator.Spec;

/// <summary>
/// A focused JSON Schema (2020-12, as OpenAPI 3.1 uses it) validator for the keywords Discord's OpenAPI
/// document and our own small schemas use. Schemas compile once into trees of checks; <c>$ref</c>s resolve
/// lazily against the root document (so recursive schemas work) and are cached by pointer. A keyword it does
/// not know is an error at compile time, never silently ignored.
/// </summary>
/// <param name="digitsAreIntegers">
/// Lets a string of digits pass where the schema says integer, within the schema's bounds. Discord's API reads
/// requests that way (a Discord engineer on discord/discord-api-spec#11), and its docs spell some integer fields,
/// such as a command's default_member_permissions, as strings. Answers are checked without it.
/// </param>
internal sealed class SchemaCompiler(JsonElement root, bool digitsAreIntegers = false)
{
    private static readonly HashSet<string> Annotations =
    [
        "description", "title", "format", "contentEncoding", "contentMediaType", "default", "examples", "example",
        "deprecated", "readOnly", "writeOnly", "$comment", "externalDocs", "x-discord-union",
    ];

    private readonly ConcurrentDictionary<string, Lazy<SchemaNode>> _refs = new(StringComparer.Ordinal);

    public SchemaNode Compile(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return SchemaNode.Anything;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            return new SchemaNode([(value, at, errors) => errors.Add(Error(at, "false", "BASE_TYPE_BAD_VALUE", "No value is allowed here."))]);
        }

        var checks = new List<SchemaCheck>();
        foreach (var keyword in schema.EnumerateObject())
        {
            if (Annotations.Contains(keyword.Name) || keyword.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            checks.Add(CompileKeyword(keyword.Name, keyword.Value, schema));
        }

        return new SchemaNode(checks);
    }

    public SchemaNode Reference(string pointer) =>
        _refs.GetOrAdd(pointer, p => new Lazy<SchemaNode>(() => Compile(Resolve(p)))).Value;

    private SchemaCheck CompileKeyword(string keyword, JsonElement value, JsonElement schema) => keyword switch
    {
        "$ref" => RefCheck(value.GetString()!),
        "type" => TypeCheck(value),
        "const" => ChoiceCheck([value.Clone()]),
        "enum" => ChoiceCheck([.. value.EnumerateArray().Select(v => v.Clone())]),
        "properties" => PropertiesCheck(value),
        "required" => RequiredCheck([.. value.EnumerateArray().Select(v => v.GetString()!)]),
        "additionalProperties" => AdditionalPropertiesCheck(value, schema),
        "maxProperties" => CountCheck(JsonValueKind.Object, value.GetInt32(), max: true, e => e.EnumerateObject().Count(), "properties"),
        "minProperties" => CountCheck(JsonValueKind.Object, value.GetInt32(), max: false, e => e.EnumerateObject().Count(), "properties"),
        "items" => ItemsCheck(Compile(value)),
        "maxItems" => CountCheck(JsonValueKind.Array, value.GetInt32(), max: true, e => e.GetArrayLength(), "items"),
        "minItems" => CountCheck(JsonValueKind.Array, value.GetInt32(), max: false, e => e.GetArrayLength(), "items"),
        "uniqueItems" => value.GetBoolean() ? UniqueItemsCheck() : SchemaNode.Pass,
        "maxLength" => LengthCheck(value.GetInt32(), max: true),
        "minLength" => LengthCheck(value.GetInt32(), max: false),
        "maximum" => BoundCheck(value.GetDecimal(), max: true),
        "minimum" => BoundCheck(value.GetDecimal(), max: false),
        "pattern" => PatternCheck(new Regex(value.GetString()!, RegexOptions.CultureInvariant | RegexOptions.Compiled)),
        "allOf" => AllOfCheck([.. value.EnumerateArray().Select(Compile)]),
        "anyOf" => UnionCheck([.. value.EnumerateArray().Select(Compile)], exactlyOne: false),
        "oneOf" => UnionCheck([.. value.EnumerateArray().Select(Compile)], exactlyOne: true),
        _ => throw new NotSupportedException($"JSON Schema keyword '{keyword}' is not supported by the emulator's validator."),
    };

    public JsonElement Resolve(string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local $refs are supported: {pointer}");
        }

        var at = root;
        foreach (var raw in pointer[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!at.TryGetProperty(segment, out at))
            {
                throw new InvalidOperationException($"$ref {pointer} does not resolve.");
            }
        }

        return at;
    }

    private SchemaCheck RefCheck(string pointer) => (value, at, errors) => Reference(pointer).Validate(value, at, errors);

    private SchemaCheck TypeCheck(JsonElement value)
    {
        string[] types = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(t => t.GetString()!)] : [value.GetString()!];
        var expected = string.Join(" or ", types);
        return (instance, at, errors) =>
        {
            if (!types.Any(t => HasType(instance, t)))
            {
                errors.Add(Error(at, "type", "BASE_TYPE_BAD_TYPE", $"Must be {expected}, not {Describe(instance)}."));
            }
        };
    }

    private bool HasType(JsonElement instance, string type) => type switch
    {
        "integer" when digitsAreIntegers && instance.ValueKind == JsonValueKind.String => DigitString(instance, out _),
        "null" => instance.ValueKind == JsonValueKind.Null,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && (instance.TryGetInt64(out _)
            || (instance.TryGetDecimal(out var d) && d == decimal.Truncate(d))),
        _ => throw new NotSupportedException($"JSON Schema type '{type}' is not supported."),
    };

    private static SchemaCheck ChoiceCheck(JsonElement[] choices)
    {
        var listed = string.Join(", ", choices.Select(c => c.GetRawText()));
        return (instance, at, errors) =>
        {
            if (!choices.Any(c => JsonElement.DeepEquals(c, instance)))
            {
                errors.Add(Error(at, choices.Length == 1 ? "const" : "enum", "BASE_TYPE_CHOICES", $"Value must be one of ({listed})."));
            }
        };
    }

    private SchemaCheck PropertiesCheck(JsonElement properties)
    {
        var compiled = properties.EnumerateObject().ToDictionary(p => p.Name, p => Compile(p.Value), StringComparer.Ordinal);
        return (instance, at, errors) =>
        {
            if (instance.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in instance.EnumerateObject())
            {
                if (compiled.TryGetValue(property.Name, out var node))
                {
                    node.Validate(property.Value, new JsonLocation(at, property.Name), errors);
                }
            }
        };
    }

    private static SchemaCheck RequiredCheck(string[] names) => (instance, at, errors) =>
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in names)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                errors.Add(Error(new JsonLocation(at, name), "required", "BASE_TYPE_REQUIRED", "This field is required"));
            }
        }
    };

    private SchemaCheck AdditionalPropertiesCheck(JsonElement value, JsonElement schema)
    {
        var known = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var node = Compile(value);
        return (instance, at, errors) =>
        {
            if (instance.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in instance.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                node.Validate(property.Value, new JsonLocation(at, property.Name), errors);
            }
        };
    }

    private static SchemaCheck CountCheck(JsonValueKind kind, int bound, bool max, Func<JsonElement, int> count, string noun) => (instance, at, errors) =>
    {
        if (instance.ValueKind != kind)
        {
            return;
        }

        var actual = count(instance);
        if (max ? actual > bound : actual < bound)
        {
            errors.Add(Error(at, max ? $"max{Capital(noun)}" : $"min{Capital(noun)}", "BASE_TYPE_BAD_LENGTH",
                $"Must have {(max ? "at most" : "at least")} {bound} {noun}, has {actual}."));
        }
    };

    private static SchemaCheck ItemsCheck(SchemaNode items) => (instance, at, errors) =>
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            items.Validate(item, new JsonLocation(at, (index++).ToString(CultureInfo.InvariantCulture)), errors);
        }
    };

    private static SchemaCheck UniqueItemsCheck() => (instance, at, errors) =>
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var items = instance.EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (JsonElement.DeepEquals(items[i], items[j]))
                {
                    errors.Add(Error(at, "uniqueItems", "BASE_TYPE_BAD_VALUE", $"Items {i} and {j} are equal; items must be unique."));
                    return;
                }
            }
        }
    };

    private static SchemaCheck LengthCheck(int bound, bool max) => (instance, at, errors) =>
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        // JSON Schema counts Unicode code points, not UTF-16 units.
        var length = instance.GetString()!.EnumerateRunes().Count();
        if (max ? length > bound : length < bound)
        {
            errors.Add(max
                ? Error(at, "maxLength", "BASE_TYPE_MAX_LENGTH", $"Must be {bound} or fewer in length.")
                : Error(at, "minLength", "BASE_TYPE_MIN_LENGTH", $"Must be {bound} or more in length."));
        }
    };

    private SchemaCheck BoundCheck(decimal bound, bool max) => (instance, at, errors) =>
    {
        var number = 0m;
        var numeric = instance.ValueKind == JsonValueKind.Number
            ? instance.TryGetDecimal(out number)
            : digitsAreIntegers && DigitString(instance, out number);
        if (!numeric)
        {
            return;
        }

        if (max ? number > bound : number < bound)
        {
            errors.Add(max
                ? Error(at, "maximum", "NUMBER_TYPE_MAX", $"int value should be less than or equal to {bound}.")
                : Error(at, "minimum", "NUMBER_TYPE_MIN", $"int value should be greater than or equal to {bound}."));
        }
    };

    private static bool DigitString(JsonElement instance, out decimal number)
    {
        number = 0;
        return instance.ValueKind == JsonValueKind.String
            && decimal.TryParse(instance.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)
            && number == decimal.Truncate(number);
    }

    private static SchemaCheck PatternCheck(Regex pattern) => (instance, at, errors) =>
    {
        if (instance.ValueKind == JsonValueKind.String && !pattern.IsMatch(instance.GetString()!))
        {
            errors.Add(Error(at, "pattern", "BASE_TYPE_BAD_VALUE", $"Value \"{instance.GetString()}\" does not match {pattern}."));
        }
    };

    private static SchemaCheck AllOfCheck(SchemaNode[] parts) => (instance, at, errors) =>
    {
        foreach (var part in parts)
        {
            part.Validate(instance, at, errors);
        }
    };

    /// <summary>
    /// anyOf / oneOf. When nothing matches, the errors reported are those of the most plausible alternative:
    /// Discord's unions are told apart by a <c>type</c> discriminator, so alternatives whose own <c>type</c>
    /// value is refused are set aside first, then the one with the fewest errors wins.
    /// </summary>
    private static SchemaCheck UnionCheck(SchemaNode[] alternatives, bool exactlyOne) => (instance, at, errors) =>
    {
        var outcomes = alternatives.Select(a =>
        {
            var found = new List<SchemaError>();
            a.Validate(instance, at, found);
            return found;
        }).ToList();

        var matches = outcomes.Count(o => o.Count == 0);
        if (matches == 1 || (matches > 1 && !exactlyOne))
        {
            return;
        }

        if (matches > 1)
        {
            errors.Add(Error(at, "oneOf", "BASE_TYPE_BAD_VALUE", $"Matches {matches} alternatives of a oneOf; exactly one must match."));
            return;
        }

        var discriminator = JsonLocation.ToList(new JsonLocation(at, "type"));
        var plausible = outcomes.Where(o => !o.Any(e => e.Keyword is "const" or "enum" && e.Path.SequenceEqual(discriminator))).ToList();
        if (plausible.Count == 0)
        {
            errors.Add(Error(at, exactlyOne ? "oneOf" : "anyOf", "BASE_TYPE_CHOICES",
                $"Matches none of {alternatives.Length} alternatives; its type is not one of theirs ({string.Join("; ", outcomes.SelectMany(o => o).Where(e => e.Path.SequenceEqual(discriminator)).Select(e => e.Message).Distinct())})."));
            return;
        }

        errors.AddRange(plausible.OrderBy(o => o.Count).First());
    };

    private static SchemaError Error(JsonLocation? at, string keyword, string code, string message) =>
        new(JsonLocation.ToList(at), keyword, code, message);

    private static string Describe(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static string Capital(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];
}

internal delegate void SchemaCheck(JsonElement instance, JsonLocation? at, List<SchemaError> errors);

/// <summary>A compiled schema: all of its checks apply (2020-12 evaluates <c>$ref</c> beside its siblings).</summary>
internal sealed class SchemaNode(IReadOnlyList<SchemaCheck> checks)
{
    public static readonly SchemaNode Anything = new([]);
    public static readonly SchemaCheck Pass = (_, _, _) => { };

    public void Validate(JsonElement instance, JsonLocation? at, List<SchemaError> errors)
    {
        foreach (var check in checks)
        {
            check(instance, at, errors);
        }
    }

    public IReadOnlyList<SchemaError> Validate(JsonElement instance)
    {
        var errors = new List<SchemaError>();
        Validate(instance, JsonLocation.Root, errors);
        return errors;
    }
}
