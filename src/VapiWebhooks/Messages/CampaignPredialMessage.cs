using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>A campaign is about to dial a contact. Reply with a <see cref="Responses.CampaignPredialResponse"/>; anything else skips the contact.</summary>
public sealed class CampaignPredialMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public CampaignPredialMessage() => Type = ServerMessageTypes.CampaignPredial;

    /// <summary>The campaign.</summary>
    [JsonPropertyName("campaignId")]
    public string? CampaignId { get; set; }

    /// <summary>The contact about to be dialled.</summary>
    [JsonPropertyName("contact")]
    public Customer? Contact { get; set; }
}
