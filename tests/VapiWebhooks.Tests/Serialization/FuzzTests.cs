using System.Diagnostics;
using System.Text.Json;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>Randomly damaged fixtures are read or rejected with a <see cref="JsonException"/>, never anything else.</summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20260819;
    private const int MaxCases = 3000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    // Bytes that change JSON's structure or a value's kind, so mutations reach past the tokenizer.
    private static readonly byte[] Interesting = "{}[]\",:0123456789-+.eEtfn\\ \u0000\u00ff"u8.ToArray();
    private static readonly byte[][] Tokens =
    [
        "null"u8.ToArray(), "true"u8.ToArray(), "{}"u8.ToArray(), "[]"u8.ToArray(), "\"\""u8.ToArray(),
        "1e400"u8.ToArray(), "-0"u8.ToArray(), "\"type\":"u8.ToArray(), "\"message\":"u8.ToArray(),
        "\"\\ud800\""u8.ToArray(), new byte[] { 0xC3, 0x28 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
    ];

    [Fact]
    public void Mutated_fixtures_are_read_or_rejected_with_a_json_exception_only()
    {
        var fixtures = FixtureFiles.Files.Select(f => FixtureFiles.ReadBytes(f.RelativePath)).ToArray();
        var random = new Random(Seed);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        int cases = 0, accepted = 0;

        for (; cases < MaxCases && watch.Elapsed < TimeBudget; cases++)
        {
            var source = fixtures[cases % fixtures.Length];
            var body = Mutate(source, random);
            try
            {
                var message = VapiJson.DeserializeMessage(body);
                accepted++;

                // What was accepted can be used: written back and its common properties read.
                _ = VapiJson.SerializeEnvelope(message);
                _ = message.CallId;
                _ = message.Timestamp?.Value;
            }
            catch (JsonException)
            {
            }
#pragma warning disable CA1031 // The point is to catch everything else.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"case {cases}: {ex.GetType().Name}: {ex.Message}{Environment.NewLine}    body (base64): {Convert.ToBase64String(body)}");
            }
        }

        output.WriteLine($"{cases} cases in {watch.ElapsedMilliseconds} ms, {accepted} accepted, {failures.Count} failures");
        cases.Should().BeGreaterThan(200, "the time budget should allow a meaningful number of cases");
        failures.Should().BeEmpty("only JsonException may escape; failures:{0}{1}", Environment.NewLine, string.Join(Environment.NewLine, failures.Take(10)));
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var body = new List<byte>(source);
        var count = random.Next(1, 5);
        for (var i = 0; i < count && body.Count > 0; i++)
        {
            var at = random.Next(body.Count);
            switch (random.Next(7))
            {
                case 0:
                    body[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    body[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    body[at] = (byte)random.Next(256);
                    break;
                case 3:
                    body.RemoveRange(at, Math.Min(body.Count - at, random.Next(1, 16)));
                    break;
                case 4:
                    body.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 5:
                    var length = Math.Min(body.Count - at, random.Next(1, 64));
                    body.InsertRange(random.Next(body.Count), body.GetRange(at, length));
                    break;
                default:
                    body.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
            }
        }

        return [.. body];
    }
}
