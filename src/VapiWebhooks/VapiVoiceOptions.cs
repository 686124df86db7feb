namespace VapiWebhooks;

/// <summary>How <c>voice-request</c> messages are checked before the voice handler runs.</summary>
public sealed class VapiVoiceOptions
{
    /// <summary>The sample rates Vapi documents for custom voices.</summary>
    public static IReadOnlyList<int> VapiSampleRates { get; } = [8000, 16000, 22050, 24000, 44100];

    /// <summary>
    /// The sample rates accepted; null (the default) means <see cref="VapiSampleRates"/>. Requests for other
    /// rates get 400.
    /// </summary>
    public int[]? AllowedSampleRates { get; set; }

    /// <summary>Whether <paramref name="sampleRate"/> is accepted.</summary>
    /// <param name="sampleRate">The requested rate.</param>
    /// <returns>True when accepted.</returns>
    public bool IsAllowed(int sampleRate)
        => AllowedSampleRates is { } allowed ? Array.IndexOf(allowed, sampleRate) >= 0 : VapiSampleRates.Contains(sampleRate);
}
