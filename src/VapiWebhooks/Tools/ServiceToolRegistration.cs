using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace VapiWebhooks.Tools;

/// <summary>A tool implemented by an <see cref="IVapiTool{TArgs}"/> resolved from the tool call's DI scope.</summary>
/// <typeparam name="TTool">The tool class.</typeparam>
/// <typeparam name="TArgs">The arguments type.</typeparam>
internal sealed class ServiceToolRegistration<TTool, TArgs> : VapiToolRegistration
    where TTool : class, IVapiTool<TArgs>
{
    public ServiceToolRegistration(string functionName, JsonSerializerOptions serializerOptions)
        : base(functionName, serializerOptions)
    {
    }

    public override Type ArgumentsType => typeof(TArgs);

    public override Task<object?> InvokeAsync(JsonElement arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bound = Bind<TArgs>(arguments);
        var tool = context.Services.GetRequiredService<TTool>();
        return tool.InvokeAsync(bound, context, cancellationToken);
    }
}
