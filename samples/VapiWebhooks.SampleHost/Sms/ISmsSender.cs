namespace VapiWebhooks.SampleHost.Sms;

/// <summary>Sends a text message. The sample's is <see cref="FakeSmsSender"/>; a real one would call Twilio, Vonage...</summary>
public interface ISmsSender
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="phoneNumber"/> (E.164).</summary>
    /// <returns>The provider's message id.</returns>
    Task<string> SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}
