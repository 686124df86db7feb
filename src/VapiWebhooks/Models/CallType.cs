using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The kind of call (<c>call.type</c>). Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<CallType>))]
public readonly record struct CallType(string Value) : IOpenStringValue<CallType>
{
    /// <summary><c>inboundPhoneCall</c>.</summary>
    public static CallType InboundPhoneCall { get; } = new("inboundPhoneCall");

    /// <summary><c>outboundPhoneCall</c>.</summary>
    public static CallType OutboundPhoneCall { get; } = new("outboundPhoneCall");

    /// <summary><c>webCall</c>.</summary>
    public static CallType WebCall { get; } = new("webCall");

    /// <summary><c>vapi.websocketCall</c>.</summary>
    public static CallType WebSocketCall { get; } = new("vapi.websocketCall");

    /// <inheritdoc />
    public static CallType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
