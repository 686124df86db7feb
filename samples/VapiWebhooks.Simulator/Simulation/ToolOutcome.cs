using System.Text.Json;
using VapiWebhooks.Simulator.Checks;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>What a tool call returned: its result or its error, as the model will read it.</summary>
internal sealed record ToolOutcome(string? Result, string? Error)
{
    public string Text => Error is null ? Result ?? string.Empty : "Error: " + Error;

    public string Describe() => Error is null ? $"result \"{Trim(Result)}\"" : $"error \"{Trim(Error)}\"";

    /// <summary>The result for <paramref name="toolCallId"/> in a <c>tool-calls</c> reply; null when there is none.</summary>
    public static ToolOutcome? Read(ReplyContext reply, string toolCallId)
    {
        if (reply.Json.ValueKind != JsonValueKind.Object || !reply.Json.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var result in results.EnumerateArray())
        {
            if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("toolCallId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == toolCallId)
            {
                return new ToolOutcome(Read(result, "result"), Read(result, "error"));
            }
        }

        return null;
    }

    public static IEnumerable<Violation> CheckExpectations(PlannedToolCall planned, ToolOutcome? outcome)
    {
        if (planned.ExpectResult is { } result && (outcome?.Result is null || !outcome.Result.Contains(result, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new Violation("expectation", $"expected {planned.Name}'s result to contain \"{result}\", got {outcome?.Describe() ?? "no result"}");
        }

        if (planned.ExpectError is { } error && (outcome?.Error is null || !outcome.Error.Contains(error, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new Violation("expectation", $"expected {planned.Name}'s error to contain \"{error}\", got {outcome?.Describe() ?? "no result"}");
        }
    }

    // Vapi reads strings; an object or number result is shown to the model as its JSON text.
    private static string? Read(JsonElement result, string property) =>
        result.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string Trim(string? text)
    {
        var single = (text ?? string.Empty).ReplaceLineEndings(" ");
        return single.Length <= 80 ? single : single[..79] + "…";
    }
}
