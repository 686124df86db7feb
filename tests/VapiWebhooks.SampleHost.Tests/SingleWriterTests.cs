using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Models;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// Every write goes through one writer that batches concurrent writes into one transaction, each in its own
/// savepoint: nothing is lost under concurrency, a failing write is undone alone, and a write is committed
/// (readable) before its request is answered. Status updates reach it through the inbox, after their 200.
/// </summary>
public sealed class SingleWriterTests : IDisposable
{
    private const string Tuesday = "2026-03-03";

    private readonly SampleHostFactory _factory = new();
    private readonly HttpClient _client;

    public SingleWriterTests() => _client = _factory.CreateVapiClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Concurrent_status_updates_of_several_calls_are_all_recorded()
    {
        // Eight calls: the inbox hands different calls to handlers side by side, so their writes meet in the writer.
        const int Calls = 8;
        const int PerCall = 25;
        var callIds = Enumerable.Range(0, Calls).Select(_ => Guid.NewGuid().ToString()).ToList();
        using var gate = new SemaphoreSlim(32);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Calls * PerCall).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var update = VapiTestMessages.StatusUpdate(i % 2 == 0 ? CallStatus.Ringing : CallStatus.InProgress);
                update.Call!.Id = callIds[i % Calls];

                // A distinct timestamp per update: the inbox takes a byte-identical body for Vapi's retry of one message.
                update.Timestamp = VapiWebhooks.Serialization.VapiTimestamp.FromDateTimeOffset(SampleHostFactory.Start.AddMilliseconds(i));
                using var response = await _client.PostVapiMessageAsync(update);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        foreach (var callId in callIds)
        {
            var record = await CallRecords.WaitForAsync(_factory.Services, callId, r => r.Timeline.Count >= PerCall);
            record.Timeline.Should().HaveCount(PerCall, "every acknowledged status update was recorded, once");
        }
    }

    [Fact]
    public async Task Concurrent_bookings_of_one_slot_book_it_once_while_other_slots_in_the_same_batch_are_booked()
    {
        // Six callers want 09:00, six others one slot each from 10:00: they race into the writer together.
        var requests = Enumerable.Range(0, 6).Select(_ => "09:00")
            .Concat(Enumerable.Range(0, 6).Select(i => new TimeOnly(10, 0).AddMinutes(30 * i).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        var results = await Task.WhenAll(requests.Select(async time =>
        {
            var message = VapiTestMessages.ToolCalls(new TestToolCall("book_appointment", $$"""{"date":"{{Tuesday}}","time":"{{time}}","patientName":"Caller at {{time}}"}"""));
            using var response = await _client.PostVapiMessageAsync(message);
            return (Time: time, Result: (await response.ReadToolResultsAsync()).Single());
        }));

        var nine = results.Where(r => r.Time == "09:00").ToList();
        nine.Count(r => r.Result.Error is null).Should().Be(1, "the unique index lets one booking of a slot through");
        nine.Where(r => r.Result.Error is not null).Should().OnlyContain(r => r.Result.Error == $"{Tuesday} 09:00 is already booked; call find_free_slots and offer another time.");
        results.Where(r => r.Time != "09:00").Should().OnlyContain(r => r.Result.Error == null, "a refused write is undone alone, not with its batch");

        var message = VapiTestMessages.ToolCalls(new TestToolCall("look_up_appointment", "{}"));
        using var lookUp = await _client.PostVapiMessageAsync(message);
        (await lookUp.ReadToolResultsAsync()).Single().Result.Should().StartWith("5 upcoming appointment(s): ", "the look-up shows at most five, and all seven are booked from this number");
    }
}
