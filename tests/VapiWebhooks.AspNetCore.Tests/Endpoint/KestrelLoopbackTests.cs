using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>The same app on a real Kestrel socket on loopback: real HTTP/1.1 framing, chunking and limits.</summary>
public sealed class KestrelLoopbackTests : IAsyncLifetime
{
    private const long Limit = 256 * 1024;

    private VapiTestHost? _host;

    private VapiTestHost Host => _host ?? throw new InvalidOperationException("The app did not start.");

    private HttpClient Client => Host.Client;

    private HandlerLog Log => Host.Log;

    public async Task InitializeAsync()
    {
        _host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi), o => o.MaxRequestBodySize = Limit, kestrel: true);
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Should().ContainSingle().Subject;
        new Uri(address).Port.Should().BePositive("the app is bound to a real port");
        Client.BaseAddress.Should().Be(new Uri(address));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_fixture_is_answered_200_over_a_real_socket()
    {
        var failures = new List<string>();
        foreach (var fixture in FixtureFiles.Files)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await Client.PostVapiBodyAsync(FixtureFiles.ReadBytes(fixture.RelativePath), cancellationToken: timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{fixture.RelativePath}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }
            else if (fixture.WireType == Messages.ServerMessageTypes.VoiceRequest)
            {
                body.Length.Should().BePositive().And.Match(n => n % 2 == 0);
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
            }
            else
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/json", fixture.RelativePath);
            }
        }

        failures.Should().BeEmpty();
        Log.Calls.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_over_a_real_socket_and_no_handler_runs()
    {
        using var request = ErrorStatusTests.ChunkedPost("/vapi/webhook", ErrorStatusTests.OversizedBody((int)Limit * 2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await Client.SendAsync(request, timeout.Token);

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Reason.Should().Be(ProblemReason.BodyTooLarge);
        Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_body_over_the_limit_with_a_content_length_gets_413_over_a_real_socket()
    {
        using var content = new ByteArrayContent(ErrorStatusTests.OversizedBody((int)Limit * 2));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await Client.PostAsync("/vapi/webhook", content, timeout.Token);

        (await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Reason.Should().Be(ProblemReason.BodyTooLarge);
        Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_accepted_over_a_real_socket()
    {
        var body = ErrorStatusTests.OversizedBody((int)Limit - 4096);
        body.Length.Should().BeLessThan((int)Limit);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await Client.PostVapiBodyAsync(body, cancellationToken: timeout.Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Log.Of(HandlerLog.Notification<Messages.TranscriptMessage>()).Should().ContainSingle();
    }
}
