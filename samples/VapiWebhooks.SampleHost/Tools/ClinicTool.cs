using VapiWebhooks.Responses;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>
/// The clinic's tools: each answers the model with one plain sentence (the model reads it; JSON inside the
/// <c>result</c> string would only be escaped twice). An expected refusal becomes the result's error, logged at
/// Information; anything else is a fault that the library logs as an error and hides from the model.
/// </summary>
public abstract class ClinicTool<TArgs>(ILogger logger) : IVapiTool<TArgs>
{
    public async Task<object?> InvokeAsync(TArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await AnswerAsync(arguments, context, cancellationToken);
        }
        catch (BookingRefusedException refusal)
        {
            logger.LogInformation("{Tool} refused for call {CallId}: {Reason}", context.FunctionName, context.Call?.Id ?? "-", refusal.Message);
            return ToolCallResult.Failure(refusal.Message);
        }
    }

    /// <summary>The sentence the model reads; throw <see cref="BookingRefusedException"/> to refuse.</summary>
    protected abstract Task<string> AnswerAsync(TArgs arguments, ToolCallContext context, CancellationToken cancellationToken);
}
