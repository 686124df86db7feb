namespace VapiWebhooks.Security;

/// <summary>
/// The unit a signer writes the timestamp header in. Vapi does not document it, so the verifier accepts
/// both: values below 10^11 are read as seconds, larger values as milliseconds.
/// </summary>
public enum VapiTimestampUnit
{
    /// <summary>Unix time in whole seconds.</summary>
    Seconds = 0,

    /// <summary>Unix time in milliseconds.</summary>
    Milliseconds = 1,
}
