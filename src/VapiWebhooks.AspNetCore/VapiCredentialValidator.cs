using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Checks a credential at start-up: something must be configured; outside Development, the <c>AllowUnauthenticated</c>
/// escape hatch is refused, and so are tokens and secrets short or well-known enough to be guessed.
/// </summary>
internal sealed class VapiCredentialValidator(IHostEnvironment environment) : IValidateOptions<VapiAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, VapiAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = VapiCredentialOptionsSetup.SectionFor(name);
        var failures = new List<string>(options.Validate(section));
        if (options.AllowUnauthenticated && !environment.IsDevelopment())
        {
            failures.Add($"{section}:AllowUnauthenticated is only honoured in the Development environment (this is '{environment.EnvironmentName}'): configure the credential your Vapi server URL uses (Bearer:Tokens or Hmac:Secrets).");
        }

        if (!environment.IsDevelopment())
        {
            // A placeholder that reached production is a publicly known credential: refuse to start rather than accept it.
            WeakSecrets.Check(options.Bearer?.Tokens, section + ":Bearer:Tokens", environment.EnvironmentName, failures);
            WeakSecrets.Check(options.Hmac?.Secrets, section + ":Hmac:Secrets", environment.EnvironmentName, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
