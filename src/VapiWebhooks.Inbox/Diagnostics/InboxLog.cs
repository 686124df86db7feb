using Microsoft.Extensions.Logging;

namespace VapiWebhooks.Inbox.Diagnostics;

/// <summary>The inbox's log messages. Bodies are never logged; a message is named by its id (a hash).</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "The inbox could not commit {Count} writes; their acknowledgements are answered 503 and their outcomes retried")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "The inbox could not store a {MessageType} message ({MessageId}); answered 503 so that Vapi retries")]
    public static partial void AcknowledgeFailed(ILogger logger, Exception exception, string messageType, string messageId);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "A {MessageType} message ({MessageId}) was already stored: acknowledged again, not stored twice")]
    public static partial void Duplicate(ILogger logger, string messageType, string messageId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Inbox handlers of a {MessageType} message ({MessageId}) failed attempt {Attempt}; retrying in {DelaySeconds:0.0} s")]
    public static partial void WillRetry(ILogger logger, Exception exception, string messageType, string messageId, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Error, Message = "Inbox handlers of a {MessageType} message ({MessageId}) failed attempt {Attempt}, the last: dead-lettered")]
    public static partial void DeadLettered(ILogger logger, Exception exception, string messageType, string messageId, int attempt);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "The inbox could not record the outcome of message {MessageId} (given up: {GivenUp}); until given up it tries again, then the message runs again when its lease expires")]
    public static partial void OutcomeNotRecorded(ILogger logger, Exception exception, string messageId, bool givenUp);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "The inbox store is unavailable ({Operation}); retrying")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Warning, Message = "Shutting down: {Count} inbox handlers still running after the grace period are cancelled; their messages go back to the queue")]
    public static partial void ShutdownCancelling(ILogger logger, int count);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Debug, Message = "Deleted {Count} handled inbox messages past the retention period")]
    public static partial void CleanedUp(ILogger logger, int count);
}
