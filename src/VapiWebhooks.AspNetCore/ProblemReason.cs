namespace VapiWebhooks.AspNetCore;

/// <summary>The <c>reason</c> codes of the endpoint's problem+json bodies, for clients and tests to match on.</summary>
public static class ProblemReason
{
    /// <summary>415: the body is not <c>application/json</c>, is compressed (<c>Content-Encoding</c>), or names a charset other than UTF-8.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>413: the body is larger than <c>MaxRequestBodySize</c>.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>400: malformed JSON or UTF-8, a duplicate property, no <c>message</c>, no (or a blank) string <c>type</c>, or null where an object is required.</summary>
    public const string InvalidBody = "invalid_body";

    /// <summary>501: no handler for a request type that has no safe fallback.</summary>
    public const string NoHandler = "no_handler";

    /// <summary>500: the handler threw and no fallback is configured.</summary>
    public const string HandlerFailed = "handler_failed";

    /// <summary>500: the handler ran out of its budget and no fallback is configured.</summary>
    public const string DeadlineExceeded = "deadline_exceeded";

    /// <summary>401: the request is not authenticated as Vapi (the body does not say which part failed).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>408: the body arrived slower than <c>MinRequestBodyDataRate</c>.</summary>
    public const string BodyTimeout = "body_timeout";

    /// <summary>400: the server could not read the body as framed (a bad chunk, a body that ended early).</summary>
    public const string BadFraming = "bad_framing";
}
