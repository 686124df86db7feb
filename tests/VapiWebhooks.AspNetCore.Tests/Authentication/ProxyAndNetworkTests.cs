using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// The client address and URL the endpoint trusts come from the connection, or from forwarded headers only when the app
/// trusts the proxy that sent them (UseForwardedHeaders with KnownProxies). Real Kestrel on 127.0.0.1: the remote address is real.
/// </summary>
public class ProxyAndNetworkTests
{
    private const string Token = "network-token-3e5a7c9b1d-2f4a6c8e0b";
    private const string Secret = "proxy-hmac-secret-6f8b0d2a4c-1b3d5f7a";
    private const string Section = CredentialMode.Section;
    private static readonly Uri PublicUrl = new("https://public.example/vapi/webhook");

    private static readonly VapiHmacOptions UrlSigned = new()
    {
        Secrets = [Secret],
        PayloadFormat = "{method}.{url}.{timestamp}.{body}",
    };

    private static Dictionary<string, string?> UrlSignedSettings() => new()
    {
        [$"{Section}:Hmac:Secrets:0"] = Secret,
        [$"{Section}:Hmac:PayloadFormat"] = "{method}.{url}.{timestamp}.{body}",
    };

    private static Dictionary<string, string?> BearerSettings(params string[] networks)
    {
        var settings = new Dictionary<string, string?> { [$"{Section}:Bearer:Tokens:0"] = Token };
        for (var i = 0; i < networks.Length; i++)
        {
            settings[$"{Section}:AllowedNetworks:{i}"] = networks[i];
        }

        return settings;
    }

    /// <summary>Forwarded headers trusted from <paramref name="knownProxy"/> only (the defaults, which trust loopback, are cleared).</summary>
    private static Action<WebApplicationBuilder> TrustProxy(IPAddress knownProxy) => builder => builder.Services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Add(knownProxy);
    });

    private static readonly Action<WebApplication> ForwardedThenMapped = app =>
    {
        app.UseForwardedHeaders();
        app.MapVapiWebhooks();
    };

    private static VapiTestCredential ForwardedPublicRequest(VapiTestCredential inner) => inner.WithHeaders(new Dictionary<string, string>
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-Host"] = "public.example",
    });

    [Fact]
    public async Task A_request_signed_over_the_public_url_is_accepted_through_a_trusted_proxy()
    {
        await using var app = await AuthTestApp.StartAsync(UrlSignedSettings(), TrustProxy(IPAddress.Loopback), ForwardedThenMapped);

        var credential = ForwardedPublicRequest(VapiTestCredential.Hmac(UrlSigned, publicUrl: PublicUrl));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", credential));
        app.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_source_are_ignored_so_the_public_url_signature_fails()
    {
        await using var app = await AuthTestApp.StartAsync(UrlSignedSettings(), TrustProxy(IPAddress.Parse("10.9.9.9")), ForwardedThenMapped);

        var credential = ForwardedPublicRequest(VapiTestCredential.Hmac(UrlSigned, publicUrl: PublicUrl));
        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", credential));
        app.Calls.Count.Should().Be(0);
        app.Logs.Unauthenticated().Single().State["Reason"].Should().Be(nameof(VapiVerificationResult.InvalidSignature));
    }

    [Fact]
    public async Task Without_forwarded_headers_a_public_url_signature_fails_and_a_local_url_signature_passes()
    {
        await using var app = await AuthTestApp.StartAsync(UrlSignedSettings(), TrustProxy(IPAddress.Loopback), ForwardedThenMapped);

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Hmac(UrlSigned, publicUrl: PublicUrl)));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Hmac(UrlSigned)));
        app.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task VapiEgress_refuses_a_request_from_loopback_before_reading_it()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings(VapiNetworkAllowList.VapiEgressName));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Bearer(Token)));
        app.Calls.Count.Should().Be(0);
        var warning = app.Logs.Unauthenticated().Single();
        warning.State["RemoteAddress"].Should().Be("127.0.0.1");
        warning.State["Reason"].Should().Contain("not allowed");
    }

    [Fact]
    public async Task A_loopback_network_accepts_a_request_from_loopback()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings("127.0.0.0/8"));

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Bearer(Token)));
        app.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task An_allowed_network_does_not_replace_the_credential()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings("127.0.0.0/8"));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.None));
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_configured_proxy_is_honoured_by_the_allow_list()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings(VapiNetworkAllowList.VapiEgressName), TrustProxy(IPAddress.Loopback), ForwardedThenMapped);

        var credential = VapiTestCredential.Bearer(Token).WithHeaders(new Dictionary<string, string> { ["X-Forwarded-For"] = "167.150.224.10" });
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", credential));
        app.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_unconfigured_proxy_is_not_honoured()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings(VapiNetworkAllowList.VapiEgressName), TrustProxy(IPAddress.Parse("10.9.9.9")), ForwardedThenMapped);

        var credential = VapiTestCredential.Bearer(Token).WithHeaders(new Dictionary<string, string> { ["X-Forwarded-For"] = "167.150.224.10" });
        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", credential));
        app.Calls.Count.Should().Be(0);
        app.Logs.Unauthenticated().Single().State["RemoteAddress"].Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task An_allow_list_change_applies_on_reload_without_a_restart()
    {
        await using var app = await AuthTestApp.StartAsync(BearerSettings("127.0.0.0/8"));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Bearer(Token)));

        app.Reload(BearerSettings(VapiNetworkAllowList.VapiEgressName));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Bearer(Token)));
        app.Calls.Count.Should().Be(1);
    }
}
