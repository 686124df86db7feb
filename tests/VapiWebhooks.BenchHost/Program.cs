using System.Buffers;
using System.Text.Json;
using VapiWebhooks.Security;

// Three endpoints, one process:
//   POST /baseline/bare     reads the body and answers {} (the least any endpoint does);
//   POST /baseline/jsondoc  the least a correct hand-written tool handler does: JsonDocument.Parse, then a
//                           reply built from toolCallList[0]'s id and name;
//   POST /vapi/webhook      MapVapiWebhooks with bearer authentication and the tool the body calls registered,
//                           so that it answers exactly what /baseline/jsondoc answers (run-wrk.sh checks).
//
// The inbox benchmark (tests/load/run-inbox-wrk.sh) starts it with --inbox none|sqlite|postgres and --inbox-db <file or
// connection string>: notifications are then acknowledged by the library's durable inbox (or, with none, handled
// inline) and counted by a handler; GET /inbox reports "pending handled deadLettered" from IVapiInbox.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var vapi = builder.Services.AddVapiWebhooks()
    .AddCredential(string.Empty, o => o.Bearer = new VapiBearerOptions { Tokens = { BenchHost.Token } })
    .AddTool<JsonElement>(BenchHost.ToolName, BenchHost.Json, static (args, ctx, ct) => Task.FromResult<object?>("Sunny, 21 degrees."))
    .AddHandler<CountingReportHandler>();
builder.Services.AddSingleton<HandledCount>();
builder.Services.AddSingleton<CommitCount>();
var inboxMode = builder.Configuration["inbox"] ?? "none";
var inboxDb = builder.Configuration["inbox-db"] ?? string.Empty;
switch (inboxMode)
{
    case "none":
        break;
    case "sqlite":
        vapi.AddSqliteInbox($"Data Source={inboxDb}");
        break;
    case "postgres":
        vapi.AddPostgreSqlInbox(inboxDb);
        break;
    default:
        throw new ArgumentException($"--inbox must be none, sqlite or postgres (was '{inboxMode}').");
}

var app = builder.Build();
app.Services.GetRequiredService<CommitCount>();
app.MapPost("/baseline/bare", static async (HttpContext context) =>
{
    var reader = context.Request.BodyReader;
    while (true)
    {
        var read = await reader.ReadAsync(context.RequestAborted);
        reader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted)
        {
            break;
        }
    }

    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync("{}"u8.ToArray(), context.RequestAborted);
});
app.MapPost("/baseline/jsondoc", static async (HttpContext context) =>
{
    using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
    var call = document.RootElement.GetProperty("message").GetProperty("toolCallList")[0];
    context.Response.ContentType = "application/json";
    var writer = new Utf8JsonWriter(context.Response.BodyWriter);
    writer.WriteStartObject();
    writer.WriteStartArray("results");
    writer.WriteStartObject();
    writer.WriteString("toolCallId", call.GetProperty("id").GetString());
    writer.WriteString("name", call.GetProperty("function").GetProperty("name").GetString());
    writer.WriteString("result", "Sunny, 21 degrees.");
    writer.WriteEndObject();
    writer.WriteEndArray();
    writer.WriteEndObject();
    await writer.FlushAsync(context.RequestAborted);
});
app.MapVapiWebhooks();
if (app.Configuration.GetValue<bool>("inspector"))
{
    // run-wrk.sh INSPECTOR=1: every exchange is captured, as in a Development app with the inspector open or not
    // (docs/benchmarks.md, "Inspector").
    app.MapVapiInspector();
}

// Allocation, collection and CPU counters, read by run-wrk.sh before and after each run (per request).
app.MapGet("/stats", static () => Results.Text(
    FormattableString.Invariant($"{GC.GetTotalAllocatedBytes(precise: false)} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {GC.GetTotalPauseDuration().TotalMilliseconds:F1} {Environment.CpuUsage.TotalTime.Ticks / 10}")));
app.MapGet("/inbox", static async (IServiceProvider services, HandledCount handled, CommitCount commits) =>
{
    if (services.GetService<VapiWebhooks.Inbox.IVapiInbox>() is not { } inbox)
    {
        return Results.Text(FormattableString.Invariant($"0 {handled.Value} 0 0 0"));
    }

    var status = await inbox.GetStatusAsync();
    return Results.Text(FormattableString.Invariant($"{status.Pending} {status.Handled} {status.DeadLettered} {commits.Commits} {commits.Writes}"));
});
app.Run();

internal static class BenchHost
{
    public const string Token = "bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83";

    // The function name in tests/load/tool-calls.lua's body (a real vapi4k tool-calls message).
    public const string ToolName = "WeatherLookupService0--getWeatherOutside";

    public static readonly JsonSerializerOptions Json = new() { TypeInfoResolver = VapiWebhooks.Serialization.VapiJsonContext.Default };
}

/// <summary>Group commits and the writes they carried, from the library's meter (how well commits are shared).</summary>
internal sealed class CommitCount : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
    private long _commits;
    private long _writes;

    public CommitCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "vapi.webhooks.inbox.commit.size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _writes, size);
        });
        _listener.Start();
    }

    public long Commits => Interlocked.Read(ref _commits);

    public long Writes => Interlocked.Read(ref _writes);

    public void Dispose() => _listener.Dispose();
}

/// <summary>The notification handler of the inbox benchmark: counts what it is handed, nothing more.</summary>
internal sealed class CountingReportHandler(HandledCount handled) : VapiWebhooks.Handlers.IServerMessageHandler<VapiWebhooks.Messages.EndOfCallReportMessage>
{
    public Task HandleAsync(VapiWebhooks.Messages.EndOfCallReportMessage message, CancellationToken cancellationToken)
    {
        handled.Increment();
        return Task.CompletedTask;
    }
}

internal sealed class HandledCount
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
