namespace VapiWebhooks.Security;

/// <summary>
/// The outcome of <see cref="VapiRequestVerifier"/>. Only <see cref="Valid"/> means the request may be processed.
/// The names are safe to log and to count; none of them reveals a secret. Do not send them to the caller:
/// answer every failure with the same 401.
/// </summary>
public enum VapiVerificationResult
{
    /// <summary>The request carries a valid credential (or authentication is explicitly switched off).</summary>
    Valid = 0,

    /// <summary>Neither a bearer token nor an HMAC secret is configured and unauthenticated requests are not allowed.</summary>
    NotConfigured,

    /// <summary>The request has none of the configured credential headers (or only empty ones).</summary>
    MissingCredentials,

    /// <summary>A credential header is longer than <see cref="VapiRequestVerifier.MaxHeaderLength"/>; refused before any cryptography.</summary>
    HeaderTooLarge,

    /// <summary>The bearer header is present but has the wrong scheme or does not match any configured token.</summary>
    InvalidToken,

    /// <summary>The signature header cannot be read: wrong or missing prefix, bad hex/base64, or wrong length.</summary>
    MalformedSignature,

    /// <summary>The signature is well formed but matches no configured secret for this body, timestamp, method, URL and message id.</summary>
    InvalidSignature,

    /// <summary>The credential includes a timestamp but the timestamp header is absent or empty.</summary>
    MissingTimestamp,

    /// <summary>The timestamp header is not a non-negative integer Unix time in seconds or milliseconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the configured tolerance.</summary>
    StaleTimestamp,

    /// <summary>The timestamp is further in the future than the configured tolerance.</summary>
    FutureTimestamp,

    /// <summary>The payload format signs a message id (<c>{svix-id}</c>) but the message id header is absent or empty.</summary>
    MissingMessageId,

    /// <summary>The request is valid but the same signature (or signed message id) was already accepted within the tolerance window.</summary>
    Replayed,
}
