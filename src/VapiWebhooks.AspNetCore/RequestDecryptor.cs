using VapiWebhooks.Encryption;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The decryptor of the credential the current request was authenticated with, set by the endpoint: one app may map
/// endpoints with different credentials, each with its own private keys. Scoped; null in a scope that is not a
/// request's (the inbox's workers, an async tool's run, a queue consumer), where the keys of every credential of the
/// app are tried instead (<see cref="VapiRequestAuthenticator.AnyCredentialDecryptor"/>).
/// </summary>
internal sealed class RequestDecryptor
{
    public VapiFieldDecryptor? Decryptor { get; set; }
}
