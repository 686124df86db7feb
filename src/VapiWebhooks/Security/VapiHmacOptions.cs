namespace VapiWebhooks.Security;

/// <summary>
/// A Vapi HMAC credential: Vapi signs <see cref="PayloadFormat"/> (by default <c>{timestamp}.{body}</c>) with a shared
/// secret and sends the signature and timestamp in headers. Property names and defaults mirror the credential's fields,
/// so the options bind from configuration such as <c>"Hmac": { "Secrets": [ "..." ] }</c>.
/// </summary>
public sealed class VapiHmacOptions
{
    /// <summary>Vapi's default payload format.</summary>
    public const string DefaultPayloadFormat = "{timestamp}.{body}";

    /// <summary>Vapi's default signature header.</summary>
    public const string DefaultSignatureHeader = "x-signature";

    /// <summary>Vapi's default timestamp header.</summary>
    public const string DefaultTimestampHeader = "x-timestamp";

    /// <summary>The largest accepted <see cref="TimestampTolerance"/>.</summary>
    public static readonly TimeSpan MaxTimestampTolerance = TimeSpan.FromDays(1);

    /// <summary>The hash function (<c>algorithm</c>). Default <see cref="VapiHmacAlgorithm.Sha256"/>.</summary>
    public VapiHmacAlgorithm Algorithm { get; set; } = VapiHmacAlgorithm.Sha256;

    /// <summary>The header carrying the signature (<c>signatureHeader</c>). Default <c>x-signature</c>.</summary>
    public string SignatureHeader { get; set; } = DefaultSignatureHeader;

    /// <summary>The header carrying the Unix timestamp (<c>timestampHeader</c>). Default <c>x-timestamp</c>.</summary>
    public string TimestampHeader { get; set; } = DefaultTimestampHeader;

    /// <summary>Whether a timestamp is sent and signed (<c>includeTimestamp</c>). Default true. When false, <see cref="PayloadFormat"/> must not contain <c>{timestamp}</c>.</summary>
    public bool IncludeTimestamp { get; set; } = true;

    /// <summary>
    /// What is signed (<c>payloadFormat</c>). Placeholders: <c>{body}</c> (the raw body bytes, required),
    /// <c>{timestamp}</c> (the timestamp header text), <c>{method}</c>, <c>{url}</c> (the full request URL as Vapi called it)
    /// and <c>{svix-id}</c> (the value of <see cref="MessageIdHeader"/>). Other text is signed literally as UTF-8.
    /// Default <c>{timestamp}.{body}</c>.
    /// </summary>
    public string PayloadFormat { get; set; } = DefaultPayloadFormat;

    /// <summary>Text before the encoded signature (<c>signaturePrefix</c>), for example <c>sha256=</c>. Default none. When set it is required; when not set a prefixed signature is refused.</summary>
    public string? SignaturePrefix { get; set; }

    /// <summary>How the signature is encoded (<c>signatureEncoding</c>). Default <see cref="VapiSignatureEncoding.Hex"/>.</summary>
    public VapiSignatureEncoding SignatureEncoding { get; set; } = VapiSignatureEncoding.Hex;

    /// <summary>Whether each secret is base64 and is decoded to get the key bytes (<c>secretIsBase64</c>). Default false: the secret's UTF-8 bytes are the key.</summary>
    public bool SecretIsBase64 { get; set; }

    /// <summary>The header carrying a unique message id (<c>messageIdHeader</c>); its value is what <c>{svix-id}</c> stands for. Default none.</summary>
    public string? MessageIdHeader { get; set; }

    /// <summary>The accepted secrets. Several may be listed during a rotation: a signature made with any of them is accepted.</summary>
    public IList<string> Secrets { get; set; } = [];

    /// <summary>How far the timestamp may be from now, in either direction. Default 5 minutes; at most one day.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a signature is accepted only once within the tolerance window. Default true. The replay key is the signed
    /// message id when the payload format contains <c>{svix-id}</c>, otherwise the signature itself. Without a timestamp
    /// the window is <see cref="TimestampTolerance"/> from first sight, after which a replay is accepted again.
    /// </summary>
    public bool ReplayProtection { get; set; } = true;

    /// <summary>Checks the options; returns one actionable message per problem, empty when they are usable. Messages never contain secrets.</summary>
    /// <param name="sectionPath">The configuration path the messages name.</param>
    public IReadOnlyList<string> Validate(string sectionPath = VapiAuthenticationOptions.SectionName + ":Hmac")
    {
        var failures = new List<string>();
        ValidateSecrets(sectionPath, failures);

        if (!Enum.IsDefined(Algorithm))
        {
            failures.Add($"{sectionPath}:Algorithm '{Algorithm}' is not supported: use Sha256, Sha512 or Sha1 (the algorithm of your Vapi HMAC credential).");
        }

        if (!Enum.IsDefined(SignatureEncoding))
        {
            failures.Add($"{sectionPath}:SignatureEncoding '{SignatureEncoding}' is not supported: use Hex or Base64.");
        }

        if (string.IsNullOrWhiteSpace(SignatureHeader))
        {
            failures.Add($"{sectionPath}:SignatureHeader is empty: set the signatureHeader of your Vapi HMAC credential (default \"{DefaultSignatureHeader}\").");
        }

        if (IncludeTimestamp && string.IsNullOrWhiteSpace(TimestampHeader))
        {
            failures.Add($"{sectionPath}:TimestampHeader is empty: set the timestampHeader of your Vapi HMAC credential (default \"{DefaultTimestampHeader}\"), or set IncludeTimestamp to false.");
        }

        if (SameHeader(SignatureHeader, IncludeTimestamp ? TimestampHeader : null) || SameHeader(SignatureHeader, MessageIdHeader)
            || SameHeader(IncludeTimestamp ? TimestampHeader : null, MessageIdHeader))
        {
            failures.Add($"{sectionPath}: SignatureHeader, TimestampHeader and MessageIdHeader must be different headers.");
        }

        ValidatePayloadFormat(sectionPath, failures);

        if (TimestampTolerance <= TimeSpan.Zero || TimestampTolerance > MaxTimestampTolerance)
        {
            failures.Add($"{sectionPath}:TimestampTolerance must be more than zero and at most {MaxTimestampTolerance:c}: use a few minutes (default 00:05:00).");
        }

        return failures;
    }

    /// <summary>Describes the options without revealing any secret.</summary>
    public override string ToString() =>
        $"{nameof(VapiHmacOptions)} {{ Algorithm = {Algorithm}, SignatureHeader = {SignatureHeader}, TimestampHeader = {TimestampHeader}, "
        + $"IncludeTimestamp = {IncludeTimestamp}, PayloadFormat = {PayloadFormat}, SignaturePrefix = {SignaturePrefix}, "
        + $"SignatureEncoding = {SignatureEncoding}, SecretIsBase64 = {SecretIsBase64}, MessageIdHeader = {MessageIdHeader}, "
        + $"Secrets = {Secrets?.Count ?? 0} (redacted), TimestampTolerance = {TimestampTolerance}, ReplayProtection = {ReplayProtection} }}";

    /// <summary>The key bytes of each secret, in order.</summary>
    internal byte[][] GetKeys() => [.. Secrets.Select(secret => SecretIsBase64 ? Convert.FromBase64String(secret) : System.Text.Encoding.UTF8.GetBytes(secret))];

    private static bool SameHeader(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private void ValidateSecrets(string sectionPath, List<string> failures)
    {
        if (Secrets is null || Secrets.Count == 0)
        {
            failures.Add($"{sectionPath}:Secrets is empty: set at least one secret (the value of your Vapi HMAC credential).");
            return;
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            var secret = Secrets[i];
            if (string.IsNullOrEmpty(secret))
            {
                failures.Add($"{sectionPath}:Secrets:{i} is empty: remove the entry or set the secret value.");
            }
            else if (SecretIsBase64 && !IsBase64(secret))
            {
                failures.Add($"{sectionPath}:Secrets:{i} is not valid base64 although SecretIsBase64 is true: copy the secret exactly as configured in Vapi, or set SecretIsBase64 to false.");
            }
        }
    }

    private void ValidatePayloadFormat(string sectionPath, List<string> failures)
    {
        if (string.IsNullOrEmpty(PayloadFormat))
        {
            failures.Add($"{sectionPath}:PayloadFormat is empty: set the payloadFormat of your Vapi HMAC credential (default \"{DefaultPayloadFormat}\").");
            return;
        }

        if (!HmacPayloadTemplate.TryParse(PayloadFormat, out var template, out var unknown))
        {
            failures.Add($"{sectionPath}:PayloadFormat contains the unknown placeholder {unknown}: use only {{body}}, {{timestamp}}, {{method}}, {{url}} and {{svix-id}}.");
            return;
        }

        if (!template!.UsesBody)
        {
            failures.Add($"{sectionPath}:PayloadFormat does not contain {{body}}, so the body would not be authenticated: add {{body}} (Vapi's default is \"{DefaultPayloadFormat}\").");
        }

        if (IncludeTimestamp && !template.UsesTimestamp)
        {
            failures.Add($"{sectionPath}:PayloadFormat does not contain {{timestamp}} although IncludeTimestamp is true, so the timestamp would not be authenticated: add {{timestamp}} (Vapi's default is \"{DefaultPayloadFormat}\") or set IncludeTimestamp to false.");
        }

        if (!IncludeTimestamp && template.UsesTimestamp)
        {
            failures.Add($"{sectionPath}:PayloadFormat contains {{timestamp}} but IncludeTimestamp is false: set PayloadFormat to what Vapi signs without a timestamp, for example \"{{body}}\", or set IncludeTimestamp to true.");
        }

        if (template.UsesMessageId && string.IsNullOrWhiteSpace(MessageIdHeader))
        {
            failures.Add($"{sectionPath}:PayloadFormat contains {{svix-id}} but MessageIdHeader is not set: set MessageIdHeader to the messageIdHeader of your Vapi HMAC credential.");
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
