using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Inbox;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>The sample stores its end-of-call-reports and status updates in its SQLite inbox before answering them.</summary>
public sealed class InboxTests : IDisposable
{
    private readonly SampleHostFactory _factory = new();
    private readonly HttpClient _client;

    public InboxTests() => _client = _factory.CreateVapiClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task An_end_of_call_report_is_stored_in_the_inbox_file_then_handled_from_it_into_the_call_record()
    {
        var inbox = _factory.Services.GetRequiredService<IVapiInbox>();
        var report = VapiTestMessages.EndOfCallReport("The caller moved her cleaning to Friday.");
        var callId = Guid.NewGuid().ToString();
        report.Call!.Id = callId;

        using (var response = await _client.PostVapiMessageAsync(report))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Be("{}");
        }

        var record = await CallRecords.WaitForAsync(_factory.Services, callId, r => r.Summary is not null);
        record.Summary.Should().Be("The caller moved her cleaning to Friday.");

        // Handled by the inbox's worker (which marks it handled after the handler returns), from the file in the data folder.
        var status = await WaitForStatusAsync(inbox, s => s.Handled == 1);
        status.Pending.Should().Be(0);
        status.DeadLettered.Should().Be(0);
        File.Exists(Path.Combine(_factory.DataDirectory, "inbox.db")).Should().BeTrue();

        // Vapi's retry of the same report: acknowledged, not stored again.
        using (var retry = await _client.PostVapiMessageAsync(report))
        {
            retry.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await inbox.GetStatusAsync()).Should().BeEquivalentTo(status);
    }

    [Fact]
    public async Task A_transcript_is_handled_inside_its_request_and_not_stored()
    {
        var inbox = _factory.Services.GetRequiredService<IVapiInbox>();

        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.Transcript("I'd like to book a cleaning."));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var status = await inbox.GetStatusAsync();
        (status.Pending + status.Handled + status.DeadLettered).Should().Be(0);
    }

    [Fact]
    public async Task The_health_endpoint_includes_the_inbox_check()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    private static async Task<VapiInboxStatus> WaitForStatusAsync(IVapiInbox inbox, Func<VapiInboxStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var last = await inbox.GetStatusAsync();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The inbox did not reach the expected state; last: {last}");
            }

            await Task.Delay(20);
            last = await inbox.GetStatusAsync();
        }

        return last;
    }
}
