using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// <c>transcript</c> (the caller's final words of a turn): a caller who asks for a person is put through to the front
/// desk at once (a <c>transfer</c> through the call's control URL) while the clinic is open; when it is closed, the
/// assistant is told (an <c>add-message</c>) and explains. Once per call. Deterministic, unlike waiting for the model to
/// choose its transfer tool.
/// </summary>
public sealed class HumanRequestHandler(
    ClinicSchedule schedule,
    OncePerCall once,
    IVapiCallControlFactory calls,
    IOptions<SampleOptions> options,
    ILogger<HumanRequestHandler> logger) : IServerMessageHandler<TranscriptMessage>
{
    private static readonly string[] AsksForAPerson =
        ["human", "real person", "a person", "someone real", "speak to someone", "talk to someone", "front desk", "operator"];

    public async Task HandleAsync(TranscriptMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Role != ConversationRole.User || message.TranscriptType == TranscriptType.Partial || message.Transcript is not { } said
            || !AsksForAPerson.Any(p => said.Contains(p, StringComparison.OrdinalIgnoreCase))
            || message.Call is not { Id: { } callId } call || !once.TryMark(callId, "person"))
        {
            return;
        }

        if (calls.ForCall(call) is not { } control)
        {
            logger.LogInformation("Call {CallId} asked for a person but has no control URL: the assistant's transfer tool remains.", callId);
            return;
        }

        var clinic = options.Value.Clinic;
        CallControlResult result;
        if (schedule.IsOpenNow())
        {
            result = await control.TransferAsync(
                new NumberTransferDestination { Number = clinic.FrontDeskNumber },
                "Of course. I'm putting you through to our front desk now.",
                cancellationToken);
            logger.LogInformation("Call {CallId} asked for a person: transferred to the front desk ({Status}).", callId, result.Status);
            return;
        }

        result = await control.AddMessageAsync(
            $"The caller asked for a person, but the front desk is closed. {clinic.Name} is open {schedule.DescribeHours()}. Say so kindly and offer to help with bookings or questions yourself.",
            cancellationToken: cancellationToken);
        logger.LogInformation("Call {CallId} asked for a person while the front desk is closed: the assistant was told ({Status}).", callId, result.Status);
    }
}
