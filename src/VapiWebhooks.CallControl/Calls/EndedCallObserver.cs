using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.CallControl.Calls;

/// <summary>Marks a call ended when its <c>end-of-call-report</c> arrives, so later commands for it stop at once.</summary>
internal sealed class EndedCallObserver(CallRegistry calls) : IServerMessageHandler<EndOfCallReportMessage>
{
    public Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken)
    {
        if (message.CallId is { } callId)
        {
            calls.MarkEnded(callId);
        }

        return Task.CompletedTask;
    }
}
