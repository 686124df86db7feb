using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Simulator.Http;

/// <summary>
/// The credential given on the command line: the headers come from the Testing package's
/// <see cref="VapiTestCredential"/> (one implementation of "sign as Vapi does"), plus a description for the report.
/// </summary>
internal sealed class RequestAuthentication
{
    private readonly VapiTestCredential _credential;

    private RequestAuthentication(VapiTestCredential credential, string description)
    {
        _credential = credential;
        Description = description;
    }

    public static RequestAuthentication None { get; } = new(VapiTestCredential.None, "none");

    /// <summary>A short description for the report (never the secret).</summary>
    public string Description { get; }

    public static RequestAuthentication Bearer(VapiBearerOptions options)
    {
        // Built once: an invalid token fails at start-up with the library's message.
        var credential = VapiTestCredential.Bearer(options);
        var description = options.HeaderName.Equals(VapiBearerOptions.LegacySecretHeaderName, StringComparison.OrdinalIgnoreCase)
            ? "legacy X-Vapi-Secret"
            : $"bearer ({options.HeaderName}{(options.UsePrefix ? ", Bearer prefix" : ", no prefix")})";
        return new(credential, description);
    }

    public static RequestAuthentication Hmac(VapiHmacOptions options, VapiTimestampUnit unit)
        => new(
            VapiTestCredential.Hmac(options, timestampUnit: unit),
            $"HMAC {options.Algorithm} ({options.SignatureHeader}, {options.PayloadFormat}, {options.SignatureEncoding})");

    /// <summary>The headers for a request with <paramref name="body"/> posted to <paramref name="url"/>.</summary>
    public IReadOnlyDictionary<string, string> HeadersFor(byte[] body, Uri url) => _credential.CreateHeaders(body, "POST", url);
}
