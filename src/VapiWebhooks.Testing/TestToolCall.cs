using System.Text.Json;

namespace VapiWebhooks.Testing;

/// <summary>One tool call for <see cref="VapiTestMessages.ToolCalls"/>.</summary>
/// <param name="Name">The function name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
/// <param name="ArgumentsAsString">Send the arguments as a JSON-encoded string, as Vapi's spec and some traffic do.</param>
/// <param name="TimeoutSeconds">The tool's <c>server.timeoutSeconds</c> (Vapi's default 20 when null).</param>
/// <param name="Id">The tool call id; generated when null.</param>
/// <param name="ServerUrl">The tool's server URL.</param>
/// <param name="Async">The tool's <c>async</c> flag: Vapi does not wait for the reply, the result goes to the call's control URL.</param>
public sealed record TestToolCall(string Name, string ArgumentsJson = "{}", bool ArgumentsAsString = false, double? TimeoutSeconds = null, string? Id = null, string? ServerUrl = null, bool Async = false)
{
    /// <summary>
    /// Argument paths to encrypt with <see cref="PublicKeyPem"/> as Vapi does (<c>ssn</c>, <c>payment.cardNumber</c>); they are
    /// also listed in the tool's <c>server.encryptedPaths</c> unless <see cref="ListEncryptedPaths"/> is false.
    /// </summary>
    public IReadOnlyList<string> EncryptedPaths { get; init; } = [];

    /// <summary>The public key (SPKI PEM, as pasted into Vapi's credential) that <see cref="EncryptedPaths"/> are encrypted with.</summary>
    public string? PublicKeyPem { get; init; }

    /// <summary>Whether the tool's <c>server.encryptedPaths</c> lists <see cref="EncryptedPaths"/>. Default true; false tests a server that declares the paths itself.</summary>
    public bool ListEncryptedPaths { get; init; } = true;

    internal JsonElement ArgumentsElement()
    {
        var json = ArgumentsJson;
        if (EncryptedPaths.Count > 0)
        {
            var key = PublicKeyPem ?? throw new InvalidOperationException($"{nameof(TestToolCall)}.{nameof(EncryptedPaths)} needs {nameof(PublicKeyPem)}, the public key to encrypt with.");
            json = VapiTestEncryption.EncryptPaths(json, EncryptedPaths, key);
        }

        var parsed = JsonElement.Parse(json);
        return ArgumentsAsString
            ? JsonElement.Parse(JsonSerializer.Serialize(parsed.GetRawText(), Serialization.VapiJsonContext.Default.String))
            : parsed;
    }
}
