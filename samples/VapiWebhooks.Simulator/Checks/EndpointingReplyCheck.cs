using System.Globalization;
using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>A <c>call.endpointing.request</c> reply gives <c>timeoutSeconds</c>, a number from 0 to 15.</summary>
internal sealed class EndpointingReplyCheck : IReplyCheck
{
    public const double MaxTimeoutSeconds = 15;

    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.MessageType != ServerMessageTypes.CallEndpointingRequest || context.Json.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (!context.Json.TryGetProperty("timeoutSeconds", out var timeout) || !timeout.TryGetDouble(out var seconds))
        {
            yield return new Violation("timeout-seconds", "the reply has no numeric timeoutSeconds");
        }
        else if (seconds is < 0 or > MaxTimeoutSeconds)
        {
            yield return new Violation("timeout-seconds", string.Create(CultureInfo.InvariantCulture, $"timeoutSeconds is {seconds}; Vapi accepts 0 to {MaxTimeoutSeconds}"));
        }
    }
}
