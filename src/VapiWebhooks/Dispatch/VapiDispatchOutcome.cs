namespace VapiWebhooks.Dispatch;

/// <summary>How a message was answered; also the <c>vapi.outcome</c> tag of metrics and spans.</summary>
public enum VapiDispatchOutcome
{
    /// <summary>A handler produced the reply (for tools: every tool was routed, even if some results carry errors).</summary>
    Replied,

    /// <summary>A notification was handled (or had no handlers) and is acknowledged with <c>{}</c>.</summary>
    Acknowledged,

    /// <summary>No handler is registered for a request type: the safe fallback reply, or 501.</summary>
    NoHandler,

    /// <summary>The handler ran out of its budget: the fallback reply, or 500.</summary>
    DeadlineExceeded,

    /// <summary>The handler threw: the fallback reply, or 500.</summary>
    HandlerFailed,
}
