using System.Buffers;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Encryption;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// Turns a kept body into the text the page shows: pretty-printed, with credentials replaced by
/// <c>[redacted]</c> (secret-looking properties, and secret headers under any <c>headers</c> object, such as a
/// tool's <c>server.headers</c>) and encrypted tool arguments replaced by <c>"encrypted"</c> (the values at the
/// tool's <c>server.encryptedPaths</c> and the paths declared with <c>DecryptArguments</c>, wherever the same
/// ciphertext appears). A truncated body is rewritten as far as it is valid JSON. Runs when a page asks, never on
/// the request path.
/// </summary>
internal static class BodyRedaction
{
    public const string Encrypted = "encrypted";

    private const int MaxDepth = 64;

    private static readonly HashSet<string> SecretProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "x-vapi-secret", "x-vapi-signature", "x-signature", "secret", "password", "apiKey", "api_key",
        "token", "accessToken", "access_token", "refreshToken", "refresh_token", "privateKey", "clientSecret", "client_secret",
    };

    /// <summary>The text to show; null when there is no body.</summary>
    public static string? ToText(byte[]? body, bool truncated, Func<string, IReadOnlyList<string>> declaredPaths)
    {
        if (body is null)
        {
            return null;
        }

        var ciphertexts = truncated ? [] : Ciphertexts(body, declaredPaths);
        var output = new ArrayBufferWriter<byte>(body.Length + (body.Length / 2));
        var complete = Rewrite(body, truncated, ciphertexts, output, indented: true);
        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        if (output.WrittenCount == 0)
        {
            // Not JSON at all (or not even its start): shown as a note, never as raw text that was not checked.
            return truncated ? "(truncated; not JSON)" : "(not JSON)";
        }

        return complete ? text : text + "\n… (truncated)";
    }

    // Rewrites token by token; false when the input ended (truncated) or broke before the end.
    private static bool Rewrite(byte[] body, bool truncated, HashSet<string> ciphertexts, ArrayBufferWriter<byte> output, bool indented)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: !truncated, new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var names = new string?[MaxDepth + 2];
        var parents = new string?[MaxDepth + 2];
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        // The properties of this object know the name it is the value of (an array's items, the array's).
                        parents[depth + 1] = depth == 0 ? null : names[depth];
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.StartArray:
                        names[depth + 1] = depth == 0 ? null : names[depth];
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        names[depth] = name;
                        writer.WritePropertyName(name);
                        if (IsSecret(name, parents[depth]))
                        {
                            // Skip the whole value (a string, or an object of them) and write the mark instead.
                            var skipped = reader.TrySkip();
                            writer.WriteStringValue(HeaderRedaction.Redacted);
                            if (!skipped)
                            {
                                writer.Flush();
                                return false;
                            }
                        }

                        break;
                    case JsonTokenType.String:
                        var value = reader.GetString()!;
                        writer.WriteStringValue(names[depth] == "arguments" ? ScrubArguments(value, ciphertexts) : Scrub(value, ciphertexts));
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                        break;
                    case JsonTokenType.Null:
                        writer.WriteNullValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            writer.Flush();
            return false;
        }

        writer.Flush();
        return !truncated && reader.BytesConsumed == body.Length;
    }

    // A property whose name is a credential's, or a secret-looking header of a headers object (server.headers).
    private static bool IsSecret(string name, string? parent)
        => SecretProperties.Contains(name) || (parent is not null && parent.Equals("headers", StringComparison.OrdinalIgnoreCase) && HeaderRedaction.IsSecret(name));

    // Arguments sent as a JSON string (OpenAI's format) are rewritten as JSON, compact, like the body around them: the
    // ciphertext inside may be written with escapes ("\u002B" for '+') that a search of the text would miss, and
    // a secret-looking property inside is redacted as it would be in an object.
    private static string ScrubArguments(string value, HashSet<string> ciphertexts)
    {
        var start = value.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return Scrub(value, ciphertexts);
        }

        var output = new ArrayBufferWriter<byte>(value.Length);
        return Rewrite(Encoding.UTF8.GetBytes(value), truncated: false, ciphertexts, output, indented: false)
            ? Encoding.UTF8.GetString(output.WrittenSpan)
            : Scrub(value, ciphertexts);
    }

    private static string Scrub(string value, HashSet<string> ciphertexts)
    {
        if (ciphertexts.Count == 0)
        {
            return value;
        }

        if (ciphertexts.Contains(value))
        {
            return Encrypted;
        }

        // The same ciphertext inside text, e.g. the OpenAI-format messages' arguments, which are a JSON string.
        foreach (var ciphertext in ciphertexts)
        {
            if (value.Contains(ciphertext, StringComparison.Ordinal))
            {
                value = value.Replace(ciphertext, Encrypted, StringComparison.Ordinal);
            }
        }

        return value;
    }

    // The string values at the encrypted paths of every tool call in the body, by function name.
    private static HashSet<string> Ciphertexts(byte[] body, Func<string, IReadOnlyList<string>> declaredPaths)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (!document.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                message = document.RootElement;
            }

            var pathsByName = new Dictionary<string, List<JsonPath>>(StringComparer.Ordinal);
            if (message.TryGetProperty("toolWithToolCallList", out var tools) && tools.ValueKind == JsonValueKind.Array)
            {
                foreach (var tool in tools.EnumerateArray())
                {
                    if (FunctionName(tool) is not { } name)
                    {
                        continue;
                    }

                    var paths = pathsByName.TryGetValue(name, out var existing) ? existing : pathsByName[name] = [];
                    if (tool.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.Object
                        && server.TryGetProperty("encryptedPaths", out var sent) && sent.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var path in sent.EnumerateArray())
                        {
                            if (path.ValueKind == JsonValueKind.String && JsonPath.TryParse(path.GetString()!, out var parsed))
                            {
                                paths.Add(parsed);
                            }
                        }
                    }
                }
            }

            Collect(message, pathsByName, declaredPaths, found, 0);
        }
        catch (JsonException)
        {
            // Not JSON: nothing to find; the rewrite shows what it can.
        }

        return found;
    }

    // Every {"function": {"name": N, "arguments": A}} in the message: the values at N's paths in A.
    private static void Collect(JsonElement element, Dictionary<string, List<JsonPath>> pathsByName, Func<string, IReadOnlyList<string>> declaredPaths, HashSet<string> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object
                && function.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                && function.TryGetProperty("arguments", out var arguments))
            {
                var name = nameElement.GetString()!;
                var paths = pathsByName.TryGetValue(name, out var sent) ? new List<JsonPath>(sent) : [];
                foreach (var declared in declaredPaths(name))
                {
                    if (JsonPath.TryParse(declared, out var parsed))
                    {
                        paths.Add(parsed);
                    }
                }

                if (paths.Count > 0)
                {
                    FindValues(arguments, paths, found);
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, pathsByName, declaredPaths, found, depth + 1);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, pathsByName, declaredPaths, found, depth + 1);
            }
        }
    }

    private static void FindValues(JsonElement arguments, List<JsonPath> paths, HashSet<string> found)
    {
        if (arguments.ValueKind == JsonValueKind.String)
        {
            // OpenAI's format: the arguments as a JSON string.
            try
            {
                using var inner = JsonDocument.Parse(arguments.GetString()!);
                FindValues(inner.RootElement.Clone(), paths, found);
            }
            catch (JsonException)
            {
            }

            return;
        }

        foreach (var path in paths)
        {
            if (path.TryFind(arguments, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                found.Add(text);
            }
        }
    }

    private static string? FunctionName(JsonElement tool)
    {
        if (tool.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object
            && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return name.GetString();
        }

        return null;
    }
}
