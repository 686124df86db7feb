using VapiWebhooks.Security;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// The credential modes under test, each as the server's configuration (bound from <c>Vapi:Webhooks:Authentication</c>)
/// and as the credential a client presents (<see cref="VapiTestCredential"/>).
/// </summary>
internal sealed class CredentialMode
{
    public const string Current = "current-secret-7f3a9c1e5d-a1b2c3d4e5";
    public const string Previous = "previous-secret-2b8d4e6f0a-f6e5d4c3b2";
    public const string Wrong = "attacker-guess-9e1c3a5b7d";
    public const string Section = VapiAuthenticationOptions.SectionName;

    public static readonly IReadOnlyList<string> All = ["bearer-default", "bearer-custom-header", "legacy-secret", "hmac-default", "hmac-svix"];

    private CredentialMode(string name) => Name = name;

    public string Name { get; }

    public bool IsHmac => Name.StartsWith("hmac", StringComparison.Ordinal);

    public static CredentialMode Get(string name) => All.Contains(name) ? new CredentialMode(name) : throw new ArgumentOutOfRangeException(nameof(name), name, null);

    /// <summary>The configuration of this mode accepting <paramref name="secrets"/> (in order), plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyList<string> secrets, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var list = IsHmac ? $"{Section}:Hmac:Secrets" : $"{Section}:Bearer:Tokens";
        for (var i = 0; i < secrets.Count; i++)
        {
            settings[$"{list}:{i}"] = secrets[i];
        }

        switch (Name)
        {
            case "bearer-custom-header":
                settings[$"{Section}:Bearer:HeaderName"] = "X-Api-Key";
                settings[$"{Section}:Bearer:UsePrefix"] = "false";
                break;
            case "legacy-secret":
                settings[$"{Section}:Bearer:HeaderName"] = "X-Vapi-Secret";
                settings[$"{Section}:Bearer:UsePrefix"] = "false";
                break;
            case "hmac-svix":
                settings[$"{Section}:Hmac:Algorithm"] = "Sha512";
                settings[$"{Section}:Hmac:SignatureEncoding"] = "Base64";
                settings[$"{Section}:Hmac:SignaturePrefix"] = "sha512=";
                settings[$"{Section}:Hmac:PayloadFormat"] = "{svix-id}.{method}.{url}.{timestamp}.{body}";
                settings[$"{Section}:Hmac:MessageIdHeader"] = "webhook-id";
                settings[$"{Section}:Hmac:SignatureHeader"] = "webhook-signature";
                settings[$"{Section}:Hmac:TimestampHeader"] = "webhook-timestamp";
                break;
            default:
                break;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public Dictionary<string, string?> Settings(params string[] secrets) => Settings((IReadOnlyList<string>)secrets);

    /// <summary>The HMAC options a client signs with, mirroring <see cref="Settings(IReadOnlyList{string}, IReadOnlyDictionary{string, string?})"/>.</summary>
    public VapiHmacOptions HmacOptions(string secret) => Name switch
    {
        "hmac-default" => new VapiHmacOptions { Secrets = [secret] },
        "hmac-svix" => new VapiHmacOptions
        {
            Secrets = [secret],
            Algorithm = VapiHmacAlgorithm.Sha512,
            SignatureEncoding = VapiSignatureEncoding.Base64,
            SignaturePrefix = "sha512=",
            PayloadFormat = "{svix-id}.{method}.{url}.{timestamp}.{body}",
            MessageIdHeader = "webhook-id",
            SignatureHeader = "webhook-signature",
            TimestampHeader = "webhook-timestamp",
        },
        _ => throw new InvalidOperationException(Name + " is not an HMAC mode."),
    };

    /// <summary>The credential Vapi would send with <paramref name="secret"/>.</summary>
    public VapiTestCredential Credential(string secret, TimeProvider? clock = null) => Name switch
    {
        "bearer-default" => VapiTestCredential.Bearer(secret),
        "bearer-custom-header" => VapiTestCredential.Bearer(secret, "X-Api-Key", usePrefix: false),
        "legacy-secret" => VapiTestCredential.LegacySecret(secret),
        _ => VapiTestCredential.Hmac(HmacOptions(secret), clock, Name == "hmac-svix" ? VapiTimestampUnit.Milliseconds : VapiTimestampUnit.Seconds),
    };

    /// <summary>The right secret with the wrong prefix (or scheme).</summary>
    public VapiTestCredential WrongPrefix(string secret)
    {
        switch (Name)
        {
            case "bearer-default":
                return VapiTestCredential.Bearer(secret, usePrefix: false);
            case "bearer-custom-header":
                return VapiTestCredential.Bearer(secret, "X-Api-Key", usePrefix: true);
            case "legacy-secret":
                return VapiTestCredential.Bearer(secret, "X-Vapi-Secret", usePrefix: true);
            case "hmac-default":
                var prefixed = HmacOptions(secret);
                prefixed.SignaturePrefix = "sha256=";
                return VapiTestCredential.Hmac(prefixed);
            default:
                var other = HmacOptions(secret);
                other.SignaturePrefix = "sha256=";
                return VapiTestCredential.Hmac(other, timestampUnit: VapiTimestampUnit.Milliseconds);
        }
    }

    /// <summary>The right MAC in the wrong encoding (HMAC only), or another scheme for bearer.</summary>
    public VapiTestCredential WrongEncoding(string secret)
    {
        switch (Name)
        {
            case "bearer-default":
                return VapiTestCredential.FromHeaders(new Dictionary<string, string> { ["Authorization"] = "Basic " + Convert.ToBase64String(AuthAssert.Utf8("vapi:" + secret)) });
            case "hmac-default":
                var base64 = HmacOptions(secret);
                base64.SignatureEncoding = VapiSignatureEncoding.Base64;
                return VapiTestCredential.Hmac(base64);
            case "hmac-svix":
                var hex = HmacOptions(secret);
                hex.SignatureEncoding = VapiSignatureEncoding.Hex;
                return VapiTestCredential.Hmac(hex, timestampUnit: VapiTimestampUnit.Milliseconds);
            default:
                throw new InvalidOperationException(Name + " has no encoding.");
        }
    }

    /// <summary>What the server logs as the reason for a failure of this mode.</summary>
    public string ExpectedReason(string failure) => failure switch
    {
        "missing" => nameof(VapiVerificationResult.MissingCredentials),
        "wrong-secret" or "tampered-body" => IsHmac ? nameof(VapiVerificationResult.InvalidSignature) : nameof(VapiVerificationResult.InvalidToken),
        "stale" => nameof(VapiVerificationResult.StaleTimestamp),
        "future" => nameof(VapiVerificationResult.FutureTimestamp),
        "replay" => nameof(VapiVerificationResult.Replayed),
        "wrong-prefix" or "wrong-encoding" => IsHmac ? nameof(VapiVerificationResult.MalformedSignature) : nameof(VapiVerificationResult.InvalidToken),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    /// <summary>The failures that apply: a bearer token protects neither the body nor against replay, and has no timestamp.</summary>
    public IEnumerable<string> Failures()
    {
        yield return "missing";
        yield return "wrong-secret";
        yield return "wrong-prefix";
        if (Name is "bearer-default" || IsHmac)
        {
            yield return "wrong-encoding";
        }

        if (IsHmac)
        {
            yield return "tampered-body";
            yield return "stale";
            yield return "future";
            yield return "replay";
        }
    }

    public static byte[] NewBody() => VapiJson.SerializeEnvelope(VapiTestMessages.AssistantRequest());

    public override string ToString() => Name;
}

/// <summary>A clock a fixed distance from the system clock, to sign stale or future timestamps.</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
}
