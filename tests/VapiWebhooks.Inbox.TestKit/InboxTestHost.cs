using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>
/// The inbox suites' host: <see cref="VapiTestHost"/> on TestServer with a store chosen by the test, the
/// <see cref="JournalHandler"/> and its <see cref="HandlerJournal"/>, plus helpers that post and read inbox bodies.
/// </summary>
public static class InboxTestHost
{
    public static Task<VapiTestHost> StartAsync(Action<VapiWebhooksBuilder> addInbox, HandlerJournal journal, IReadOnlyDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(addInbox);
        return VapiTestHost.StartAsync(
            vapi =>
            {
                vapi.AddHandler<JournalHandler>();
                addInbox(vapi);
            },
            configuration: configuration,
            host: builder =>
            {
                builder.Services.AddSingleton(journal);
                services?.Invoke(builder.Services);
            });
    }

    /// <summary>The inbox the host stores notifications in.</summary>
    public static IVapiInbox Inbox(this VapiTestHost host) => host.Services.GetRequiredService<IVapiInbox>();

    /// <summary>Posts <paramref name="body"/> as JSON with the host's bearer token.</summary>
    public static Task<HttpResponseMessage> PostAsync(this VapiTestHost host, string body)
    {
        ArgumentNullException.ThrowIfNull(host);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return host.Client.PostAsync("/vapi/webhook", content);
    }

    /// <summary>A status-update of <paramref name="callId"/>; <paramref name="index"/> makes each body distinct and is read back by the journal.</summary>
    public static string StatusUpdate(string callId, int index) =>
        "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"timestamp\":" + (1_700_000_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"call\":{\"id\":\"" + callId + "\"}}}";

    public static string MessageIdOf(string body) => InboxMessageId.For(Encoding.UTF8.GetBytes(body));
}
