using System.Globalization;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The arguments of <c>find_free_slots</c>, as the model sends them.</summary>
public sealed record FindFreeSlotsArgs(string? Date, string? PartOfDay = null);

/// <summary><c>find_free_slots</c>: the free appointment slots on a day.</summary>
public sealed class FindFreeSlotsTool(BookingRules rules, ClinicSchedule schedule, AppointmentStore appointments, ILogger<FindFreeSlotsTool> logger)
    : ClinicTool<FindFreeSlotsArgs>(logger)
{
    protected override async Task<string> AnswerAsync(FindFreeSlotsArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var date = rules.RequireBookableDate(arguments.Date);
        var booked = await appointments.BookedStartsOnAsync(date, cancellationToken);
        var now = schedule.LocalNow;
        var part = arguments.PartOfDay?.Trim().ToLowerInvariant();
        var free = schedule.SlotsOn(date)
            .Where(t => !booked.Contains(date.ToDateTime(t)) && date.ToDateTime(t) > now)
            .Where(t => part switch
            {
                "morning" => t < new TimeOnly(12, 0),
                "afternoon" => t >= new TimeOnly(12, 0),
                _ => true,
            })
            .Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture))
            .ToList();

        var inPart = part is "morning" or "afternoon" ? " in the " + part : string.Empty;
        return free.Count == 0
            ? $"No slot is free on {date.DayOfWeek} {date:yyyy-MM-dd}{inPart}; offer another day."
            : $"Free slots on {date.DayOfWeek} {date:yyyy-MM-dd}{inPart} ({schedule.SlotMinutes} minutes each, clinic time): {string.Join(", ", free)}.";
    }
}
