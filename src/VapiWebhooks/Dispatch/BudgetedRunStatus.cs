namespace VapiWebhooks.Dispatch;

/// <summary>How a piece of work run within a budget ended.</summary>
internal enum BudgetedRunStatus
{
    /// <summary>It finished in time.</summary>
    Completed,

    /// <summary>The budget ran out first; the work may still be running.</summary>
    DeadlineExceeded,

    /// <summary>It threw.</summary>
    Failed,
}
