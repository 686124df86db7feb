using Microsoft.Extensions.Options;
using VapiWebhooks.Responses;

namespace VapiWebhooks;

/// <summary>Checks <see cref="VapiWebhookOptions"/> at start-up and says what to fix.</summary>
internal sealed class VapiWebhookOptionsValidator : IValidateOptions<VapiWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, VapiWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = VapiWebhookOptions.SectionName;
        if (options.MaxRequestBodySize <= 0)
        {
            failures.Add($"{section}:MaxRequestBodySize must be a positive number of bytes (default 4194304).");
        }

        if (options.MaxJsonStringLength <= 0)
        {
            failures.Add($"{section}:MaxJsonStringLength must be a positive number of bytes (default 1048576).");
        }

        if (double.IsNaN(options.MinRequestBodyDataRate) || options.MinRequestBodyDataRate < 0)
        {
            failures.Add($"{section}:MinRequestBodyDataRate must be zero (the server's own minimum) or a positive number of bytes per second (default 4096).");
        }

        if (options.MinRequestBodyDataRateGracePeriod <= TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:MinRequestBodyDataRateGracePeriod must be more than 1 second (default 00:00:05).");
        }

        if (options.RepeatedLogInterval < TimeSpan.Zero)
        {
            failures.Add($"{section}:RepeatedLogInterval must not be negative (default 00:01:00; zero logs every occurrence).");
        }

        var deadlines = options.Deadlines;
        if (deadlines is null)
        {
            failures.Add($"{section}:Deadlines must not be null.");
        }
        else
        {
            if (deadlines.AssistantRequest <= TimeSpan.Zero || deadlines.AssistantRequest >= VapiDeadlineOptions.AssistantRequestLimit)
            {
                failures.Add($"{section}:Deadlines:AssistantRequest is {deadlines.AssistantRequest}; it must be more than zero and less than Vapi's 7.5 s limit (default 00:00:06).");
            }

            CheckPositive(failures, $"{section}:Deadlines:KnowledgeBaseRequest", deadlines.KnowledgeBaseRequest);
            CheckPositive(failures, $"{section}:Deadlines:Default", deadlines.Default);
            if (deadlines.ToolSafetyMargin < TimeSpan.Zero)
            {
                failures.Add($"{section}:Deadlines:ToolSafetyMargin must not be negative (default 00:00:02).");
            }

            foreach (var (type, budget) in deadlines.PerType ?? [])
            {
                CheckPositive(failures, $"{section}:Deadlines:PerType:{type}", budget);
            }
        }

        var endpointing = options.FallbackEndpointingTimeoutSeconds;
        if (double.IsNaN(endpointing) || endpointing < 0 || endpointing > CallEndpointingResponse.MaxTimeoutSeconds)
        {
            failures.Add($"{section}:FallbackEndpointingTimeoutSeconds is {endpointing}; Vapi accepts 0 to 15 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} is {value}; it must be more than zero.");
        }
    }
}
