using System.Buffers;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Messages;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// Collects one exchange while the endpoint handles it; created only when the inspector is mapped. The endpoint
/// calls it at each stage (refused, body read, message parsed, reply written, audio written), and
/// <see cref="Complete"/> stores the exchange.
/// </summary>
internal sealed class ExchangeCapture
{
    private readonly InspectorStore _store;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _time;
    private readonly string _endpoint;
    private readonly string _credentialName;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly long? _replayOf;
    private string _authentication;
    private byte[]? _request;
    private long _requestLength;
    private string? _type;
    private string? _callId;
    private double? _deadlineMs;
    private string? _outcome;
    private byte[]? _reply;
    private long _replyLength;
    private ArrayBufferWriter<byte>? _audio;
    private long _audioLength;
    private int _sampleRate;
    private bool _inboxBypassed;

    public ExchangeCapture(InspectorStore store, HttpContext context, string endpoint, string credentialName, string authentication, long? replayOf)
    {
        _store = store;
        _time = store.Clock.GetUtcNow();
        _endpoint = endpoint;
        _credentialName = credentialName;
        _replayOf = replayOf;
        _authentication = authentication;
        _headers = HeaderRedaction.Capture(context.Request.Headers);
    }

    public InspectorStore Store => _store;

    public void Refused(string reason) => _authentication = reason;

    public void RequestBody(ReadOnlySpan<byte> body)
    {
        _requestLength = body.Length;
        _request = body[..Math.Min(body.Length, _store.Options.MaxBodyBytes)].ToArray();
    }

    public void Message(ServerMessage message, VapiWebhookOptions options)
    {
        _type = message.Type;
        _callId = message.CallId;
        _deadlineMs = Deadline(message, options).TotalMilliseconds;
    }

    public void Outcome(string outcome) => _outcome = outcome;

    /// <summary>A notification the inbox would have stored was dispatched inline (the inspector's replay).</summary>
    public void InboxBypassed() => _inboxBypassed = true;

    public void ReplyBody(ReadOnlySpan<byte> reply)
    {
        _replyLength = reply.Length;
        _reply = reply[..Math.Min(reply.Length, _store.Options.MaxBodyBytes)].ToArray();
    }

    public void Audio(ReadOnlySpan<byte> pcm, int sampleRate)
    {
        _sampleRate = sampleRate;
        _audioLength += pcm.Length;
        _audio ??= new ArrayBufferWriter<byte>();
        var room = _store.Options.MaxAudioBytes - _audio.WrittenCount;
        if (room > 0)
        {
            _audio.Write(pcm[..Math.Min(room, pcm.Length)]);
        }
    }

    /// <summary>Stores the exchange as it ended; returns it (with its id).</summary>
    public InspectedExchange Complete(HttpContext context, bool failed = false)
    {
        var response = context.Response;
        var exchange = new InspectedExchange
        {
            Time = _time,
            Endpoint = _endpoint,
            CredentialName = _credentialName,
            Type = _type,
            CallId = _callId,
            Authentication = _authentication,
            Status = failed ? StatusCodes.Status500InternalServerError : response.StatusCode,
            LatencyMs = Stopwatch.GetElapsedTime(_started).TotalMilliseconds,
            DeadlineMs = _deadlineMs,
            Outcome = failed ? nameof(VapiDispatchOutcome.HandlerFailed) : _outcome ?? (context.RequestAborted.IsCancellationRequested && _type is not null ? "ClientGone" : null),
            Headers = _headers,
            Request = _request,
            RequestLength = _requestLength,
            Reply = _reply,
            ReplyLength = _replyLength,
            ReplyContentType = _audio is not null ? "audio/pcm" : response.ContentType,
            Audio = _audio?.WrittenSpan.ToArray(),
            AudioLength = _audioLength,
            SampleRate = _sampleRate,
            ReplayOf = _replayOf,
            InboxBypassed = _inboxBypassed,
        };
        _store.Add(exchange);
        return exchange;
    }

    // The budget the handler of this message had: the tightest tool budget for tools, the type's otherwise.
    private static TimeSpan Deadline(ServerMessage message, VapiWebhookOptions options)
    {
        if (message is ToolCallsMessage tools && tools.ToolWithToolCallList is { Count: > 0 } list)
        {
            var tightest = TimeSpan.MaxValue;
            foreach (var item in list)
            {
                var budget = HandlerBudgets.ForTool(item.Server?.TimeoutSeconds, options.Deadlines);
                tightest = budget < tightest ? budget : tightest;
            }

            return tightest;
        }

        if (message is ToolCallsMessage or FunctionCallMessage)
        {
            return HandlerBudgets.ForTool(null, options.Deadlines);
        }

        return HandlerBudgets.ForMessage(message.Type, options);
    }
}
