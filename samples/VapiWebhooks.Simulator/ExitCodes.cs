namespace VapiWebhooks.Simulator;

/// <summary>What <c>vapi-sim</c> exits with.</summary>
public static class ExitCodes
{
    /// <summary>Every reply followed Vapi's contract.</summary>
    public const int Clean = 0;

    /// <summary>At least one reply broke Vapi's contract or a scenario expectation.</summary>
    public const int Violations = 1;

    /// <summary>Bad input: unknown option, unreadable file, invalid scenario, unreachable URL.</summary>
    public const int BadInput = 2;
}
