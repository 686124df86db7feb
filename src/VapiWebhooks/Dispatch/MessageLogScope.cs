using System.Collections;

namespace VapiWebhooks.Dispatch;

/// <summary>The logging scope of one message: its type and call id, as structured properties.</summary>
internal sealed class MessageLogScope(string messageType, string? callId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("VapiMessageType", messageType),
        1 => new("VapiCallId", callId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Vapi {messageType} call {callId}";
}
