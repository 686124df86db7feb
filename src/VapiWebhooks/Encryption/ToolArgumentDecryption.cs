using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VapiWebhooks.Models;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Encryption;

/// <summary>
/// The stage between a tool call and its binding: decrypts the arguments named by the tool's <c>server.encryptedPaths</c>
/// in the message and by <c>DecryptArguments</c> at registration. A value becomes a string, or, when the property it binds to
/// is not a string (a number, a boolean, an object), the JSON its text spells.
/// </summary>
internal static class ToolArgumentDecryption
{
    /// <summary>The paths to decrypt for this call; null when there are none, so that other tools pay nothing.</summary>
    public static IReadOnlyList<string>? PathsFor(ToolWithToolCall? tool, VapiToolRegistration registration)
    {
        var sent = tool?.Server?.EncryptedPaths;
        var declared = registration.EncryptedArgumentPaths;
        if (sent is not { Count: > 0 })
        {
            return declared.Count > 0 ? declared : null;
        }

        if (declared.Count == 0)
        {
            return [.. sent];
        }

        return [.. sent.Union(declared, StringComparer.Ordinal)];
    }

    /// <summary>Decrypts <paramref name="paths"/> in <paramref name="arguments"/>.</summary>
    /// <exception cref="VapiDecryptionException">A value cannot be decrypted; the message names it.</exception>
    public static JsonElement Decrypt(JsonElement arguments, IReadOnlyList<string> paths, VapiFieldDecryptor decryptor, VapiToolRegistration registration)
    {
        var options = registration.SerializerOptions;
        return decryptor.DecryptPaths(arguments, paths, (path, _) => ShapeOf(path, registration.ArgumentsType, options));
    }

    // Follows the path through the arguments type's metadata (source-generated or reflection, whichever the tool binds with).
    private static EncryptedValueShape ShapeOf(JsonPath path, Type argumentsType, JsonSerializerOptions options)
    {
        Type? type = argumentsType;
        foreach (var segment in path.Segments)
        {
            if (type is null || !TryGetTypeInfo(options, type, out var info))
            {
                return EncryptedValueShape.Text;
            }

            type = info.Kind switch
            {
                JsonTypeInfoKind.Object when segment.Name is { } name => PropertyType(info, name, options.PropertyNameCaseInsensitive),
                JsonTypeInfoKind.Dictionary => info.ElementType,
                JsonTypeInfoKind.Enumerable when segment.Index is not null => info.ElementType,
                _ => null,
            };
        }

        if (type is null)
        {
            return EncryptedValueShape.Text;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(char) || type == typeof(object) || type == typeof(JsonElement)
            ? EncryptedValueShape.Text
            : EncryptedValueShape.Json;
    }

    private static Type? PropertyType(JsonTypeInfo info, string name, bool caseInsensitive)
    {
        var comparison = caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, name, comparison))
            {
                return property.PropertyType;
            }
        }

        return null;
    }

    private static bool TryGetTypeInfo(JsonSerializerOptions options, Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonTypeInfo? info)
    {
        try
        {
            info = options.GetTypeInfo(type);
            return true;
        }
        catch (NotSupportedException)
        {
            info = null;
            return false;
        }
    }
}
