using Microsoft.Extensions.Options;

namespace VapiWebhooks.Security;

/// <summary>Runs <see cref="VapiAuthenticationOptions.Validate"/> for the options system (for example with <c>ValidateOnStart</c>).</summary>
public sealed class VapiAuthenticationOptionsValidator : IValidateOptions<VapiAuthenticationOptions>
{
    private readonly string _sectionPath;

    /// <summary>Creates a validator whose messages name <paramref name="sectionPath"/>.</summary>
    /// <param name="sectionPath">The configuration section the options are bound from.</param>
    public VapiAuthenticationOptionsValidator(string sectionPath = VapiAuthenticationOptions.SectionName)
    {
        _sectionPath = sectionPath;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VapiAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate(_sectionPath);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
