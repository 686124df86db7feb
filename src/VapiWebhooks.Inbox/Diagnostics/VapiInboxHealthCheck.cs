using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.Inbox.Diagnostics;

/// <summary>
/// Healthy while messages are handled promptly; Degraded when the oldest pending message is older than
/// <see cref="VapiInboxOptions.DegradedAfter"/> (handlers failing or too slow); Unhealthy when the store cannot be read.
/// Register with <c>services.AddHealthChecks().AddVapiInbox()</c>.
/// </summary>
internal sealed class VapiInboxHealthCheck : IHealthCheck
{
    private readonly IVapiInbox _inbox;
    private readonly IOptionsMonitor<VapiInboxOptions> _options;

    public VapiInboxHealthCheck(IVapiInbox inbox, IOptionsMonitor<VapiInboxOptions> options)
    {
        _inbox = inbox;
        _options = options;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        VapiInboxStatus status;
        try
        {
            status = await _inbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The inbox store cannot be read.", ex);
        }

        var data = new Dictionary<string, object>
        {
            ["pending"] = status.Pending,
            ["leased"] = status.Leased,
            ["deadLettered"] = status.DeadLettered,
            ["oldestPendingAgeSeconds"] = status.OldestPendingAge?.TotalSeconds ?? 0,
        };
        var threshold = _options.CurrentValue.DegradedAfter;
        return status.OldestPendingAge > threshold
            ? HealthCheckResult.Degraded($"The oldest pending message is {status.OldestPendingAge.Value.TotalSeconds:0} s old (threshold {threshold.TotalSeconds:0} s).", data: data)
            : HealthCheckResult.Healthy($"{status.Pending} pending, {status.DeadLettered} dead-lettered.", data);
    }
}
