using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VapiWebhooks.Simulator.Generation;

/// <summary>
/// What earlier tool results told the model, so that later arguments use it as a model would: the appointment a
/// booking returned is the one a cancellation names, the day and slot a search offered are the ones a booking asks for.
/// Reads results that are JSON (by property name) and plain sentences (dates <c>yyyy-MM-dd</c>, times <c>HH:mm</c>, and
/// numbers after "number", "id" or "#").
/// </summary>
internal sealed partial class ToolResultMemory
{
    private readonly Dictionary<string, JsonNode> _byName = new(StringComparer.OrdinalIgnoreCase);
    private string? _lastDate;
    private string? _lastTime;
    private string? _lastId;

    /// <summary>Remembers a successful result (errors teach nothing to reuse).</summary>
    public void Remember(string result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var trimmed = result.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                Walk(JsonNode.Parse(trimmed));
            }
            catch (JsonException)
            {
                // Not JSON after all: the sentence rules below still apply.
            }
        }

        // The first date and time of a result are the ones it is about ("Free slots on 2026-12-03: 09:00, 09:30").
        if (DatePattern().Match(result) is { Success: true } date)
        {
            _lastDate = date.Value;
        }

        if (TimePattern().Match(result) is { Success: true } time)
        {
            _lastTime = time.Value;
        }

        if (IdPattern().Matches(result) is { Count: > 0 } ids)
        {
            _lastId = ids[^1].Groups["id"].Value;
        }
    }

    /// <summary>A value an earlier result gave for a property called <paramref name="name"/> of JSON type <paramref name="type"/>, or null.</summary>
    public JsonNode? Recall(string name, string type)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var exact) && Fits(exact, type))
        {
            return type == "string" && exact.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(exact.ToJsonString()) : exact.DeepClone();
        }

        var lower = name.ToLowerInvariant();
        string? text = lower switch
        {
            _ when lower.EndsWith("id", StringComparison.Ordinal) || (lower.EndsWith("number", StringComparison.Ordinal) && type is "integer") => _lastId,
            _ when lower.Contains("date", StringComparison.Ordinal) || lower == "day" => _lastDate,
            _ when lower.Contains("time", StringComparison.Ordinal) || lower.Contains("slot", StringComparison.Ordinal) => _lastTime,
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        return type is "integer" or "number"
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null
            : JsonValue.Create(text);
    }

    private void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue scalar)
                    {
                        _byName[name] = scalar.DeepClone();
                    }
                    else
                    {
                        Walk(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
        }
    }

    private static bool Fits(JsonNode value, string type) => value.GetValueKind() switch
    {
        JsonValueKind.Number => type is "integer" or "number" or "string",
        JsonValueKind.String => type is "string",
        JsonValueKind.True or JsonValueKind.False => type is "boolean",
        _ => false,
    };

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\d:])(?:[01]\d|2[0-3]):[0-5]\d(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:number|no\.|id)\s*:?\s*#?(?<id>\d+)\b|#(?<id>\d+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();
}
