using System.Security.Cryptography;

namespace VapiWebhooks.Security;

/// <summary>
/// Checks an HMAC-signed request against the configured secrets: header sizes first, then the timestamp window, then
/// the MAC (constant-time), so cheap refusals never reach the cryptography.
/// </summary>
internal sealed class HmacSignatureMatcher
{
    private readonly HashAlgorithmName _algorithm;
    private readonly int _macSize;
    private readonly byte[][] _keys;
    private readonly HmacPayloadTemplate _template;
    private readonly string? _prefix;
    private readonly VapiSignatureEncoding _encoding;
    private readonly string? _timestampHeader;
    private readonly string? _messageIdHeader;
    private readonly long _toleranceMilliseconds;

    public HmacSignatureMatcher(VapiHmacOptions options)
    {
        _algorithm = HmacAlgorithmInfo.ToHashAlgorithmName(options.Algorithm);
        _macSize = HmacAlgorithmInfo.MacSize(options.Algorithm);
        _keys = options.GetKeys();
        _template = HmacPayloadTemplate.Parse(options.PayloadFormat);
        _prefix = string.IsNullOrEmpty(options.SignaturePrefix) ? null : options.SignaturePrefix;
        _encoding = options.SignatureEncoding;
        SignatureHeader = options.SignatureHeader.Trim();
        _timestampHeader = options.IncludeTimestamp ? options.TimestampHeader.Trim() : null;
        _messageIdHeader = _template.UsesMessageId ? options.MessageIdHeader!.Trim() : null;
        _toleranceMilliseconds = (long)options.TimestampTolerance.TotalMilliseconds;
        ReplayProtection = options.ReplayProtection;
    }

    public string SignatureHeader { get; }

    public bool ReplayProtection { get; }

    public bool UsesUrl => _template.UsesUrl;

    /// <summary>
    /// The checks the headers alone allow (signature format, timestamp presence and window, message id), so that a
    /// request failing them is refused before its body is read.
    /// </summary>
    public VapiVerificationResult VerifyHeaders(string signatureValue, Func<string, string?> getHeader, DateTimeOffset now)
    {
        Span<byte> presented = stackalloc byte[HmacAlgorithmInfo.MaxMacSize];
        return CheckHeaders(signatureValue, getHeader, now, presented, out _, out _, out _);
    }

    public VapiVerificationResult Verify(
        ReadOnlySpan<byte> body,
        string signatureValue,
        Func<string, string?> getHeader,
        string method,
        string url,
        DateTimeOffset now,
        out string? replayKey,
        out DateTimeOffset replayExpiresAt)
    {
        replayKey = null;
        Span<byte> presented = stackalloc byte[HmacAlgorithmInfo.MaxMacSize];
        var headers = CheckHeaders(signatureValue, getHeader, now, presented, out var timestamp, out var messageId, out replayExpiresAt);
        if (headers != VapiVerificationResult.Valid)
        {
            return headers;
        }

        presented = presented[.._macSize];
        var values = new HmacPayloadValues(body, timestamp, method, url, messageId);
        Span<byte> computed = stackalloc byte[HmacAlgorithmInfo.MaxMacSize];
        foreach (var key in _keys)
        {
            var written = _template.ComputeMac(_algorithm, key, values, computed);
            if (CryptographicOperations.FixedTimeEquals(computed[..written], presented))
            {
                if (ReplayProtection)
                {
                    // A signed message id names the message whatever its timestamp; otherwise the MAC itself does.
                    replayKey = messageId is not null ? ReplayKeys.ForMessageId(messageId) : ReplayKeys.ForSignature(presented);
                }

                return VapiVerificationResult.Valid;
            }
        }

        return VapiVerificationResult.InvalidSignature;
    }

    private VapiVerificationResult CheckHeaders(
        string signatureValue,
        Func<string, string?> getHeader,
        DateTimeOffset now,
        Span<byte> presented,
        out string? timestamp,
        out string? messageId,
        out DateTimeOffset replayExpiresAt)
    {
        timestamp = null;
        messageId = null;
        replayExpiresAt = default;
        if (signatureValue.Length > VapiRequestVerifier.MaxHeaderLength)
        {
            return VapiVerificationResult.HeaderTooLarge;
        }

        if (!HmacSignatureCodec.TryDecode(signatureValue, _prefix, _encoding, _macSize, presented))
        {
            return VapiVerificationResult.MalformedSignature;
        }

        var nowMilliseconds = now.ToUnixTimeMilliseconds();
        replayExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(nowMilliseconds + _toleranceMilliseconds);
        if (_timestampHeader is not null)
        {
            timestamp = getHeader(_timestampHeader);
            if (string.IsNullOrEmpty(timestamp))
            {
                return VapiVerificationResult.MissingTimestamp;
            }

            if (!TimestampHeader.TryParseUnixMilliseconds(timestamp, out var sentAt))
            {
                return VapiVerificationResult.InvalidTimestamp;
            }

            if (nowMilliseconds - sentAt > _toleranceMilliseconds)
            {
                return VapiVerificationResult.StaleTimestamp;
            }

            if (sentAt - nowMilliseconds > _toleranceMilliseconds)
            {
                return VapiVerificationResult.FutureTimestamp;
            }

            // The signature stays acceptable until sentAt + tolerance; a second of slack covers whole-second timestamps.
            replayExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(sentAt + _toleranceMilliseconds + 1000);
        }

        if (_messageIdHeader is not null)
        {
            messageId = getHeader(_messageIdHeader);
            if (string.IsNullOrEmpty(messageId))
            {
                return VapiVerificationResult.MissingMessageId;
            }

            if (messageId.Length > VapiRequestVerifier.MaxHeaderLength)
            {
                return VapiVerificationResult.HeaderTooLarge;
            }
        }

        return VapiVerificationResult.Valid;
    }
}
