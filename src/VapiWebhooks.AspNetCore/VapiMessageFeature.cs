using VapiWebhooks.Messages;

namespace VapiWebhooks.AspNetCore;

/// <summary>The <see cref="IVapiMessageFeature"/> the endpoint sets.</summary>
internal sealed class VapiMessageFeature(ServerMessage message) : IVapiMessageFeature
{
    public ServerMessage Message { get; } = message;
}
