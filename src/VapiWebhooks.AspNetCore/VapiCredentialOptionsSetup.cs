using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Binds each credential from configuration: the default one from <c>Vapi:Webhooks:Authentication</c>, a
/// named one (<c>MapVapiWebhooks(pattern, credentialName)</c>) from <c>Vapi:Webhooks:Credentials:{name}</c>.
/// Runs before code configuration, and again after every configuration reload (secret rotation), because
/// <see cref="VapiRequestAuthenticator"/> clears the options cache on reload.
/// </summary>
internal sealed class VapiCredentialOptionsSetup(IConfiguration configuration) : IConfigureNamedOptions<VapiAuthenticationOptions>
{
    public const string NamedSection = "Vapi:Webhooks:Credentials";

    public static string SectionFor(string? name)
        => string.IsNullOrEmpty(name) ? VapiAuthenticationOptions.SectionName : $"{NamedSection}:{name}";

    public void Configure(VapiAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, VapiAuthenticationOptions options)
        => configuration.GetSection(SectionFor(name)).Bind(options);
}
