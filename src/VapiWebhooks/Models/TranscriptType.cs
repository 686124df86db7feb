using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Whether a transcript is partial or final (<c>transcript.transcriptType</c>). Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<TranscriptType>))]
public readonly record struct TranscriptType(string Value) : IOpenStringValue<TranscriptType>
{
    /// <summary><c>partial</c>.</summary>
    public static TranscriptType Partial { get; } = new("partial");

    /// <summary><c>final</c>.</summary>
    public static TranscriptType Final { get; } = new("final");

    /// <inheritdoc />
    public static TranscriptType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
