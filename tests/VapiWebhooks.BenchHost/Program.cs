using System.Buffers;
using System.Text.Json;
using VapiWebhooks.Security;

// Three endpoints, one process:
//   POST /baseline/bare     reads the body and answers {} (the least any endpoint does);
//   POST /baseline/jsondoc  the least a correct hand-written tool handler does: JsonDocument.Parse, then a
//                           reply built from toolCallList[0]'s id and name;
//   POST /vapi/webhook      MapVapiWebhooks with bearer authentication and the tool the body calls registered,
//                           so that it answers exactly what /baseline/jsondoc answers (run-wrk.sh checks).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddVapiWebhooks()
    .AddCredential(string.Empty, o => o.Bearer = new VapiBearerOptions { Tokens = { BenchHost.Token } })
    .AddTool<JsonElement>(BenchHost.ToolName, BenchHost.Json, static (args, ctx, ct) => Task.FromResult<object?>("Sunny, 21 degrees."));

var app = builder.Build();
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

// Allocation, collection and CPU counters, read by run-wrk.sh before and after each run (per request).
app.MapGet("/stats", static () => Results.Text(
    FormattableString.Invariant($"{GC.GetTotalAllocatedBytes(precise: false)} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {GC.GetTotalPauseDuration().TotalMilliseconds:F1} {Environment.CpuUsage.TotalTime.Ticks / 10}")));
app.Run();

internal static class BenchHost
{
    public const string Token = "bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83";

    // The function name in tests/load/tool-calls.lua's body (a real vapi4k tool-calls message).
    public const string ToolName = "WeatherLookupService0--getWeatherOutside";

    public static readonly JsonSerializerOptions Json = new() { TypeInfoResolver = VapiWebhooks.Serialization.VapiJsonContext.Default };
}
