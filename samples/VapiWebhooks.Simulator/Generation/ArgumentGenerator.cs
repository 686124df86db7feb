using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiWebhooks.Simulator.Generation;

/// <summary>
/// Makes plausible tool-call arguments from a function's JSON-schema <c>parameters</c>, as a model would: every required
/// property and the optional ones too; <c>const</c>, <c>enum</c>, <c>examples</c> and <c>default</c> first; strings by
/// <c>format</c> (date, date-time, time, email, uri, uuid) or by property name (phone, name, email, city...); numbers within
/// <c>minimum</c>/<c>maximum</c>; nested objects and arrays. Values that earlier results gave (an appointment number,
/// the day and slot a search offered) are reused from <paramref name="memory"/>. Dates are working days soon after
/// <paramref name="today"/>, as a caller would ask for. Seeded, so a run is repeatable for a given day.
/// </summary>
internal sealed class ArgumentGenerator(int seed, DateOnly today, ToolResultMemory? memory = null)
{
    private const int MaxDepth = 8;

    private readonly Random _random = new(seed);

    /// <summary>A generator for tests and one-off use: today from the clock, nothing remembered.</summary>
    public ArgumentGenerator(int seed = 7)
        : this(seed, DateOnly.FromDateTime(DateTime.Now))
    {
    }

    /// <summary>Arguments for a function whose parameters are <paramref name="parameters"/> (an object schema; empty object when absent).</summary>
    public JsonObject Generate(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } schema)
        {
            return [];
        }

        return Value(schema, "arguments", 0) as JsonObject ?? [];
    }

    private JsonNode? Value(JsonElement schema, string name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return null;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var options = choices.EnumerateArray().Where(c => c.ValueKind != JsonValueKind.Null).ToList();
            return options.Count == 0 ? null : JsonNode.Parse(options[_random.Next(options.Count)].GetRawText());
        }

        if (memory?.Recall(name, TypeOf(schema)) is { } remembered)
        {
            return remembered;
        }

        if (schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0)
        {
            return JsonNode.Parse(examples[0].GetRawText());
        }

        if (schema.TryGetProperty("default", out var fallback))
        {
            return JsonNode.Parse(fallback.GetRawText());
        }

        foreach (var union in (string[])["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(union, out var branches) && branches.ValueKind == JsonValueKind.Array)
            {
                var branch = branches.EnumerateArray().FirstOrDefault(b => !IsNullType(b));
                if (branch.ValueKind == JsonValueKind.Object)
                {
                    return Value(branch, name, depth + 1);
                }
            }
        }

        return TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, name, depth),
            "integer" => Integer(schema),
            "number" => Number(schema),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => JsonValue.Create(Text(schema, name)),
        };
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Value(property.Value, property.Name, depth + 1);
            }
        }

        return result;
    }

    private JsonArray Array(JsonElement schema, string name, int depth)
    {
        var min = Int(schema, "minItems") ?? 1;
        var max = Int(schema, "maxItems") ?? Math.Max(min, 2);
        var count = Math.Clamp(Math.Max(min, 1), 0, Math.Max(max, 0));
        var array = new JsonArray();
        if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            var itemName = name.EndsWith('s') ? name[..^1] : name;
            for (var i = 0; i < count; i++)
            {
                array.Add(Value(items, itemName, depth + 1));
            }
        }

        return array;
    }

    private JsonValue Integer(JsonElement schema)
    {
        var (min, max) = Range(schema, 1, 10);
        var low = (long)Math.Ceiling(min);
        var high = (long)Math.Floor(max);
        return JsonValue.Create(high < low ? low : _random.NextInt64(low, high + 1));
    }

    private JsonValue Number(JsonElement schema)
    {
        var (min, max) = Range(schema, 1, 100);
        return JsonValue.Create(Math.Round(min + (_random.NextDouble() * (max - min)), 2));
    }

    private static (double Min, double Max) Range(JsonElement schema, double defaultMin, double defaultMax)
    {
        var min = Double(schema, "minimum") ?? (Double(schema, "exclusiveMinimum") is { } exclusiveMin ? exclusiveMin + 1 : null);
        var max = Double(schema, "maximum") ?? (Double(schema, "exclusiveMaximum") is { } exclusiveMax ? exclusiveMax - 1 : null);
        var low = min ?? (max is { } m ? Math.Min(defaultMin, m) : defaultMin);
        var high = max ?? Math.Max(low + (defaultMax - defaultMin), low);
        return (low, Math.Max(low, high));
    }

    private string Text(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var lower = name.ToLowerInvariant();
        var date = WorkingDaySoon();
        var time = new TimeOnly(9 + _random.Next(0, 8), _random.Next(0, 2) * 30);
        var text = format switch
        {
            "date" => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "date-time" => new DateTimeOffset(date.ToDateTime(time), TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "time" => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            "email" => "jordan.lee@example.com",
            "uri" or "url" => "https://example.com/" + Slug(name),
            "uuid" => new Guid(RandomBytes(16)).ToString(),
            "phone" or "phone-number" => "+14155550123",
            _ => ByName(lower, date, time) ?? SampleText(name),
        };
        return FitLength(schema, text);
    }

    // One to fourteen days ahead, never a weekend: what a caller asks for, and what a business is open on.
    private DateOnly WorkingDaySoon()
    {
        var date = today.AddDays(1 + _random.Next(0, 14));
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static string? ByName(string name, DateOnly date, TimeOnly time) => name switch
    {
        _ when name.Contains("email", StringComparison.Ordinal) => "jordan.lee@example.com",
        _ when name.Contains("phone", StringComparison.Ordinal) || name.EndsWith("number", StringComparison.Ordinal) => "+14155550123",
        _ when name.Contains("date", StringComparison.Ordinal) || name.Contains("day", StringComparison.Ordinal) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ when name.Contains("time", StringComparison.Ordinal) => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ when name.Contains("firstname", StringComparison.Ordinal) || name.Contains("first_name", StringComparison.Ordinal) => "Jordan",
        _ when name.Contains("lastname", StringComparison.Ordinal) || name.Contains("last_name", StringComparison.Ordinal) => "Lee",
        _ when name.Contains("name", StringComparison.Ordinal) => "Jordan Lee",
        _ when name.Contains("city", StringComparison.Ordinal) => "San Francisco",
        _ when name.Contains("zip", StringComparison.Ordinal) || name.Contains("postal", StringComparison.Ordinal) => "94107",
        _ when name.Contains("address", StringComparison.Ordinal) || name.Contains("street", StringComparison.Ordinal) => "500 Harbor Way",
        _ when name.Contains("country", StringComparison.Ordinal) => "US",
        _ when name.Contains("currency", StringComparison.Ordinal) => "USD",
        _ when name.Contains("language", StringComparison.Ordinal) || name.Contains("locale", StringComparison.Ordinal) => "en",
        _ when name.EndsWith("id", StringComparison.Ordinal) => "id_" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 100000).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string SampleText(string name) => "sample " + Slug(name).Replace('-', ' ');

    private static string FitLength(JsonElement schema, string text)
    {
        var min = Int(schema, "minLength") ?? 0;
        var max = Int(schema, "maxLength") ?? int.MaxValue;
        if (text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        return text.Length > max ? text[..max] : text;
    }

    private static string Slug(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())).Replace('_', '-');

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null and not "null") ?? "null";
            }
        }

        if (schema.TryGetProperty("properties", out _))
        {
            return "object";
        }

        return schema.TryGetProperty("items", out _) ? "array" : "string";
    }

    private static bool IsNullType(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static int? Int(JsonElement schema, string property) =>
        schema.TryGetProperty(property, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static double? Double(JsonElement schema, string property) =>
        schema.TryGetProperty(property, out var value) && value.TryGetDouble(out var number) ? number : null;

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
