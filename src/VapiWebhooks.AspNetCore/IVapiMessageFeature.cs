using VapiWebhooks.Messages;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The message a Vapi webhook request carried, set on <c>HttpContext.Features</c> once the request is
/// authenticated and parsed, so that middleware (a request log line, metrics) can read the type and call id
/// after the endpoint ran without reading the body again.
/// </summary>
/// <remarks>
/// After the endpoint ran, the request's buffer is back in its pool: the parts of the message read on first access
/// (<see cref="ServerMessage.Artifact"/>, the assistants...) and not read by a handler then throw; see
/// <see cref="ServerMessage.DetachFromRequest"/>.
/// </remarks>
public interface IVapiMessageFeature
{
    /// <summary>The parsed message.</summary>
    ServerMessage Message { get; }
}
