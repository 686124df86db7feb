using System.Globalization;
using Microsoft.Extensions.Options;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>Checks shared by the tools: each failure is a <see cref="BookingRefusedException"/> with one line the model can act on.</summary>
public sealed class BookingRules(ClinicSchedule schedule, IOptions<SampleOptions> options)
{
    public DateOnly RequireBookableDate(string? text)
    {
        if (!schedule.TryParseDate(text, out var date))
        {
            throw new BookingRefusedException($"'{Shorten(text)}' is not a date: use the yyyy-MM-dd form, for example {schedule.Today.AddDays(1):yyyy-MM-dd}.");
        }

        if (date < schedule.Today)
        {
            throw new BookingRefusedException($"{date:yyyy-MM-dd} is in the past; today is {schedule.Today:yyyy-MM-dd}. Ask the caller for a future date.");
        }

        var horizon = options.Value.Clinic.BookingHorizonDays;
        if (date > schedule.Today.AddDays(horizon))
        {
            throw new BookingRefusedException($"Appointments can be booked at most {horizon} days ahead (until {schedule.Today.AddDays(horizon):yyyy-MM-dd}).");
        }

        if (schedule.HoursOn(date) is null)
        {
            throw new BookingRefusedException($"The clinic is closed on {date.DayOfWeek}s ({date:yyyy-MM-dd}). Opening hours: {schedule.DescribeHours()}.");
        }

        return date;
    }

    public DateTime RequireFreeableSlot(DateOnly date, string? timeText)
    {
        if (!ClinicSchedule.TryParseTime(timeText, out var time))
        {
            throw new BookingRefusedException($"'{Shorten(timeText)}' is not a time: use HH:mm in 24-hour form, for example 14:30.");
        }

        if (!schedule.SlotsOn(date).Contains(time))
        {
            var hours = schedule.HoursOn(date)!.Value;
            throw new BookingRefusedException($"{time:HH:mm} is not an appointment slot on {date:yyyy-MM-dd}: slots start every {schedule.SlotMinutes} minutes from {hours.Open:HH:mm}, the last one ends at {hours.Close:HH:mm}. Call find_free_slots first.");
        }

        var startsAt = date.ToDateTime(time);
        if (startsAt <= schedule.LocalNow)
        {
            throw new BookingRefusedException($"{startsAt:yyyy-MM-dd HH:mm} has already passed; offer a later slot.");
        }

        return startsAt;
    }

    public static string? CallerNumber(ToolCallContext context) => context.Customer?.Number ?? context.Call?.Customer?.Number;

    /// <summary>One appointment as the model reads it: its number, when (spoken and as date and time), who, why, and its status.</summary>
    public static string Describe(Appointment a)
    {
        var reason = string.IsNullOrWhiteSpace(a.Reason) ? string.Empty : $", for {a.Reason}";
        return string.Create(CultureInfo.InvariantCulture, $"appointment number {a.Id} on {ClinicSchedule.Speak(a.StartsAt)} ({a.StartsAt:yyyy-MM-dd HH:mm}) for {a.PatientName}{reason}, {a.Status}");
    }

    private static string Shorten(string? text) => text is null ? "(nothing)" : text.Length <= 40 ? text : text[..40] + "...";
}
