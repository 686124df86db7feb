using Microsoft.Extensions.Options;
using VapiWebhooks.Inbox.Processing;

namespace VapiWebhooks.Inbox;

/// <summary>Refuses inbox settings that cannot work, at start-up, with the setting's name.</summary>
internal sealed class VapiInboxOptionsValidator : IValidateOptions<VapiInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, VapiInboxOptions options)
    {
        List<string>? failures = null;
        void Fail(string message) => (failures ??= []).Add($"{VapiInboxOptions.SectionName}: {message}");

        if (options.MaxConcurrency is < 1 or > 1024)
        {
            Fail($"MaxConcurrency must be between 1 and 1024 (was {options.MaxConcurrency}).");
        }

        if (options.MaxAttempts is < 1 or > 1000)
        {
            Fail($"MaxAttempts must be between 1 and 1000 (was {options.MaxAttempts}).");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            Fail($"MaxBatchSize must be between 1 and 10000 (was {options.MaxBatchSize}).");
        }

        if (options.CleanupBatchSize is < 1 or > 100_000)
        {
            Fail($"CleanupBatchSize must be between 1 and 100000 (was {options.CleanupBatchSize}).");
        }

        foreach (var type in options.MessageTypes ?? [])
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                Fail("MessageTypes must not contain an empty type.");
            }
            else if (InboxAcknowledger.IsRequestType(type))
            {
                Fail($"MessageTypes lists '{type}', a request type: its reply comes from a handler inside the request, so it is never stored.");
            }
        }

        RequirePositive(nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        RequirePositive(nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        RequirePositive(nameof(options.HandlerTimeout), options.HandlerTimeout);
        RequirePositive(nameof(options.PollInterval), options.PollInterval);
        RequirePositive(nameof(options.RetentionPeriod), options.RetentionPeriod);
        RequirePositive(nameof(options.CleanupInterval), options.CleanupInterval);
        RequirePositive(nameof(options.ShutdownTimeout), options.ShutdownTimeout);
        RequirePositive(nameof(options.DegradedAfter), options.DegradedAfter);
        RequirePositive(nameof(options.StatisticsInterval), options.StatisticsInterval);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            Fail($"RetryMaxDelay ({options.RetryMaxDelay}) must not be shorter than RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        // Renewal runs every third of the lease: a lease under a second would be renewed faster than stores commit.
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            Fail($"LeaseDuration must be at least 1 second (was {options.LeaseDuration}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void RequirePositive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                Fail($"{setting} must be positive (was {value}).");
            }
        }
    }
}
