using VapiWebhooks.Encryption;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The decryptor of the credential the current request was authenticated with, set by the endpoint: one app may map
/// endpoints with different credentials, each with its own private keys. Scoped to the request.
/// </summary>
internal sealed class RequestDecryptor
{
    public VapiFieldDecryptor Decryptor { get; set; } = VapiFieldDecryptor.None;
}
