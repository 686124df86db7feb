using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>
/// A <c>tool-calls</c> reply answers each (non-async) <c>toolCallId</c> exactly once, names no unknown id, and gives each
/// result a <c>result</c> or an <c>error</c>.
/// </summary>
internal sealed class ToolCallsReplyCheck : IReplyCheck
{
    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.MessageType != ServerMessageTypes.ToolCalls || context.Json.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (!context.Json.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            yield return new Violation("tool-call-ids", "the reply has no results array: every tool call goes unanswered");
            yield break;
        }

        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var result in results.EnumerateArray())
        {
            var id = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("toolCallId", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()!
                : null;
            if (id is null)
            {
                yield return new Violation("tool-call-ids", $"results[{index}] has no toolCallId");
            }
            else
            {
                answered[id] = answered.GetValueOrDefault(id) + 1;
                var expected = context.ToolCalls.FirstOrDefault(t => t.Id == id);
                if (expected is null)
                {
                    yield return new Violation("tool-call-ids", $"results[{index}] answers toolCallId '{id}', which was not in the message");
                }
                else if (result.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() != expected.Name)
                {
                    yield return new Violation("tool-call-ids", $"results[{index}] names '{name.GetString()}' for toolCallId '{id}', which called '{expected.Name}'");
                }

                if (!HasText(result, "result") && !HasText(result, "error"))
                {
                    yield return new Violation("tool-result", $"results[{index}] ({id}) has neither result nor error: the model gets nothing");
                }
            }

            index++;
        }

        foreach (var call in context.ToolCalls.Where(t => !t.Async))
        {
            var count = answered.GetValueOrDefault(call.Id);
            if (count == 0)
            {
                yield return new Violation("tool-call-ids", $"toolCallId '{call.Id}' ({call.Name}) was not answered");
            }
            else if (count > 1)
            {
                yield return new Violation("tool-call-ids", $"toolCallId '{call.Id}' ({call.Name}) was answered {count} times");
            }
        }
    }

    private static bool HasText(JsonElement result, string property) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
}
