using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// <c>conversation-update</c> (after each turn): when the clinic closes while a call that started during opening hours
/// is still going, the assistant says goodbye politely and hangs up (a <c>say</c> with <c>endCallAfterSpoken</c>
/// through the call's control URL). Once per call.
/// </summary>
public sealed class ClosingTimeHandler(
    ClinicSchedule schedule,
    OncePerCall once,
    IVapiCallControlFactory calls,
    IOptions<SampleOptions> options,
    ILogger<ClosingTimeHandler> logger) : IServerMessageHandler<ConversationUpdateMessage>
{
    public async Task HandleAsync(ConversationUpdateMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Call is not { Id: { } callId } call || call.StartedAt is not { } started
            || !schedule.IsOpenAt(started) || schedule.IsOpenNow() || !once.TryMark(callId, "closing"))
        {
            return;
        }

        if (calls.ForCall(call) is not { } control)
        {
            logger.LogInformation("The clinic closed during call {CallId}, which has no control URL: it goes on.", callId);
            return;
        }

        var clinic = options.Value.Clinic;
        var result = await control.SayAsync(
            $"I'm sorry, {clinic.Name} has just closed for the day, so I have to end our call here. We're open {schedule.DescribeNextOpening()}. Please call back then. Goodbye!",
            endCallAfterSpoken: true,
            interruptionsEnabled: false,
            cancellationToken: cancellationToken);
        logger.LogInformation("The clinic closed during call {CallId}: goodbye said and the call ended ({Status}).", callId, result.Status);
    }
}
