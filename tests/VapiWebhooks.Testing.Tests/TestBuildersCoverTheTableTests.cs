using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Testing;

/// <summary><see cref="VapiTestMessages.ForType"/> builds every type of the table of message types, as the right class.</summary>
public class TestBuildersCoverTheTableTests
{
    public static TheoryData<string> WireTypes() => [.. ServerMessageTypeMap.KnownTypes.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Each_known_wire_type_has_a_builder_of_its_class(string wireType)
    {
        ServerMessageTypeMap.TryGetType(wireType, out var expected).Should().BeTrue();

        var message = VapiTestMessages.ForType(wireType);

        message.Should().BeOfType(expected);
    }
}
