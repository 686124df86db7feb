using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VapiWebhooks.AspNetCore.Inspector;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Handlers;
using VapiWebhooks.Inbox;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Adapts HTTP to <see cref="VapiMessageDispatcher"/>: authenticates from the headers, checks the content type,
/// encoding and size, reads the raw body (growing with what arrives, under a minimum data rate), checks an HMAC
/// signature over it, parses the message, and writes the reply, a problem+json body, or streamed PCM.
/// </summary>
internal sealed class VapiWebhookEndpoint
{
    private readonly VapiMessageDispatcher _dispatcher;
    private readonly VapiRequestAuthenticator _authenticator;
    private readonly IOptionsMonitor<VapiWebhookOptions> _options;
    private readonly ILogger _logger;
    private readonly RefusalReporter _refusals;
    private readonly IVapiInboxAcknowledger? _inbox;
    private readonly List<MappedWebhookEndpoint> _mapped = [];

    // Where the cached reply writer points between replies: never written to (the writer only writes on a write).
    private static readonly ArrayBufferWriter<byte> NoOutput = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? _replyWriter;

    private static Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate? _minDataRate;

    // Set once by MapVapiInspector; until then (and in an app that never maps it) each request pays one null check.
    private volatile InspectorStore? _inspector;

    public VapiWebhookEndpoint(VapiMessageDispatcher dispatcher, VapiRequestAuthenticator authenticator, IOptionsMonitor<VapiWebhookOptions> options, ILogger<VapiWebhookEndpoint> logger, RefusalReporter refusals, IVapiInboxAcknowledger? inbox = null)
    {
        _dispatcher = dispatcher;
        _authenticator = authenticator;
        _options = options;
        _logger = logger;
        _refusals = refusals;
        _inbox = inbox;
    }

    /// <summary>The endpoints mapped so far (route pattern and credential), for the inspector's replay and tool form.</summary>
    public IReadOnlyList<MappedWebhookEndpoint> Mapped
    {
        get
        {
            lock (_mapped)
            {
                return [.. _mapped];
            }
        }
    }

    /// <summary>The inspector's store, once <c>MapVapiInspector</c> has attached one.</summary>
    public InspectorStore? Inspector => _inspector;

    /// <summary>Builds the request delegate of one mapped endpoint, after checking its credential is valid.</summary>
    public RequestDelegate CreateHandler(string credentialName, string pattern)
    {
        _authenticator.EnsureValid(credentialName);
        lock (_mapped)
        {
            _mapped.Add(new MappedWebhookEndpoint(pattern, credentialName));
        }

        return context => _inspector is { } inspector
            ? HandleCapturedAsync(context, credentialName, new ExchangeCapture(inspector, context, pattern, credentialName, "ok", replayOf: null))
            : HandleAsync(context, credentialName, capture: null, inProcess: false);
    }

    /// <summary>Attaches the inspector: from now on every exchange on every mapped endpoint is captured.</summary>
    public InspectorStore AttachInspector(Func<InspectorStore> create)
    {
        lock (_mapped)
        {
            return _inspector ??= create();
        }
    }

    /// <summary>
    /// Runs a request through the endpoint in process for the inspector (a replay, or a tool call from its form),
    /// without authentication: the request was authenticated when it first arrived, or comes from the inspector.
    /// A notification the inbox would store is dispatched here instead: the inbox keys a message by its body, so a
    /// replay through it would be acknowledged as a duplicate and run no handler.
    /// </summary>
    public async Task<InspectedExchange> HandleInProcessAsync(HttpContext context, MappedWebhookEndpoint target, InspectorStore store, long? replayOf)
    {
        var capture = new ExchangeCapture(store, context, target.Pattern, target.CredentialName, replayOf is null ? "inspector (not authenticated)" : "replay (not authenticated)", replayOf);
        context.Features.Set(capture);
        try
        {
            await HandleAsync(context, target.CredentialName, capture, inProcess: true).ConfigureAwait(false);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            return capture.Complete(context, failed: true);
        }

        return capture.Complete(context);
    }

    private async Task HandleCapturedAsync(HttpContext context, string credentialName, ExchangeCapture capture)
    {
        context.Features.Set(capture);
        try
        {
            await HandleAsync(context, credentialName, capture, inProcess: false).ConfigureAwait(false);
        }
        catch
        {
            capture.Complete(context, failed: true);
            throw;
        }

        capture.Complete(context);
    }

    private async Task HandleAsync(HttpContext context, string credentialName, ExchangeCapture? capture, bool inProcess)
    {
        var options = _options.CurrentValue;
        var request = context.Request;

        // Authenticate from the headers before anything else: an unauthenticated client gets 401 before any content
        // check (it learns nothing of them), and no byte of its body is read or buffered. The inspector's in-process
        // replay skips this: what it sends was authenticated when it arrived, or built in its page.
        var credential = _authenticator.Current(credentialName);
        var signatureRequiresBody = false;
        if (!inProcess)
        {
            if (!credential.IsSourceAllowed(context.Connection.RemoteIpAddress))
            {
                await UnauthorizedAsync(context, "source address not allowed").ConfigureAwait(false);
                return;
            }

            var headerCheck = credential.VerifyHeaders(request, out signatureRequiresBody);
            if (headerCheck != Security.VapiVerificationResult.Valid)
            {
                await UnauthorizedAsync(context, headerCheck.ToString()).ConfigureAwait(false);
                return;
            }
        }

        if (ContentProblem(request) is { } contentProblem)
        {
            await RefuseUnreadAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemReason.UnsupportedMediaType, "Unsupported media type", contentProblem).ConfigureAwait(false);
            return;
        }

        var limit = options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            await RefuseUnreadAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemReason.BodyTooLarge, "Body too large", $"The body is larger than the {limit}-byte limit.").ConfigureAwait(false);
            return;
        }

        LimitBody(context, options);
        var body = await ReadBodyAsync(context, limit).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        // The body is returned to its pool when the request ends: the message's unread deferred parts are slices of
        // it, readable after that only once detached (ServerMessage.DetachFromRequest).
        using (body)
        {
            capture?.RequestBody(body.Span);
            var replayed = false;
            ReplayRelease? release = null;
            if (signatureRequiresBody)
            {
                // The signature covers the raw bytes as received: checked before parsing, so unauthenticated input never reaches the parser.
                var (verification, recordedKey) = await credential.VerifyAsync(request, body.Memory, context.RequestAborted).ConfigureAwait(false);
                if (verification == Security.VapiVerificationResult.Replayed && _inbox is not null)
                {
                    // A signature already accepted, on a valid body: a notification comes to the inbox, which stores a
                    // body at most once (a retry whose 2xx the sender missed is acknowledged without effect); anything
                    // else is refused as a replay once parsed.
                    replayed = true;
                }
                else if (verification != Security.VapiVerificationResult.Valid)
                {
                    await UnauthorizedAsync(context, verification.ToString()).ConfigureAwait(false);
                    return;
                }

                if (recordedKey is not null)
                {
                    // Not answered 2xx (refused, failed, store unavailable, client gone): the same signature may come again.
                    release = ReplayRelease.Register(context, credential, recordedKey, _logger);
                }
            }

            try
            {
                await HandleMessageAsync(context, credential, body, options, replayed, inProcess, capture).ConfigureAwait(false);
            }
            finally
            {
                if (release is not null)
                {
                    await release.EndAsync(context).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task HandleMessageAsync(HttpContext context, VapiRequestAuthenticator.Credential credential, MessageBuffer body, VapiWebhookOptions options, bool replayed, bool inProcess, ExchangeCapture? capture)
    {
        ServerMessage message;
        try
        {
            if (JsonLimits.HasStringLongerThan(body.Span, options.MaxJsonStringLength))
            {
                await RefuseBodyAsync(context, replayed, $"A JSON string is longer than the {options.MaxJsonStringLength}-byte limit.").ConfigureAwait(false);
                return;
            }

            message = VapiJson.DeserializeMessage(body, out var bare);
            if (bare)
            {
                if (!options.AcceptBareMessages)
                {
                    await RefuseBodyAsync(context, replayed, "The body has no 'message' object; Vapi sends {\"message\": {\"type\": ...}} (set AcceptBareMessages to accept a bare message). Path: $.").ConfigureAwait(false);
                    return;
                }

                EndpointLog.BareMessage(_logger, message.Type);
            }
        }
        catch (JsonException ex)
        {
            await RefuseBodyAsync(context, replayed, ex.Message).ConfigureAwait(false);
            return;
        }

        if (replayed)
        {
            if (!_inbox!.Stores(message))
            {
                // A request type answered before: its reply came from a handler, and running it again is a replay.
                await UnauthorizedAsync(context, nameof(Security.VapiVerificationResult.Replayed)).ConfigureAwait(false);
                return;
            }

            EndpointLog.ReplayedNotification(_logger, message.Type);
        }

        context.Features.Set<IVapiMessageFeature>(new VapiMessageFeature(message));
        capture?.Message(message, options);

        // The credential's keys are set for the request before anything binds or stores the message: tool
        // arguments are decrypted just before binding, with this credential's keys only (none when it has none).
        // Handlers run later by the inbox get the keys of every credential (RequestDecryptor).
        // Where no credential has a key, every scope decrypts with none: leave the request's DI scope unmade (it costs a dictionary).
        if (credential.Decryptor.HasKeys || _authenticator.AnyCredentialHasKeys())
        {
            context.RequestServices.GetRequiredService<RequestDecryptor>().Decryptor = credential.Decryptor;
        }

        if (_inbox is not null && _inbox.Stores(message))
        {
            if (!inProcess)
            {
                await InboxResponse.WriteAsync(context, _inbox, message, body.Memory, capture).ConfigureAwait(false);
                return;
            }

            // The inspector's replay: the inbox would acknowledge the same body as a duplicate and run nothing, so its
            // handlers run here, now.
            capture?.InboxBypassed();
        }

        try
        {
            if (message is VoiceRequestMessage voice)
            {
                await StreamVoiceAsync(context, voice, options, capture).ConfigureAwait(false);
                return;
            }

            var result = await _dispatcher.DispatchAsync(message, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
            capture?.Outcome(result.Outcome.ToString());
            await WriteAsync(context, result, capture).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Vapi hung up (the caller interrupted, or it stopped waiting): nothing to answer, nothing wrong.
            EndpointLog.ClientGone(_logger, message.Type, message.CallId);
        }
    }

    // An unreadable body: 400, unless its signature was a replay, which is refused as one (as before any body check).
    private Task RefuseBodyAsync(HttpContext context, bool replayed, string detail)
        => replayed
            ? UnauthorizedAsync(context, nameof(Security.VapiVerificationResult.Replayed))
            : RefuseAsync(context, StatusCodes.Status400BadRequest, ProblemReason.InvalidBody, "Invalid Vapi server message", detail);

    // Let the server enforce the size (Kestrel stops reading a chunked body past it) and a minimum data rate, so a
    // stalled upload is refused within seconds instead of holding its buffer.
    private static void LimitBody(HttpContext context, VapiWebhookOptions options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = options.MaxRequestBodySize;
        }

        if (options.MinRequestBodyDataRate > 0 && context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rateFeature)
        {
            rateFeature.MinDataRate = MinDataRateFor(options);
        }
    }

    // One rate object for as long as the options stay the same (it is immutable), not one per request.
    private static Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate MinDataRateFor(VapiWebhookOptions options)
    {
        var cached = _minDataRate;
        if (cached is null || cached.BytesPerSecond != options.MinRequestBodyDataRate || cached.GracePeriod != options.MinRequestBodyDataRateGracePeriod)
        {
            cached = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(options.MinRequestBodyDataRate, options.MinRequestBodyDataRateGracePeriod);
            _minDataRate = cached;
        }

        return cached;
    }

    /// <summary>
    /// Reads the body; on a transport fault (the client's doing) answers 400/408/413 when a response is still possible,
    /// or gives up quietly when the client is gone, and returns null. Never an exception: nothing here is a server error.
    /// </summary>
    private async Task<MessageBuffer?> ReadBodyAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        try
        {
            var body = await RequestBody.ReadAsync(request.BodyReader, request.ContentLength, limit, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                await RefuseUnreadAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemReason.BodyTooLarge, "Body too large", $"The body is larger than the {limit}-byte limit.").ConfigureAwait(false);
            }

            return body;
        }
        catch (BadHttpRequestException ex)
        {
            var (reason, title, detail) = ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => (ProblemReason.BodyTooLarge, "Body too large", $"The body is larger than the {limit}-byte limit."),
                StatusCodes.Status408RequestTimeout => (ProblemReason.BodyTimeout, "Body too slow", "The body arrived slower than the minimum data rate."),
                _ => (ProblemReason.BadFraming, "Unreadable body", "The body could not be read as framed (a bad chunk, or the body ended early)."),
            };
            _refusals.TransportFault(context, reason, ex.StatusCode, ex.Message);
            await TryProblemAsync(context, ex.StatusCode, reason, title, detail).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            if (context.RequestAborted.IsCancellationRequested || ex is Microsoft.AspNetCore.Connections.ConnectionResetException or OperationCanceledException or ObjectDisposedException)
            {
                // A reset or the connection gone mid-body: nobody to answer.
                _refusals.TransportFault(context, "client_gone", 0, ex.Message);
                context.Abort();
            }
            else
            {
                // The server's chunked-body reader reports some framing errors (an absurd chunk size) as a plain IOException.
                _refusals.TransportFault(context, ProblemReason.BadFraming, StatusCodes.Status400BadRequest, ex.Message);
                await TryProblemAsync(context, StatusCodes.Status400BadRequest, ProblemReason.BadFraming, "Unreadable body", "The body could not be read as framed (a bad chunk, or the body ended early).").ConfigureAwait(false);
            }
        }

        return null;
    }

    // What makes a body unreadable as a Vapi message before reading it: a media type other than JSON, a compressed
    // body, a charset other than UTF-8. Null when acceptable.
    private static string? ContentProblem(HttpRequest request)
    {
        // What Vapi sends, answered without parsing the header into objects: the same verdict as the parse below.
        if (request.Headers.ContentEncoding.Count == 0 && request.ContentType is { } plain
            && (plain.Equals("application/json", StringComparison.OrdinalIgnoreCase) || plain.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsJson(mediaType))
        {
            return "Vapi server messages are sent as application/json.";
        }

        if (mediaType.Charset is { Length: > 0 } charset && !IsUtf8(charset.AsSpan().Trim('"')))
        {
            return "The body must be UTF-8 (charset=utf-8 or no charset).";
        }

        foreach (var encoding in request.Headers.ContentEncoding)
        {
            foreach (var coding in (encoding ?? string.Empty).Split(','))
            {
                if (coding.AsSpan().Trim() is { Length: > 0 } name && !name.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    return "The body must not be compressed (Content-Encoding identity or none).";
                }
            }
        }

        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<char> charset)
        => charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private async Task StreamVoiceAsync(HttpContext context, VoiceRequestMessage message, VapiWebhookOptions options, ExchangeCapture? capture)
    {
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, ProblemReason.InvalidBody, "Invalid voice request", "The voice-request has no text to speak.").ConfigureAwait(false);
            return;
        }

        if (!options.Voice.IsAllowed(message.SampleRate))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, ProblemReason.InvalidBody, "Invalid voice request", $"The sample rate {message.SampleRate} is not supported; this endpoint accepts {string.Join(", ", options.Voice.AllowedSampleRates ?? VapiVoiceOptions.VapiSampleRates)}.").ConfigureAwait(false);
            return;
        }

        var audio = new HttpVoiceResponseWriter(context, message.SampleRate, capture);
        try
        {
            var outcome = await _dispatcher.DispatchVoiceAsync(message, audio, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
            capture?.Outcome(outcome.ToString());
            if (outcome == VapiDispatchOutcome.NoHandler)
            {
                EndpointLog.NoVoiceHandler(_logger, message.CallId);
                await ProblemAsync(context, StatusCodes.Status501NotImplemented, ProblemReason.NoHandler, "No handler", "No handler is registered for 'voice-request'.").ConfigureAwait(false);
                return;
            }

            if (audio.HasHalfSample)
            {
                throw new InvalidOperationException($"The voice handler wrote {audio.BytesWritten} bytes: an odd count is half a 16-bit sample. Write whole samples.");
            }
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // Vapi hung up (the caller interrupted). Whatever the handler threw on its way out, an
            // OperationCanceledException or an SDK's own "cancelled" error (gRPC's RpcException...), is not a failure.
            EndpointLog.ClientGone(_logger, message.Type, message.CallId);
            return;
        }
        catch (Exception ex) when (!audio.HasStarted)
        {
            EndpointLog.VoiceFailedBeforeAudio(_logger, ex, message.CallId);
            capture?.Outcome(nameof(VapiDispatchOutcome.HandlerFailed));
            await ProblemAsync(context, StatusCodes.Status500InternalServerError, ProblemReason.HandlerFailed, "Handler failed", "The voice handler failed before producing audio.").ConfigureAwait(false);
            return;
        }
        catch (Exception ex)
        {
            // Audio already left: a clean end would make Vapi play half a sentence as if it were whole.
            EndpointLog.VoiceFailedMidStream(_logger, ex, message.CallId, audio.BytesWritten);
            capture?.Outcome(nameof(VapiDispatchOutcome.HandlerFailed));
            context.Abort();
            return;
        }

        if (!audio.HasStarted)
        {
            // Nothing to say (the handler wrote no audio): an empty, well-formed PCM reply.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = 0;
        }

        // Finish the audio before the notification handlers run, so that they never delay what the caller hears.
        await context.Response.CompleteAsync().ConfigureAwait(false);
        await _dispatcher.RunNotificationHandlersAsync(message, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, VapiDispatchResult result, ExchangeCapture? capture)
    {
        if (result.IsProblem)
        {
            var reason = result.Outcome switch
            {
                VapiDispatchOutcome.NoHandler => ProblemReason.NoHandler,
                VapiDispatchOutcome.DeadlineExceeded => ProblemReason.DeadlineExceeded,
                _ => ProblemReason.HandlerFailed,
            };
            await ProblemAsync(context, result.StatusCode, reason, result.ProblemTitle!, result.ProblemDetail ?? string.Empty).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = result.StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        var writer = response.BodyWriter;
        if (result.Reply is null)
        {
            writer.Write("{}"u8);
            capture?.ReplyBody("{}"u8);
        }
        else if (capture is not null)
        {
            // Inspected: the reply is written to a buffer first, so the inspector keeps the bytes Vapi got.
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, VapiJson.WriterOptions))
            {
                VapiJson.Serialize(json, result.Reply);
            }

            capture.ReplyBody(buffer.WrittenSpan);
            writer.Write(buffer.WrittenSpan);
        }
        else
        {
            // One JSON writer per thread, pointed at this response for the synchronous write and let go of after it.
            var json = _replyWriter ??= new Utf8JsonWriter(NoOutput, VapiJson.WriterOptions);
            json.Reset(writer);
            try
            {
                VapiJson.Serialize(json, result.Reply);
                json.Flush();
            }
            finally
            {
                json.Reset(NoOutput);
            }
        }

        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private async Task UnauthorizedAsync(HttpContext context, string reason)
    {
        // Inspected (the inspector is mapped): it records why, never the credential.
        context.Features.Get<ExchangeCapture>()?.Refused(reason);
        // The body says nothing of which part failed; the log says it, without the secret or the signature.
        _refusals.Unauthenticated(context, reason);
        CloseIfBodyUnread(context);
        await ProblemAsync(context, StatusCodes.Status401Unauthorized, ProblemReason.Unauthorized, "Unauthorized", "The request is not authenticated as Vapi.").ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, int statusCode, string reason, string title, string detail)
    {
        _refusals.Refused(context, statusCode, reason, detail);
        await ProblemAsync(context, statusCode, reason, title, detail).ConfigureAwait(false);
    }

    private Task RefuseUnreadAsync(HttpContext context, int statusCode, string reason, string title, string detail)
    {
        CloseIfBodyUnread(context);
        return RefuseAsync(context, statusCode, reason, title, detail);
    }

    // A refused body is not read; on HTTP/1.x the server would otherwise drain it to reuse the connection, which a
    // client could stretch out. Closing the connection after the answer costs the client a reconnect, nothing more.
    private static void CloseIfBodyUnread(HttpContext context)
    {
        var request = context.Request;
        if ((request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) && !HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }
    }

    // The response may already be impossible (the client went away after a fault): then there is nobody to tell.
    private static async Task TryProblemAsync(HttpContext context, int statusCode, string reason, string title, string detail)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        try
        {
            CloseIfBodyUnread(context);
            await ProblemAsync(context, statusCode, reason, title, detail).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            context.Abort();
        }
    }

    private static Task ProblemAsync(HttpContext context, int statusCode, string reason, string title, string detail)
        => ProblemResponse.WriteAsync(context, statusCode, reason, title, detail);

    private static bool IsJson(MediaTypeHeaderValue mediaType)
        => mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
