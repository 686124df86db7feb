using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>Registration, options, scopes and endpoint conventions.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task MapVapiWebhooks_without_AddVapiWebhooks_throws_saying_to_call_it()
    {
        // Not VapiTestHost: it always calls AddVapiWebhooks, and this app must not.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();

        var map = () => app.MapVapiWebhooks();

        map.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("AddVapiWebhooks");
    }

    [Fact]
    public async Task An_assistant_request_budget_over_Vapi_limit_from_configuration_fails_at_start_up()
    {
        await using var app = VapiTestHost.Build(configuration: new Dictionary<string, string?>
        {
            ["Vapi:Webhooks:Deadlines:AssistantRequest"] = "00:00:08",
        });
        app.MapVapiWebhooks();

        var start = () => app.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Message.Should().Contain("Vapi:Webhooks:Deadlines:AssistantRequest").And.Contain("7.5");
    }

    [Theory]
    [InlineData("Vapi:Webhooks:MaxRequestBodySize", "0", "MaxRequestBodySize")]
    [InlineData("Vapi:Webhooks:FallbackEndpointingTimeoutSeconds", "16", "FallbackEndpointingTimeoutSeconds")]
    [InlineData("Vapi:Webhooks:Deadlines:Default", "00:00:00", "Deadlines:Default")]
    [InlineData("Vapi:Webhooks:Deadlines:PerType:call.endpointing.request", "-00:00:01", "Deadlines:PerType:call.endpointing.request")]
    public async Task Invalid_options_from_configuration_fail_at_start_up_naming_the_key(string key, string value, string named)
    {
        await using var app = VapiTestHost.Build(configuration: new Dictionary<string, string?> { [key] = value });
        app.MapVapiWebhooks();

        var start = () => app.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }

    [Fact]
    public async Task Options_bound_from_configuration_take_effect()
    {
        await using var host = await VapiTestHost.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Vapi:Webhooks:MaxRequestBodySize"] = "3000",
            ["Vapi:Webhooks:FallbackEndpointingTimeoutSeconds"] = "3.25",
            ["Vapi:Webhooks:FallbackAssistantId"] = "asst-from-config",
        });

        using var endpointing = await host.Client.PostVapiMessageAsync(VapiTestMessages.CallEndpointingRequest());
        using var assistant = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());
        using var large = await host.Client.PostVapiBodyAsync(ErrorStatusTests.OversizedBody(4000));

        (await endpointing.ReadVapiReplyAsync<CallEndpointingResponse>()).TimeoutSeconds.Should().Be(3.25);
        (await assistant.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be("asst-from-config");
        (await large.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Detail.Should().Contain("3000");
    }

    [Fact]
    public async Task Code_configuration_runs_after_configuration_binding()
    {
        await using var host = await VapiTestHost.StartAsync(
            options: o => o.FallbackAssistantId = "asst-from-code",
            configuration: new Dictionary<string, string?> { ["Vapi:Webhooks:FallbackAssistantId"] = "asst-from-config" });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be("asst-from-code");
    }

    [Fact]
    public async Task A_scoped_dependency_is_shared_within_a_request_and_new_for_the_next()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<ScopedCountingHandlerA>().AddHandler<ScopedCountingHandlerB>(),
            host: b => b.Services.AddScoped<ScopedCounter>().AddSingleton<CounterLog>());

        using var first = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress));
        using var second = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = host.Services.GetRequiredService<CounterLog>().Seen;
        seen.Should().HaveCount(4);
        seen[0].Instance.Should().Be(seen[1].Instance, "both handlers of one request share its scope");
        seen.Select(s => s.Count).Should().Equal(1, 2, 1, 2);
        seen[2].Instance.Should().Be(seen[3].Instance);
        seen[2].Instance.Should().NotBe(seen[0].Instance, "the next request has a scope of its own");
    }

    [Fact]
    public async Task AddHandler_registers_every_handler_interface_the_class_implements()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<MultiHandler>());

        using var assistant = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());
        using var kb = await host.Client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest());
        using var status = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ringing));
        using var report = await host.Client.PostVapiMessageAsync(VapiTestMessages.EndOfCallReport());

        (await assistant.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be("asst-multi");
        (await kb.ReadVapiReplyAsync<KnowledgeBaseResponse>()).Documents.Should().ContainSingle().Which.Content.Should().Be("multi");
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        report.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Log.Calls.Select(c => c.Handler).Should().BeEquivalentTo(
            "IAssistantRequestHandler", "IKnowledgeBaseRequestHandler", HandlerLog.Notification<StatusUpdateMessage>(), HandlerLog.Notification<EndOfCallReportMessage>());
    }

    [Fact]
    public async Task AddHandler_called_twice_for_one_class_still_runs_it_once_per_message()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<MultiHandler>().AddHandler<MultiHandler>());

        using var status = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended));
        using var assistant = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        status.StatusCode.Should().Be(HttpStatusCode.OK);
        assistant.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Log.Of("IAssistantRequestHandler").Should().ContainSingle();
        host.Log.Of(HandlerLog.Notification<StatusUpdateMessage>()).Should().ContainSingle("registering a handler class twice must not deliver each notification twice");
    }

    [Fact]
    public void AddHandler_of_a_class_that_implements_no_handler_interface_throws()
    {
        var services = new ServiceCollection();

        var add = () => services.AddVapiWebhooks().AddHandler<ScopedCounter>();

        add.Should().Throw<ArgumentException>().Which.Message.Should().Contain(nameof(ScopedCounter));
    }

    [Fact]
    public async Task Several_endpoints_each_serve_messages()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            map: app =>
            {
                app.MapVapiWebhooks("/tools");
                app.MapVapiWebhooks("/events");
            });

        using var tools = await host.Client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest(), "/tools");
        using var events = await host.Client.PostVapiMessageAsync(VapiTestMessages.EndOfCallReport(), "/events");
        using var unmapped = await host.Client.PostVapiMessageAsync(VapiTestMessages.EndOfCallReport());

        (await tools.ReadVapiReplyAsync<KnowledgeBaseResponse>()).Documents.Should().NotBeEmpty();
        (await events.ReadJsonAsync()).GetRawText().Should().Be("{}");
        unmapped.StatusCode.Should().Be(HttpStatusCode.NotFound, "only the mapped paths serve");
        host.Log.Of("IKnowledgeBaseRequestHandler").Should().ContainSingle();
        host.Log.Of(HandlerLog.Notification<EndOfCallReportMessage>()).Should().ContainSingle();
    }

    [Fact]
    public async Task The_returned_builder_takes_conventions_like_WithTags()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            map: app => app.MapVapiWebhooks("/vapi").WithTags("vapi-webhooks").WithName("VapiWebhook"));

        var endpoint = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Should().ContainSingle(e => e.RoutePattern.RawText == "/vapi").Subject;
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()!.Tags.Should().Contain("vapi-webhooks");
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName.Should().Be("VapiWebhook");
        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended), "/vapi");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequireAuthorization_on_the_returned_builder_refuses_unauthenticated_requests_before_any_handler()
    {
        // OAuth2-style: ASP.NET Core's authentication proves the caller, and the library checks that it did.
        await using var host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            configuration: new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:UseAspNetCoreAuthorization"] = "true" },
            defaultCredential: false,
            host: b =>
            {
                b.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
                b.Services.AddAuthorization();
            },
            map: app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapVapiWebhooks().RequireAuthorization();
            });

        using var anonymous = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Log.IsEmpty.Should().BeTrue("the handler must not run for an unauthenticated request");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/vapi/webhook")
        {
            Content = new ByteArrayContent(global::VapiWebhooks.Serialization.VapiJson.SerializeEnvelope(VapiTestMessages.AssistantRequest())),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAuthHandler.Token);
        using var authenticated = await host.Client.SendAsync(request);

        (await authenticated.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be(RecordingHandler.AssistantId);
        host.Log.Of("IAssistantRequestHandler").Should().ContainSingle();
    }
}

/// <summary>A scoped service that counts its uses; one instance per DI scope.</summary>
public sealed class ScopedCounter
{
    public Guid Instance { get; } = Guid.NewGuid();

    public int Count { get; private set; }

    public int Increment() => ++Count;
}

/// <summary>What the counting handlers saw, in order.</summary>
public sealed class CounterLog
{
    private readonly List<(Guid Instance, int Count)> _seen = [];

    public IReadOnlyList<(Guid Instance, int Count)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public void Add(ScopedCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        lock (_seen)
        {
            _seen.Add((counter.Instance, counter.Increment()));
        }
    }
}

public sealed class ScopedCountingHandlerA(ScopedCounter counter, CounterLog log) : IServerMessageHandler<StatusUpdateMessage>
{
    public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        log.Add(counter);
        return Task.CompletedTask;
    }
}

public sealed class ScopedCountingHandlerB(ScopedCounter counter, CounterLog log) : IServerMessageHandler<StatusUpdateMessage>
{
    public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        log.Add(counter);
        return Task.CompletedTask;
    }
}

/// <summary>Implements two request handlers and two notification handlers.</summary>
public sealed class MultiHandler(HandlerLog log) :
    IAssistantRequestHandler,
    IKnowledgeBaseRequestHandler,
    IServerMessageHandler<StatusUpdateMessage>,
    IServerMessageHandler<EndOfCallReportMessage>
{
    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
    {
        log.Add("IAssistantRequestHandler", message);
        return Task.FromResult(AssistantRequestResponse.ForAssistantId("asst-multi"));
    }

    public Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken)
    {
        log.Add("IKnowledgeBaseRequestHandler", message);
        return Task.FromResult(KnowledgeBaseResponse.FromDocuments(new KnowledgeBaseDocument { Content = "multi", Similarity = 1 }));
    }

    public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        log.Add(HandlerLog.Notification<StatusUpdateMessage>(), message);
        return Task.CompletedTask;
    }

    public Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken)
    {
        log.Add(HandlerLog.Notification<EndOfCallReportMessage>(), message);
        return Task.CompletedTask;
    }
}

/// <summary>Authenticates <c>Authorization: Bearer test-token</c>; anything else is anonymous (challenged with 401).</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Token = "di-test-token-2c5f8b1e4a7d0936ab";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "vapi")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
