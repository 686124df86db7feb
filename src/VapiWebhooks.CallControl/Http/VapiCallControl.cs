using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using VapiWebhooks.CallControl.Calls;
using VapiWebhooks.CallControl.Commands;
using VapiWebhooks.CallControl.Diagnostics;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl.Http;

/// <summary>Posts commands to one call's control URL through the resilient <c>HttpClient</c>.</summary>
internal sealed class VapiCallControl : IVapiCallControl
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<VapiCallControlOptions> _options;
    private readonly CallRegistry _calls;
    private readonly CallControlMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly bool _allowed;
    private readonly string _key;

    public VapiCallControl(string? callId, Uri controlUrl, bool allowed, IHttpClientFactory clients, IOptionsMonitor<VapiCallControlOptions> options, CallRegistry calls, CallControlMetrics metrics, ILogger logger, TimeProvider time)
    {
        CallId = callId;
        ControlUrl = controlUrl;
        _allowed = allowed;
        _clients = clients;
        _options = options;
        _calls = calls;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _key = CallRegistry.KeyFor(callId, controlUrl);
    }

    public string? CallId { get; }

    public Uri ControlUrl { get; }

    public bool HasEnded => _calls.HasEnded(_key);

    public Task<CallControlResult> SayAsync(string content, bool endCallAfterSpoken = false, bool? interruptionsEnabled = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SendAsync(new SayCommand { Content = content, EndCallAfterSpoken = endCallAfterSpoken, InterruptionsEnabled = interruptionsEnabled }, cancellationToken);
    }

    public Task<CallControlResult> AddMessageAsync(string content, string role = CallControlMessageRoles.System, bool triggerResponse = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!CallControlMessageRoles.IsKnown(role))
        {
            throw new ArgumentException($"'{role}' is not a role Vapi accepts (system, user, assistant, tool, function).", nameof(role));
        }

        return SendAsync(new AddMessageCommand { Message = new CallControlMessage { Role = role, Content = content }, TriggerResponseEnabled = triggerResponse }, cancellationToken);
    }

    public Task<CallControlResult> MuteAssistantAsync(CancellationToken cancellationToken = default) => SendAsync(new ControlCommand(CallControlActions.MuteAssistant), cancellationToken);

    public Task<CallControlResult> UnmuteAssistantAsync(CancellationToken cancellationToken = default) => SendAsync(new ControlCommand(CallControlActions.UnmuteAssistant), cancellationToken);

    public Task<CallControlResult> MuteCustomerAsync(CancellationToken cancellationToken = default) => SendAsync(new ControlCommand(CallControlActions.MuteCustomer), cancellationToken);

    public Task<CallControlResult> UnmuteCustomerAsync(CancellationToken cancellationToken = default) => SendAsync(new ControlCommand(CallControlActions.UnmuteCustomer), cancellationToken);

    public Task<CallControlResult> SayFirstMessageAsync(CancellationToken cancellationToken = default) => SendAsync(new ControlCommand(CallControlActions.SayFirstMessage), cancellationToken);

    public Task<CallControlResult> EndCallAsync(CancellationToken cancellationToken = default) => SendAsync(new EndCallCommand(), cancellationToken);

    public Task<CallControlResult> TransferAsync(TransferDestination destination, string? content = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return SendAsync(new TransferCommand { Destination = destination, Content = content }, cancellationToken);
    }

    public Task<CallControlResult> HandoffAsync(HandoffDestination destination, string? content = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return SendAsync(new HandoffCommand { Destination = destination, Content = content }, cancellationToken);
    }

    public async Task<CallControlResult> SendAsync(CallControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = _time.GetTimestamp();
        if (!_allowed)
        {
            return Complete(command, CallControlStatus.UrlNotAllowed, null, started, null);
        }

        if (_calls.HasEnded(_key))
        {
            CallControlLog.CallAlreadyEnded(_logger, CallId, command.Name);
            return Complete(command, CallControlStatus.CallEnded, null, started, null);
        }

        var body = command.ToUtf8Json();
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            CallControlLog.CommandBody(_logger, command.Name, CallId, text);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ControlUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            if (_options.CurrentValue.PublicApiKey is { Length: > 0 } key)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var response = await _clients.CreateClient(CallControlHttp.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Complete(command, CallControlStatus.Sent, code, started, null);
            }

            if (code is >= 400 and < 500)
            {
                // Vapi refuses commands for a call that is no longer live: stop sending for it.
                _calls.MarkEnded(_key);
                return Complete(command, CallControlStatus.CallEnded, code, started, null);
            }

            return Complete(command, CallControlStatus.Failed, code, started, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Complete(command, CallControlStatus.Failed, null, started, ex);
        }
    }

    private CallControlResult Complete(CallControlCommand command, CallControlStatus status, int? statusCode, long started, Exception? exception)
    {
        var elapsed = _time.GetElapsedTime(started);
        var statusName = CallControlMetrics.StatusName(status);
        var tags = new TagList
        {
            { CallControlTelemetry.CommandTag, command.Name },
            { CallControlTelemetry.StatusTag, statusName },
        };
        _metrics.Commands.Add(1, tags);
        _metrics.Duration.Record(elapsed.TotalSeconds, tags);
        switch (status)
        {
            case CallControlStatus.Sent:
            case CallControlStatus.CallEnded:
                CallControlLog.CommandCompleted(_logger, command.Name, CallId, statusName, statusCode, elapsed.TotalMilliseconds);
                break;
            case CallControlStatus.UrlNotAllowed when _logger.IsEnabled(LogLevel.Warning):
                CallControlLog.UrlNotAllowed(_logger, CallId, ControlUrl.IdnHost, ControlUrl.Scheme);
                break;
            case CallControlStatus.UrlNotAllowed:
                break;
            default:
                CallControlLog.CommandFailed(_logger, exception, command.Name, CallId, statusName, statusCode, elapsed.TotalMilliseconds);
                break;
        }

        return new CallControlResult(status, statusCode, elapsed);
    }
}
