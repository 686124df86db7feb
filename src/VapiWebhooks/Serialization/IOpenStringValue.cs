namespace VapiWebhooks.Serialization;

/// <summary>
/// An enum-like string value that accepts any string, so a value Vapi adds later never fails a request.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IOpenStringValue<TSelf>
    where TSelf : struct, IOpenStringValue<TSelf>
{
    /// <summary>The wire string.</summary>
    string Value { get; }

    /// <summary>Wraps a wire string.</summary>
    /// <param name="value">The string as sent.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromString(string value);
}
