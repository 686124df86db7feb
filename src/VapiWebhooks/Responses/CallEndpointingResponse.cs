using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>call.endpointing.request</c>: how long to wait for the user, 0 to 15 seconds.</summary>
public sealed class CallEndpointingResponse
{
    /// <summary>The longest wait Vapi accepts, in seconds.</summary>
    public const double MaxTimeoutSeconds = 15;

    private double _timeoutSeconds;

    /// <summary>How long to wait, in seconds (0 to 15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 15 seconds.</exception>
    [JsonPropertyName("timeoutSeconds")]
    public double TimeoutSeconds
    {
        get => _timeoutSeconds;
        set
        {
            if (double.IsNaN(value) || value < 0 || value > MaxTimeoutSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"Vapi accepts an endpointing timeout from 0 to {MaxTimeoutSeconds} seconds.");
            }

            _timeoutSeconds = value;
        }
    }

    /// <summary>Wait the given number of seconds.</summary>
    /// <param name="seconds">0 to 15.</param>
    /// <returns>The reply.</returns>
    public static CallEndpointingResponse FromSeconds(double seconds) => new() { TimeoutSeconds = seconds };

    /// <summary>Wait the given time.</summary>
    /// <param name="timeout">0 to 15 seconds.</param>
    /// <returns>The reply.</returns>
    public static CallEndpointingResponse FromTimeSpan(TimeSpan timeout) => FromSeconds(timeout.TotalSeconds);
}
