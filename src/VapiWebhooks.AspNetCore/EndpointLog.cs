using Microsoft.Extensions.Logging;

namespace VapiWebhooks.AspNetCore;

/// <summary>The endpoint's source-generated log messages. Bodies are never logged above Debug.</summary>
internal static partial class EndpointLog
{
    [LoggerMessage(2001, LogLevel.Information, "Refused a Vapi webhook request from {RemoteAddress}: {StatusCode} {Reason} ({Detail}). {Suppressed} similar refusals were not logged since the last entry.")]
    public static partial void Refused(ILogger logger, string remoteAddress, int statusCode, string reason, string detail, long suppressed);

    [LoggerMessage(2002, LogLevel.Debug, "The body was a bare '{MessageType}' message without the {{\"message\": ...}} envelope; accepted.")]
    public static partial void BareMessage(ILogger logger, string messageType);

    [LoggerMessage(2003, LogLevel.Debug, "Vapi closed the connection while '{MessageType}' (call {CallId}) was being handled.")]
    public static partial void ClientGone(ILogger logger, string messageType, string? callId);

    [LoggerMessage(2004, LogLevel.Error, "The voice handler for call {CallId} failed before sending audio; answered 500.")]
    public static partial void VoiceFailedBeforeAudio(ILogger logger, Exception exception, string? callId);

    [LoggerMessage(2005, LogLevel.Error, "The voice handler for call {CallId} failed after {Bytes} bytes of audio; the response was aborted so Vapi does not play half a sentence.")]
    public static partial void VoiceFailedMidStream(ILogger logger, Exception exception, string? callId, long bytes);

    [LoggerMessage(2006, LogLevel.Error, "No IVoiceRequestHandler is registered; answered 501 to a voice-request (call {CallId}).")]
    public static partial void NoVoiceHandler(ILogger logger, string? callId);

    [LoggerMessage(2007, LogLevel.Information, "Refused an unauthenticated Vapi webhook request from {RemoteAddress}: {Reason}. {Suppressed} similar refusals were not logged since the last entry.")]
    public static partial void Unauthenticated(ILogger logger, string reason, string remoteAddress, long suppressed);

    [LoggerMessage(2009, LogLevel.Debug, "The body of a Vapi webhook request from {RemoteAddress} could not be read ({Fault}): {Detail}.")]
    public static partial void TransportFault(ILogger logger, string remoteAddress, string fault, string detail);

    [LoggerMessage(2008, LogLevel.Error, "The reloaded configuration of Vapi credential '{CredentialName}' is invalid; requests are still verified with the last valid one. Fix the configuration.")]
    public static partial void InvalidCredentialReload(ILogger logger, Exception exception, string credentialName);

    [LoggerMessage(2010, LogLevel.Warning, "The replay store could not forget the signature of a request answered {StatusCode} (0: no answer); a retry with the same signature will be refused as a replay.")]
    public static partial void ReplayKeyNotForgotten(ILogger logger, Exception exception, int statusCode);

    [LoggerMessage(2011, LogLevel.Debug, "A '{MessageType}' notification came again with a signature already accepted (a retry); handed to the inbox, which stores a body at most once.")]
    public static partial void ReplayedNotification(ILogger logger, string messageType);
}
