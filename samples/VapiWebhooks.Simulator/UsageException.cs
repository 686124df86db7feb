namespace VapiWebhooks.Simulator;

/// <summary>Bad input (an unknown option, an unreadable file, an invalid scenario, an unreachable URL): reported as one
/// line on stderr with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
