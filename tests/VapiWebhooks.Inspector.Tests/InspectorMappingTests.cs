using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>Where the inspector may be mapped: Development, or elsewhere only opted in and behind authorization.</summary>
public sealed class InspectorMappingTests
{
    private static WebApplication Build(string environment, bool authorization = false)
    {
        var app = VapiTestHost.Build(
            host: authorization ? builder => builder.Services.AddAuthorization(o => o.AddPolicy("inspector", p => p.RequireAssertion(_ => false))) : null,
            kestrel: true,
            environment: environment);
        app.MapVapiWebhooks();
        return app;
    }

    [Fact]
    public async Task Outside_Development_without_the_opt_in_MapVapiInspector_refuses_saying_why()
    {
        await using var app = Build(Environments.Production);
        var map = () => app.MapVapiInspector();
        map.Should().Throw<InvalidOperationException>()
            .WithMessage("*Development*")
            .Which.Message.Should().Contain("AllowOutsideDevelopment").And.Contain("RequireAuthorization");
    }

    [Fact]
    public async Task Outside_Development_opted_in_but_without_authorization_start_up_fails_saying_why()
    {
        await using var app = Build(Environments.Production);
        app.MapVapiInspector(configure: o => o.AllowOutsideDevelopment = true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = () => app.StartAsync(timeout.Token);
        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("without authorization").And.Contain("RequireAuthorization");
    }

    [Fact]
    public async Task Outside_Development_opted_in_and_behind_authorization_it_starts_and_the_page_is_refused_to_anonymous_callers()
    {
        await using var app = Build(Environments.Production, authorization: true);
        app.MapVapiInspector(configure: o => o.AllowOutsideDevelopment = true).RequireAuthorization("inspector");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await client.GetAsync(VapiInspectorEndpointRouteBuilderExtensions.DefaultPattern);
        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        ((int)response.StatusCode).Should().BeGreaterThanOrEqualTo(400);
        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task Not_mapped_there_is_no_page_and_webhooks_answer_as_before()
    {
        await using var app = Build(Environments.Development);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using (var page = await client.GetAsync(VapiInspectorEndpointRouteBuilderExtensions.DefaultPattern))
        {
            page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress), "/vapi/webhook", VapiTestCredential.Bearer(VapiTestHost.Token));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task In_Development_the_page_is_served_from_the_assembly_with_a_strict_content_policy()
    {
        await using var host = await InspectorHost.StartAsync();
        using var page = await host.Client.GetAsync(InspectorHost.InspectorPath);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<title>Vapi inspector</title>").And.Contain($"{InspectorHost.InspectorPath}/assets/inspector.js");
        html.Should().NotContain("http://").And.NotContain("https://", "nothing is loaded from elsewhere");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        foreach (var asset in new[] { "inspector.js", "inspector.css" })
        {
            using var response = await host.Client.GetAsync($"{InspectorHost.InspectorPath}/assets/{asset}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("https://", "no CDN, no web fonts");
        }
    }
}
