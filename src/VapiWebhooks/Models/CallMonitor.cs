using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>URLs for acting on a live call (<c>call.monitor</c>); async tools post their results to <see cref="ControlUrl"/>.</summary>
public sealed class CallMonitor : VapiObject
{
    /// <summary>A websocket URL that streams the call's audio.</summary>
    [JsonPropertyName("listenUrl")]
    public Uri? ListenUrl { get; set; }

    /// <summary>An HTTPS URL that accepts control messages (<c>say</c>, <c>add-message</c>, <c>end-call</c>...).</summary>
    [JsonPropertyName("controlUrl")]
    public Uri? ControlUrl { get; set; }
}
