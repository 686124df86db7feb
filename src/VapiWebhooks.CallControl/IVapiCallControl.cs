using VapiWebhooks.CallControl.Commands;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl;

/// <summary>
/// Acts on one live call through its <c>monitor.controlUrl</c>. Get one from <see cref="IVapiCallControlFactory"/>
/// (or <c>context.CallControl()</c> in a tool). Every method posts one command and says how it went: a call that
/// has ended answers <see cref="CallControlStatus.CallEnded"/> at once, without another request.
/// </summary>
public interface IVapiCallControl
{
    /// <summary>The call's id, when known.</summary>
    string? CallId { get; }

    /// <summary>The control URL commands are posted to.</summary>
    Uri ControlUrl { get; }

    /// <summary>Whether the call is known to have ended (its <c>end-of-call-report</c> was seen, or Vapi refused a command with a 4xx).</summary>
    bool HasEnded { get; }

    /// <summary>The assistant says <paramref name="content"/> word for word (<c>say</c>).</summary>
    /// <param name="content">What to say.</param>
    /// <param name="endCallAfterSpoken">Hang up once it has been said.</param>
    /// <param name="interruptionsEnabled">Whether the caller can interrupt it; Vapi's default when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> SayAsync(string content, bool endCallAfterSpoken = false, bool? interruptionsEnabled = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a message to the conversation (<c>add-message</c>); the model answers from it unless <paramref name="triggerResponse"/> is false.</summary>
    /// <param name="content">The message text.</param>
    /// <param name="role">One of <see cref="CallControlMessageRoles"/>; <c>system</c> by default.</param>
    /// <param name="triggerResponse">True: the assistant responds now; false: the message is added silently.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> AddMessageAsync(string content, string role = CallControlMessageRoles.System, bool triggerResponse = true, CancellationToken cancellationToken = default);

    /// <summary>The assistant stops speaking (<c>control: mute-assistant</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> MuteAssistantAsync(CancellationToken cancellationToken = default);

    /// <summary>The assistant speaks again (<c>control: unmute-assistant</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> UnmuteAssistantAsync(CancellationToken cancellationToken = default);

    /// <summary>The caller's audio is ignored (<c>control: mute-customer</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> MuteCustomerAsync(CancellationToken cancellationToken = default);

    /// <summary>The caller is heard again (<c>control: unmute-customer</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> UnmuteCustomerAsync(CancellationToken cancellationToken = default);

    /// <summary>The assistant says its first message now (<c>control: say-first-message</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> SayFirstMessageAsync(CancellationToken cancellationToken = default);

    /// <summary>Hangs up at once (<c>end-call</c>). To say goodbye first, use <see cref="SayAsync"/> with <c>endCallAfterSpoken</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> EndCallAsync(CancellationToken cancellationToken = default);

    /// <summary>Transfers the call (<c>transfer</c>) to a phone number or SIP URI.</summary>
    /// <param name="destination">A <see cref="NumberTransferDestination"/> or a <see cref="SipTransferDestination"/>.</param>
    /// <param name="content">What the assistant says before transferring.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> TransferAsync(TransferDestination destination, string? content = null, CancellationToken cancellationToken = default);

    /// <summary>Hands the call to another assistant (<c>handoff</c>).</summary>
    /// <param name="destination">The assistant (<see cref="HandoffDestination.ToAssistant"/>, an id or an inline assistant).</param>
    /// <param name="content">What the assistant says before handing off.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> HandoffAsync(HandoffDestination destination, string? content = null, CancellationToken cancellationToken = default);

    /// <summary>Posts any command (the typed methods call this).</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the command went.</returns>
    Task<CallControlResult> SendAsync(CallControlCommand command, CancellationToken cancellationToken = default);
}
