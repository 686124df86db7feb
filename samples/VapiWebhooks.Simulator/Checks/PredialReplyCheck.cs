using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>A <c>campaign.predial</c> reply gives <c>eligible</c> as a boolean; anything else skips the contact.</summary>
internal sealed class PredialReplyCheck : IReplyCheck
{
    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.MessageType != ServerMessageTypes.CampaignPredial || context.Json.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (!context.Json.TryGetProperty("eligible", out var eligible) || eligible.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return new Violation("eligible", "eligible is missing or not a boolean: Vapi records a pre-dial failure and skips the contact");
        }
    }
}
