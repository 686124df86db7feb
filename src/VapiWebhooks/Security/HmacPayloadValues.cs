namespace VapiWebhooks.Security;

/// <summary>The request values a payload format refers to; the body stays a view over the caller's bytes.</summary>
internal readonly ref struct HmacPayloadValues
{
    public HmacPayloadValues(ReadOnlySpan<byte> body, string? timestamp, string method, string url, string? messageId)
    {
        Body = body;
        Timestamp = timestamp;
        Method = method;
        Url = url;
        MessageId = messageId;
    }

    public ReadOnlySpan<byte> Body { get; }

    public string? Timestamp { get; }

    public string Method { get; }

    public string Url { get; }

    public string? MessageId { get; }
}
