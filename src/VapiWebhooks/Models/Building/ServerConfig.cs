using VapiWebhooks.Security;

namespace VapiWebhooks.Models;

// Hand-written helpers for the generated ServerConfig (Vapi's Server schema).
public sealed partial class ServerConfig
{
    /// <summary>
    /// A <c>server</c> that points at this host with the credential Vapi must present: the Vapi credential id
    /// when there is one, otherwise the first bearer token of <paramref name="authentication"/> as the header
    /// Vapi sends. Use it for the assistant, its tools, custom voice, knowledge base and endpointing alike.
    /// </summary>
    /// <param name="url">The public URL of the endpoint, for example <c>https://clinic.example.com/vapi/webhook</c>.</param>
    /// <param name="authentication">This endpoint's authentication settings.</param>
    /// <param name="credentialId">The id of the Vapi credential to use; when set, no secret goes into the reply.</param>
    /// <param name="timeoutSeconds">How long Vapi waits for an answer (1 to 300; Vapi's default is 20).</param>
    /// <returns>The server.</returns>
    /// <exception cref="InvalidOperationException">Neither a credential id nor a bearer token is configured.</exception>
    public static ServerConfig ForThisEndpoint(string url, VapiAuthenticationOptions authentication, string? credentialId = null, double? timeoutSeconds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentNullException.ThrowIfNull(authentication);
        var server = new ServerConfig { Url = url, TimeoutSeconds = timeoutSeconds };
        if (!string.IsNullOrWhiteSpace(credentialId))
        {
            server.CredentialId = credentialId;
        }
        else if (authentication.Bearer is { Tokens.Count: > 0 } bearer)
        {
            // The reply goes to Vapi only; the library never logs it.
            server.Headers = new() { [bearer.HeaderName] = (bearer.UsePrefix ? VapiBearerOptions.Prefix : string.Empty) + bearer.Tokens[0] };
        }
        else
        {
            throw new InvalidOperationException("Give a Vapi credential id, or configure a bearer token, so that Vapi can authenticate to this endpoint.");
        }

        return server;
    }
}
