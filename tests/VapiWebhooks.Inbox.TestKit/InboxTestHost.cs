using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>An app on <see cref="TestServer"/> with AddVapiWebhooks, a store chosen by the test, and a <see cref="HandlerJournal"/>.</summary>
public sealed class InboxTestHost : IAsyncDisposable
{
    public const string Token = "inbox-test-token-0123456789abcdef0123";

    private InboxTestHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public HandlerJournal Journal => App.Services.GetRequiredService<HandlerJournal>();

    public IVapiInbox Inbox => App.Services.GetRequiredService<IVapiInbox>();

    public static async Task<InboxTestHost> StartAsync(Action<VapiWebhooksBuilder> addInbox, HandlerJournal journal, IReadOnlyDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = Token });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddSingleton(journal);
        services?.Invoke(builder.Services);
        var vapi = builder.Services.AddVapiWebhooks().AddHandler<JournalHandler>();
        addInbox(vapi);
        var app = builder.Build();
        app.MapVapiWebhooks();
        using (var start = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await app.StartAsync(start.Token);
        }

        var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return new InboxTestHost(app, client);
    }

    public Task<HttpResponseMessage> PostAsync(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return Client.PostAsync("/vapi/webhook", content);
    }

    public async Task StopAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await App.StopAsync(stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A status-update of <paramref name="callId"/>; <paramref name="index"/> makes each body distinct and is read back by the journal.</summary>
    public static string StatusUpdate(string callId, int index) =>
        "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"timestamp\":" + (1_700_000_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"call\":{\"id\":\"" + callId + "\"}}}";

    public static string MessageIdOf(string body) => InboxMessageId.For(Encoding.UTF8.GetBytes(body));
}
