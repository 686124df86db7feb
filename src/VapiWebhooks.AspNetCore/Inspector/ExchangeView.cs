using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>One exchange as the page receives it: bodies redacted and pretty-printed, audio as a link.</summary>
internal sealed record ExchangeView(
    long Id,
    DateTimeOffset Time,
    string Endpoint,
    string? Type,
    string? CallId,
    string Authentication,
    int Status,
    double LatencyMs,
    double? DeadlineMs,
    string? Outcome,
    IReadOnlyList<string[]> Headers,
    string? Request,
    long RequestBytes,
    bool RequestTruncated,
    string? Reply,
    long ReplyBytes,
    bool ReplyTruncated,
    string? ReplyContentType,
    string? AudioUrl,
    long AudioBytes,
    int SampleRate,
    long? ReplayOf,
    bool InboxBypassed,
    bool CanReplay)
{
    public static ExchangeView From(InspectedExchange exchange, string basePath, Func<string, IReadOnlyList<string>> declaredPaths)
    {
        var headers = new List<string[]>(exchange.Headers.Length);
        foreach (var (name, value) in exchange.Headers)
        {
            headers.Add([name, value]);
        }

        return new ExchangeView(
            exchange.Id,
            exchange.Time,
            exchange.Endpoint,
            exchange.Type,
            exchange.CallId,
            exchange.Authentication,
            exchange.Status,
            Math.Round(exchange.LatencyMs, 3),
            exchange.DeadlineMs,
            exchange.Outcome,
            headers,
            BodyRedaction.ToText(exchange.Request, exchange.RequestTruncated, declaredPaths),
            exchange.RequestLength,
            exchange.RequestTruncated,
            exchange.Reply is null ? null : BodyRedaction.ToText(exchange.Reply, exchange.ReplyTruncated, declaredPaths),
            exchange.ReplyLength,
            exchange.ReplyTruncated,
            exchange.ReplyContentType,
            exchange.Audio is null ? null : basePath + "/api/exchanges/" + exchange.Id.ToString(CultureInfo.InvariantCulture) + "/audio.wav",
            exchange.AudioLength,
            exchange.SampleRate,
            exchange.ReplayOf,
            exchange.InboxBypassed,
            exchange.Request is not null && !exchange.RequestTruncated);
    }
}

/// <summary>A registered tool for the page's form: its name and the JSON schema of its argument type.</summary>
internal sealed record ToolView(string Name, string ArgumentsType, System.Text.Json.Nodes.JsonNode? Schema);

/// <summary>The answer to a replay: the stored exchange and the new one.</summary>
internal sealed record ReplayView(ExchangeView Original, ExchangeView Replay);

/// <summary>What the page knows at load: the mapped webhook endpoints and the limits.</summary>
internal sealed record InspectorInfo(IReadOnlyList<string> Endpoints, int Capacity, long MaxTotalBytes, int MaxBodyBytes, bool Inbox);

/// <summary>The durable inbox for the page: counts and dead letters.</summary>
internal sealed record InboxView(long Pending, long Leased, long Handled, long DeadLettered, double? OldestPendingAgeSeconds, IReadOnlyList<DeadLetterView> DeadLetters);

/// <summary>One dead letter for the page.</summary>
internal sealed record DeadLetterView(string Id, string Type, string CallId, int Attempts, DateTimeOffset DeadLetteredAt, string? LastError);

/// <summary>Source-generated JSON for everything the inspector serializes (trim and AOT safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExchangeView))]
[JsonSerializable(typeof(List<ExchangeView>))]
[JsonSerializable(typeof(ToolView))]
[JsonSerializable(typeof(List<ToolView>))]
[JsonSerializable(typeof(ReplayView))]
[JsonSerializable(typeof(InspectorInfo))]
[JsonSerializable(typeof(InboxView))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class InspectorJsonContext : JsonSerializerContext;
