using System.Globalization;
using System.Text.Json;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>
/// Compares two JSON documents by meaning rather than by text, and lists every path where they differ.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="bullet">
/// <item>Objects are equal when they hold the same properties, whatever their order.</item>
/// <item>A property whose value is <c>null</c> equals an absent property. The library's typed properties omit
/// nulls when writing (<c>WhenWritingNull</c>), and a JSON null carries no information a reader could act on
/// (the spec's optional fields mean the same absent or null), so dropping it loses nothing.</item>
/// <item>Numbers are compared by decimal value (<c>1.0</c> = <c>1</c> = <c>1e0</c>): a number read into a
/// <c>double</c> or <c>decimal</c> is written back in its shortest form.</item>
/// <item>Everything else is exact: strings (after unescaping), booleans, array length and order, and every
/// property the library does not model (extension data).</item>
/// </list>
/// </remarks>
public static class JsonSemantic
{
    /// <summary>Every path (<c>$.message.call.id</c>) where <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        return Differences(expected.RootElement, actual.RootElement);
    }

    public static IReadOnlyList<string> Differences(ReadOnlyMemory<byte> expectedJson, ReadOnlyMemory<byte> actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        return Differences(expected.RootElement, actual.RootElement);
    }

    /// <summary>Whether two JSON texts mean the same, per the rules above.</summary>
    public static bool AreEqual(string expectedJson, string actualJson) => Differences(expectedJson, actualJson).Count == 0;

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind
            && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            differences.Add($"{path}: expected {Describe(expected)}, found {Describe(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                CompareObjects(expected, actual, path, differences);
                break;
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                if (expectedLength != actualLength)
                {
                    differences.Add($"{path}: expected {expectedLength} items, found {actualLength}");
                }

                for (var i = 0; i < Math.Min(expectedLength, actualLength); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, found {Describe(actual)}");
                }

                break;
            case JsonValueKind.Number:
                if (!NumbersEqual(expected, actual))
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }

                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (expected.GetBoolean() != actual.GetBoolean())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }

                break;
        }
    }

    private static void CompareObjects(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        var expectedProperties = Properties(expected, path, differences);
        var actualProperties = Properties(actual, path, differences);
        foreach (var (name, value) in expectedProperties)
        {
            var childPath = $"{path}.{name}";
            if (actualProperties.TryGetValue(name, out var other))
            {
                Compare(value, other, childPath, differences);
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                differences.Add($"{childPath}: missing (expected {Describe(value)})");
            }
        }

        foreach (var (name, value) in actualProperties)
        {
            if (!expectedProperties.ContainsKey(name) && value.ValueKind != JsonValueKind.Null)
            {
                differences.Add($"{path}.{name}: unexpected {Describe(value)}");
            }
        }
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement obj, string path, List<string> differences)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                differences.Add($"{path}.{property.Name}: duplicate property");
            }
        }

        return properties;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b))
        {
            return a == b;
        }

        // Out of decimal's range: compare as doubles.
        return double.Parse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
            .Equals(double.Parse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static bool IsBoolean(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonElement e)
    {
        var text = e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => e.GetRawText(),
        };
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
