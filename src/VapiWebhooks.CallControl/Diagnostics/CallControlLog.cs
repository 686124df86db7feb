using Microsoft.Extensions.Logging;

namespace VapiWebhooks.CallControl.Diagnostics;

/// <summary>
/// Log messages. What a command says (its content) is logged at Debug only: it may carry what the caller said
/// or personal data.
/// </summary>
internal static partial class CallControlLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Call control {Command} for call {CallId}: {Status} ({StatusCode}) in {ElapsedMs:F0} ms")]
    public static partial void CommandCompleted(ILogger logger, string command, string? callId, string status, int? statusCode, double elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Call control {Command} for call {CallId} failed: {Status} ({StatusCode}) after {ElapsedMs:F0} ms")]
    public static partial void CommandFailed(ILogger logger, Exception? exception, string command, string? callId, string status, int? statusCode, double elapsedMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Call control {Command} for call {CallId}: {Body}")]
    public static partial void CommandBody(ILogger logger, string command, string? callId, string body);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Call {CallId}: its control URL (host {Host}, scheme {Scheme}) is not allowed; no command is sent. Allowed hosts: Vapi:CallControl:AllowedHosts")]
    public static partial void UrlNotAllowed(ILogger logger, string? callId, string host, string scheme);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Call {CallId} has ended: {Command} not sent")]
    public static partial void CallAlreadyEnded(ILogger logger, string? callId, string command);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId}: acknowledged, running in the background")]
    public static partial void AsyncToolStarted(ILogger logger, string tool, string toolCallId, string? callId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId}: {Outcome}, delivered as {Delivery}: {Status} in {ElapsedMs:F0} ms")]
    public static partial void AsyncToolDelivered(ILogger logger, string tool, string toolCallId, string? callId, string outcome, string delivery, string status, double elapsedMs);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Async tool {Tool} ({ToolCallId}): call {CallId} has ended, result dropped")]
    public static partial void AsyncToolResultDropped(ILogger logger, string tool, string toolCallId, string? callId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId} did not finish within {BudgetMs} ms")]
    public static partial void AsyncToolTimedOut(ILogger logger, string tool, string toolCallId, string? callId, double budgetMs);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId} failed")]
    public static partial void AsyncToolFailed(ILogger logger, Exception exception, string tool, string toolCallId, string? callId);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Information, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId} cancelled: the host is shutting down")]
    public static partial void AsyncToolCancelled(ILogger logger, string tool, string toolCallId, string? callId);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "Async tool {Tool} ({ToolCallId}) of call {CallId}: the call has no control URL, so the result cannot reach it; the tool runs inside the request instead")]
    public static partial void AsyncToolWithoutControlUrl(ILogger logger, string tool, string toolCallId, string? callId);
}
