using System.Diagnostics.CodeAnalysis;

namespace VapiWebhooks.Tools;

/// <summary>
/// Awaits what a tool delegate returned when it is a task, so that <c>(args, call) =&gt; Weather.GetAsync(args.City)</c>
/// gives the model the forecast, not the serialised task object.
/// </summary>
/// <remarks>
/// Only the reflection-bound <c>AddTool</c> overloads use it: a lambda returning <c>Task&lt;string&gt;</c> binds to
/// their <c>object?</c> form, and reading a <c>Task&lt;T&gt;</c>'s result without knowing <c>T</c> needs reflection.
/// </remarks>
internal static class AwaitedToolResult
{
    private const string ReflectionMessage = "Reads Task<T>.Result by reflection; used only by the reflection-bound AddTool overloads.";

    [RequiresUnreferencedCode(ReflectionMessage)]
    public static Task<object?> OfAsync(object? value) => value switch
    {
        Task task => ResultOfAsync(task),
        ValueTask valueTask => CompletedAsync(valueTask),
        not null when IsGenericValueTask(value.GetType()) => ResultOfAsync(AsTask(value)),
        _ => Task.FromResult(value),
    };

    private static bool IsGenericValueTask(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>);

    [RequiresUnreferencedCode(ReflectionMessage)]
    private static Task AsTask(object valueTask) => (Task)valueTask.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(valueTask, null)!;

    private static async Task<object?> CompletedAsync(ValueTask valueTask)
    {
        await valueTask.ConfigureAwait(false);
        return null;
    }

    [RequiresUnreferencedCode(ReflectionMessage)]
    private static async Task<object?> ResultOfAsync(Task task)
    {
        await task.ConfigureAwait(false);

        // An async method's task is a subclass of Task<TResult> (a plain Task's is Task<VoidTaskResult>): find Task<T>.
        for (var type = task.GetType(); type is not null && type != typeof(Task); type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            {
                var resultType = type.GetGenericArguments()[0];
                return resultType.FullName == "System.Threading.Tasks.VoidTaskResult" ? null : type.GetProperty(nameof(Task<int>.Result))!.GetValue(task);
            }
        }

        return null;
    }
}
