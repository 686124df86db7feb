namespace VapiWebhooks.Dispatch;

/// <summary>What to answer Vapi: a status code and either a reply object, an acknowledgement, or a problem.</summary>
public sealed class VapiDispatchResult
{
    private VapiDispatchResult(int statusCode, object? reply, VapiDispatchOutcome outcome, string? problemTitle, string? problemDetail)
    {
        StatusCode = statusCode;
        Reply = reply;
        Outcome = outcome;
        ProblemTitle = problemTitle;
        ProblemDetail = problemDetail;
    }

    /// <summary>The HTTP status to answer with (200 unless there is no safe reply).</summary>
    public int StatusCode { get; }

    /// <summary>The reply object to serialise with <see cref="Serialization.VapiJson"/>; null for an acknowledgement (<c>{}</c>) or a problem.</summary>
    public object? Reply { get; }

    /// <summary>How the message was answered.</summary>
    public VapiDispatchOutcome Outcome { get; }

    /// <summary>For an error status: a short, fixed title for a problem+json body.</summary>
    public string? ProblemTitle { get; }

    /// <summary>For an error status: what went wrong, with nothing from the request or the exception in it.</summary>
    public string? ProblemDetail { get; }

    /// <summary>True when the answer is an error status with a problem body.</summary>
    public bool IsProblem => ProblemTitle is not null;

    internal static VapiDispatchResult Replied(object reply, VapiDispatchOutcome outcome = VapiDispatchOutcome.Replied)
        => new(200, reply, outcome, null, null);

    internal static VapiDispatchResult Acknowledged()
        => new(200, null, VapiDispatchOutcome.Acknowledged, null, null);

    internal static VapiDispatchResult Problem(int statusCode, VapiDispatchOutcome outcome, string title, string detail)
        => new(statusCode, null, outcome, title, detail);
}
