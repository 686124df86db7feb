using System.Text.Json;

namespace VapiWebhooks.Tools;

/// <summary>A tool implemented by a delegate.</summary>
/// <typeparam name="TArgs">The arguments type.</typeparam>
internal sealed class DelegateToolRegistration<TArgs> : VapiToolRegistration
{
    private readonly Func<TArgs, ToolCallContext, CancellationToken, Task<object?>> _handler;

    public DelegateToolRegistration(string functionName, JsonSerializerOptions serializerOptions, Func<TArgs, ToolCallContext, CancellationToken, Task<object?>> handler)
        : base(functionName, serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
    }

    public override Type ArgumentsType => typeof(TArgs);

    public override async Task<object?> InvokeAsync(JsonElement arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        var bound = Bind<TArgs>(arguments);
        return await _handler(bound, context, cancellationToken).ConfigureAwait(false);
    }
}
