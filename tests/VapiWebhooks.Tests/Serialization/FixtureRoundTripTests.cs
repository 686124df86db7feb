using System.Text;
using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>Every fixture reads into the class its type names and writes back to the same JSON (see <see cref="JsonSemantic"/>).</summary>
public class FixtureRoundTripTests
{
    public static IEnumerable<object[]> All => FixtureFiles.All;

    [Fact]
    public void There_are_fixtures_for_every_known_wire_type()
    {
        var covered = FixtureFiles.Files.Select(f => f.WireType).ToHashSet(StringComparer.Ordinal);
        ServerMessageTable.All.Select(kind => kind.WireType).Should().OnlyContain(t => covered.Contains(t), "every known type should have at least one fixture");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Fixture_reads_into_its_class_and_round_trips(string relativePath, string wireType)
    {
        var bytes = FixtureFiles.ReadBytes(relativePath);

        var message = VapiJson.DeserializeMessage(bytes, out var wasBare);

        var expectedClass = ServerMessageTable.TryGet(wireType, out var known) ? known.MessageType : typeof(UnknownServerMessage);
        message.GetType().Should().Be(expectedClass);
        message.Type.Should().Be(wireType, "Type keeps the wire string as sent, aliases included");
        wasBare.Should().BeFalse();

        var written = VapiJson.SerializeEnvelope(message);
        var differences = JsonSemantic.Differences(bytes, written);
        differences.Should().BeEmpty(
            "re-serialising {0} should give back what Vapi sent; written:{1}{2}",
            relativePath,
            Environment.NewLine,
            Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Final_transcript_alias_reads_as_a_transcript_and_keeps_its_type()
    {
        var fixture = FixtureFiles.OfType(FixtureFiles.FinalTranscriptType).First();

        var message = VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(fixture.RelativePath));

        var transcript = message.Should().BeOfType<TranscriptMessage>().Subject;
        transcript.Type.Should().Be(ServerMessageTypes.TranscriptFinal);
        transcript.Transcript.Should().NotBeNullOrEmpty();
        using var written = JsonDocument.Parse(VapiJson.SerializeEnvelope(message));
        written.RootElement.GetProperty("message").GetProperty("type").GetString().Should().Be("transcript[transcriptType=\"final\"]");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void String_and_byte_overloads_agree(string relativePath, string wireType)
    {
        var fromBytes = VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(relativePath));
        var fromString = VapiJson.DeserializeMessage(FixtureFiles.Read(relativePath));

        fromString.GetType().Should().Be(fromBytes.GetType());
        fromString.Type.Should().Be(wireType);
        JsonSemantic.Differences(VapiJson.SerializeEnvelope(fromBytes), VapiJson.SerializeEnvelope(fromString)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Stream_overload_agrees(string relativePath, string wireType)
    {
        var bytes = FixtureFiles.ReadBytes(relativePath);
        await using var stream = new MemoryStream(bytes);

        var message = await VapiJson.DeserializeMessageAsync(stream);

        message.Type.Should().Be(wireType);
        JsonSemantic.Differences(bytes, VapiJson.SerializeEnvelope(message)).Should().BeEmpty();
    }
}
