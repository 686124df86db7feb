using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl;

/// <summary>Gives the <see cref="IVapiCallControl"/> of a call. Registered by <c>AddVapiCallControl</c> (a singleton).</summary>
public interface IVapiCallControlFactory
{
    /// <summary>The control of the call a message belongs to.</summary>
    /// <param name="message">Any message that carries <c>call.monitor.controlUrl</c>.</param>
    /// <returns>The control, or null when the message carries no control URL (the assistant's <c>monitorPlan</c> turns it on).</returns>
    IVapiCallControl? ForMessage(ServerMessage message);

    /// <summary>The control of a call.</summary>
    /// <param name="liveCall">The call, with <c>monitor.controlUrl</c>.</param>
    /// <returns>The control, or null when the call carries no control URL.</returns>
    IVapiCallControl? ForCall(Call liveCall);

    /// <summary>The control of a call whose control URL you stored.</summary>
    /// <param name="controlUrl">The call's <c>monitor.controlUrl</c>.</param>
    /// <param name="callId">The call's id, so that its <c>end-of-call-report</c> stops further commands; optional.</param>
    /// <returns>The control. A URL outside the allowed hosts gives a control whose commands answer <see cref="CallControlStatus.UrlNotAllowed"/>.</returns>
    IVapiCallControl ForControlUrl(Uri controlUrl, string? callId = null);

    /// <summary>The control of a call this process has already made a control for (from a message), by id alone.</summary>
    /// <param name="callId">The call id.</param>
    /// <returns>The control, or null when this process never saw the call's control URL or the call has ended and was forgotten.</returns>
    IVapiCallControl? ForCallId(string callId);
}
