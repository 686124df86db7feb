using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// Vapi's OAuth2 credential: Vapi gets an access token from the user's token URL and sends <c>Authorization: Bearer &lt;jwt&gt;</c>.
/// ASP.NET Core's own authentication validates it (<c>.RequireAuthorization()</c> with a JWT bearer scheme) and the
/// library is told so with <c>Vapi:Webhooks:Authentication:UseAspNetCoreAuthorization=true</c>.
/// </summary>
public class OAuth2Tests
{
    private const string Issuer = "https://auth.example.com/";
    private const string Audience = "https://hooks.example.com/vapi";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    private static readonly Dictionary<string, string?> Settings = new() { ["Vapi:Webhooks:Authentication:UseAspNetCoreAuthorization"] = "true" };

    private static void AddJwtBearer(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(Hs256JwtBearerHandler.SchemeName)
            .AddScheme<Hs256JwtBearerOptions, Hs256JwtBearerHandler>(Hs256JwtBearerHandler.SchemeName, options =>
            {
                options.SigningKey = SigningKey;
                options.Issuer = Issuer;
                options.Audience = Audience;
            });
        builder.Services.AddAuthorization();
    }

    private static readonly Action<WebApplication> MapWithPolicy = app => app.MapVapiWebhooks()
        .RequireAuthorization(policy => policy.AddAuthenticationSchemes(Hs256JwtBearerHandler.SchemeName).RequireAuthenticatedUser().RequireClaim("client_id", "vapi"));

    private static Task<AuthTestApp> StartAsync(Action<WebApplication>? map = null) => AuthTestApp.StartAsync(Settings, AddJwtBearer, map ?? MapWithPolicy);

    private static VapiTestCredential Jwt(string token) => VapiTestCredential.Bearer(token);

    [Fact]
    public async Task A_valid_access_token_is_accepted_and_the_handler_runs()
    {
        await using var app = await StartAsync();

        var token = Hs256JwtBearerHandler.Mint(SigningKey, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(10));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", Jwt(token)));
        app.Calls.Count.Should().Be(1);
    }

    public static TheoryData<string> BadTokens() => ["none", "other-key", "expired", "other-audience", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_missing_or_invalid_access_token_is_401_and_the_handler_does_not_run(string kind)
    {
        await using var app = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        var credential = kind switch
        {
            "none" => VapiTestCredential.None,
            "other-key" => Jwt(Hs256JwtBearerHandler.Mint(RandomNumberGenerator.GetBytes(32), Issuer, Audience, now.AddMinutes(10))),
            "expired" => Jwt(Hs256JwtBearerHandler.Mint(SigningKey, Issuer, Audience, now.AddMinutes(-1))),
            "other-audience" => Jwt(Hs256JwtBearerHandler.Mint(SigningKey, Issuer, "https://other.example.com", now.AddMinutes(10))),
            _ => Jwt("not.a.jwt"),
        };

        var response = await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", credential);

        ((int)response.StatusCode).Should().Be(401);
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_valid_token_without_the_required_claim_is_403()
    {
        await using var app = await StartAsync();

        var token = Hs256JwtBearerHandler.Mint(SigningKey, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(10), clientId: "someone-else");
        var response = await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", Jwt(token));

        ((int)response.StatusCode).Should().Be(403);
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task Forgetting_RequireAuthorization_fails_closed_even_for_an_authenticated_user()
    {
        // The JWT scheme is the default, so UseAuthentication signs the user in; but nothing requires authorization.
        await using var app = await StartAsync(map: app => app.MapVapiWebhooks());

        var token = Hs256JwtBearerHandler.Mint(SigningKey, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(10));
        var response = await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", Jwt(token));

        await AuthAssert.IsTerseUnauthorizedAsync(response);
        app.Calls.Count.Should().Be(0);
        app.Logs.Unauthenticated().Single().State["Reason"].Should().Be(nameof(VapiVerificationResult.NotConfigured));
    }

    [Fact]
    public async Task AllowAnonymous_on_the_endpoint_fails_closed()
    {
        await using var app = await StartAsync(map: app => MapWithPolicyThen(app).AllowAnonymous());

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.None));
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task Without_UseAspNetCoreAuthorization_an_OAuth2_only_app_cannot_start_outside_Development()
    {
        // The gap the option closes: RequireAuthorization alone leaves the library without a credential.
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(new Dictionary<string, string?>(), AddJwtBearer, MapWithPolicy, kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain("UseAspNetCoreAuthorization");
    }

    [Fact]
    public async Task UseAspNetCoreAuthorization_next_to_another_credential_fails_at_start_up()
    {
        var thrown = await FluentActions.Awaiting(() => AuthTestApp.StartAsync(
            new Dictionary<string, string?>(Settings) { ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = "static-token-123" },
            AddJwtBearer,
            MapWithPolicy,
            kestrel: false)).Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain("UseAspNetCoreAuthorization is true while Bearer, Hmac or AllowUnauthenticated is also set");
    }

    [Fact]
    public async Task The_host_agnostic_verifier_refuses_everything_under_UseAspNetCoreAuthorization()
    {
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { UseAspNetCoreAuthorization = true });
        var token = Hs256JwtBearerHandler.Mint(SigningKey, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(10));

        var result = await verifier.VerifyAsync(CredentialMode.NewBody(), name => name == "Authorization" ? "Bearer " + token : null, "POST", "https://hooks.example.com/vapi/webhook");

        result.Should().Be(VapiVerificationResult.NotConfigured);
    }

    private static IEndpointConventionBuilder MapWithPolicyThen(WebApplication app) => app.MapVapiWebhooks()
        .RequireAuthorization(policy => policy.AddAuthenticationSchemes(Hs256JwtBearerHandler.SchemeName).RequireAuthenticatedUser());
}
