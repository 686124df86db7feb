using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// Finding 7: a client cannot drive log volume. Every refusal is counted in <c>vapi.webhooks.refused</c>, but logged at
/// most once per source and reason per <c>RepeatedLogInterval</c>; the next entry says how many were left out.
/// </summary>
public sealed class RefusalLoggingTests
{
    private const int Repeats = 50;

    [Theory]
    [InlineData("unauthenticated", 2007, HttpStatusCode.Unauthorized)]
    [InlineData("invalid_body", 2001, HttpStatusCode.BadRequest)]
    public async Task Repeated_refusals_are_all_counted_but_logged_once_per_interval(string kind, int eventId, HttpStatusCode status)
    {
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(clock: clock, logs: logs, options: o => o.RepeatedLogInterval = TimeSpan.FromMinutes(1));
        var counted = CountRefusals(host);

        async Task SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/vapi/webhook")
            {
                Content = new StringContent(kind == "unauthenticated" ? """{"message":{"type":"status-update"}}""" : "{not json", Encoding.UTF8, "application/json"),
            };
            if (kind == "unauthenticated")
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "a-wrong-token-of-a-hostile-client");
            }

            using var response = await host.Client.SendAsync(request);
            response.StatusCode.Should().Be(status);
        }

        for (var i = 0; i < Repeats; i++)
        {
            await SendAsync();
        }

        logs.Entries.Where(e => e.EventId.Id == eventId).Should().ContainSingle("the same source and reason is logged once per interval");
        counted.Sum().Should().Be(Repeats, "every refusal is counted, logged or not");

        clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync();

        var entries = logs.Entries.Where(e => e.EventId.Id == eventId).ToList();
        entries.Should().HaveCount(2, "a new interval logs again");
        entries[1].State["Suppressed"].Should().Be((Repeats - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "the entry says how many were left out");
    }

    [Fact]
    public async Task A_zero_interval_logs_every_refusal()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(logs: logs, options: o => o.RepeatedLogInterval = TimeSpan.Zero);

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.PostAsync("/vapi/webhook", new StringContent("{not json", Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        logs.Entries.Where(e => e.EventId.Id == 2001).Should().HaveCount(3);
    }

    private static ConcurrentQueue<long> CountRefusals(VapiTestHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<long>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this app's meter: other tests run in parallel in this process.
                if (instrument.Name == VapiWebhooksTelemetry.RefusedCounter && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Enqueue(value));
        listener.Start();
        host.App.Lifetime.ApplicationStopping.Register(listener.Dispose);
        return measurements;
    }
}
