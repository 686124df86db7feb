using System.Globalization;
using System.Text.RegularExpressions;
using VapiWebhooks.Responses;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

public sealed class ToolTests : IDisposable
{
    // The clock starts on Monday 2026-03-02 10:00 clinic time; Tuesday is open 08:00-18:00.
    private const string Tuesday = "2026-03-03";

    private readonly SampleHostFactory _factory = new();
    private readonly HttpClient _client;

    public ToolTests() => _client = _factory.CreateVapiClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Booking_then_looking_up_finds_the_appointment()
    {
        var booked = await CallAsync("book_appointment", $$"""{"date":"{{Tuesday}}","time":"09:00","patientName":"Ada Lovelace","reason":"cleaning"}""");
        booked.Error.Should().BeNull();
        var id = AppointmentNumber(booked.Result);
        booked.Result.Should().Be($"Booked appointment number {id} on Tuesday, March 3 at 9:00 AM ({Tuesday} 09:00) for Ada Lovelace, for cleaning, booked. Tell the caller their appointment number is {id}.");

        var all = await CallAsync("look_up_appointment", "{}");
        all.Error.Should().BeNull();
        all.Result.Should().Be($"1 upcoming appointment(s): appointment number {id} on Tuesday, March 3 at 9:00 AM ({Tuesday} 09:00) for Ada Lovelace, for cleaning, booked.");

        var one = await CallAsync("look_up_appointment", $$"""{"appointmentId":{{id}}}""");
        one.Result.Should().StartWith($"Found appointment number {id} ").And.EndWith(", booked.");
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_and_cannot_be_repeated()
    {
        var id = await BookAsync("10:30");

        var cancelled = await CallAsync("cancel_appointment", $$"""{"appointmentId":{{id}}}""");
        cancelled.Error.Should().BeNull();
        cancelled.Result.Should().Contain($"Cancelled appointment number {id}");

        var again = await CallAsync("cancel_appointment", $$"""{"appointmentId":{{id}}}""");
        again.Error.Should().Contain("already cancelled");

        var slots = await CallAsync("find_free_slots", $$"""{"date":"{{Tuesday}}"}""");
        FreeSlots(slots.Result).Should().Contain("10:30");
        (await CallAsync("look_up_appointment", "{}")).Result.Should().Contain("No upcoming appointment");
    }

    [Fact]
    public async Task Double_booking_is_refused_with_a_clear_error()
    {
        await BookAsync("11:00");

        var second = await CallAsync("book_appointment", $$"""{"date":"{{Tuesday}}","time":"11:00","patientName":"Grace Hopper"}""");

        second.Result.Should().BeNull();
        second.Error.Should().Be($"{Tuesday} 11:00 is already booked; call find_free_slots and offer another time.");
    }

    [Fact]
    public async Task Find_free_slots_honours_bookings()
    {
        var before = await CallAsync("find_free_slots", $$"""{"date":"{{Tuesday}}"}""");
        FreeSlots(before.Result).Should().Contain("14:00");

        await BookAsync("14:00");

        var after = await CallAsync("find_free_slots", $$"""{"date":"{{Tuesday}}","partOfDay":"afternoon"}""");
        after.Result.Should().StartWith($"Free slots on Tuesday {Tuesday} in the afternoon (30 minutes each, clinic time): ");
        var free = FreeSlots(after.Result);
        free.Should().NotContain("14:00").And.Contain("13:30").And.Contain("14:30");
        free.Should().OnlyContain(t => string.CompareOrdinal(t, "12:00") >= 0, "only afternoon slots were asked for");
        free.Should().HaveCount(11, "12:00 to 17:30 is 12 slots, one of them booked");
    }

    [Fact]
    public async Task Find_free_slots_today_leaves_out_slots_that_have_passed()
    {
        var today = await CallAsync("find_free_slots", """{"date":"2026-03-02"}""");
        var free = FreeSlots(today.Result);
        free.Should().NotContain("09:30").And.NotContain("10:00").And.Contain("10:30");
    }

    [Theory]
    [InlineData("""{"date":"2026-02-27"}""", "is in the past")]
    [InlineData("""{"date":"next week"}""", "is not a date")]
    [InlineData("""{"date":"2026-03-08"}""", "closed on Sundays")]
    [InlineData("""{"date":"2027-03-08"}""", "at most 90 days ahead")]
    public async Task Find_free_slots_explains_bad_dates(string arguments, string expected)
    {
        var result = await CallAsync("find_free_slots", arguments);
        result.Result.Should().BeNull();
        result.Error.Should().Contain(expected).And.NotContain("\n");
    }

    [Theory]
    [InlineData("09:10", "is not an appointment slot")]
    [InlineData("18:00", "is not an appointment slot")]
    [InlineData("quarter past", "is not a time")]
    public async Task Booking_an_unknown_slot_is_refused(string time, string expected)
    {
        var result = await CallAsync("book_appointment", $$"""{"date":"{{Tuesday}}","time":"{{time}}","patientName":"Ada Lovelace"}""");
        result.Error.Should().Contain(expected);
    }

    [Fact]
    public async Task Booking_a_slot_of_today_that_has_passed_is_refused()
    {
        var result = await CallAsync("book_appointment", """{"date":"2026-03-02","time":"09:00","patientName":"Ada Lovelace"}""");
        result.Error.Should().Contain("has already passed");
    }

    [Fact]
    public async Task Arguments_sent_as_a_json_string_bind_too_and_12_hour_times_are_understood()
    {
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_appointment", $$"""{"date":"{{Tuesday}}","time":"3:30 PM","patientName":"Ada Lovelace"}""", ArgumentsAsString: true));
        using var response = await _client.PostVapiMessageAsync(message);
        var result = (await response.ReadToolResultsAsync()).Single();
        result.Error.Should().BeNull();
        result.ToolCallId.Should().Be(message.ToolCallList![0].Id);
        result.Result.Should().Contain($"({Tuesday} 15:30)");
    }

    [Fact]
    public async Task Cancelling_someone_elses_appointment_is_refused()
    {
        var id = await BookAsync("16:00");
        var message = VapiTestMessages.ToolCalls(new TestToolCall("cancel_appointment", $$"""{"appointmentId":{{id}}}"""));
        message.Customer!.Number = "+14155550999";
        message.Call!.Customer!.Number = "+14155550999";

        using var response = await _client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Single().Error.Should().Be($"No appointment number {id} was booked from this phone number.");
    }

    private async Task<long> BookAsync(string time)
    {
        var booked = await CallAsync("book_appointment", $$"""{"date":"{{Tuesday}}","time":"{{time}}","patientName":"Ada Lovelace"}""");
        booked.Error.Should().BeNull();
        return AppointmentNumber(booked.Result);
    }

    // Results are sentences for the model; the tests read the numbers and times back out of them.
    private static long AppointmentNumber(string? result)
    {
        var match = Regex.Match(result ?? string.Empty, @"appointment number (\d+)");
        match.Success.Should().BeTrue("the result names the appointment number: {0}", result);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static List<string> FreeSlots(string? result)
    {
        result.Should().StartWith("Free slots on ");
        return [.. result![(result!.IndexOf("): ", StringComparison.Ordinal) + 3)..].TrimEnd('.').Split(", ")];
    }

    private async Task<ToolCallResult> CallAsync(string name, string arguments)
    {
        var message = VapiTestMessages.ToolCalls(new TestToolCall(name, arguments));
        using var response = await _client.PostVapiMessageAsync(message);
        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be(message.ToolCallList![0].Id, "Vapi ignores a result whose toolCallId does not match");
        result.Name.Should().Be(name);
        return result;
    }
}
