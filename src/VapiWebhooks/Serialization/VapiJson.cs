using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Reads Vapi server messages and writes replies. Everything goes through source-generated metadata
/// (<see cref="VapiJsonContext"/>), so it is trim- and AOT-safe.
/// </summary>
public static class VapiJson
{
    /// <summary>The deepest nesting read; deeper input is rejected with a <see cref="JsonException"/>.</summary>
    public const int MaxDepth = 64;

    /// <summary>The serializer options behind every call (read-only).</summary>
    public static JsonSerializerOptions Options => VapiJsonContext.Default.Options;

    /// <summary>
    /// How replies are written: with relaxed escaping, so that <c>'</c>, <c>"</c> (as <c>\"</c>, never <c>\u0022</c>),
    /// <c>+</c>, <c>&amp;</c> and non-ASCII text reach the model as themselves. Replies are read by Vapi and its model, not
    /// rendered as HTML, so the HTML-safe default only makes them longer and harder to read; <c>&lt;</c> and <c>&gt;</c>
    /// stay escaped all the same, so markup from a request is never echoed as is.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = ReplyJavaScriptEncoder.Instance };

    // The source-generated metadata with the writer's relaxed escaping, for the string and byte[] overloads.
    private static readonly JsonSerializerOptions ReplyOptions = new(VapiJsonContext.Default.Options) { Encoder = ReplyJavaScriptEncoder.Instance };

    /// <summary>Reads a request body, <c>{"message": {...}}</c>, or a bare message object.</summary>
    /// <param name="utf8Body">The body as UTF-8 bytes.</param>
    /// <returns>The message: its class is chosen by <c>type</c>, <see cref="UnknownServerMessage"/> when the type is new.</returns>
    /// <exception cref="JsonException">Malformed JSON, no message, or no string <c>type</c>; the message says what and where.</exception>
    public static ServerMessage DeserializeMessage(ReadOnlySpan<byte> utf8Body) => DeserializeMessage(utf8Body, out _);

    /// <summary>Reads a request body, <c>{"message": {...}}</c>, or a bare message object.</summary>
    /// <param name="utf8Body">The body as UTF-8 bytes.</param>
    /// <param name="wasBareMessage">True when the body was the message object itself, without the envelope.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">Malformed JSON, no message, or no string <c>type</c>; the message says what and where.</exception>
    public static ServerMessage DeserializeMessage(ReadOnlySpan<byte> utf8Body, out bool wasBareMessage) => DeserializeMessage(utf8Body, null, out wasBareMessage);

    /// <summary>
    /// Reads a request body the host keeps in a pooled buffer for the request's lifetime: the message's deferred
    /// parts are slices of it, not copies, and the message can be detached from it (<see cref="ServerMessage.DetachFromRequest"/>).
    /// </summary>
    internal static ServerMessage DeserializeMessage(MessageBuffer body, out bool wasBareMessage)
    {
        var message = DeserializeMessage(body.Span, body, out wasBareMessage);
        message.RequestBuffer = body;
        return message;
    }

    private static ServerMessage DeserializeMessage(ReadOnlySpan<byte> utf8Body, MessageBuffer? body, out bool wasBareMessage)
    {
        if (Utf8Text.FindProblem(utf8Body) is { } encodingProblem)
        {
            throw new JsonException(encodingProblem + " Path: $.", "$", 0, 0);
        }

        try
        {
            var envelope = body is null
                ? RawJsonInput.Deserialize(utf8Body, VapiJsonContext.Default.ServerMessageEnvelope)
                : RawJsonInput.Deserialize(body, VapiJsonContext.Default.ServerMessageEnvelope);
            return Unwrap(envelope, out wasBareMessage);
        }
        catch (JsonException ex)
        {
            throw JsonErrors.WithPosition(ex);
        }
    }

    /// <summary>Reads a request body, <c>{"message": {...}}</c>, or a bare message object.</summary>
    /// <param name="body">The body as a string.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">Malformed JSON, no message, or no string <c>type</c>; the message says what and where.</exception>
    public static ServerMessage DeserializeMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var envelope = JsonSerializer.Deserialize(body, VapiJsonContext.Default.ServerMessageEnvelope);
            return Unwrap(envelope, out _);
        }
        catch (JsonException ex)
        {
            throw JsonErrors.WithPosition(ex);
        }
    }

    /// <summary>Reads a request body from a stream without buffering it whole first.</summary>
    /// <param name="utf8Body">The body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">Malformed JSON, no message, or no string <c>type</c>; the message says what and where.</exception>
    public static async ValueTask<ServerMessage> DeserializeMessageAsync(Stream utf8Body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Body);
        try
        {
            var envelope = await JsonSerializer.DeserializeAsync(utf8Body, VapiJsonContext.Default.ServerMessageEnvelope, cancellationToken).ConfigureAwait(false);
            return Unwrap(envelope, out _);
        }
        catch (JsonException ex)
        {
            throw JsonErrors.WithPosition(ex);
        }
    }

    /// <summary>Writes a reply (or any message or model type of this library) as JSON text.</summary>
    /// <param name="value">The reply, for example a <see cref="Responses.ToolCallsResponse"/>.</param>
    /// <returns>The JSON: the bare reply object, nulls omitted.</returns>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, GetTypeInfo(value.GetType(), ReplyOptions));
    }

    /// <summary>Writes a reply (or any message or model type of this library) as UTF-8 JSON.</summary>
    /// <param name="value">The reply.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo(value.GetType(), ReplyOptions));
    }

    /// <summary>Writes a reply to a JSON writer (create it with <see cref="WriterOptions"/> for Vapi's replies).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The reply.</param>
    public static void Serialize(Utf8JsonWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, GetTypeInfo(value.GetType()));
    }

    /// <summary>Writes a message inside its envelope, <c>{"message": {...}}</c>, as Vapi posts it.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The body as UTF-8 JSON.</returns>
    public static byte[] SerializeEnvelope(ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToUtf8Bytes(new ServerMessageEnvelope { Message = message }, VapiJsonContext.Default.ServerMessageEnvelope);
    }

    private static JsonTypeInfo GetTypeInfo(Type type, JsonSerializerOptions? options = null)
        => (options is null ? VapiJsonContext.Default.GetTypeInfo(type) : options.GetTypeInfo(type))
           ?? throw new NotSupportedException($"{type.FullName} is not a VapiWebhooks type. Serialize your own types with your own JsonSerializerContext.");

    private static ServerMessage Unwrap(ServerMessageEnvelope? envelope, out bool wasBareMessage)
    {
        wasBareMessage = false;
        if (envelope is null)
        {
            throw new JsonException("The body is JSON null; expected {\"message\": {...}}.", "$", 0, 0);
        }

        if (envelope.Message is { } message)
        {
            return message;
        }

        // No envelope but a type at the root: a bare message. Rebuild it from the properties already read.
        if (envelope.ExtensionData is { } properties && properties.ContainsKey("type") && !properties.ContainsKey("message"))
        {
            wasBareMessage = true;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(properties, VapiJsonContext.Default.DictionaryStringJsonElement);
            return RawJsonInput.Deserialize(bytes, VapiJsonContext.Default.ServerMessage)!;
        }

        throw new JsonException("The body has no 'message' object; expected {\"message\": {\"type\": ...}}.", "$", 0, 0);
    }
}
