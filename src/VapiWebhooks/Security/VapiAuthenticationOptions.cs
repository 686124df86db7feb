using VapiWebhooks.Encryption;

namespace VapiWebhooks.Security;

/// <summary>
/// How requests claiming to come from Vapi are authenticated. Configure the credential your Vapi server uses:
/// <see cref="Bearer"/> (including the legacy <c>X-Vapi-Secret</c>) or <see cref="Hmac"/>. When both are set, a request
/// carrying the HMAC signature header is checked as HMAC, otherwise as bearer, which allows moving from one to the other.
/// Bind from the <see cref="SectionName"/> configuration section.
/// </summary>
public sealed class VapiAuthenticationOptions
{
    /// <summary>The configuration section these options are conventionally bound from.</summary>
    public const string SectionName = "Vapi:Webhooks:Authentication";

    /// <summary>The bearer (or legacy <c>X-Vapi-Secret</c>) credential; null when not used.</summary>
    public VapiBearerOptions? Bearer { get; set; }

    /// <summary>The HMAC credential; null when not used.</summary>
    public VapiHmacOptions? Hmac { get; set; }

    /// <summary>
    /// The private keys that decrypt the fields Vapi encrypts with this credential's public key (<c>encryptionPlan</c>):
    /// tool arguments named by <c>server.encryptedPaths</c>. Null when the credential has no encryption plan.
    /// </summary>
    public VapiEncryptionOptions? Encryption { get; set; }

    /// <summary>
    /// Accept every request without a credential. Default false. Only for local development; it cannot be combined with
    /// <see cref="Bearer"/> or <see cref="Hmac"/>, because accepting requests that simply omit the credential would defeat them.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// Requests are authenticated by ASP.NET Core's authentication and authorization instead of by this library: for
    /// Vapi's OAuth2 credential, where Vapi fetches an access token from your token URL and sends
    /// <c>Authorization: Bearer &lt;token&gt;</c>. Default false. Map the endpoint with
    /// <c>app.MapVapiWebhooks().RequireAuthorization(...)</c> and a bearer scheme that validates the token: the endpoint then
    /// accepts a request only when the endpoint carries authorization metadata (and no <c>AllowAnonymous</c>) and the user is
    /// authenticated, and refuses every request otherwise, so forgetting <c>RequireAuthorization</c> fails closed.
    /// Cannot be combined with <see cref="Bearer"/>, <see cref="Hmac"/> or <see cref="AllowUnauthenticated"/>.
    /// A <see cref="VapiRequestVerifier"/> used on its own refuses every request under this setting (<see cref="VapiVerificationResult.NotConfigured"/>).
    /// </summary>
    public bool UseAspNetCoreAuthorization { get; set; }

    /// <summary>
    /// Source networks allowed to call, as CIDR ranges or single addresses; <c>VapiEgress</c> stands for
    /// <see cref="VapiNetworkAllowList.VapiEgressRange"/>. Empty (the default) allows any source. Applied by the host
    /// through <see cref="VapiNetworkAllowList.Parse"/> on the client address it trusts.
    /// </summary>
    public IList<string> AllowedNetworks { get; set; } = [];

    /// <summary>Checks the options; returns one actionable message per problem, empty when they are usable. Messages never contain secrets.</summary>
    /// <param name="sectionPath">The configuration path the messages name.</param>
    public IReadOnlyList<string> Validate(string sectionPath = SectionName)
    {
        var failures = new List<string>();
        if (Bearer is null && Hmac is null && !AllowUnauthenticated && !UseAspNetCoreAuthorization)
        {
            failures.Add($"{sectionPath} has neither Bearer nor Hmac: configure the credential your Vapi server URL uses (Bearer:Tokens or Hmac:Secrets), set UseAspNetCoreAuthorization to true when ASP.NET Core authorization checks it (OAuth2), or set AllowUnauthenticated to true for local development only.");
        }

        if (UseAspNetCoreAuthorization && (Bearer is not null || Hmac is not null || AllowUnauthenticated))
        {
            failures.Add($"{sectionPath}:UseAspNetCoreAuthorization is true while Bearer, Hmac or AllowUnauthenticated is also set: a Vapi server URL sends one credential; keep UseAspNetCoreAuthorization for OAuth2 and remove the others.");
        }

        if (AllowUnauthenticated && (Bearer is not null || Hmac is not null))
        {
            failures.Add($"{sectionPath}:AllowUnauthenticated is true while a credential is configured: remove AllowUnauthenticated, otherwise requests without the credential would be accepted.");
        }

        if (Bearer is not null)
        {
            failures.AddRange(Bearer.Validate(sectionPath + ":Bearer"));
        }

        if (Hmac is not null)
        {
            failures.AddRange(Hmac.Validate(sectionPath + ":Hmac"));
        }

        if (Bearer is not null && Hmac is not null && !string.IsNullOrWhiteSpace(Bearer.HeaderName)
            && string.Equals(Bearer.HeaderName.Trim(), Hmac.SignatureHeader?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{sectionPath}: Bearer:HeaderName and Hmac:SignatureHeader are the same header: they must differ so the credential type can be told apart.");
        }

        if (Encryption is not null)
        {
            failures.AddRange(Encryption.Validate(sectionPath + ":Encryption"));
        }

        if (AllowedNetworks is not null)
        {
            for (var i = 0; i < AllowedNetworks.Count; i++)
            {
                if (!VapiNetworkAllowList.TryParseNetwork(AllowedNetworks[i], out _))
                {
                    failures.Add($"{sectionPath}:AllowedNetworks:{i} ('{AllowedNetworks[i]}') is not a network: use CIDR notation with zero host bits such as \"{VapiNetworkAllowList.VapiEgressRange}\", a single address, or \"{VapiNetworkAllowList.VapiEgressName}\".");
                }
            }
        }

        return failures;
    }

    /// <summary>Describes the options without revealing any secret.</summary>
    public override string ToString() =>
        $"{nameof(VapiAuthenticationOptions)} {{ Bearer = {Bearer?.ToString() ?? "null"}, Hmac = {Hmac?.ToString() ?? "null"}, AllowUnauthenticated = {AllowUnauthenticated}, UseAspNetCoreAuthorization = {UseAspNetCoreAuthorization}, AllowedNetworks = [{string.Join(", ", AllowedNetworks ?? [])}], Encryption = {Encryption?.ToString() ?? "null"} }}";
}
