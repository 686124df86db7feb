namespace VapiWebhooks.Simulator.Checks;

/// <summary>Runs every rule Vapi applies to a reply, in order, stopping after a blocking failure.</summary>
internal static class ReplyChecker
{
    private static readonly IReplyCheck[] Checks =
    [
        new DeliveryCheck(),
        new StatusCheck(),
        new JsonReplyCheck(),
        new SchemaCheck(),
        new AssistantChoiceCheck(),
        new ToolCallsReplyCheck(),
        new EndpointingReplyCheck(),
        new PredialReplyCheck(),
        new VoiceReplyCheck(),
    ];

    public static List<Violation> Check(ReplyContext context)
    {
        var violations = new List<Violation>();
        foreach (var check in Checks)
        {
            var found = check.Check(context).ToList();
            violations.AddRange(found);
            if (found.Count > 0 && check.Blocking)
            {
                break;
            }
        }

        return violations;
    }
}
