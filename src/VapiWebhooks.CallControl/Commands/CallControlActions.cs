namespace VapiWebhooks.CallControl.Commands;

/// <summary>The values of <see cref="ControlCommand.Control"/>.</summary>
public static class CallControlActions
{
    /// <summary>The assistant stops speaking and stays silent.</summary>
    public const string MuteAssistant = "mute-assistant";

    /// <summary>The assistant speaks again.</summary>
    public const string UnmuteAssistant = "unmute-assistant";

    /// <summary>The caller's audio is ignored.</summary>
    public const string MuteCustomer = "mute-customer";

    /// <summary>The caller is heard again.</summary>
    public const string UnmuteCustomer = "unmute-customer";

    /// <summary>The assistant says its first message now (for calls that start when the client says so).</summary>
    public const string SayFirstMessage = "say-first-message";
}
