using VapiWebhooks.Messages;

namespace VapiWebhooks.Handlers;

/// <summary>
/// Speaks for a custom voice (<c>voice-request</c>): writes raw PCM (mono, 16-bit signed little-endian, at
/// <see cref="VoiceRequestMessage.SampleRate"/>) to <c>audio</c> as it is synthesised. Each write reaches
/// Vapi at once, so the caller hears the first words before the sentence is finished.
/// </summary>
public interface IVoiceRequestHandler
{
    /// <summary>Synthesises the message's text.</summary>
    /// <param name="message">The text and the sample rate.</param>
    /// <param name="audio">Where the PCM goes.</param>
    /// <param name="cancellationToken">Fires when the caller interrupts (Vapi drops the connection): stop synthesising.</param>
    /// <returns>A task that completes when all audio is written.</returns>
    Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken);
}
