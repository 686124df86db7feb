using System.Globalization;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>A reply arrived at all, and within the deadline Vapi would apply.</summary>
internal sealed class DeliveryCheck : IReplyCheck
{
    public bool Blocking => true;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        var exchange = context.Exchange;
        if (exchange.TransportError is not null)
        {
            yield return new Violation("transport", "no reply: " + exchange.TransportError);
        }
        else if (exchange.DeadlineExceeded)
        {
            yield return new Violation("deadline", string.Create(
                CultureInfo.InvariantCulture,
                $"no reply within {exchange.Deadline.TotalMilliseconds:0} ms; Vapi gives up then{Consequence(context.MessageType)}"));
        }
    }

    private static string Consequence(string type) => type switch
    {
        ServerMessageTypes.AssistantRequest => " and the call fails (assistant-request-failed)",
        ServerMessageTypes.ToolCalls => " and the model is told \"No result returned\"",
        ServerMessageTypes.VoiceRequest => " and the caller hears nothing",
        ServerMessageTypes.CampaignPredial => " and the contact is skipped",
        _ => string.Empty,
    };
}
