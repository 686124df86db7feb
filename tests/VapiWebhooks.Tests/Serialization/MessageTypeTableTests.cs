using System.Reflection;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>
/// The table of message types (<c>Messages/ServerMessageTypeTable.cs</c>) is the only list: these tests fail when a
/// message class, a wire-type constant or a JSON-context registration is missing from it or disagrees with it.
/// </summary>
public class MessageTypeTableTests
{
    private static readonly Type[] ConcreteMessageClasses =
    [
        .. typeof(ServerMessage).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ServerMessage).IsAssignableFrom(t) && t != typeof(UnknownServerMessage)),
    ];

    public static TheoryData<string> WireTypes() => [.. ServerMessageTypeTable.All.Select(e => e.WireType)];

    [Fact]
    public void Every_concrete_message_class_has_an_entry()
    {
        ConcreteMessageClasses.Should().NotBeEmpty();
        ConcreteMessageClasses.Should().BeSubsetOf(ServerMessageTypeTable.ByMessageType.Keys, "adding a message class means adding its line to ServerMessageTypeTable");
    }

    [Fact]
    public void Every_entry_is_a_concrete_message_class()
        => ServerMessageTypeTable.All.Select(e => e.MessageType).Distinct().Should().BeEquivalentTo(ConcreteMessageClasses);

    [Fact]
    public void Every_wire_type_constant_has_an_entry_and_every_entry_a_constant()
    {
        var constants = typeof(ServerMessageTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        constants.Should().OnlyHaveUniqueItems();
        ServerMessageTypeTable.All.Select(e => e.WireType).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(constants);
    }

    [Fact]
    public void Every_message_class_is_registered_in_the_json_context()
    {
        foreach (var type in ConcreteMessageClasses.Append(typeof(UnknownServerMessage)))
        {
            VapiJsonContext.Default.GetTypeInfo(type).Should().NotBeNull($"{type.Name} must be a [JsonSerializable] of VapiJsonContext (trimmed and AOT hosts have no reflection fallback)");
        }
    }

    [Fact]
    public void Each_class_has_exactly_one_canonical_entry()
        => ServerMessageTypeTable.All.Where(e => !e.Traits.HasFlag(ServerMessageTraits.Alias)).Select(e => e.MessageType).Should().OnlyHaveUniqueItems();

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void The_converter_reads_each_wire_type_into_its_class(string wireType)
    {
        var message = VapiJson.DeserializeMessage($$"""{"message":{"type":"{{wireType}}"}}""");

        message.Should().BeOfType(ServerMessageTypeTable.ByWireType[wireType].MessageType);
        ServerMessageTypeMap.TryGetType(wireType, out var mapped).Should().BeTrue();
        mapped.Should().Be(ServerMessageTypeTable.ByWireType[wireType].MessageType);
    }

    [Fact]
    public void The_subscribable_and_catch_all_lists_come_from_the_table()
    {
        VapiServerMessages.SubscribableTypes.Should().Equal(ServerMessageTypeTable.All.Where(e => e.Traits.HasFlag(ServerMessageTraits.Subscribable)).Select(e => e.WireType));
        VapiServerMessages.DefaultNotificationTypes.Should().BeSubsetOf(VapiServerMessages.SubscribableTypes);
    }
}
