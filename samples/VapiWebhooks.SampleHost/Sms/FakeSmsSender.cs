using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.SampleHost.Sms;

/// <summary>One text the fake provider "sent".</summary>
public sealed record SentSms(string Id, string To, string Text, DateTimeOffset SentAt);

/// <summary>
/// A stand-in SMS provider that takes its time, as real ones do (<c>Sample:Sms:DelaySeconds</c>, 3 s by default, on
/// the app's clock): why <c>send_confirmation</c> is an async tool. It keeps the last texts in memory and logs the
/// number's last digits and the length only, never the text.
/// </summary>
public sealed class FakeSmsSender(IOptions<SampleOptions> options, TimeProvider time, ILogger<FakeSmsSender> logger) : ISmsSender
{
    private const int Kept = 100;

    private readonly ConcurrentQueue<SentSms> _sent = new();

    /// <summary>The last texts sent, oldest first.</summary>
    public IReadOnlyList<SentSms> Sent => [.. _sent];

    public async Task<string> SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.Value.Sms.DelaySeconds), time, cancellationToken);
        var sms = new SentSms("SM" + Guid.NewGuid().ToString("N")[..16], phoneNumber, text, time.GetUtcNow());
        _sent.Enqueue(sms);
        while (_sent.Count > Kept && _sent.TryDequeue(out _))
        {
        }

        logger.LogInformation("Texted {Characters} characters to the number ending {LastDigits} ({MessageId}).", text.Length, phoneNumber.Length > 4 ? phoneNumber[^4..] : phoneNumber, sms.Id);
        return sms.Id;
    }
}
