using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Maps wire type strings to message classes (a public view of the table of message types).</summary>
public static class ServerMessageTypeMap
{
    private static readonly FrozenDictionary<string, Type> ByWireType =
        ServerMessageTypeTable.All.ToFrozenDictionary(e => e.WireType, e => e.MessageType, StringComparer.Ordinal);

    /// <summary>Every wire type string this library knows, including aliases.</summary>
    public static IReadOnlyCollection<string> KnownTypes => ByWireType.Keys;

    /// <summary>Finds the message class for a wire type string.</summary>
    /// <param name="wireType">The <c>type</c> as sent.</param>
    /// <param name="messageType">The class, when known.</param>
    /// <returns>True when the type is known.</returns>
    public static bool TryGetType(string wireType, [NotNullWhen(true)] out Type? messageType)
    {
        ArgumentNullException.ThrowIfNull(wireType);
        return ByWireType.TryGetValue(wireType, out messageType);
    }
}
