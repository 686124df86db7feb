using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>campaign.predial</c>: whether the contact may be dialled. Anything else skips it.</summary>
public sealed class CampaignPredialResponse
{
    /// <summary>True to dial the contact.</summary>
    [JsonPropertyName("eligible")]
    public bool Eligible { get; set; }

    /// <summary>Dial the contact.</summary>
    /// <returns>The reply.</returns>
    public static CampaignPredialResponse Dial() => new() { Eligible = true };

    /// <summary>Skip the contact.</summary>
    /// <returns>The reply.</returns>
    public static CampaignPredialResponse Skip() => new() { Eligible = false };
}
