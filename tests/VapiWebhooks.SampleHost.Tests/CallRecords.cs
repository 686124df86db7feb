using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.SampleHost.Data;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// Reads call records that the inbox's workers write after the notifications are acknowledged: a 200 means the
/// message is stored in the inbox, and the record follows when its handler has run.
/// </summary>
internal static class CallRecords
{
    /// <summary>Waits (at most 30 s) until the call's record satisfies <paramref name="done"/>.</summary>
    public static async Task<CallRecord> WaitForAsync(IServiceProvider services, string callId, Func<CallRecord, bool> done)
    {
        var store = services.GetRequiredService<CallRecordStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        CallRecord? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await store.GetAsync(callId, CancellationToken.None);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The record of call {callId} did not reach the expected state; last: {last}");
    }
}
