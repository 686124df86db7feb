using System.Security.Cryptography;

namespace VapiWebhooks.Security;

/// <summary>
/// Produces the authentication headers Vapi would send, for tests, local simulators and queue consumers that re-sign
/// forwarded messages. Signs with the first configured secret or token (build options with another first entry to sign
/// with it). Whatever it produces verifies with <see cref="VapiRequestVerifier"/> under the same options.
/// </summary>
public sealed class VapiRequestSigner
{
    private readonly HashAlgorithmName _algorithm;
    private readonly byte[] _signingKey;
    private readonly HmacPayloadTemplate _template;
    private readonly string _signatureHeader;
    private readonly string? _timestampHeader;
    private readonly string? _messageIdHeader;
    private readonly string? _prefix;
    private readonly VapiSignatureEncoding _encoding;

    /// <summary>Creates a signer for an HMAC credential.</summary>
    /// <param name="options">The credential; <see cref="VapiHmacOptions.Secrets"/>[0] signs.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem and no secret.</exception>
    public VapiRequestSigner(VapiHmacOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Vapi HMAC options: " + string.Join(" ", failures), nameof(options));
        }

        // A snapshot, like the verifier's: later changes to the options object do not half-apply.
        _algorithm = HmacAlgorithmInfo.ToHashAlgorithmName(options.Algorithm);
        _signingKey = options.GetKeys()[0];
        _template = HmacPayloadTemplate.Parse(options.PayloadFormat);
        _signatureHeader = options.SignatureHeader.Trim();
        _timestampHeader = options.IncludeTimestamp ? options.TimestampHeader.Trim() : null;
        _messageIdHeader = string.IsNullOrWhiteSpace(options.MessageIdHeader) ? null : options.MessageIdHeader.Trim();
        _prefix = options.SignaturePrefix;
        _encoding = options.SignatureEncoding;
    }

    /// <summary>Signs a request the way Vapi does and returns the headers to send (signature, timestamp and message id as configured).</summary>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="url">The full URL the request is sent to.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <param name="timestampUnit">Whether the timestamp header is written in seconds or milliseconds.</param>
    /// <param name="messageId">The message id, when <see cref="VapiHmacOptions.MessageIdHeader"/> is set; a random one when null.</param>
    public IReadOnlyDictionary<string, string> Sign(
        ReadOnlySpan<byte> body,
        string method,
        string url,
        DateTimeOffset timestamp,
        VapiTimestampUnit timestampUnit = VapiTimestampUnit.Seconds,
        string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        string? timestampText = null;
        if (_timestampHeader is not null)
        {
            timestampText = TimestampHeader.Format(timestamp, timestampUnit);
            headers[_timestampHeader] = timestampText;
        }

        if (_messageIdHeader is not null)
        {
            messageId ??= "msg_" + Guid.NewGuid().ToString("N");
            headers[_messageIdHeader] = messageId;
        }

        var values = new HmacPayloadValues(body, timestampText, method, url, messageId);
        Span<byte> mac = stackalloc byte[HmacAlgorithmInfo.MaxMacSize];
        var written = _template.ComputeMac(_algorithm, _signingKey, values, mac);
        headers[_signatureHeader] = HmacSignatureCodec.Encode(mac[..written], _prefix, _encoding);
        return headers;
    }

    /// <summary>Returns the bearer header Vapi would send for <paramref name="options"/>, with its first token.</summary>
    /// <param name="options">The bearer credential.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyDictionary<string, string> CreateBearerHeaders(VapiBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Vapi bearer options: " + string.Join(" ", failures), nameof(options));
        }

        var token = options.Tokens[0];
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [options.HeaderName.Trim()] = options.UsePrefix ? VapiBearerOptions.Prefix + token : token,
        };
    }
}
