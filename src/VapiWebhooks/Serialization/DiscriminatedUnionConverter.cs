using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Peek-then-delegate converter for a polymorphic base type: finds the discriminator property wherever it
/// stands in the object, then lets the source-generated metadata of the concrete type read the whole object.
/// Unknown discriminators become the base's "unknown" subtype with the raw JSON kept.
/// </summary>
/// <typeparam name="TBase">The polymorphic base type.</typeparam>
internal abstract class DiscriminatedUnionConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    /// <summary>The discriminator's property name, for error messages.</summary>
    protected abstract string DiscriminatorName { get; }

    /// <summary>Whether an object without a (string) discriminator is an error rather than an unknown value.</summary>
    protected abstract bool DiscriminatorRequired { get; }

    /// <summary>
    /// Whether a value that is not an object (a plain string where the spec allows one, or a value Vapi may send
    /// later) becomes the "unknown" subtype with the raw JSON kept, rather than an error.
    /// </summary>
    protected virtual bool KeepsOtherValues => false;

    /// <summary>Reads one concrete subtype from the reader's current object.</summary>
    protected internal delegate TBase ReadConcrete(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>The reader of the concrete type for a discriminator, or null when it is unknown.</summary>
    protected abstract ReadConcrete? Resolve(string discriminator);

    /// <summary>
    /// Reads <typeparamref name="T"/> with its own (source-generated) converter directly: unlike
    /// <c>JsonSerializer.Deserialize(ref reader)</c>, this does not scan the object once more to scope the reader.
    /// </summary>
    protected internal static TBase Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : TBase
    {
        ArgumentNullException.ThrowIfNull(options);
        var typeInfo = options.GetTypeInfo(typeof(T));
        var start = reader;
        try
        {
            return ((JsonConverter<T>)typeInfo.Converter).Read(ref reader, typeof(T), options)!;
        }
        catch (Exception ex) when (ex is JsonException { Path: null } or InvalidOperationException or FormatException)
        {
            // Rare: the direct read neither tracks the path inside this object nor turns the reader's own
            // errors into JsonException. Read it again through the serializer, which does both, so that the
            // error names the exact property.
            reader = start;
            var jumps = RawJsonInput.SuspendJumps();
            try
            {
                return (TBase)JsonSerializer.Deserialize(ref reader, typeInfo)!;
            }
            finally
            {
                RawJsonInput.ResumeJumps(jumps);
            }
        }
    }

    /// <summary>Builds the "unknown" subtype for a discriminator this library does not know.</summary>
    protected abstract TBase CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options);

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(TBase);

    /// <inheritdoc />
    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (KeepsOtherValues)
            {
                return CreateUnknown(ref reader, null, options);
            }

            throw new JsonException($"Expected a JSON object for {typeof(TBase).Name}, found {Describe(reader.TokenType)}.");
        }

        var discriminator = PeekDiscriminator(reader);
        var concrete = discriminator is null ? null : Resolve(discriminator);
        if (concrete is null)
        {
            return CreateUnknown(ref reader, discriminator, options);
        }

        try
        {
            return concrete(ref reader, options);
        }
        catch (JsonException ex) when (ex.Path is { Length: > 1 } innerPath)
        {
            // The nested call starts its own path at "$": hand the outer serializer an exception without a
            // path so it records where this object stands, and keep the inner part for VapiJson to join.
            throw JsonErrors.Nest(ex, innerPath);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        // An unknown subtype is written back exactly as it arrived (an object, or a plain value where allowed).
        if (value is IRawJson { RawJson.ValueKind: not JsonValueKind.Undefined } unknown)
        {
            unknown.RawJson.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    // The reader is a struct: scanning a copy leaves the caller's position untouched. Custom converters are
    // handed a fully buffered value, so skipping nested values cannot run out of data.
    private string? PeekDiscriminator(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (!reader.ValueTextEquals(DiscriminatorName))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                var value = reader.GetString();
                if (DiscriminatorRequired && string.IsNullOrWhiteSpace(value))
                {
                    throw new JsonException($"The '{DiscriminatorName}' property is empty; it must name the type.");
                }

                return value;
            }

            if (DiscriminatorRequired)
            {
                throw new JsonException($"The '{DiscriminatorName}' property must be a string, found {Describe(reader.TokenType)}.");
            }

            return null;
        }

        if (DiscriminatorRequired)
        {
            throw new JsonException($"The object has no '{DiscriminatorName}' property.");
        }

        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
