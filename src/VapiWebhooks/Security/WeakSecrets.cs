namespace VapiWebhooks.Security;

/// <summary>
/// Finds credentials an attacker could guess: short ones, and placeholders copied from documentation (a deployment
/// that forgot to set its secret would otherwise accept a publicly known token).
/// </summary>
internal static class WeakSecrets
{
    /// <summary>The shortest token or secret accepted outside Development (<c>openssl rand -base64 32</c> gives 44).</summary>
    public const int MinimumLength = 32;

    // Lower case; matched as substrings, so "set-me-from-user-secrets" (this project's README) and its variants count.
    private static readonly string[] PlaceholderParts =
    [
        "set-me", "setme", "change-me", "changeme", "change_me", "replace-me", "replaceme", "replace_me",
        "placeholder", "your-token", "your_token", "your-secret", "your_secret", "insert-", "xxxxxxxx",
    ];

    /// <summary>Adds one actionable message per weak value; messages name the setting, never the value.</summary>
    /// <param name="values">The tokens or secrets.</param>
    /// <param name="settingPath">The configuration path of the list, such as <c>Vapi:Webhooks:Authentication:Bearer:Tokens</c>.</param>
    /// <param name="environmentName">The host's environment, for the message.</param>
    /// <param name="failures">Receives the messages.</param>
    public static void Check(IList<string>? values, string settingPath, string environmentName, List<string> failures)
    {
        if (values is null)
        {
            return;
        }

        var variable = settingPath.Replace(":", "__", StringComparison.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue; // The credential's own validation names an empty entry.
            }

            if (IsPlaceholder(value))
            {
                failures.Add($"{settingPath}:{i} is a placeholder value copied from documentation, which anyone can guess; in the '{environmentName}' environment set the real value with the environment variable {variable}__{i} (or a secret store), for example one made by `openssl rand -base64 32`, and paste the same value into your Vapi credential.");
            }
            else if (value.Length < MinimumLength)
            {
                failures.Add($"{settingPath}:{i} is shorter than {MinimumLength} characters, which is guessable; in the '{environmentName}' environment use a random value of at least {MinimumLength} characters, for example from `openssl rand -base64 32`, set with the environment variable {variable}__{i} (or a secret store), and paste the same value into your Vapi credential.");
            }
        }
    }

    private static bool IsPlaceholder(string value)
    {
        foreach (var part in PlaceholderParts)
        {
            if (value.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
