using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Runs a handler within a budget: the handler's token fires when the budget runs out or Vapi hangs up, and
/// the answer comes at the deadline even if the handler ignores its token.
/// </summary>
internal static class BudgetedRun
{
    /// <summary>Runs <paramref name="work"/> on <paramref name="message"/>; throws only when <paramref name="requestAborted"/> fires.</summary>
    public static async Task<BudgetedRun<T>> RunAsync<T>(Func<CancellationToken, Task<T>> work, ServerMessage message, TimeSpan budget, TimeProvider time, CancellationToken requestAborted)
    {
        // One timer per run: the budget token both cancels the handler and ends the wait below. On the system
        // clock a single linked source carries both the budget and the hang-up; a test clock needs its own timer.
        using var budgetSource = ReferenceEquals(time, TimeProvider.System) ? null : new CancellationTokenSource(budget, time);
        using var linked = budgetSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(requestAborted)
            : CancellationTokenSource.CreateLinkedTokenSource(budgetSource.Token, requestAborted);
        if (budgetSource is null)
        {
            linked.CancelAfter(budget);
        }

        Task<T> task;
        try
        {
            task = work(linked.Token);
        }
        catch (Exception ex)
        {
            return BudgetedRun<T>.Failed(ex);
        }

        try
        {
            // WaitAsync answers when the budget runs out even if the handler ignores its token; a handler that
            // finished synchronously needs no waiting.
            var value = task.IsCompleted ? await task.ConfigureAwait(false) : await task.WaitAsync(linked.Token).ConfigureAwait(false);
            return BudgetedRun<T>.Completed(value);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            ObserveLater(task, message);
            throw;
        }
        catch (OperationCanceledException) when (budgetSource?.IsCancellationRequested ?? linked.IsCancellationRequested)
        {
            ObserveLater(task, message);
            return BudgetedRun<T>.DeadlineExceeded(task.IsCompleted ? null : task);
        }
        catch (Exception ex)
        {
            return BudgetedRun<T>.Failed(ex);
        }
    }

    // A handler abandoned at its deadline may still fail later: observe it so it is not an unobserved exception.
    // It may also still read the message after the request ends: detach it from the request's buffer first.
    private static void ObserveLater(Task task, ServerMessage message)
    {
        if (!task.IsCompleted)
        {
            message.DetachFromRequest();
        }

        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

/// <summary>How a budgeted run ended, with its value, its exception, or the work it abandoned at the deadline.</summary>
/// <typeparam name="T">The work's result.</typeparam>
/// <param name="Status">How it ended.</param>
/// <param name="Value">The result, when it completed.</param>
/// <param name="Exception">What it threw, when it failed.</param>
/// <param name="Abandoned">The work still running after its deadline, if any.</param>
internal readonly record struct BudgetedRun<T>(BudgetedRunStatus Status, T? Value, Exception? Exception, Task? Abandoned)
{
    public static BudgetedRun<T> Completed(T value) => new(BudgetedRunStatus.Completed, value, null, null);

    public static BudgetedRun<T> DeadlineExceeded(Task? abandoned) => new(BudgetedRunStatus.DeadlineExceeded, default, null, abandoned);

    public static BudgetedRun<T> Failed(Exception exception) => new(BudgetedRunStatus.Failed, default, exception, null);
}
