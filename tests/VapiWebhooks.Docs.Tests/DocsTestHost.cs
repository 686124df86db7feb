using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Security;

namespace VapiWebhooks.Docs.Tests;

/// <summary>A minimal app as the README builds it (one bearer token, one tool), on a TestServer.</summary>
internal sealed class DocsTestHost : IAsyncDisposable
{
    public const string Token = "docs-test-token-0f3c9a7e5b1d4c2a8e6f";
    public const string Path = "/vapi/webhook";

    private readonly WebApplication _app;

    private DocsTestHost(WebApplication app) => _app = app;

    public HttpClient CreateClient() => _app.GetTestClient();

    public static async Task<DocsTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddVapiWebhooks()
            .AddCredential(string.Empty, o => o.Bearer = new VapiBearerOptions { Tokens = [Token] })
            .AddTool<WeatherArgs>("get_weather", (args, _) => $"It's sunny in {args.City}.");
        var app = builder.Build();
        app.MapVapiWebhooks(Path);
        await app.StartAsync();
        return new DocsTestHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record WeatherArgs(string City);
}
