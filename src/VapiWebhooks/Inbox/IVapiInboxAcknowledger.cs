using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox;

/// <summary>
/// The seam between a host's endpoint and a durable inbox: with an inbox registered, the endpoint hands it every
/// notification (a message answered <c>{}</c>) instead of running the handlers inline, and answers 200 only when the
/// inbox says the message is stored. Request types never reach it: their reply comes from a handler.
/// Implemented by the <c>VapiWebhooks.Inbox</c> package; hosts other than ASP.NET Core can call it the same way.
/// </summary>
public interface IVapiInboxAcknowledger
{
    /// <summary>Whether <paramref name="message"/> is a notification the inbox stores (false for request types).</summary>
    /// <param name="message">The parsed message.</param>
    /// <returns>True when the host should call <see cref="AcknowledgeAsync"/> instead of dispatching.</returns>
    bool Stores(ServerMessage message);

    /// <summary>
    /// Commits <paramref name="body"/> (the raw bytes as received and authenticated) with what is needed to dispatch it.
    /// Completes when the commit is durable, or says the store is unavailable.
    /// </summary>
    /// <param name="message">The parsed message (its type and call id are stored beside the body).</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="cancellationToken">Fires when the caller goes away; the commit may still happen.</param>
    /// <returns>What to answer: 200 for <see cref="InboxAcknowledgement.Stored"/> and <see cref="InboxAcknowledgement.Duplicate"/>, 503 otherwise.</returns>
    ValueTask<InboxAcknowledgement> AcknowledgeAsync(ServerMessage message, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}
