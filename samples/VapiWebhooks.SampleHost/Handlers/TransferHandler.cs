using Microsoft.Extensions.Options;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary><c>transfer-destination-request</c>: the front desk while the clinic is open, otherwise a spoken refusal.</summary>
public sealed class TransferHandler(ClinicSchedule schedule, IOptions<SampleOptions> options, ILogger<TransferHandler> logger) : ITransferDestinationRequestHandler
{
    public Task<TransferDestinationResponse> HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var clinic = options.Value.Clinic;
        if (schedule.IsOpenNow())
        {
            logger.LogInformation("Transferring call {CallId} to the front desk.", message.CallId);
            return Task.FromResult(TransferDestinationResponse.ToNumber(clinic.FrontDeskNumber, "One moment, I'm putting you through to our front desk."));
        }

        logger.LogInformation("Refusing a transfer for call {CallId}: the front desk is closed.", message.CallId);
        return Task.FromResult(TransferDestinationResponse.Refuse(
            $"The front desk is closed right now. {clinic.Name} is open {schedule.DescribeHours()}. I can book, check or cancel an appointment, or answer questions."));
    }
}
