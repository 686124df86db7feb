using System.Text.Json;

namespace VapiWebhooks.Testing.CallControl;

/// <summary>One command a <see cref="CallControlRecorder"/> received.</summary>
/// <param name="CallId">The call id from the control URL's path.</param>
/// <param name="Json">The body as received.</param>
/// <param name="AnsweredStatus">The status the recorder answered with.</param>
/// <param name="ReceivedAt">When it arrived (the recorder's clock).</param>
/// <param name="Sequence">Its place among every command the recorder received, from 1.</param>
/// <param name="Authorization">The <c>Authorization</c> header, when one was sent (Vapi requires it when <c>monitorPlan.controlAuthenticationEnabled</c> is on).</param>
public sealed record RecordedCallCommand(string CallId, string Json, int AnsweredStatus, DateTimeOffset ReceivedAt, long Sequence, string? Authorization = null)
{
    private readonly Lazy<JsonElement?> _body = new(() => TryParse(Json));

    /// <summary>The body, parsed; null when it is not JSON.</summary>
    public JsonElement? Body => _body.Value;

    /// <summary>The command's <c>type</c> (<c>say</c>, <c>add-message</c>, <c>control</c>, <c>end-call</c>, <c>transfer</c>, <c>handoff</c>).</summary>
    public string? Type => StringAt("type");

    /// <summary>The text the command makes heard: <c>content</c> of <c>say</c>, <c>transfer</c> and <c>handoff</c>, <c>message.content</c> of <c>add-message</c>.</summary>
    public string? Content => Type == "add-message" ? StringAt("message", "content") : StringAt("content");

    /// <summary>The <c>control</c> of a <c>control</c> command (<c>mute-assistant</c>...).</summary>
    public string? Control => StringAt("control");

    /// <summary>Whether Vapi would have accepted it (the recorder answered 2xx).</summary>
    public bool Accepted => AnsweredStatus is >= 200 and < 300;

    private string? StringAt(params string[] path)
    {
        if (Body is not { } element)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static JsonElement? TryParse(string json)
    {
        try
        {
            return JsonElement.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
