using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl.Calls;
using VapiWebhooks.CallControl.Diagnostics;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl.Http;

/// <summary>Makes controls for calls, applying the host allow-list once per control.</summary>
internal sealed class VapiCallControlFactory : IVapiCallControlFactory
{
    private readonly IHttpClientFactory _clients;
    private readonly CallRegistry _calls;
    private readonly IOptionsMonitor<VapiCallControlOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CallControlMetrics _metrics;
    private readonly bool _isDevelopment;

    public VapiCallControlFactory(
        IHttpClientFactory clients,
        CallRegistry calls,
        IOptionsMonitor<VapiCallControlOptions> options,
        ILogger<IVapiCallControl> logger,
        IHostEnvironment? environment = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        _clients = clients;
        _calls = calls;
        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new CallControlMetrics(meterFactory);
        _isDevelopment = environment?.IsDevelopment() == true;
    }

    public IVapiCallControl? ForMessage(ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Call is { } call ? ForCall(call) : null;
    }

    public IVapiCallControl? ForCall(Call liveCall)
    {
        ArgumentNullException.ThrowIfNull(liveCall);
        var call = liveCall;
        if (call.Monitor?.ControlUrl is not { } url)
        {
            return null;
        }

        var control = ForControlUrl(url, call.Id);
        if (call.Id is { } id && IsAllowed(url))
        {
            _calls.Remember(id, url);
        }

        return control;
    }

    public IVapiCallControl ForControlUrl(Uri controlUrl, string? callId = null)
    {
        ArgumentNullException.ThrowIfNull(controlUrl);
        return new VapiCallControl(callId, controlUrl, IsAllowed(controlUrl), _clients, _options, _calls, _metrics, _logger, _time);
    }

    public IVapiCallControl? ForCallId(string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _calls.TryGetControlUrl(callId, out var url) ? ForControlUrl(url, callId) : null;
    }

    internal bool IsAllowed(Uri url)
    {
        var options = _options.CurrentValue;
        return ControlUrlPolicy.IsAllowed(url, options.AllowedHosts, options.AllowLoopback ?? _isDevelopment);
    }
}
