using Microsoft.AspNetCore.Http;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// Copies request headers for the inspector with every credential removed: <c>Authorization</c>, Vapi's
/// <c>X-Vapi-Secret</c> and <c>X-Vapi-Signature</c>, cookies, and any header whose name says it carries a secret,
/// a signature, a token or a key (which covers a custom HMAC signature header). The value is never kept, only
/// its scheme for <c>Authorization</c> (<c>Bearer [redacted]</c>).
/// </summary>
internal static class HeaderRedaction
{
    public const string Redacted = "[redacted]";

    private const int MaxHeaders = 64;
    private const int MaxValueLength = 1024;

    private static readonly string[] SecretNameParts = ["auth", "secret", "signature", "token", "key", "cookie", "password", "credential", "session"];

    public static KeyValuePair<string, string>[] Capture(IHeaderDictionary headers)
    {
        var captured = new KeyValuePair<string, string>[Math.Min(headers.Count, MaxHeaders)];
        var i = 0;
        foreach (var (name, values) in headers)
        {
            if (i == captured.Length)
            {
                break;
            }

            captured[i++] = new(name, Redact(name, values.ToString()));
        }

        return captured;
    }

    public static bool IsSecret(string name)
    {
        foreach (var part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Redact(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && space <= 16 ? value[..space] + " " + Redacted : Redacted;
        }

        if (IsSecret(name))
        {
            return Redacted;
        }

        return value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value;
    }
}
