using VapiWebhooks.Security;

namespace VapiWebhooks.Simulator.Http;

/// <summary>Produces the authentication headers Vapi sends with each request, from the credential given on the command line.</summary>
internal abstract class RequestAuthentication
{
    public static RequestAuthentication None { get; } = new NoAuthentication();

    /// <summary>A short description for the report (never the secret).</summary>
    public abstract string Description { get; }

    /// <summary>The headers for a request with <paramref name="body"/> sent to <paramref name="url"/>.</summary>
    public abstract IReadOnlyDictionary<string, string> HeadersFor(byte[] body, Uri url);

    public static RequestAuthentication Bearer(VapiBearerOptions options) => new BearerAuthentication(options);

    public static RequestAuthentication Hmac(VapiHmacOptions options, VapiTimestampUnit unit) => new HmacAuthentication(options, unit);

    private sealed class NoAuthentication : RequestAuthentication
    {
        public override string Description => "none";

        public override IReadOnlyDictionary<string, string> HeadersFor(byte[] body, Uri url) => new Dictionary<string, string>();
    }

    private sealed class BearerAuthentication(VapiBearerOptions options) : RequestAuthentication
    {
        // Validated once: an invalid token fails at start-up with the library's message.
        private readonly IReadOnlyDictionary<string, string> _headers = VapiRequestSigner.CreateBearerHeaders(options);

        public override string Description => options.HeaderName.Equals(VapiBearerOptions.LegacySecretHeaderName, StringComparison.OrdinalIgnoreCase)
            ? "legacy X-Vapi-Secret"
            : $"bearer ({options.HeaderName}{(options.UsePrefix ? ", Bearer prefix" : ", no prefix")})";

        public override IReadOnlyDictionary<string, string> HeadersFor(byte[] body, Uri url) => _headers;
    }

    private sealed class HmacAuthentication(VapiHmacOptions options, VapiTimestampUnit unit) : RequestAuthentication
    {
        private readonly VapiRequestSigner _signer = new(options);

        public override string Description => $"HMAC {options.Algorithm} ({options.SignatureHeader}, {options.PayloadFormat}, {options.SignatureEncoding})";

        public override IReadOnlyDictionary<string, string> HeadersFor(byte[] body, Uri url) =>
            _signer.Sign(body, "POST", url.AbsoluteUri, DateTimeOffset.UtcNow, unit);
    }
}
