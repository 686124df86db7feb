using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Decides whether a campaign contact may be dialled (<c>campaign.predial</c>).</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface ICampaignPredialHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>Whether to dial.</returns>
    Task<CampaignPredialResponse> HandleAsync(CampaignPredialMessage message, CancellationToken cancellationToken);
}
