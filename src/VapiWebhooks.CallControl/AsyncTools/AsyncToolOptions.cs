namespace VapiWebhooks.CallControl.AsyncTools;

/// <summary>How tools marked <c>async: true</c> run and report (<c>Vapi:CallControl:AsyncTools</c>).</summary>
public sealed class AsyncToolOptions
{
    /// <summary>Whether async tools run in the background (true by default). False runs them inside the request like any tool.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How results reach the call unless a tool says otherwise (default <see cref="AsyncToolDelivery.AddMessage"/>).</summary>
    public AsyncToolDelivery DefaultDelivery { get; set; } = AsyncToolDelivery.AddMessage;

    /// <summary>How long an async tool may run before it is cancelled and the call told it failed (default 2 minutes).</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What the <c>tool-calls</c> reply says for an async tool (Vapi does not wait for it, but the reply stays well-formed).</summary>
    public string AcknowledgementText { get; set; } = "Started; the result will follow.";

    /// <summary>Per-tool settings, by function name.</summary>
    public IDictionary<string, AsyncToolSettings> Tools { get; } = new Dictionary<string, AsyncToolSettings>(StringComparer.Ordinal);

    /// <summary>Sets one tool's delivery.</summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="delivery">How its result reaches the call.</param>
    /// <param name="budget">How long it may run; <see cref="Budget"/> when null.</param>
    /// <returns>These options.</returns>
    public AsyncToolOptions ForTool(string functionName, AsyncToolDelivery delivery, TimeSpan? budget = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        Tools[functionName] = new AsyncToolSettings { Delivery = delivery, Budget = budget };
        return this;
    }
}
