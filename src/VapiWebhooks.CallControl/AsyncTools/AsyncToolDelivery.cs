namespace VapiWebhooks.CallControl.AsyncTools;

/// <summary>How an async tool's result reaches the call.</summary>
public enum AsyncToolDelivery
{
    /// <summary>
    /// An <c>add-message</c> (role <c>system</c>, response triggered): the model reads the result and tells the
    /// caller in its own words, in the conversation's language and tone. The default.
    /// </summary>
    AddMessage,

    /// <summary>A <c>say</c>: the assistant speaks the result word for word. For tools whose result is a finished sentence.</summary>
    Say,
}
