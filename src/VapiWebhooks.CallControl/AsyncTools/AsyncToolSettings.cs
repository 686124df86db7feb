namespace VapiWebhooks.CallControl.AsyncTools;

/// <summary>Settings of one async tool, by function name (<c>Vapi:CallControl:AsyncTools:Tools:send_confirmation</c>).</summary>
public sealed class AsyncToolSettings
{
    /// <summary>How the result reaches the call; <see cref="AsyncToolOptions.DefaultDelivery"/> when null.</summary>
    public AsyncToolDelivery? Delivery { get; set; }

    /// <summary>How long the tool may run; <see cref="AsyncToolOptions.Budget"/> when null.</summary>
    public TimeSpan? Budget { get; set; }
}
