using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Whether speech started or stopped (<c>speech-update.status</c>). Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<SpeechStatus>))]
public readonly record struct SpeechStatus(string Value) : IOpenStringValue<SpeechStatus>
{
    /// <summary><c>started</c>.</summary>
    public static SpeechStatus Started { get; } = new("started");

    /// <summary><c>stopped</c>.</summary>
    public static SpeechStatus Stopped { get; } = new("stopped");

    /// <inheritdoc />
    public static SpeechStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
