using Microsoft.Extensions.Options;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Sms;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The arguments of <c>send_confirmation</c>, as the model sends them.</summary>
public sealed record SendConfirmationArgs(long? AppointmentId);

/// <summary>
/// <c>send_confirmation</c>: texts the caller a confirmation of one of their appointments. The SMS provider takes a few
/// seconds, so the assistant declares the tool <c>async</c>: Vapi does not wait, the library answers at once and, when
/// the text has gone, posts the result to the call (an <c>add-message</c>) so the assistant can tell the caller.
/// </summary>
public sealed class SendConfirmationTool(AppointmentStore appointments, ISmsSender sms, IOptions<SampleOptions> options, ILogger<SendConfirmationTool> logger)
    : ClinicTool<SendConfirmationArgs>(logger)
{
    protected override async Task<string> AnswerAsync(SendConfirmationArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var caller = BookingRules.CallerNumber(context)
            ?? throw new BookingRefusedException("The caller's number is unknown, so no text can be sent.");
        if (arguments.AppointmentId is not { } id)
        {
            throw new BookingRefusedException("Which appointment? Give its number (book_appointment and look_up_appointment tell it).");
        }

        var appointment = await appointments.GetAsync(id, cancellationToken);
        if (appointment is null || appointment.Status != Appointment.Booked || (appointment.Phone is not null && appointment.Phone != caller))
        {
            throw new BookingRefusedException($"No booked appointment number {id} from this phone number.");
        }

        var text = $"{options.Value.Clinic.Name}: your appointment #{appointment.Id} is on {ClinicSchedule.Speak(appointment.StartsAt)}. Reply or call to change it.";
        await sms.SendAsync(caller, text, cancellationToken);
        return $"Texted the confirmation of appointment {appointment.Id} to the caller's phone.";
    }
}
