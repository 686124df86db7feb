namespace VapiWebhooks.CallControl.Commands;

/// <summary>The roles an <see cref="AddMessageCommand"/> may carry (the <c>OpenAIMessage.role</c> enum).</summary>
public static class CallControlMessageRoles
{
    /// <summary><c>system</c>: an instruction or a fact for the model; the usual role for tool results.</summary>
    public const string System = "system";

    /// <summary><c>user</c>: as if the caller had said it.</summary>
    public const string User = "user";

    /// <summary><c>assistant</c>: as if the assistant had said it.</summary>
    public const string Assistant = "assistant";

    /// <summary><c>tool</c>.</summary>
    public const string Tool = "tool";

    /// <summary><c>function</c>.</summary>
    public const string Function = "function";

    /// <summary>Whether <paramref name="role"/> is one of the roles Vapi accepts.</summary>
    /// <param name="role">The role.</param>
    /// <returns>True for the five roles above.</returns>
    public static bool IsKnown(string? role) => role is System or User or Assistant or Tool or Function;
}
