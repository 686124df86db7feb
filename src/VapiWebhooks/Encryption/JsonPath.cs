using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiWebhooks.Encryption;

/// <summary>
/// A path into a JSON value as Vapi's <c>encryptedPaths</c> writes it: property names separated by dots
/// (<c>payment.cardNumber</c>), array items as <c>[0]</c> or <c>.0</c> (<c>cards[0].number</c>).
/// </summary>
internal sealed class JsonPath
{
    private const int MaxSegments = 32;

    private JsonPath(Segment[] segments) => Segments = segments;

    public Segment[] Segments { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPath? path)
    {
        path = null;
        var segments = new List<Segment>();
        foreach (var part in text.Split('.'))
        {
            var rest = part.AsSpan();
            var bracket = rest.IndexOf('[');
            var name = bracket < 0 ? rest : rest[..bracket];
            if (name.Length > 0)
            {
                segments.Add(Segment.Of(name.ToString()));
            }
            else if (bracket != 0)
            {
                return false;
            }

            rest = bracket < 0 ? [] : rest[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']');
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(new Segment(null, index));
                rest = rest[(close + 1)..];
            }

            if (segments.Count > MaxSegments)
            {
                return false;
            }
        }

        if (segments.Count == 0)
        {
            return false;
        }

        path = new JsonPath([.. segments]);
        return true;
    }

    /// <summary>Finds the value at the path; false when any step is absent.</summary>
    public bool TryFind(JsonElement root, out JsonElement found)
    {
        found = root;
        foreach (var segment in Segments)
        {
            if (found.ValueKind == JsonValueKind.Object && segment.Name is { } name)
            {
                if (!found.TryGetProperty(name, out found))
                {
                    return false;
                }
            }
            else if (found.ValueKind == JsonValueKind.Array && segment.Index is { } index && index < found.GetArrayLength())
            {
                found = found[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the value at the path, which <see cref="TryFind"/> found.</summary>
    public void Replace(JsonObject root, JsonNode? value)
    {
        JsonNode node = root;
        for (var i = 0; i < Segments.Length - 1; i++)
        {
            node = Step(node, Segments[i]);
        }

        var last = Segments[^1];
        if (node is JsonObject obj)
        {
            obj[last.Name!] = value;
        }
        else
        {
            node.AsArray()[last.Index!.Value] = value;
        }
    }

    private static JsonNode Step(JsonNode node, Segment segment)
        => node is JsonObject obj ? obj[segment.Name!]! : node.AsArray()[segment.Index!.Value]!;

    /// <summary>One step: a property name, an array index, or a name of digits that is either.</summary>
    internal readonly record struct Segment(string? Name, int? Index)
    {
        public static Segment Of(string name)
            => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? new Segment(name, index) : new Segment(name, null);
    }
}
