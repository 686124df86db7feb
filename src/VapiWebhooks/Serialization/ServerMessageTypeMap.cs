using System.Diagnostics.CodeAnalysis;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Maps wire type strings to message classes (a view of <see cref="ServerMessageTable"/>).</summary>
public static class ServerMessageTypeMap
{
    /// <summary>Every wire type string this library knows, including aliases.</summary>
    public static IReadOnlyCollection<string> KnownTypes { get; } = [.. ServerMessageTable.All.Select(kind => kind.WireType)];

    /// <summary>Finds the message class for a wire type string.</summary>
    /// <param name="wireType">The <c>type</c> as sent.</param>
    /// <param name="messageType">The class, when known.</param>
    /// <returns>True when the type is known.</returns>
    public static bool TryGetType(string wireType, [NotNullWhen(true)] out Type? messageType)
    {
        ArgumentNullException.ThrowIfNull(wireType);
        messageType = ServerMessageTable.TryGet(wireType, out var kind) ? kind.MessageType : null;
        return messageType is not null;
    }
}
