using VapiWebhooks.Responses;

namespace VapiWebhooks.Tools;

/// <summary>
/// Takes over tools the assistant marks <c>async: true</c>: Vapi does not wait for their reply, so the tool runs
/// after the <c>tool-calls</c> reply and its result reaches the call another way (the <c>VapiWebhooks.CallControl</c>
/// package posts it to the call's control URL). Without a runner in DI, async tools run inside the request like
/// any other.
/// </summary>
public interface IVapiAsyncToolRunner
{
    /// <summary>Starts the tool in the background, or declines.</summary>
    /// <param name="toolCall">The tool call and how to run it.</param>
    /// <returns>The result to reply with at once, or null to run the tool inside the request (for example when the call has no control URL).</returns>
    ToolCallResult? TryStart(AsyncToolCall toolCall);
}
