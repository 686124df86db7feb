using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Tools;

namespace VapiWebhooks.SampleHost.Tools;

// Arguments, as the model sends them (camelCase JSON, as an object or a JSON string: the library accepts both).
public sealed record FindFreeSlotsArgs(string? Date, string? PartOfDay = null);

public sealed record BookAppointmentArgs(string? Date, string? Time, string? PatientName, string? Reason = null);

public sealed record CancelAppointmentArgs(long? AppointmentId);

public sealed record LookUpAppointmentArgs(long? AppointmentId = null);

// Results: serialised to the JSON string the model reads.
public sealed record FreeSlotsResult(string Date, string DayOfWeek, IReadOnlyList<string> FreeSlots, string Note);

public sealed record AppointmentResult(long AppointmentId, string Date, string Time, string When, string PatientName, string? Reason, string Status);

public sealed record BookingResult(AppointmentResult Appointment, string Message);

public sealed record LookUpResult(IReadOnlyList<AppointmentResult> Appointments, string Message);

/// <summary>Source-generated JSON metadata for the tools: binding stays trim and AOT safe, without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FindFreeSlotsArgs))]
[JsonSerializable(typeof(BookAppointmentArgs))]
[JsonSerializable(typeof(CancelAppointmentArgs))]
[JsonSerializable(typeof(LookUpAppointmentArgs))]
[JsonSerializable(typeof(FreeSlotsResult))]
[JsonSerializable(typeof(BookingResult))]
[JsonSerializable(typeof(LookUpResult))]
[JsonSerializable(typeof(AppointmentResult))]
public sealed partial class ClinicToolsJsonContext : JsonSerializerContext;

/// <summary>Shared checks: each failure is a <see cref="VapiToolException"/> with one line the model can act on.</summary>
public sealed class BookingRules(ClinicSchedule schedule, IOptions<SampleOptions> options)
{
    public DateOnly RequireBookableDate(string? text)
    {
        if (!schedule.TryParseDate(text, out var date))
        {
            throw new VapiToolException($"'{Shorten(text)}' is not a date: use the yyyy-MM-dd form, for example {schedule.Today.AddDays(1):yyyy-MM-dd}.");
        }

        if (date < schedule.Today)
        {
            throw new VapiToolException($"{date:yyyy-MM-dd} is in the past; today is {schedule.Today:yyyy-MM-dd}. Ask the caller for a future date.");
        }

        var horizon = options.Value.Clinic.BookingHorizonDays;
        if (date > schedule.Today.AddDays(horizon))
        {
            throw new VapiToolException($"Appointments can be booked at most {horizon} days ahead (until {schedule.Today.AddDays(horizon):yyyy-MM-dd}).");
        }

        if (schedule.HoursOn(date) is null)
        {
            throw new VapiToolException($"The clinic is closed on {date.DayOfWeek}s ({date:yyyy-MM-dd}). Opening hours: {schedule.DescribeHours()}.");
        }

        return date;
    }

    public DateTime RequireFreeableSlot(DateOnly date, string? timeText)
    {
        if (!ClinicSchedule.TryParseTime(timeText, out var time))
        {
            throw new VapiToolException($"'{Shorten(timeText)}' is not a time: use HH:mm in 24-hour form, for example 14:30.");
        }

        if (!schedule.SlotsOn(date).Contains(time))
        {
            var hours = schedule.HoursOn(date)!.Value;
            throw new VapiToolException($"{time:HH:mm} is not an appointment slot on {date:yyyy-MM-dd}: slots start every {schedule.SlotMinutes} minutes from {hours.Open:HH:mm}, the last one ends at {hours.Close:HH:mm}. Call find_free_slots first.");
        }

        var startsAt = date.ToDateTime(time);
        if (startsAt <= schedule.LocalNow)
        {
            throw new VapiToolException($"{startsAt:yyyy-MM-dd HH:mm} has already passed; offer a later slot.");
        }

        return startsAt;
    }

    public static string? CallerNumber(ToolCallContext context) => context.Customer?.Number ?? context.Call?.Customer?.Number;

    public static AppointmentResult Describe(Appointment a) => new(
        a.Id,
        a.StartsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        a.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        ClinicSchedule.Speak(a.StartsAt),
        a.PatientName,
        a.Reason,
        a.Status);

    private static string Shorten(string? text) => text is null ? "(nothing)" : text.Length <= 40 ? text : text[..40] + "...";
}

/// <summary><c>find_free_slots</c>: the free appointment slots on a day.</summary>
public sealed class FindFreeSlotsTool(BookingRules rules, ClinicSchedule schedule, AppointmentStore appointments) : IVapiTool<FindFreeSlotsArgs>
{
    public async Task<object?> InvokeAsync(FindFreeSlotsArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
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

        var note = free.Count == 0
            ? $"No slot is free on {date:yyyy-MM-dd}{(part is "morning" or "afternoon" ? " in the " + part : string.Empty)}; offer another day."
            : $"{free.Count} free slot(s) of {schedule.SlotMinutes} minutes; times are the clinic's local time.";
        return new FreeSlotsResult(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.DayOfWeek.ToString(), free, note);
    }
}

/// <summary><c>book_appointment</c>: books a free slot for the caller.</summary>
public sealed class BookAppointmentTool(BookingRules rules, AppointmentStore appointments, CustomerStore customers) : IVapiTool<BookAppointmentArgs>
{
    public async Task<object?> InvokeAsync(BookAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        var name = arguments.PatientName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new VapiToolException("The patient's name is missing: ask the caller for their full name.");
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
            throw new VapiToolException($"{startsAt:yyyy-MM-dd HH:mm} is already booked; call find_free_slots and offer another time.");
        }

        if (phone is not null)
        {
            await customers.RememberAsync(phone, name, cancellationToken);
        }

        var result = BookingRules.Describe(booked);
        return new BookingResult(result, $"Booked appointment number {booked.Id} for {name} on {result.When}.");
    }
}

/// <summary><c>cancel_appointment</c>: cancels one of the caller's appointments.</summary>
public sealed class CancelAppointmentTool(ClinicSchedule schedule, AppointmentStore appointments) : IVapiTool<CancelAppointmentArgs>
{
    public async Task<object?> InvokeAsync(CancelAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        if (arguments.AppointmentId is not { } id)
        {
            throw new VapiToolException("The appointment number is missing: call look_up_appointment to find it.");
        }

        var appointment = await appointments.GetAsync(id, cancellationToken);
        var caller = BookingRules.CallerNumber(context);
        if (appointment is null || (appointment.Phone is not null && appointment.Phone != caller))
        {
            // Same answer for "no such appointment" and "someone else's": numbers cannot be probed.
            throw new VapiToolException($"No appointment number {id} was booked from this phone number.");
        }

        if (appointment.Status != Appointment.Booked)
        {
            throw new VapiToolException($"Appointment number {id} is already cancelled.");
        }

        if (appointment.StartsAt <= schedule.LocalNow)
        {
            throw new VapiToolException($"Appointment number {id} has already started or passed and cannot be cancelled.");
        }

        if (!await appointments.CancelAsync(id, cancellationToken))
        {
            throw new VapiToolException($"Appointment number {id} is already cancelled.");
        }

        return $"Cancelled appointment number {id} on {ClinicSchedule.Speak(appointment.StartsAt)}.";
    }
}

/// <summary><c>look_up_appointment</c>: one appointment by number, or the caller's upcoming ones.</summary>
public sealed class LookUpAppointmentTool(ClinicSchedule schedule, AppointmentStore appointments) : IVapiTool<LookUpAppointmentArgs>
{
    public async Task<object?> InvokeAsync(LookUpAppointmentArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        var caller = BookingRules.CallerNumber(context);
        if (arguments.AppointmentId is { } id)
        {
            var appointment = await appointments.GetAsync(id, cancellationToken);
            if (appointment is null || (appointment.Phone is not null && appointment.Phone != caller))
            {
                throw new VapiToolException($"No appointment number {id} was booked from this phone number.");
            }

            return new LookUpResult([BookingRules.Describe(appointment)], $"Appointment number {id} is {appointment.Status}.");
        }

        if (caller is null)
        {
            throw new VapiToolException("The caller's number is unknown: ask for the appointment number.");
        }

        var upcoming = await appointments.UpcomingForPhoneAsync(caller, schedule.LocalNow, cancellationToken);
        return new LookUpResult(
            [.. upcoming.Select(BookingRules.Describe)],
            upcoming.Count == 0 ? "No upcoming appointment is booked from this phone number." : $"{upcoming.Count} upcoming appointment(s).");
    }
}
