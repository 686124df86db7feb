using System.Globalization;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.SampleHost;

/// <summary>The clinic's clock, opening hours and appointment grid, in the clinic's time zone.</summary>
public sealed class ClinicSchedule
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt", "h:mm t", "h t"];

    private readonly TimeProvider _time;
    private readonly ClinicOptions _clinic;
    private readonly Dictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> _hours = [];

    public ClinicSchedule(IOptions<SampleOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _clinic = options.Value.Clinic;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(_clinic.TimeZone);
        foreach (var (day, range) in _clinic.OpeningHours)
        {
            if (string.IsNullOrWhiteSpace(range))
            {
                continue;
            }

            var parts = range.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close) || close <= open)
            {
                throw new OptionsValidationException(SampleOptions.SectionName, typeof(SampleOptions), [$"Sample:Clinic:OpeningHours:{day} is '{range}': use HH:mm-HH:mm, for example 08:00-18:00."]);
            }

            _hours[day] = (open, close);
        }
    }

    public TimeZoneInfo Zone { get; }

    public int SlotMinutes => _clinic.SlotMinutes;

    /// <summary>Now, in the clinic's time zone.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>Opening hours of a day, or null when closed.</summary>
    public (TimeOnly Open, TimeOnly Close)? HoursOn(DateOnly day) => _hours.TryGetValue(day.DayOfWeek, out var h) ? h : null;

    /// <summary>Whether the clinic (and so the front desk) is open right now.</summary>
    public bool IsOpenNow() => IsOpenAt(_time.GetUtcNow());

    /// <summary>Whether the clinic is open at <paramref name="instant"/>.</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return HoursOn(DateOnly.FromDateTime(local)) is { } h && TimeOnly.FromDateTime(local) >= h.Open && TimeOnly.FromDateTime(local) < h.Close;
    }

    /// <summary>When the clinic opens next, for people: <c>tomorrow, Tuesday, from 08:00</c>; "during our usual hours" when it never does.</summary>
    public string DescribeNextOpening()
    {
        var now = LocalNow;
        // Bounded: a week ahead is enough for any weekly schedule.
        for (var offset = 0; offset <= 7; offset++)
        {
            var day = DateOnly.FromDateTime(now).AddDays(offset);
            if (HoursOn(day) is { } h && (offset > 0 || TimeOnly.FromDateTime(now) < h.Open))
            {
                var when = offset switch
                {
                    0 => "today",
                    1 => $"tomorrow, {day.DayOfWeek},",
                    _ => $"on {day.DayOfWeek}",
                };
                return string.Create(CultureInfo.InvariantCulture, $"{when} from {h.Open:HH:mm}");
            }
        }

        return "during our usual hours";
    }

    /// <summary>Every slot start on a day (none when closed).</summary>
    public IReadOnlyList<TimeOnly> SlotsOn(DateOnly day)
    {
        if (HoursOn(day) is not { } h)
        {
            return [];
        }

        var slots = new List<TimeOnly>();
        var close = (int)h.Close.ToTimeSpan().TotalMinutes;
        for (var minute = (int)h.Open.ToTimeSpan().TotalMinutes; minute + SlotMinutes <= close; minute += SlotMinutes)
        {
            slots.Add(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));
        }

        return slots;
    }

    /// <summary>A human description of the week's hours, for the assistant's prompt.</summary>
    public string DescribeHours()
    {
        var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        return string.Join("; ", days.Select(d => _hours.TryGetValue(d, out var h) ? $"{d} {h.Open:HH:mm}-{h.Close:HH:mm}" : $"{d} closed"));
    }

    /// <summary>Parses a date the model sent: ISO <c>yyyy-MM-dd</c>, or <c>today</c> / <c>tomorrow</c>.</summary>
    public bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            date = Today;
            return true;
        }

        if (trimmed.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
        {
            date = Today.AddDays(1);
            return true;
        }

        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Parses a time the model sent: <c>14:30</c>, <c>2:30 PM</c>, <c>2pm</c>...</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalised = text.Trim().Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return TimeOnly.TryParseExact(normalised, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time);
    }

    public static string Speak(DateTime local) => local.ToString("dddd, MMMM d 'at' h:mm tt", CultureInfo.InvariantCulture);
}
