using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>One item of a call's cost (<c>costs[i]</c>): transport, transcriber, model, voice, vapi, analysis...</summary>
public sealed class CallCost : VapiObject
{
    /// <summary>What the cost is for (for example <c>transcriber</c>, <c>model</c>, <c>voice</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The cost in USD.</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; set; }
}
