using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>
/// <c>{"type":"handoff"}</c>: hands the call to another assistant (by name within a squad, by id, or inline),
/// saying <see cref="Content"/> first. Documented in Vapi's "Live Call Control" page; the spec has no
/// <c>ClientInboundMessage</c> schema for it yet, so its destination is checked against <c>HandoffDestinationAssistant</c>.
/// </summary>
public sealed class HandoffCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    public HandoffCommand()
        : base("handoff")
    {
    }

    /// <summary>The assistant to hand off to (<c>type</c> <c>assistant</c>).</summary>
    [JsonIgnore]
    public HandoffDestination? Destination { get; set; }

    /// <summary>What the assistant says before handing off.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    // See TransferCommand.DestinationJson.
    [JsonInclude]
    [JsonPropertyName("destination")]
    [JsonConverter(typeof(CoreModelJsonConverter))]
    internal object? DestinationJson
    {
        get => Destination;
        set => Destination = (HandoffDestination?)value;
    }
}
