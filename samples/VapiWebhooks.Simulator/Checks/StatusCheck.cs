namespace VapiWebhooks.Simulator.Checks;

/// <summary>
/// The HTTP status: 2xx for every message (Vapi adds types over time and an unknown one must still get 2xx), and
/// exactly 200 where Vapi reads the body; Vapi's docs say to answer 200 even for errors.
/// </summary>
internal sealed class StatusCheck : IReplyCheck
{
    public bool Blocking => true;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        var status = context.Exchange.Status!.Value;
        if (status is < 200 or > 299)
        {
            yield return new Violation("status", $"HTTP {status}: Vapi expects 2xx{Consequence(context)}");
        }
        else if (context.ReplyIsRead && status != 200)
        {
            yield return new Violation("status", $"HTTP {status}: Vapi reads the reply to {context.MessageType}; answer 200 with the body");
        }
    }

    private static string Consequence(ReplyContext context) => (context.Exchange.Status, context.MessageType) switch
    {
        (401 or 403, _) => " (the server refused the credential: check that the token or secret given to vapi-sim is the one the server expects)",
        (_, Messages.ServerMessageTypes.ToolCalls) => " (a failing tool answers 200 with results[i].error; a non-2xx is shown to the model as \"No result returned\")",
        (_, Messages.ServerMessageTypes.AssistantRequest) => " (the call fails; answer 200 with {\"error\": \"...\"} to reject it with a spoken message)",
        _ when !context.ReplyIsRead => " even for messages whose body it ignores",
        _ => string.Empty,
    };
}
