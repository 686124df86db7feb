using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace VapiWebhooks.Security;

/// <summary>
/// A parsed Vapi <c>payloadFormat</c> (for example <c>{timestamp}.{body}</c>). The MAC is computed by feeding
/// each part to an <see cref="IncrementalHash"/>, so the body is hashed in place and never concatenated or copied.
/// </summary>
internal sealed class HmacPayloadTemplate
{
    private readonly (HmacPayloadSegmentKind Kind, byte[] Literal)[] _segments;

    private HmacPayloadTemplate((HmacPayloadSegmentKind, byte[])[] segments)
    {
        _segments = segments;
        foreach (var (kind, _) in segments)
        {
            UsesTimestamp |= kind == HmacPayloadSegmentKind.Timestamp;
            UsesMessageId |= kind == HmacPayloadSegmentKind.MessageId;
            UsesBody |= kind == HmacPayloadSegmentKind.Body;
            UsesUrl |= kind == HmacPayloadSegmentKind.Url;
        }
    }

    public bool UsesTimestamp { get; }

    public bool UsesMessageId { get; }

    public bool UsesBody { get; }

    public bool UsesUrl { get; }

    /// <summary>Parses a format already accepted by <see cref="VapiHmacOptions.Validate"/>.</summary>
    public static HmacPayloadTemplate Parse(string format) => TryParse(format, out var template, out _)
        ? template!
        : throw new ArgumentException("The payload format contains an unknown placeholder.", nameof(format));

    /// <summary>Parses a format. Unknown <c>{name}</c> placeholders are errors; braces that enclose nothing are literal text.</summary>
    public static bool TryParse(string format, out HmacPayloadTemplate? template, out string? unknownPlaceholder)
    {
        var segments = new List<(HmacPayloadSegmentKind, byte[])>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var close = format[i] == '{' ? format.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                literal.Append(format[i]);
                i++;
                continue;
            }

            var name = format.Substring(i + 1, close - i - 1);
            HmacPayloadSegmentKind? kind = name switch
            {
                "body" => HmacPayloadSegmentKind.Body,
                "timestamp" => HmacPayloadSegmentKind.Timestamp,
                "method" => HmacPayloadSegmentKind.Method,
                "url" => HmacPayloadSegmentKind.Url,
                "svix-id" => HmacPayloadSegmentKind.MessageId,
                _ => null,
            };
            if (kind is null)
            {
                template = null;
                unknownPlaceholder = "{" + name + "}";
                return false;
            }

            FlushLiteral(literal, segments);
            segments.Add((kind.Value, []));
            i = close + 1;
        }

        FlushLiteral(literal, segments);
        template = new HmacPayloadTemplate([.. segments]);
        unknownPlaceholder = null;
        return true;
    }

    /// <summary>Computes the MAC of the payload under <paramref name="key"/> into <paramref name="destination"/>; returns the byte count.</summary>
    public int ComputeMac(HashAlgorithmName algorithm, byte[] key, scoped in HmacPayloadValues values, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(algorithm, key);
        foreach (var (kind, literal) in _segments)
        {
            switch (kind)
            {
                case HmacPayloadSegmentKind.Literal:
                    hmac.AppendData(literal);
                    break;
                case HmacPayloadSegmentKind.Body:
                    hmac.AppendData(values.Body);
                    break;
                case HmacPayloadSegmentKind.Timestamp:
                    AppendUtf8(hmac, values.Timestamp);
                    break;
                case HmacPayloadSegmentKind.Method:
                    AppendUtf8(hmac, values.Method);
                    break;
                case HmacPayloadSegmentKind.Url:
                    AppendUtf8(hmac, values.Url);
                    break;
                case HmacPayloadSegmentKind.MessageId:
                    AppendUtf8(hmac, values.MessageId);
                    break;
            }
        }

        return hmac.GetHashAndReset(destination);
    }

    private static void FlushLiteral(StringBuilder literal, List<(HmacPayloadSegmentKind, byte[])> segments)
    {
        if (literal.Length == 0)
        {
            return;
        }

        segments.Add((HmacPayloadSegmentKind.Literal, Encoding.UTF8.GetBytes(literal.ToString())));
        literal.Clear();
    }

    private static void AppendUtf8(IncrementalHash hash, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        const int StackLimit = 256;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            hash.AppendData(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
