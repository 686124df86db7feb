using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>Two instances behind one URL share replay protection through an <see cref="IDistributedCache"/>.</summary>
public class DistributedReplayTests
{
    private const string Secret = "shared-hmac-secret-1a3c5e7b9d-8c0e2a4b";
    private const string Path = "/vapi/webhook";

    private static readonly Dictionary<string, string?> Settings = new() { ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = Secret };

    private static Action<WebApplicationBuilder> SharedStore(IDistributedCache cache) =>
        builder => builder.Services.AddSingleton<IVapiReplayStore>(sp => new DistributedCacheVapiReplayStore(cache, sp.GetService<TimeProvider>()));

    private static (byte[] Body, VapiTestCredential Headers) SignedOnce()
    {
        var body = CredentialMode.NewBody();

        // Vapi's default payload format does not sign the URL, so the same request verifies on both instances' ports.
        var headers = VapiTestCredential.Hmac(new VapiHmacOptions { Secrets = [Secret] }).CreateHeaders(body, "POST", new Uri("http://instance.invalid" + Path));
        return (body, VapiTestCredential.FromHeaders(headers));
    }

    [Fact]
    public async Task A_request_accepted_by_one_instance_is_refused_as_a_replay_by_the_other()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await using var a = await AuthTestApp.StartAsync(Settings, SharedStore(cache));
        await using var b = await AuthTestApp.StartAsync(Settings, SharedStore(cache));
        var (body, credential) = SignedOnce();

        await AuthAssert.IsAcceptedAsync(await a.Client.PostVapiBodyAsync(body, Path, credential));
        await AuthAssert.IsTerseUnauthorizedAsync(await b.Client.PostVapiBodyAsync(body, Path, credential));

        a.Calls.Count.Should().Be(1);
        b.Calls.Count.Should().Be(0);
        b.Logs.Unauthenticated().Single().State["Reason"].Should().Be(nameof(VapiVerificationResult.Replayed));
    }

    [Fact]
    public async Task Without_the_shared_store_each_instance_accepts_the_replay_once()
    {
        // The control: per-process stores cannot see each other, which is why the shared store exists.
        await using var a = await AuthTestApp.StartAsync(Settings);
        await using var b = await AuthTestApp.StartAsync(Settings);
        var (body, credential) = SignedOnce();

        await AuthAssert.IsAcceptedAsync(await a.Client.PostVapiBodyAsync(body, Path, credential));
        await AuthAssert.IsAcceptedAsync(await b.Client.PostVapiBodyAsync(body, Path, credential));
        await AuthAssert.IsTerseUnauthorizedAsync(await b.Client.PostVapiBodyAsync(body, Path, credential));
    }
}
