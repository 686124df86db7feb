using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VapiWebhooks.Inbox;
using VapiWebhooks.Tools;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// The inspector's routes under its pattern: the page and its assets, the live list (server-sent events), one
/// exchange, its audio as WAV, replay, the tool form's list and run, and the inbox (when one is registered). Every route is a plain
/// <see cref="RequestDelegate"/> (no reflection-built binding), and everything is serialized with
/// <see cref="InspectorJsonContext"/>. State-changing routes (POST) require the <c>X-Vapi-Inspector</c> header,
/// which a cross-site form cannot send without a CORS preflight this server never grants.
/// </summary>
internal sealed class InspectorEndpoints
{
    public const string RequestHeader = "X-Vapi-Inspector";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly InspectorStore _store;
    private readonly VapiWebhookEndpoint _webhooks;
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, IReadOnlyList<string>> _declaredPaths = new(StringComparer.Ordinal);
    private readonly List<VapiToolRegistration> _tools;
    private readonly bool _inbox;
    private readonly CancellationToken _stopping;
    private long _toolSequence;

    public InspectorEndpoints(InspectorStore store, VapiWebhookEndpoint webhooks, IServiceProvider services)
    {
        _store = store;
        _webhooks = webhooks;
        _services = services;
        _tools = [.. services.GetServices<VapiToolRegistration>()];
        foreach (var tool in _tools)
        {
            _declaredPaths[tool.FunctionName] = tool.EncryptedArgumentPaths;
        }

        _inbox = services.GetService<IVapiInboxInspection>() is not null;
        _stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
    }

    public void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/", PageAsync).WithDisplayName("Vapi inspector page");
        group.MapGet("/assets/{name}", context => InspectorAssets.WriteAssetAsync(context, (string)context.Request.RouteValues["name"]!)).WithDisplayName("Vapi inspector assets");
        group.MapGet("/api/info", InfoAsync).WithDisplayName("Vapi inspector info");
        group.MapGet("/api/events", EventsAsync).WithDisplayName("Vapi inspector live list");
        group.MapGet("/api/exchanges/{id:long}", ExchangeAsync).WithDisplayName("Vapi inspector exchange");
        group.MapGet("/api/exchanges/{id:long}/audio.wav", AudioAsync).WithDisplayName("Vapi inspector audio");
        group.MapPost("/api/exchanges/{id:long}/replay", ReplayAsync).WithDisplayName("Vapi inspector replay");
        group.MapGet("/api/tools", ToolsAsync).WithDisplayName("Vapi inspector tools");
        group.MapPost("/api/tools/{name}", RunToolAsync).WithDisplayName("Vapi inspector tool run");
        group.MapGet("/api/inbox", InboxAsync).WithDisplayName("Vapi inspector inbox");
        group.MapPost("/api/inbox/requeue", RequeueAsync).WithDisplayName("Vapi inspector inbox requeue");
    }

    private static string BasePath(HttpContext context)
    {
        // The group's pattern as requested (PathBase included), without a trailing slash or the route's tail.
        var path = (context.Request.PathBase + context.Request.Path).Value ?? string.Empty;
        var api = path.IndexOf("/api/", StringComparison.Ordinal);
        return (api >= 0 ? path[..api] : path).TrimEnd('/');
    }

    private IReadOnlyList<string> DeclaredPaths(string functionName)
        => _declaredPaths.TryGetValue(functionName, out var paths) ? paths : [];

    private string Serialize(InspectedExchange exchange, string basePath)
        => JsonSerializer.Serialize(ExchangeView.From(exchange, basePath, DeclaredPaths), InspectorJsonContext.Default.ExchangeView);

    private Task PageAsync(HttpContext context)
    {
        // The page's links are relative to the pattern without a slash: /vapi/inspector/ redirects there.
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.EndsWith('/') && path.Length > 1)
        {
            context.Response.Redirect(context.Request.PathBase + path.TrimEnd('/'));
            return Task.CompletedTask;
        }

        return InspectorAssets.WritePageAsync(context, BasePath(context));
    }

    private Task InfoAsync(HttpContext context)
    {
        var info = new InspectorInfo([.. _webhooks.Mapped.Select(m => m.Pattern)], _store.Options.Capacity, _store.Options.MaxTotalBytes, _store.Options.MaxBodyBytes, _inbox);
        return WriteJsonAsync(context, JsonSerializer.Serialize(info, InspectorJsonContext.Default.InspectorInfo));
    }

    private async Task EventsAsync(HttpContext context)
    {
        var basePath = BasePath(context);
        context.Response.Headers.CacheControl = "no-store";

        // The stream ends when the page goes or the app stops (so that shutdown does not wait for open pages).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        try
        {
            await TypedResults.ServerSentEvents(Events(basePath, end.Token)).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The page went away, or the app is stopping.
        }
    }

    // What is kept first (the page's initial list), then each new exchange as it is stored; a comment-free keep-alive
    // ("ping") every few seconds so proxies keep the stream open.
    private async IAsyncEnumerable<SseItem<string>> Events(string basePath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (snapshot, live, subscription) = _store.Subscribe();
        using (subscription)
        {
            foreach (var exchange in snapshot)
            {
                yield return new SseItem<string>(Serialize(exchange, basePath), "exchange") { EventId = exchange.Id.ToString(CultureInfo.InvariantCulture) };
            }

            yield return new SseItem<string>("{}", "ready");
            while (!cancellationToken.IsCancellationRequested)
            {
                InspectedExchange? next = null;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    wait.CancelAfter(KeepAlive);
                    try
                    {
                        if (await live.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                        {
                            live.TryRead(out next);
                        }
                        else
                        {
                            yield break;
                        }
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Quiet for a while: a keep-alive below.
                    }
                    catch (OperationCanceledException)
                    {
                        yield break;
                    }
                }

                yield return next is null
                    ? new SseItem<string>("{}", "ping")
                    : new SseItem<string>(Serialize(next, basePath), "exchange") { EventId = next.Id.ToString(CultureInfo.InvariantCulture) };
            }
        }
    }

    private Task ExchangeAsync(HttpContext context)
    {
        if (Find(context) is not { } exchange)
        {
            return NotFoundAsync(context);
        }

        return WriteJsonAsync(context, Serialize(exchange, BasePath(context)));
    }

    private Task AudioAsync(HttpContext context)
    {
        if (Find(context) is not { Audio: { } audio } exchange)
        {
            return NotFoundAsync(context);
        }

        var wav = WavFile.FromPcm(audio, exchange.SampleRate);
        context.Response.ContentType = "audio/wav";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = wav.Length;
        return context.Response.Body.WriteAsync(wav, context.RequestAborted).AsTask();
    }

    private async Task ReplayAsync(HttpContext context)
    {
        if (!FromPage(context))
        {
            await BadRequestAsync(context, "Send the X-Vapi-Inspector header (the page does).").ConfigureAwait(false);
            return;
        }

        if (Find(context) is not { } original)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (original.Request is null || original.RequestTruncated)
        {
            await BadRequestAsync(context, original.Request is null
                ? "This exchange has no body to replay (it was refused before its body was read)."
                : "This exchange's body was cut at the inspector's MaxBodyBytes; it cannot be replayed as sent.").ConfigureAwait(false);
            return;
        }

        var target = _webhooks.Mapped.FirstOrDefault(m => m.Pattern == original.Endpoint && m.CredentialName == original.CredentialName)
            ?? new MappedWebhookEndpoint(original.Endpoint, original.CredentialName);
        var replay = await InProcessRequest.SendAsync(_services, target, original.Request, original.Id, context.RequestAborted).ConfigureAwait(false);
        var basePath = BasePath(context);
        var view = new ReplayView(ExchangeView.From(original, basePath, DeclaredPaths), ExchangeView.From(replay, basePath, DeclaredPaths));
        await WriteJsonAsync(context, JsonSerializer.Serialize(view, InspectorJsonContext.Default.ReplayView)).ConfigureAwait(false);
    }

    private Task ToolsAsync(HttpContext context)
        => WriteJsonAsync(context, JsonSerializer.Serialize(ToolForm.Describe(_tools), InspectorJsonContext.Default.ListToolView));

    private async Task RunToolAsync(HttpContext context)
    {
        if (!FromPage(context))
        {
            await BadRequestAsync(context, "Send the X-Vapi-Inspector header (the page does).").ConfigureAwait(false);
            return;
        }

        var name = (string)context.Request.RouteValues["name"]!;
        if (!_tools.Any(t => t.FunctionName == name))
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (_webhooks.Mapped is not [var target, ..])
        {
            await BadRequestAsync(context, "No MapVapiWebhooks endpoint is mapped.").ConfigureAwait(false);
            return;
        }

        JsonElement arguments;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            arguments = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await BadRequestAsync(context, "The arguments are not JSON: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            await BadRequestAsync(context, "The arguments must be a JSON object.").ConfigureAwait(false);
            return;
        }

        var sequence = Interlocked.Increment(ref _toolSequence);
        var callId = context.Request.Query["callId"] is { Count: > 0 } given && !string.IsNullOrWhiteSpace(given[0]) ? given[0]! : "inspector";
        var body = ToolForm.ToolCallsBody(name, arguments, callId, sequence, _store.Clock.GetUtcNow());
        var exchange = await InProcessRequest.SendAsync(_services, target, body, replayOf: null, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, Serialize(exchange, BasePath(context))).ConfigureAwait(false);
    }

    private async Task InboxAsync(HttpContext context)
    {
        if (_services.GetService<IVapiInboxInspection>() is not { } inbox)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var overview = await inbox.GetOverviewAsync(100, context.RequestAborted).ConfigureAwait(false);
        var view = new InboxView(
            overview.Pending,
            overview.Leased,
            overview.Handled,
            overview.DeadLettered,
            overview.OldestPendingAge?.TotalSeconds,
            [.. overview.DeadLetters.Select(d => new DeadLetterView(d.MessageId, d.Type, d.CallKey, d.Attempts, d.DeadLetteredAt, d.LastError))]);
        await WriteJsonAsync(context, JsonSerializer.Serialize(view, InspectorJsonContext.Default.InboxView)).ConfigureAwait(false);
    }

    private async Task RequeueAsync(HttpContext context)
    {
        if (!FromPage(context))
        {
            await BadRequestAsync(context, "Send the X-Vapi-Inspector header (the page does).").ConfigureAwait(false);
            return;
        }

        if (_services.GetService<IVapiInboxInspection>() is not { } inbox)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        List<string>? ids;
        try
        {
            ids = await JsonSerializer.DeserializeAsync(context.Request.Body, InspectorJsonContext.Default.ListString, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await BadRequestAsync(context, "Send a JSON array of message ids, or null for every dead letter: " + ex.Message).ConfigureAwait(false);
            return;
        }

        var requeued = await inbox.RequeueDeadLettersAsync(ids, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, "{\"requeued\":" + requeued.ToString(CultureInfo.InvariantCulture) + "}").ConfigureAwait(false);
    }

    private InspectedExchange? Find(HttpContext context)
        => long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _store.Find(id) : null;

    private static bool FromPage(HttpContext context) => context.Request.Headers[RequestHeader].Count > 0;

    private static Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Task BadRequestAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
