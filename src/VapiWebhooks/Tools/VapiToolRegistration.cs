using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VapiWebhooks.Tools;

/// <summary>A tool registered by function name; built by <c>AddTool</c>.</summary>
public abstract class VapiToolRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="functionName">The function name the model calls.</param>
    /// <param name="serializerOptions">Binds the arguments and writes object results.</param>
    protected VapiToolRegistration(string functionName, JsonSerializerOptions serializerOptions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(serializerOptions);
        FunctionName = functionName;
        SerializerOptions = serializerOptions;
        _bindingOptions = ToolArgumentBinding.Strict(serializerOptions);
    }

    private readonly JsonSerializerOptions _bindingOptions;

    /// <summary>
    /// Binds the arguments and writes object results. Source-generated metadata when the tool was registered
    /// with options whose <c>TypeInfoResolver</c> is a <c>JsonSerializerContext</c>; reflection otherwise.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The function name the model calls.</summary>
    public string FunctionName { get; }

    /// <summary>The type the arguments bind to.</summary>
    public abstract Type ArgumentsType { get; }

    /// <summary>
    /// Argument paths decrypted before binding even when Vapi's message does not list them in <c>server.encryptedPaths</c>;
    /// set with <c>DecryptArguments</c>.
    /// </summary>
    public IReadOnlyList<string> EncryptedArgumentPaths { get; internal set; } = [];

    /// <summary>Binds the arguments and runs the tool.</summary>
    /// <param name="arguments">The arguments as a JSON object.</param>
    /// <param name="context">The tool call's context.</param>
    /// <param name="cancellationToken">Fires when the tool's budget runs out.</param>
    /// <returns>The tool's return value.</returns>
    public abstract Task<object?> InvokeAsync(JsonElement arguments, ToolCallContext context, CancellationToken cancellationToken);

    /// <summary>Writes a tool's object result as the JSON string Vapi expects in <c>result</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public string SerializeResult(object result)
    {
        ArgumentNullException.ThrowIfNull(result);

        // The model reads this text: relaxed escaping unless the tool's own options chose an encoder.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SerializerOptions.Encoder ?? Serialization.VapiJson.WriterOptions.Encoder }))
        {
            JsonSerializer.Serialize(writer, result, SerializerOptions.GetTypeInfo(result.GetType()));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Binds arguments with <see cref="SerializerOptions"/>.</summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The bound arguments.</returns>
    protected TArgs Bind<TArgs>(JsonElement arguments)
    {
        if (typeof(TArgs) == typeof(JsonElement))
        {
            return (TArgs)(object)arguments;
        }

        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new ToolArgumentsException("The arguments are missing or are not valid JSON.", new JsonException("The arguments are missing, null or not valid JSON."));
        }

        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TArgs>)_bindingOptions.GetTypeInfo(typeof(TArgs));
        try
        {
            return arguments.Deserialize(typeInfo) ?? throw new JsonException("The arguments are null.");
        }
        catch (JsonException ex)
        {
            // The model gets one short line naming the argument and its type; the reader's detail is for the log.
            throw new ToolArgumentsException(ToolArgumentBinding.Describe(typeInfo, arguments, ex), ex);
        }
    }
}
