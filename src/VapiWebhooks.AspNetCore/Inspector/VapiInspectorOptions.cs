namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// Options of the inspector page (<c>app.MapVapiInspector(...)</c>): how much it keeps, and whether it may be
/// mapped outside the Development environment.
/// </summary>
public sealed class VapiInspectorOptions
{
    /// <summary>How many exchanges are kept, newest first (a ring buffer; default 500).</summary>
    public int Capacity { get; set; } = 500;

    /// <summary>The most bytes all kept exchanges may hold together (bodies and audio; default 64 MiB). The oldest go first.</summary>
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most bytes kept of one request or reply body (default 256 KiB); the rest is cut and the body marked truncated.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The most bytes of PCM kept of one <c>voice-request</c> reply (default 2 MiB, about a minute at 16 kHz).</summary>
    public int MaxAudioBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Allows mapping the inspector outside the Development environment. It shows what callers said, so it must then
    /// be protected: start-up fails unless the inspector's endpoints also require authorization
    /// (<c>MapVapiInspector(...).RequireAuthorization(...)</c>).
    /// </summary>
    public bool AllowOutsideDevelopment { get; set; }

    internal void Validate()
    {
        if (Capacity < 1)
        {
            throw new InvalidOperationException($"VapiInspectorOptions.Capacity must be at least 1 (it is {Capacity}).");
        }

        if (MaxBodyBytes < 0 || MaxAudioBytes < 0 || MaxTotalBytes < 0)
        {
            throw new InvalidOperationException("VapiInspectorOptions: MaxBodyBytes, MaxAudioBytes and MaxTotalBytes cannot be negative.");
        }
    }
}
