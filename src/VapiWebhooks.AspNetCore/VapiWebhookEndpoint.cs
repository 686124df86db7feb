using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Adapts HTTP to <see cref="VapiMessageDispatcher"/>: checks the content type and size, reads the raw body,
/// parses the message, and writes the reply, a problem+json body, or streamed PCM.
/// </summary>
internal sealed class VapiWebhookEndpoint
{
    private readonly VapiMessageDispatcher _dispatcher;
    private readonly VapiRequestAuthenticator _authenticator;
    private readonly IOptionsMonitor<VapiWebhookOptions> _options;
    private readonly ILogger _logger;

    public VapiWebhookEndpoint(VapiMessageDispatcher dispatcher, VapiRequestAuthenticator authenticator, IOptionsMonitor<VapiWebhookOptions> options, ILogger<VapiWebhookEndpoint> logger)
    {
        _dispatcher = dispatcher;
        _authenticator = authenticator;
        _options = options;
        _logger = logger;
    }

    /// <summary>Builds the request delegate of one mapped endpoint, after checking its credential is valid.</summary>
    public RequestDelegate CreateHandler(string credentialName)
    {
        _authenticator.EnsureValid(credentialName);
        return context => HandleAsync(context, credentialName);
    }

    private async Task HandleAsync(HttpContext context, string credentialName)
    {
        var options = _options.CurrentValue;
        var request = context.Request;

        // Cheap checks first: a refused source or media type costs no body read and no crypto.
        var credential = _authenticator.Current(credentialName);
        if (!credential.IsSourceAllowed(context.Connection.RemoteIpAddress))
        {
            await UnauthorizedAsync(context, "source address not allowed").ConfigureAwait(false);
            return;
        }

        if (!IsJson(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemReason.UnsupportedMediaType, "Unsupported media type", "Vapi server messages are sent as application/json.").ConfigureAwait(false);
            return;
        }

        var limit = options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemReason.BodyTooLarge, "Body too large", $"The body is larger than the {limit}-byte limit.").ConfigureAwait(false);
            return;
        }

        // Let the server enforce the limit too (Kestrel stops reading a chunked body past it).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        RequestBody? body;
        try
        {
            body = await RequestBody.ReadAsync(request.BodyReader, request.ContentLength, limit, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemReason.BodyTooLarge, "Body too large", $"The body is larger than the {limit}-byte limit.").ConfigureAwait(false);
            return;
        }

        using (body)
        {
            // Authenticate the raw bytes as received, before parsing: unauthenticated input never reaches the parser.
            var verification = await credential.VerifyAsync(request, body.Memory, context.RequestAborted).ConfigureAwait(false);
            if (verification != Security.VapiVerificationResult.Valid)
            {
                await UnauthorizedAsync(context, verification.ToString()).ConfigureAwait(false);
                return;
            }

            ServerMessage message;
            try
            {
                if (JsonLimits.HasStringLongerThan(body.Span, options.MaxJsonStringLength))
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, ProblemReason.InvalidBody, "Invalid Vapi server message", $"A JSON string is longer than the {options.MaxJsonStringLength}-byte limit.").ConfigureAwait(false);
                    return;
                }

                message = VapiJson.DeserializeMessage(body.Span, out var bare);
                if (bare)
                {
                    EndpointLog.BareMessage(_logger, message.Type);
                }
            }
            catch (JsonException ex)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, ProblemReason.InvalidBody, "Invalid Vapi server message", ex.Message).ConfigureAwait(false);
                return;
            }

            context.Features.Set<IVapiMessageFeature>(new VapiMessageFeature(message));
            try
            {
                if (message is VoiceRequestMessage voice)
                {
                    await StreamVoiceAsync(context, voice, options).ConfigureAwait(false);
                    return;
                }

                var result = await _dispatcher.DispatchAsync(message, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
                await WriteAsync(context, result).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // Vapi hung up (the caller interrupted, or it stopped waiting): nothing to answer, nothing wrong.
                EndpointLog.ClientGone(_logger, message.Type, message.CallId);
            }
        }
    }

    private async Task StreamVoiceAsync(HttpContext context, VoiceRequestMessage message, VapiWebhookOptions options)
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

        var audio = new HttpVoiceResponseWriter(context, message.SampleRate);
        try
        {
            var outcome = await _dispatcher.DispatchVoiceAsync(message, audio, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
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
            await ProblemAsync(context, StatusCodes.Status500InternalServerError, ProblemReason.HandlerFailed, "Handler failed", "The voice handler failed before producing audio.").ConfigureAwait(false);
            return;
        }
        catch (Exception ex)
        {
            // Audio already left: a clean end would make Vapi play half a sentence as if it were whole.
            EndpointLog.VoiceFailedMidStream(_logger, ex, message.CallId, audio.BytesWritten);
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

    private static async Task WriteAsync(HttpContext context, VapiDispatchResult result)
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
        }
        else
        {
            using var json = new Utf8JsonWriter(writer);
            VapiJson.Serialize(json, result.Reply);
        }

        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private async Task UnauthorizedAsync(HttpContext context, string reason)
    {
        // The body says nothing of which part failed; the log says it, without the secret or the signature.
        EndpointLog.Unauthenticated(_logger, reason, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        await ProblemAsync(context, StatusCodes.Status401Unauthorized, ProblemReason.Unauthorized, "Unauthorized", "The request is not authenticated as Vapi.").ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, int statusCode, string reason, string title, string detail)
    {
        EndpointLog.Refused(_logger, statusCode, reason, detail);
        await ProblemAsync(context, statusCode, reason, title, detail).ConfigureAwait(false);
    }

    private static Task ProblemAsync(HttpContext context, int statusCode, string reason, string title, string detail)
        => ProblemResponse.WriteAsync(context, statusCode, reason, title, detail);

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
