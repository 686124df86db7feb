namespace VapiWebhooks.Security;

/// <summary>
/// A Vapi bearer credential: Vapi sends a static token in a header, <c>Authorization: Bearer &lt;token&gt;</c> by default.
/// The legacy <c>server.secret</c> (<c>X-Vapi-Secret: &lt;secret&gt;</c>) is the same scheme with another header and no
/// prefix; see <see cref="ForLegacyVapiSecret"/>. Bind from configuration, for example
/// <c>"Bearer": { "Tokens": [ "..." ] }</c> or <c>"Bearer": { "HeaderName": "X-Vapi-Secret", "UsePrefix": false, "Tokens": [ "..." ] }</c>.
/// </summary>
public sealed class VapiBearerOptions
{
    /// <summary>The header Vapi's bearer credentials use by default.</summary>
    public const string DefaultHeaderName = "Authorization";

    /// <summary>The header of Vapi's legacy server secret.</summary>
    public const string LegacySecretHeaderName = "X-Vapi-Secret";

    /// <summary>The scheme prefix expected when <see cref="UsePrefix"/> is true; the scheme is matched case-insensitively.</summary>
    public const string Prefix = "Bearer ";

    /// <summary>The header carrying the token. Default <c>Authorization</c>.</summary>
    public string HeaderName { get; set; } = DefaultHeaderName;

    /// <summary>Whether the header value starts with <c>Bearer </c>. Default true; false for the legacy secret or a custom header without prefix.</summary>
    public bool UsePrefix { get; set; } = true;

    /// <summary>The accepted tokens. Several may be listed during a rotation: any of them is accepted.</summary>
    public IList<string> Tokens { get; set; } = [];

    /// <summary>Options for the legacy <c>X-Vapi-Secret</c> header (the old <c>server.secret</c>): no prefix, one or more secrets.</summary>
    /// <param name="secrets">The accepted secrets.</param>
    public static VapiBearerOptions ForLegacyVapiSecret(params IEnumerable<string> secrets) => new()
    {
        HeaderName = LegacySecretHeaderName,
        UsePrefix = false,
        Tokens = [.. secrets],
    };

    /// <summary>Checks the options; returns one actionable message per problem, empty when they are usable. Messages never contain tokens.</summary>
    /// <param name="sectionPath">The configuration path the messages name.</param>
    public IReadOnlyList<string> Validate(string sectionPath = VapiAuthenticationOptions.SectionName + ":Bearer")
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(HeaderName))
        {
            failures.Add($"{sectionPath}:HeaderName is empty: set the header Vapi sends the token in (\"{DefaultHeaderName}\" by default, \"{LegacySecretHeaderName}\" for the legacy server secret).");
        }

        if (Tokens is null || Tokens.Count == 0)
        {
            failures.Add($"{sectionPath}:Tokens is empty: set at least one token (the value of your Vapi bearer credential, or your legacy server secret).");
            return failures;
        }

        var maxLength = VapiRequestVerifier.MaxHeaderLength - (UsePrefix ? Prefix.Length : 0);
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (string.IsNullOrWhiteSpace(token))
            {
                failures.Add($"{sectionPath}:Tokens:{i} is empty: remove the entry or set the token value.");
            }
            else if (token.Trim().Length != token.Length)
            {
                failures.Add($"{sectionPath}:Tokens:{i} starts or ends with whitespace, which HTTP strips from header values: remove the whitespace.");
            }
            else if (token.Length > maxLength)
            {
                failures.Add($"{sectionPath}:Tokens:{i} is longer than {maxLength} characters, so its header would be refused: use a shorter token.");
            }
        }

        return failures;
    }

    /// <summary>Describes the options without revealing any token.</summary>
    public override string ToString() =>
        $"{nameof(VapiBearerOptions)} {{ HeaderName = {HeaderName}, UsePrefix = {UsePrefix}, Tokens = {Tokens?.Count ?? 0} (redacted) }}";
}
