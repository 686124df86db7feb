using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The arguments of <c>look_up_appointment</c>, as the model sends them.</summary>
public sealed record LookUpAppointmentArgs(long? AppointmentId = null);

/// <summary><c>look_up_appointment</c>: one appointment by number, or the caller's upcoming ones.</summary>
public sealed class LookUpAppointmentTool(ClinicSchedule schedule, AppointmentStore appointments, ILogger<LookUpAppointmentTool> logger)
    : ClinicTool<LookUpAppointmentArgs>(logger)
{
    protected override async Task<string> AnswerAsync(LookUpAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var caller = BookingRules.CallerNumber(context);
        if (arguments.AppointmentId is { } id)
        {
            var appointment = await appointments.GetAsync(id, cancellationToken);
            if (appointment is null || (appointment.Phone is not null && appointment.Phone != caller))
            {
                throw new BookingRefusedException($"No appointment number {id} was booked from this phone number.");
            }

            return $"Found {BookingRules.Describe(appointment)}.";
        }

        if (caller is null)
        {
            throw new BookingRefusedException("The caller's number is unknown: ask for the appointment number.");
        }

        var upcoming = await appointments.UpcomingForPhoneAsync(caller, schedule.LocalNow, cancellationToken);
        return upcoming.Count == 0
            ? "No upcoming appointment is booked from this phone number."
            : $"{upcoming.Count} upcoming appointment(s): {string.Join("; ", upcoming.Select(BookingRules.Describe))}.";
    }
}
