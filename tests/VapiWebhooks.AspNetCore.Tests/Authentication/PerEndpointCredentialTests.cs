using Microsoft.AspNetCore.Builder;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>Each mapped endpoint accepts its own credential only: a tool server's bearer token and an assistant server's HMAC secret.</summary>
public class PerEndpointCredentialTests
{
    private const string ToolsToken = "tools-token-5a7c9e1f3b-0d2e4f6a8b1c";
    private const string AssistantSecret = "assistant-hmac-8d0f2b4c6e-7a9c1e3f5b";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = AssistantSecret,
        ["Vapi:Webhooks:Credentials:tools:Bearer:Tokens:0"] = ToolsToken,
    };

    private static readonly VapiTestCredential ToolsCredential = VapiTestCredential.Bearer(ToolsToken);

    private static readonly VapiTestCredential AssistantCredential = VapiTestCredential.Hmac(new VapiHmacOptions { Secrets = [AssistantSecret] });

    private static Task<AuthTestApp> StartAsync() => AuthTestApp.StartAsync(Settings, configureApp: app =>
    {
        app.MapVapiWebhooks("/tools", credentialName: "tools");
        app.MapVapiWebhooks("/assistant");
    });

    [Fact]
    public async Task Each_endpoint_accepts_its_own_credential()
    {
        await using var app = await StartAsync();

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", ToolsCredential));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/assistant", AssistantCredential));
        app.Calls.Count.Should().Be(2);
    }

    [Fact]
    public async Task The_tools_endpoint_refuses_the_assistant_credential()
    {
        await using var app = await StartAsync();

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", AssistantCredential));
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task The_assistant_endpoint_refuses_the_tools_credential()
    {
        await using var app = await StartAsync();

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/assistant", ToolsCredential));
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_request_carrying_both_credentials_is_judged_by_the_endpoint_s_own()
    {
        await using var app = await StartAsync();

        // The tools endpoint has no HMAC credential: the signature header is ignored and the bearer token decides.
        var bothOnTools = VapiTestCredential.FromHeaders(new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + ToolsToken,
            ["x-signature"] = new string('0', 64),
            ["x-timestamp"] = "1",
        });
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", bothOnTools));

        // The assistant endpoint has no bearer credential: a valid tools token does not rescue a bad signature.
        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/assistant", bothOnTools));
        app.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_credential_added_in_code_protects_its_endpoint()
    {
        await using var app = await AuthTestApp.StartAsync(
            new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = AssistantSecret },
            configureBuilder: builder => new VapiWebhooksBuilder(builder.Services).AddCredential("tools", o => o.Bearer = new VapiBearerOptions { Tokens = [ToolsToken] }),
            configureApp: app => app.MapVapiWebhooks("/tools", credentialName: "tools"));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", VapiTestCredential.Bearer("another-token-1234")));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/tools", ToolsCredential));
        app.Calls.Count.Should().Be(1);
    }
}
