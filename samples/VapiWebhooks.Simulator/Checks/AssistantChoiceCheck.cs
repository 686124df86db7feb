using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>An <c>assistant-request</c> reply chooses something: an assistant, squad or workflow (by id or inline), a
/// transfer destination, or an error to speak before rejecting the call.</summary>
internal sealed class AssistantChoiceCheck : IReplyCheck
{
    public static readonly string[] ChoiceProperties = ["assistantId", "assistant", "squadId", "squad", "workflowId", "workflow", "destination", "error"];

    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.MessageType != ServerMessageTypes.AssistantRequest || context.Json.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var chosen = ChoiceProperties.Where(name => context.Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null).ToList();
        if (chosen.Count == 0)
        {
            yield return new Violation("assistant-choice", "the reply names no assistantId, assistant, squadId, squad, workflowId, workflow, destination or error: Vapi cannot start the call");
        }
    }
}
