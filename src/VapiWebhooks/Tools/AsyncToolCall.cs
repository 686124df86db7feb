using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Tools;

/// <summary>A tool call marked <c>async: true</c>, handed to an <see cref="IVapiAsyncToolRunner"/>.</summary>
/// <param name="ToolCallId">The tool call id.</param>
/// <param name="FunctionName">The function name.</param>
/// <param name="Message">The <c>tool-calls</c> message.</param>
/// <param name="Tool">The tool's configuration as Vapi sent it.</param>
/// <param name="RunAsync">
/// Runs the tool in a DI scope of its own (the request's is gone by then) with the same argument binding and
/// error mapping as a synchronous tool; the token is the runner's budget. Failures come back as a result with
/// an <c>error</c>; cancellation is thrown.
/// </param>
public sealed record AsyncToolCall(
    string ToolCallId,
    string FunctionName,
    ServerMessage Message,
    ToolWithToolCall? Tool,
    Func<CancellationToken, Task<ToolCallResult>> RunAsync);
