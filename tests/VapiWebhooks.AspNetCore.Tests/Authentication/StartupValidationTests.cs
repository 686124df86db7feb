using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>A missing or unusable credential stops the app at start-up with a message that says what to configure.</summary>
public class StartupValidationTests
{
    private const string Section = CredentialMode.Section;

    private const string Path = "/vapi/webhook";

    private static readonly Dictionary<string, string?> Nothing = [];

    [Fact]
    public async Task No_credential_fails_when_the_endpoint_is_mapped_saying_what_to_configure()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(Nothing, kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain("Vapi:Webhooks:Authentication").And.Contain("Bearer:Tokens or Hmac:Secrets").And.Contain("AllowUnauthenticated");
    }

    [Fact]
    public async Task AllowUnauthenticated_is_honoured_in_Development()
    {
        await using var app = await AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:AllowUnauthenticated"] = "true" },
            environment: "Development");

        var response = await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        await AuthAssert.IsAcceptedAsync(response);
        app.Calls.Count.Should().Be(1);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task AllowUnauthenticated_is_refused_outside_Development_with_an_actionable_message(string environment)
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:AllowUnauthenticated"] = "true" },
            environment: environment,
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain($"{Section}:AllowUnauthenticated").And.Contain("Development").And.Contain(environment)
            .And.Contain("Bearer:Tokens or Hmac:Secrets");
    }

    [Fact]
    public async Task AllowUnauthenticated_next_to_a_credential_is_refused_even_in_Development()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:AllowUnauthenticated"] = "true", [$"{Section}:Bearer:Tokens:0"] = CredentialMode.Current },
            environment: "Development",
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain("AllowUnauthenticated is true while a credential is configured").And.NotContain(CredentialMode.Current);
    }

    public static TheoryData<string, string, string> InvalidHmacSettings() => new()
    {
        { "PayloadFormat", "{timestamp}.{payload}", $"{Section}:Hmac:PayloadFormat contains the unknown placeholder {{payload}}" },
        { "PayloadFormat", "{timestamp}", "does not contain {body}" },
        { "PayloadFormat", "{svix-id}.{timestamp}.{body}", "MessageIdHeader is not set" },
        { "TimestampTolerance", "2.00:00:00", $"{Section}:Hmac:TimestampTolerance must be more than zero and at most" },
        { "TimestampTolerance", "00:00:00", $"{Section}:Hmac:TimestampTolerance must be more than zero" },
        { "SecretIsBase64", "true", $"{Section}:Hmac:Secrets:0 is not valid base64" },
        { "SignatureHeader", " ", $"{Section}:Hmac:SignatureHeader is empty" },
        { "TimestampHeader", "x-signature", "must be different headers" },
        { "IncludeTimestamp", "false", "contains {timestamp} but IncludeTimestamp is false" },
    };

    [Theory]
    [MemberData(nameof(InvalidHmacSettings))]
    public async Task Invalid_HMAC_options_fail_at_start_up_naming_the_setting_and_never_the_secret(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Section}:Hmac:Secrets:0"] = "not base64 but secret!",
            [$"{Section}:Hmac:{key}"] = value,
        };

        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(settings, kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain(expected).And.NotContain("not base64 but secret!");
    }

    [Fact]
    public async Task HMAC_without_secrets_fails_at_start_up()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:Hmac:Algorithm"] = "Sha512" }, kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain($"{Section}:Hmac:Secrets is empty");
    }

    [Fact]
    public async Task An_unknown_HMAC_algorithm_fails_at_start_up_naming_the_setting()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:Hmac:Secrets:0"] = CredentialMode.Current, [$"{Section}:Hmac:Algorithm"] = "Md5" },
            kestrel: false)).Should().ThrowAsync<Exception>();

        thrown.Which.ToString().Should().Contain("Hmac:Algorithm").And.NotContain(CredentialMode.Current);
    }

    [Fact]
    public async Task An_invalid_allowed_network_fails_at_start_up()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:Bearer:Tokens:0"] = CredentialMode.Current, [$"{Section}:AllowedNetworks:0"] = "10.0.0.1/8" },
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain($"{Section}:AllowedNetworks:0 ('10.0.0.1/8') is not a network");
    }

    [Fact]
    public async Task A_named_credential_that_is_not_configured_fails_when_its_endpoint_is_mapped()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:Bearer:Tokens:0"] = CredentialMode.Current },
            configureApp: app => app.MapVapiWebhooks("/tools", credentialName: "tools"),
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain("Vapi:Webhooks:Credentials:tools has neither Bearer nor Hmac");
    }

    [Fact]
    public async Task An_app_that_maps_only_named_credentials_does_not_need_a_default_one()
    {
        // Only /tools is served, with its own credential: nothing uses Vapi:Webhooks:Authentication.
        await using var app = await AuthTestApp.StartAsync(
            new Dictionary<string, string?> { ["Vapi:Webhooks:Credentials:tools:Bearer:Tokens:0"] = CredentialMode.Current },
            configureApp: app => app.MapVapiWebhooks("/tools", credentialName: "tools"),
            kestrel: false);

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", VapiTestCredential.Bearer(CredentialMode.Current)));
    }

    [Theory]
    [InlineData("Bearer:Tokens", "set-me-from-user-secrets", "placeholder")]
    [InlineData("Bearer:Tokens", "Set-Me-From-User-Secrets-0123456789abcdef", "placeholder")]
    [InlineData("Bearer:Tokens", "0123456789abcdef0123456789abcde", "shorter than 32 characters")]
    [InlineData("Hmac:Secrets", "changeme", "placeholder")]
    [InlineData("Hmac:Secrets", "hmac-secret-too-short", "shorter than 32 characters")]
    public async Task A_guessable_secret_stops_start_up_outside_Development_naming_the_setting_not_the_value(string list, string value, string reason)
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:{list}:0"] = CredentialMode.Current, [$"{Section}:{list}:1"] = value },
            environment: "Production",
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain($"{Section}:{list}:1 ").And.Contain(reason).And.Contain("Production")
            .And.Contain("openssl rand -base64 32").And.Contain($"Vapi__Webhooks__Authentication__{list.Replace(":", "__", StringComparison.Ordinal)}__1")
            .And.NotContain(value).And.NotContain($"{list}:0 ", "the strong secret next to it is fine");
    }

    [Fact]
    public async Task A_short_token_is_accepted_in_Development_so_a_first_run_needs_no_ceremony()
    {
        await using var app = await AuthTestApp.StartAsync(
            new Dictionary<string, string?> { [$"{Section}:Bearer:Tokens:0"] = "dev-token" },
            environment: "Development");

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, VapiTestCredential.Bearer("dev-token")));
    }

    [Fact]
    public async Task A_random_token_of_exactly_32_characters_is_accepted_in_Production()
    {
        const string token = "0123456789abcdef0123456789abcdef";
        await using var app = await AuthTestApp.StartAsync(new Dictionary<string, string?> { [$"{Section}:Bearer:Tokens:0"] = token });

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, VapiTestCredential.Bearer(token)));
    }
}
