using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VapiWebhooks.Models;

/// <summary>
/// The function a tool call names and its arguments. Vapi sends <c>arguments</c> as a JSON object in current
/// traffic and as a JSON-encoded string in its spec and some captures; <see cref="Arguments"/> is an object
/// either way, and the original form is written back unchanged.
/// </summary>
public sealed class ToolCallFunction : VapiObject
{
    private JsonElement _raw;
    private JsonElement? _parsed;

    /// <summary>The function name the model called.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The arguments as a JSON object, whichever form they arrived in. <see cref="JsonValueKind.Undefined"/>
    /// when none were sent or a string form is not valid JSON; <see cref="GetArguments{T}(JsonTypeInfo{T})"/> then explains why.
    /// </summary>
    [JsonIgnore]
    public JsonElement Arguments
    {
        get => _parsed ??= ParseArguments(_raw);
        set
        {
            _raw = value;
            _parsed = null;
        }
    }

    /// <summary>True when the arguments arrived as a JSON-encoded string rather than an object.</summary>
    [JsonIgnore]
    public bool ArgumentsArrivedAsString => _raw.ValueKind == JsonValueKind.String;

    // The wire form, kept so that re-serialising gives back exactly what Vapi sent.
    [JsonInclude]
    [JsonPropertyName("arguments")]
    internal JsonElement? ArgumentsJson
    {
        get => _raw.ValueKind == JsonValueKind.Undefined ? null : _raw;
        set
        {
            _raw = value ?? default;
            _parsed = null;
        }
    }

    /// <summary>Binds the arguments to <typeparamref name="T"/> with source-generated metadata (trim and AOT safe).</summary>
    /// <typeparam name="T">The arguments type.</typeparam>
    /// <param name="typeInfo">The metadata, for example <c>MyJsonContext.Default.WeatherArgs</c>.</param>
    /// <returns>The bound arguments.</returns>
    /// <exception cref="JsonException">The arguments are missing, not valid JSON, or do not fit <typeparamref name="T"/>.</exception>
    public T GetArguments<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return RequireArguments().Deserialize(typeInfo)
            ?? throw new JsonException($"The arguments of '{Name}' are null.");
    }

    /// <summary>Binds the arguments to <typeparamref name="T"/> with reflection-based serialization.</summary>
    /// <typeparam name="T">The arguments type.</typeparam>
    /// <param name="options">Serializer options; web defaults (camelCase, case-insensitive) when null.</param>
    /// <returns>The bound arguments.</returns>
    /// <exception cref="JsonException">The arguments are missing, not valid JSON, or do not fit <typeparamref name="T"/>.</exception>
    [RequiresUnreferencedCode("Binding by reflection may need types that trimming removes. Use the JsonTypeInfo<T> overload.")]
    [RequiresDynamicCode("Binding by reflection may need code generated at run time. Use the JsonTypeInfo<T> overload.")]
    public T GetArguments<T>(JsonSerializerOptions? options = null)
    {
        var element = RequireArguments();
        return element.Deserialize<T>(options ?? JsonSerializerOptions.Web)
            ?? throw new JsonException($"The arguments of '{Name}' are null.");
    }

    private JsonElement RequireArguments()
    {
        var arguments = Arguments;
        if (arguments.ValueKind != JsonValueKind.Undefined)
        {
            return arguments;
        }

        throw _raw.ValueKind == JsonValueKind.String
            ? new JsonException($"The arguments of '{Name}' arrived as a string that is not valid JSON.")
            : new JsonException($"The tool call '{Name}' has no arguments.");
    }

    private static JsonElement ParseArguments(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.String)
        {
            return raw;
        }

        var text = raw.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty string means "no arguments": bind it like an empty object.
            return JsonElement.Parse("{}");
        }

        try
        {
            return JsonElement.Parse(text);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
