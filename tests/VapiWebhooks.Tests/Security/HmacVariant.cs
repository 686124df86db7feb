using System.Text;
using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

/// <summary>Representative HMAC credential shapes a Vapi server can be configured with.</summary>
public enum HmacVariant
{
    /// <summary>Vapi's defaults: SHA-256, hex, x-signature/x-timestamp, {timestamp}.{body}, seconds.</summary>
    Default,

    /// <summary>Defaults with millisecond timestamps.</summary>
    DefaultMilliseconds,

    /// <summary>SHA-512, base64, "sha512=" prefix, custom headers.</summary>
    Sha512Base64Prefixed,

    /// <summary>SHA-1, hex, "sha1=" prefix.</summary>
    Sha1HexPrefixed,

    /// <summary>GitHub-like: "sha256=" prefix, no timestamp, body only.</summary>
    GitHubStyleNoTimestamp,

    /// <summary>Svix-like: base64 secret and signature, signed message id.</summary>
    SvixStyle,

    /// <summary>Signs method and URL too, millisecond timestamps.</summary>
    MethodAndUrl,
}

internal static class HmacVariants
{
    public static VapiHmacOptions Options(HmacVariant variant, params string[] secrets) => variant switch
    {
        HmacVariant.Default or HmacVariant.DefaultMilliseconds => new VapiHmacOptions { Secrets = secrets },
        HmacVariant.Sha512Base64Prefixed => new VapiHmacOptions
        {
            Algorithm = VapiHmacAlgorithm.Sha512,
            SignatureEncoding = VapiSignatureEncoding.Base64,
            SignaturePrefix = "sha512=",
            SignatureHeader = "X-Vapi-Signature",
            TimestampHeader = "X-Vapi-Timestamp",
            Secrets = secrets,
        },
        HmacVariant.Sha1HexPrefixed => new VapiHmacOptions { Algorithm = VapiHmacAlgorithm.Sha1, SignaturePrefix = "sha1=", Secrets = secrets },
        HmacVariant.GitHubStyleNoTimestamp => new VapiHmacOptions
        {
            SignatureHeader = "X-Hub-Signature-256",
            SignaturePrefix = "sha256=",
            IncludeTimestamp = false,
            PayloadFormat = "{body}",
            Secrets = secrets,
        },
        HmacVariant.SvixStyle => new VapiHmacOptions
        {
            SignatureHeader = "svix-signature",
            TimestampHeader = "svix-timestamp",
            MessageIdHeader = "svix-id",
            PayloadFormat = "{svix-id}.{timestamp}.{body}",
            SignatureEncoding = VapiSignatureEncoding.Base64,
            SecretIsBase64 = true,
            Secrets = [.. secrets.Select(secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)))],
        },
        HmacVariant.MethodAndUrl => new VapiHmacOptions { PayloadFormat = "{method} {url}\n{timestamp}\n{body}", Secrets = secrets },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    public static VapiTimestampUnit Unit(HmacVariant variant) =>
        variant is HmacVariant.DefaultMilliseconds or HmacVariant.MethodAndUrl ? VapiTimestampUnit.Milliseconds : VapiTimestampUnit.Seconds;
}
