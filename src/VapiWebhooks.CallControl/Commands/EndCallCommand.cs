namespace VapiWebhooks.CallControl.Commands;

/// <summary><c>{"type":"end-call"}</c>: hangs up at once (to say goodbye first, use <see cref="SayCommand.EndCallAfterSpoken"/>).</summary>
public sealed class EndCallCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    public EndCallCommand()
        : base("end-call")
    {
    }
}
