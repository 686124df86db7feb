namespace VapiWebhooks.Simulator.Checks;

/// <summary>One rule Vapi applies to a reply.</summary>
internal interface IReplyCheck
{
    /// <summary>When true and the check finds a violation, later checks are skipped (there is nothing sensible left to check).</summary>
    bool Blocking { get; }

    IEnumerable<Violation> Check(ReplyContext context);
}
