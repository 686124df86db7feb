using VapiWebhooks.Simulator.Http;

namespace VapiWebhooks.Simulator.Commands;

/// <summary>The options every command shares, checked and ready to use.</summary>
internal sealed record RunSettings(
    Uri? Url,
    RequestAuthentication Authentication,
    bool Json,
    string? JsonOut,
    double DeadlineScale,
    int? Seed,
    int SampleRate,
    DateOnly Today,
    bool Strict);
