using System.Buffers;
using Microsoft.AspNetCore.Http;
using VapiWebhooks.Inbox;
using VapiWebhooks.Messages;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The endpoint's answer to a notification when a durable inbox is registered: 200 <c>{}</c> once the body is
/// committed (or was already, for a retry), 503 with <c>Retry-After</c> when the store cannot commit. Never 200 for
/// something not stored.
/// </summary>
internal static class InboxResponse
{
    public static async Task WriteAsync(HttpContext context, IVapiInboxAcknowledger inbox, ServerMessage message, ReadOnlyMemory<byte> body, Inspector.ExchangeCapture? capture)
    {
        var result = await inbox.AcknowledgeAsync(message, body, context.RequestAborted).ConfigureAwait(false);
        capture?.Outcome(result == InboxAcknowledgement.Duplicate ? Inspector.InspectedExchange.InboxDuplicate : Inspector.InspectedExchange.Inbox);
        if (result == InboxAcknowledgement.Unavailable)
        {
            context.Response.Headers.RetryAfter = "1";
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ProblemReason.InboxUnavailable, "Inbox unavailable", "The notification could not be stored; retry it.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.BodyWriter.Write("{}"u8);
        capture?.ReplyBody("{}"u8);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
