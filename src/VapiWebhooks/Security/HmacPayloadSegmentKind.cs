namespace VapiWebhooks.Security;

/// <summary>One part of a parsed HMAC payload format.</summary>
internal enum HmacPayloadSegmentKind
{
    Literal,
    Body,
    Timestamp,
    Method,
    Url,
    MessageId,
}
