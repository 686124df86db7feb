using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The post-call analysis (<c>analysis</c> of an end-of-call report).</summary>
public sealed class Analysis : VapiObject
{
    /// <summary>A summary of the call.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>Data extracted by the structured-data plan, as sent.</summary>
    [JsonPropertyName("structuredData")]
    public JsonElement? StructuredData { get; set; }

    /// <summary>The success evaluation as sent: a string in the spec, but a boolean or a number in real traffic.</summary>
    [JsonPropertyName("successEvaluation")]
    public JsonElement? SuccessEvaluation { get; set; }

    /// <summary>The success evaluation as text, whatever JSON kind it arrived as (<c>true</c>, <c>8</c>, <c>PASS</c>).</summary>
    [JsonIgnore]
    public string? SuccessEvaluationText => SuccessEvaluation switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
        null => null,
    };
}
