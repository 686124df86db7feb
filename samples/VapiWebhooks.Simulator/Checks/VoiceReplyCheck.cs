using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>A <c>voice-request</c> reply is raw PCM: <c>application/octet-stream</c>, 16-bit samples (an even byte count), not empty.</summary>
internal sealed class VoiceReplyCheck : IReplyCheck
{
    public const string PcmContentType = "application/octet-stream";

    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.MessageType != ServerMessageTypes.VoiceRequest)
        {
            yield break;
        }

        var exchange = context.Exchange;
        if (!string.Equals(exchange.ContentType, PcmContentType, StringComparison.OrdinalIgnoreCase))
        {
            yield return new Violation("pcm", $"Content-Type is '{exchange.ContentType ?? "(none)"}'; Vapi expects {PcmContentType} (raw PCM, no header)");
        }

        if (exchange.Body.Length == 0)
        {
            yield return new Violation("pcm", "the PCM body is empty: the caller hears silence");
        }
        else if (exchange.Body.Length % 2 != 0)
        {
            yield return new Violation("pcm", $"the PCM body has {exchange.Body.Length} bytes: an odd count ends in half a 16-bit sample");
        }
    }
}
