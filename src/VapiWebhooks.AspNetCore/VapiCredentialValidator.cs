using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Checks a credential at start-up: something must be configured, and the <c>AllowUnauthenticated</c> escape
/// hatch only works in the Development environment.
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
