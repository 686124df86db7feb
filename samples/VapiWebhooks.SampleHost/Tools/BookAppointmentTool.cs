using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The arguments of <c>book_appointment</c>, as the model sends them.</summary>
public sealed record BookAppointmentArgs(string? Date, string? Time, string? PatientName, string? Reason = null);

/// <summary><c>book_appointment</c>: books a free slot for the caller. The booking is committed before the answer, so the next tool call sees it.</summary>
public sealed class BookAppointmentTool(BookingRules rules, AppointmentStore appointments, CustomerStore customers, ILogger<BookAppointmentTool> logger)
    : ClinicTool<BookAppointmentArgs>(logger)
{
    protected override async Task<string> AnswerAsync(BookAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var name = arguments.PatientName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new BookingRefusedException("The patient's name is missing: ask the caller for their full name.");
        }

        var date = rules.RequireBookableDate(arguments.Date);
        var startsAt = rules.RequireFreeableSlot(date, arguments.Time);
        var phone = BookingRules.CallerNumber(context);
        Appointment booked;
        try
        {
            booked = await appointments.BookAsync(startsAt, name, phone, arguments.Reason?.Trim(), context.Call?.Id, cancellationToken);
        }
        catch (SlotTakenException)
        {
            throw new BookingRefusedException($"{startsAt:yyyy-MM-dd HH:mm} is already booked; call find_free_slots and offer another time.");
        }

        if (phone is not null)
        {
            await customers.RememberAsync(phone, name, cancellationToken);
        }

        return $"Booked {BookingRules.Describe(booked)}. Tell the caller their appointment number is {booked.Id}.";
    }
}
