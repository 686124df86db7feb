using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The arguments of <c>cancel_appointment</c>, as the model sends them.</summary>
public sealed record CancelAppointmentArgs(long? AppointmentId);

/// <summary><c>cancel_appointment</c>: cancels one of the caller's appointments.</summary>
public sealed class CancelAppointmentTool(ClinicSchedule schedule, AppointmentStore appointments, ILogger<CancelAppointmentTool> logger)
    : ClinicTool<CancelAppointmentArgs>(logger)
{
    protected override async Task<string> AnswerAsync(CancelAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.AppointmentId is not { } id)
        {
            throw new BookingRefusedException("The appointment number is missing: call look_up_appointment to find it.");
        }

        var appointment = await appointments.GetAsync(id, cancellationToken);
        var caller = BookingRules.CallerNumber(context);
        if (appointment is null || (appointment.Phone is not null && appointment.Phone != caller))
        {
            // Same answer for "no such appointment" and "someone else's": numbers cannot be probed.
            throw new BookingRefusedException($"No appointment number {id} was booked from this phone number.");
        }

        if (appointment.Status != Appointment.Booked)
        {
            throw new BookingRefusedException($"Appointment number {id} is already cancelled.");
        }

        if (appointment.StartsAt <= schedule.LocalNow)
        {
            throw new BookingRefusedException($"Appointment number {id} has already started or passed and cannot be cancelled.");
        }

        if (!await appointments.CancelAsync(id, cancellationToken))
        {
            throw new BookingRefusedException($"Appointment number {id} is already cancelled.");
        }

        return $"Cancelled appointment number {id} on {ClinicSchedule.Speak(appointment.StartsAt)}.";
    }
}
