using System.Text.Json;

namespace VapiWebhooks.Serialization;

/// <summary>Makes the messages of <see cref="JsonException"/> name the problem and its position consistently.</summary>
internal static class JsonErrors
{
    private const string RelativePathKey = "VapiWebhooks.RelativePath";
    private const string LineKey = "VapiWebhooks.Line";
    private const string ByteKey = "VapiWebhooks.Byte";

    private const string PositionMarker = " Path: ";

    // System.Text.Json's advice to the reader's author (e.g. after a trailing comma); the client cannot act on it.
    private const string ReaderOptionsAdvice = " Change the reader options.";

    public static string WithoutPosition(string message)
    {
        var at = message.IndexOf(PositionMarker, StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    // A nested deserialisation reports a path relative to its own object, and the outer serializer only
    // fills in a path that is missing: pass it an exception without one, and keep the inner part (and the
    // exact position of the failing token) for WithPosition to join.
    public static JsonException Nest(JsonException inner, string innerPath)
    {
        var relative = innerPath[1..] + (inner.Data[RelativePathKey] as string);
        var nested = new JsonException(WithoutPosition(inner.Message), null, null, null, inner);
        nested.Data[RelativePathKey] = relative;
        nested.Data[LineKey] = inner.Data[LineKey] ?? inner.LineNumber;
        nested.Data[ByteKey] = inner.Data[ByteKey] ?? inner.BytePositionInLine;
        return nested;
    }

    // STJ writes the position into its own messages, but not into those a converter throws, and a nested
    // deserialisation reports a path relative to its own object: give every error the full path and position.
    public static JsonException WithPosition(JsonException ex)
    {
        if (ex.Path is not { } path)
        {
            return ex;
        }

        var problem = WithoutPosition(ex.Message).Replace(ReaderOptionsAdvice, string.Empty, StringComparison.Ordinal);
        var relative = ex.Data[RelativePathKey] as string;
        var rootMismatch = path == "$" && problem.Contains(nameof(Messages.ServerMessageEnvelope), StringComparison.Ordinal);
        if (relative is null && !rootMismatch && ex.Message.Contains(PositionMarker, StringComparison.Ordinal)
            && !ex.Message.Contains(ReaderOptionsAdvice, StringComparison.Ordinal))
        {
            return ex;
        }

        if (rootMismatch)
        {
            problem = "The body must be a JSON object: {\"message\": {\"type\": ...}}.";
        }

        path += relative;
        var line = ex.Data[LineKey] as long? ?? ex.LineNumber;
        var position = ex.Data[ByteKey] as long? ?? ex.BytePositionInLine;
        var text = $"{problem}{PositionMarker}{path} | LineNumber: {line} | BytePositionInLine: {position}.";
        return new JsonException(text, path, line, position, ex);
    }
}
