using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A server URL and how Vapi calls it (<c>server</c> on assistants, tools and phone numbers).</summary>
public sealed class ServerConfig : VapiObject
{
    /// <summary>The URL Vapi posts to.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>How long Vapi waits for a reply, in seconds (1 to 300; 20 when unset).</summary>
    [JsonPropertyName("timeoutSeconds")]
    public double? TimeoutSeconds { get; set; }

    /// <summary>The credential Vapi authenticates with (bearer, HMAC or OAuth2).</summary>
    [JsonPropertyName("credentialId")]
    public string? CredentialId { get; set; }

    /// <summary>
    /// The paths Vapi encrypted with the credential's public key (<c>encryptionPlan</c>): for a tool, paths into its arguments
    /// such as <c>ssn</c> or <c>payment.cardNumber</c>. Tool arguments at these paths are decrypted before binding.
    /// </summary>
    [JsonPropertyName("encryptedPaths")]
    public IList<string>? EncryptedPaths { get; set; }

    /// <summary>Extra headers Vapi sends, as sent.</summary>
    [JsonPropertyName("headers")]
    public JsonElement? Headers { get; set; }

    /// <summary>How Vapi retries failed requests, as sent.</summary>
    [JsonPropertyName("backoffPlan")]
    public JsonElement? BackoffPlan { get; set; }
}
