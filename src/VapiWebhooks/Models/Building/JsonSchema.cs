namespace VapiWebhooks.Models;

// Hand-written helpers for the generated JsonSchema (a tool argument's schema).
public sealed partial class JsonSchema
{
    /// <summary>A string argument.</summary>
    /// <param name="description">What it is, for the model.</param>
    /// <param name="allowed">The only values allowed, if any.</param>
    /// <returns>The schema.</returns>
    public static JsonSchema ForString(string description, params IList<string> allowed) =>
        new() { Type = "string", Description = description, Enum = allowed is { Count: > 0 } ? allowed : null };

    /// <summary>An integer argument.</summary>
    /// <param name="description">What it is, for the model.</param>
    /// <returns>The schema.</returns>
    public static JsonSchema ForInteger(string description) => new() { Type = "integer", Description = description };

    /// <summary>A number argument.</summary>
    /// <param name="description">What it is, for the model.</param>
    /// <returns>The schema.</returns>
    public static JsonSchema ForNumber(string description) => new() { Type = "number", Description = description };

    /// <summary>A boolean argument.</summary>
    /// <param name="description">What it is, for the model.</param>
    /// <returns>The schema.</returns>
    public static JsonSchema ForBoolean(string description) => new() { Type = "boolean", Description = description };
}
