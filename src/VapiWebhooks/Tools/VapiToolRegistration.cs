using System.Text.Json;

namespace VapiWebhooks.Tools;

/// <summary>A tool registered by function name; built by <c>AddTool</c>.</summary>
public abstract class VapiToolRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="functionName">The function name the model calls.</param>
    protected VapiToolRegistration(string functionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        FunctionName = functionName;
    }

    /// <summary>The function name the model calls.</summary>
    public string FunctionName { get; }

    /// <summary>The type the arguments bind to.</summary>
    public abstract Type ArgumentsType { get; }

    /// <summary>Binds the arguments and runs the tool.</summary>
    /// <param name="arguments">The arguments as a JSON object.</param>
    /// <param name="serializerOptions">Options for binding the arguments.</param>
    /// <param name="context">The tool call's context.</param>
    /// <param name="cancellationToken">Fires when the tool's budget runs out.</param>
    /// <returns>The tool's return value.</returns>
    /// <exception cref="JsonException">The arguments do not bind.</exception>
    public abstract Task<object?> InvokeAsync(JsonElement arguments, JsonSerializerOptions serializerOptions, ToolCallContext context, CancellationToken cancellationToken);

    /// <summary>Binds arguments with the given options (source-generated metadata when the options carry it).</summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="arguments">The arguments.</param>
    /// <param name="serializerOptions">The options.</param>
    /// <returns>The bound arguments.</returns>
    protected static TArgs Bind<TArgs>(JsonElement arguments, JsonSerializerOptions serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(serializerOptions);
        if (typeof(TArgs) == typeof(JsonElement))
        {
            return (TArgs)(object)arguments;
        }

        if (arguments.ValueKind == JsonValueKind.Undefined)
        {
            throw new JsonException("The arguments are missing or are not valid JSON.");
        }

        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TArgs>)serializerOptions.GetTypeInfo(typeof(TArgs));
        return arguments.Deserialize(typeInfo) ?? throw new JsonException("The arguments are null.");
    }
}
