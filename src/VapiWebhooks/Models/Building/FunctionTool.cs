namespace VapiWebhooks.Models;

// Hand-written helpers for the generated FunctionTool (Vapi's CreateFunctionToolDTO).
public sealed partial class FunctionTool
{
    /// <summary>
    /// A function tool the model may call, answered by <paramref name="server"/> with a <c>tool-calls</c> message
    /// (register the handler with <c>AddTool</c> under the same <paramref name="name"/>).
    /// </summary>
    /// <param name="server">Where Vapi sends the call, for example <see cref="ServerConfig.ForThisEndpoint"/>.</param>
    /// <param name="name">The function name the model calls.</param>
    /// <param name="description">What the function does, for the model.</param>
    /// <param name="properties">The arguments: name → JSON schema.</param>
    /// <param name="required">The names of the arguments the model must give.</param>
    /// <returns>The tool.</returns>
    public static FunctionTool ServedBy(ServerConfig server, string name, string description, Dictionary<string, JsonSchema>? properties = null, params IList<string> required)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(required);
        return new FunctionTool
        {
            Async = false,
            Server = server,
            Function = new OpenAIFunction
            {
                Name = name,
                Description = description,
                Parameters = new OpenAIFunctionParameters
                {
                    Type = "object",
                    Properties = properties ?? [],
                    Required = required.Count > 0 ? required : null,
                },
            },
        };
    }
}
