using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Diagnostics;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Counts every refused request in the library's meter and logs it at most once per source address and reason per
/// <see cref="VapiWebhookOptions.RepeatedLogInterval"/>: a client must not be able to drive log volume.
/// </summary>
internal sealed class RefusalReporter
{
    private readonly ILogger _logger;
    private readonly IOptionsMonitor<VapiWebhookOptions> _options;
    private readonly LogThrottle _throttle;
    private readonly Counter<long> _refused;

    public RefusalReporter(ILogger<VapiWebhookEndpoint> logger, IOptionsMonitor<VapiWebhookOptions> options, TimeProvider time, IMeterFactory? meterFactory = null)
    {
        _logger = logger;
        _options = options;
        _throttle = new LogThrottle(time);
        var meter = meterFactory?.Create(VapiWebhooksTelemetry.Name) ?? new Meter(VapiWebhooksTelemetry.Name);
        _refused = meter.CreateCounter<long>(VapiWebhooksTelemetry.RefusedCounter, unit: "{request}", description: "Requests refused before reaching a handler.");
    }

    public void Unauthenticated(HttpContext context, string reason)
    {
        Count(ProblemReason.Unauthorized, StatusCodes.Status401Unauthorized);
        var source = Source(context);
        if (_logger.IsEnabled(LogLevel.Information) && _throttle.ShouldLog(source + "|" + ProblemReason.Unauthorized, _options.CurrentValue.RepeatedLogInterval, out var suppressed))
        {
            EndpointLog.Unauthenticated(_logger, reason, source, suppressed);
        }
    }

    public void Refused(HttpContext context, int statusCode, string reason, string detail)
    {
        Count(reason, statusCode);
        var source = Source(context);
        if (_logger.IsEnabled(LogLevel.Information) && _throttle.ShouldLog(source + "|" + reason, _options.CurrentValue.RepeatedLogInterval, out var suppressed))
        {
            EndpointLog.Refused(_logger, source, statusCode, reason, detail, suppressed);
        }
    }

    /// <summary>A body that could not be read (the client's fault): counted, and logged at Debug only.</summary>
    public void TransportFault(HttpContext context, string fault, int statusCode, string detail)
    {
        Count(fault, statusCode);
        EndpointLog.TransportFault(_logger, Source(context), fault, detail);
    }

    private void Count(string reason, int statusCode)
    {
        if (_refused.Enabled)
        {
            _refused.Add(1, new TagList { { VapiWebhooksTelemetry.RefusalReasonTag, reason }, { VapiWebhooksTelemetry.StatusCodeTag, statusCode } });
        }
    }

    private static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
