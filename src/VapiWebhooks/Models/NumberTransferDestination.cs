using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Transfer to a phone number (<c>type: number</c>).</summary>
public sealed class NumberTransferDestination : TransferDestination
{
    /// <summary>Creates a number destination.</summary>
    public NumberTransferDestination() => Type = "number";

    /// <summary>The number to dial, in E.164 form.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>The extension to dial after the number connects.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; set; }

    /// <summary>The caller id to present.</summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; set; }

    /// <summary>Whether the number is checked to be E.164.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; set; }

    /// <summary>How the transfer happens (blind, warm...), as sent.</summary>
    [JsonPropertyName("transferPlan")]
    public JsonElement? TransferPlan { get; set; }
}
