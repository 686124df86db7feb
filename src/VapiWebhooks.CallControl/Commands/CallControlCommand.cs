using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>
/// A command posted to a live call's <c>monitor.controlUrl</c> (Vapi's <c>ClientInboundMessage*</c> schemas).
/// Each subclass fixes <see cref="Type"/>.
/// </summary>
public abstract class CallControlCommand
{
    /// <summary>Creates a command of the given wire type.</summary>
    /// <param name="type">The wire type (<c>say</c>, <c>add-message</c>, <c>control</c>, <c>end-call</c>, <c>transfer</c>, <c>handoff</c>).</param>
    private protected CallControlCommand(string type) => Type = type;

    /// <summary>The wire type.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; }

    /// <summary>The value of <see cref="Type"/>, or of <c>control</c> for a <see cref="ControlCommand"/>: what logs and metrics name the command by.</summary>
    [JsonIgnore]
    public virtual string Name => Type;

    /// <summary>The command as the UTF-8 JSON body posted to the control URL.</summary>
    /// <returns>The JSON.</returns>
    public byte[] ToUtf8Json() => this switch
    {
        SayCommand say => JsonSerializer.SerializeToUtf8Bytes(say, CallControlJsonContext.Default.SayCommand),
        AddMessageCommand add => JsonSerializer.SerializeToUtf8Bytes(add, CallControlJsonContext.Default.AddMessageCommand),
        ControlCommand control => JsonSerializer.SerializeToUtf8Bytes(control, CallControlJsonContext.Default.ControlCommand),
        EndCallCommand end => JsonSerializer.SerializeToUtf8Bytes(end, CallControlJsonContext.Default.EndCallCommand),
        TransferCommand transfer => JsonSerializer.SerializeToUtf8Bytes(transfer, CallControlJsonContext.Default.TransferCommand),
        HandoffCommand handoff => JsonSerializer.SerializeToUtf8Bytes(handoff, CallControlJsonContext.Default.HandoffCommand),
        _ => throw new NotSupportedException($"Unknown command {GetType().Name}."),
    };
}
