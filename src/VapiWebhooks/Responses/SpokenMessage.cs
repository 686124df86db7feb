using System.Text.Json;

namespace VapiWebhooks.Responses;

/// <summary>Builds Vapi's <c>custom-message</c> object: <c>{"type": "custom-message", "content": "..."}</c>.</summary>
public static class SpokenMessage
{
    /// <summary>A custom message that speaks <paramref name="content"/>, or null for no text.</summary>
    /// <param name="content">What the assistant says.</param>
    /// <returns>The message object, or null.</returns>
    public static JsonElement? From(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "custom-message");
            writer.WriteString("content", content);
            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.ToArray());
    }
}
