namespace VapiWebhooks.Tools;

/// <summary>
/// Thrown by a tool to fail with a message meant for the model (for example "No slot is free on Monday").
/// Its message becomes the result's <c>error</c>; any other exception gives a generic error so that
/// nothing internal leaks into the conversation.
/// </summary>
public sealed class VapiToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VapiToolException()
        : base("The tool failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the model is told; keep it to one line.</param>
    public VapiToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the model is told; keep it to one line.</param>
    /// <param name="innerException">The cause, for logs only.</param>
    public VapiToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
