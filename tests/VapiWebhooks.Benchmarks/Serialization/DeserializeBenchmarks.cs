using System.Text.Json;
using BenchmarkDotNet.Attributes;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Benchmarks.Serialization;

/// <summary>
/// Typed reading of real Vapi payloads (captured traffic, see Fixtures/SOURCES.md) against parsing the same
/// bytes into a <see cref="JsonDocument"/> (the baseline: the least any reader must do).
/// </summary>
[MemoryDiagnoser]
public class DeserializeBenchmarks
{
    private byte[] _body = [];

    /// <summary>The captured payloads, largest first.</summary>
    public static IEnumerable<Payload> Payloads =>
    [
        new("eocr-vapi4k-1 10330B", "end-of-call-report/end-of-call-report__vapi4k__1.json"),
        new("tools-vapi4k-5 8968B", "tool-calls/tool-calls__vapi4k__5.json"),
        new("tools-vapi4k-5 min 5809B", "tool-calls/tool-calls__vapi4k__5.json", Minified: true),
        new("tools-vapi4k-1 8280B", "tool-calls/tool-calls__vapi4k__1.json"),
        new("asst-req-vapi4k 1577B", "assistant-request/assistant-request__vapi4k__1.json"),
    ];

    [ParamsSource(nameof(Payloads))]
    public Payload Body { get; set; } = new(string.Empty, string.Empty);

    [GlobalSetup]
    public void Setup()
    {
        _body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", Body.RelativePath));
        if (Body.Minified)
        {
            // The fixtures are indented; a sender may well not indent, and whitespace is a third of the bytes.
            using var document = JsonDocument.Parse(_body);
            _body = JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
        }
    }

    [Benchmark(Baseline = true)]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public ServerMessage DeserializeMessage() => VapiJson.DeserializeMessage(_body);
}

/// <summary>A fixture under Fixtures/ (copied next to the assembly), shown by a short name in the summary.</summary>
/// <param name="Name">Short name and size, for the table.</param>
/// <param name="RelativePath">Path under Fixtures/.</param>
/// <param name="Minified">Whether to benchmark the fixture without its indentation.</param>
public sealed record Payload(string Name, string RelativePath, bool Minified = false)
{
    public override string ToString() => Name;
}
