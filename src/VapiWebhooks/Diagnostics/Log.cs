using Microsoft.Extensions.Logging;

namespace VapiWebhooks.Diagnostics;

/// <summary>Source-generated log messages: no allocation when the level is off, and stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Received a message of unknown type '{MessageType}'; answered 200 and passed it to catch-all handlers. Logged once per type.")]
    public static partial void UnknownMessageType(ILogger logger, string messageType);

    [LoggerMessage(1002, LogLevel.Error, "No handler is registered for '{MessageType}' (call {CallId}); answered {StatusCode} ({Reply}). Register one in AddVapiWebhooks.")]
    public static partial void NoHandler(ILogger logger, string messageType, string? callId, int statusCode, string reply);

    [LoggerMessage(1003, LogLevel.Error, "The handler for '{MessageType}' (call {CallId}) threw; answered {StatusCode} ({Reply}).")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageType, string? callId, int statusCode, string reply);

    [LoggerMessage(1004, LogLevel.Warning, "The handler for '{MessageType}' (call {CallId}) ran out of its {BudgetMs} ms budget; answered {StatusCode} ({Reply}).")]
    public static partial void DeadlineExceeded(ILogger logger, string messageType, string? callId, double budgetMs, int statusCode, string reply);

    [LoggerMessage(1005, LogLevel.Error, "Tool '{ToolName}' (tool call {ToolCallId}, call {CallId}) threw; its result carries an error.")]
    public static partial void ToolFailed(ILogger logger, Exception exception, string toolName, string toolCallId, string? callId);

    [LoggerMessage(1006, LogLevel.Warning, "Tool '{ToolName}' (tool call {ToolCallId}, call {CallId}) got arguments that do not bind: {Reason}")]
    public static partial void ToolArgumentsInvalid(ILogger logger, string toolName, string toolCallId, string? callId, string reason);

    [LoggerMessage(1007, LogLevel.Warning, "Tool '{ToolName}' (tool call {ToolCallId}, call {CallId}) ran out of its {BudgetMs} ms budget; its result carries an error.")]
    public static partial void ToolDeadlineExceeded(ILogger logger, string toolName, string toolCallId, string? callId, double budgetMs);

    [LoggerMessage(1008, LogLevel.Warning, "The model called tool '{ToolName}' (call {CallId}) but no tool of that name is registered; its result carries an error. {Suppressed} such calls were not logged since the last entry.")]
    public static partial void UnknownTool(ILogger logger, string toolName, string? callId, long suppressed);

    [LoggerMessage(1009, LogLevel.Debug, "Handled '{MessageType}' (call {CallId}): {Outcome} in {ElapsedMs} ms.")]
    public static partial void Handled(ILogger logger, string messageType, string? callId, string outcome, double elapsedMs);

    [LoggerMessage(1010, LogLevel.Error, "A notification handler failed for '{MessageType}' (call {CallId}); the reply is unaffected.")]
    public static partial void NotificationHandlerFailed(ILogger logger, Exception exception, string messageType, string? callId);

    [LoggerMessage(1101, LogLevel.Warning, "Tool '{ToolName}' (tool call {ToolCallId}, call {CallId}): the encrypted argument '{ArgumentPath}' could not be decrypted ({Failure}); its result carries an error.")]
    public static partial void ToolArgumentNotDecrypted(ILogger logger, string toolName, string toolCallId, string? callId, string argumentPath, Encryption.VapiDecryptionFailure failure);
}
