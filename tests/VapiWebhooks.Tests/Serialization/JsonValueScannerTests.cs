using System.Text;
using System.Text.Json;
using FluentAssertions;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;
using Xunit;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>
/// The scanner that finds where a deferred part ends must agree with <see cref="Utf8JsonReader"/> on every input:
/// the same end for valid JSON, a refusal wherever the reader throws. Checked against the reader itself, on every
/// container of every fixture, of generated documents and of generated token soup, and on thousands of seeded
/// mutations of real bodies.
/// </summary>
public class JsonValueScannerTests
{
    private const int MaxDepth = 64;

    // What Utf8JsonReader says about the object or array starting at json[start]:
    // the index of its closing bracket, or -1 when reading it throws.
    private static int ReaderEnd(byte[] json, int start)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenStartIndex == start)
                {
                    reader.Skip();
                    return (int)reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            return -1;
        }

        throw new InvalidOperationException($"No token starts at {start}.");
    }

    private static int ScannerEnd(byte[] json, int start, int depth = 1) => JsonValueScanner.FindEnd(json, start, depth, MaxDepth);

    private static byte[] Compact(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
    }

    // ---- valid JSON: the same end as the reader ----

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in FixtureFiles.Files)
        {
            data.Add(file.RelativePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_object_and_array_of_every_fixture_ends_where_the_reader_says(string fixture)
    {
        foreach (var json in new[] { FixtureFiles.ReadBytes(fixture), Compact(FixtureFiles.ReadBytes(fixture)) })
        {
            var reader = new Utf8JsonReader(json);
            var containers = 0;
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    var end = reader;
                    end.Skip();
                    ScannerEnd(json, start, reader.CurrentDepth + 1).Should().Be((int)end.TokenStartIndex, "the container at byte {0} of {1}", start, fixture);
                    containers++;
                }
            }

            containers.Should().BePositive();
        }
    }

    // ---- every rule, one case each: agrees with the reader, which accepts or refuses as stated ----

    [Theory]
    [InlineData("{}", true)]
    [InlineData("[]", true)]
    [InlineData(" { \"a\" : [ 1 , -2.5e+3 , 0 , -0 , 1E7 , 0.25 , true , false , null , \"x\" , { } , [ ] ] } ", true)]
    [InlineData("{\"a\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}", true)]
    [InlineData("{\"a\":\"\\uD800\"}", true)] // a lone surrogate escape: the reader leaves it to GetString
    [InlineData("{\"\":\"\"}", true)]
    [InlineData("[\t\r\n 1\t\r\n ]", true)]
    [InlineData("[\"a very long string that is longer than one vector of sixteen bytes, and then some more of it\"]", true)]
    [InlineData("[                                    1]", true)]
    [InlineData("[1,]", false)] // trailing comma
    [InlineData("{\"a\":1,}", false)]
    [InlineData("[,1]", false)]
    [InlineData("[1 2]", false)]
    [InlineData("{\"a\" 1}", false)]
    [InlineData("{\"a\":}", false)]
    [InlineData("{a:1}", false)]
    [InlineData("{1:1}", false)]
    [InlineData("['a']", false)]
    [InlineData("[01]", false)]
    [InlineData("[1.]", false)]
    [InlineData("[.5]", false)]
    [InlineData("[-]", false)]
    [InlineData("[1e]", false)]
    [InlineData("[1e+]", false)]
    [InlineData("[+1]", false)]
    [InlineData("[tru]", false)]
    [InlineData("[truex]", false)]
    [InlineData("[nul]", false)]
    [InlineData("[True]", false)]
    [InlineData("[\"a\\x\"]", false)] // unknown escape
    [InlineData("[\"\\u12G4\"]", false)]
    [InlineData("[\"\\u12\"]", false)]
    [InlineData("[\"a\tb\"]", false)] // a control character inside a string
    [InlineData("[\"unterminated]", false)]
    [InlineData("[1 /* comment */]", false)]
    [InlineData("[1 // comment\n]", false)]
    [InlineData("{\"a\":[1}", false)] // mismatched brackets
    [InlineData("[{\"a\":1]}", false)]
    [InlineData("{\"a\":1", false)] // no end
    [InlineData("[", false)]
    [InlineData("[1\f]", false)] // form feed is not JSON whitespace
    public void A_rule_of_JSON_is_applied_as_the_reader_applies_it(string json, bool valid)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var start = Array.FindIndex(bytes, b => b is (byte)'{' or (byte)'[');

        var expected = ReaderEnd(bytes, start);

        (expected >= 0).Should().Be(valid, "the reader's verdict on {0}", json);
        ScannerEnd(bytes, start).Should().Be(expected);
    }

    [Fact]
    public void Bytes_inside_strings_are_not_checked_for_UTF8_just_as_the_reader_does_not()
    {
        byte[] json = [.. "{\"a\":\""u8, 0xFF, 0xC3, .. "\"}"u8];

        ReaderEnd(json, 0).Should().Be(json.Length - 1);
        ScannerEnd(json, 0).Should().Be(json.Length - 1);
    }

    [Theory]
    [InlineData(1, 64, true)]
    [InlineData(1, 65, false)]
    [InlineData(10, 55, true)]
    [InlineData(10, 56, false)]
    public void The_depth_limit_counts_from_where_the_value_stands(int depth, int nesting, bool valid)
    {
        // The value at `depth` (the reader's depth once it is open) holds nesting - 1 more levels.
        var inner = new string('[', nesting - 1) + new string(']', nesting - 1);
        var json = Encoding.UTF8.GetBytes(new string('[', depth - 1) + "[" + inner + "]" + new string(']', depth - 1));
        var start = depth - 1;

        var expected = ReaderEnd(json, start);

        (expected >= 0).Should().Be(valid);
        ScannerEnd(json, start, depth).Should().Be(expected);
    }

    [Fact]
    public void Deep_nesting_up_to_the_limit_tracks_which_bracket_closes_what()
    {
        // 64 levels alternating objects and arrays: one bit per level, across the first 64-bit word.
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var level = 0; level < MaxDepth; level++)
        {
            open.Append(level % 2 == 0 ? "{\"k\":" : "[");
            close.Insert(0, level % 2 == 0 ? "}" : "]");
        }

        var json = Encoding.UTF8.GetBytes(open.ToString() + "1" + close);
        var swapped = Encoding.UTF8.GetBytes(open.ToString() + "1" + close.ToString().Replace("}]", "]}", StringComparison.Ordinal));

        ScannerEnd(json, 0).Should().Be(ReaderEnd(json, 0)).And.Be(json.Length - 1);
        ScannerEnd(swapped, 0).Should().Be(ReaderEnd(swapped, 0)).And.Be(-1);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void A_deeper_custom_limit_is_followed_too(int nesting, bool valid)
    {
        var json = Encoding.UTF8.GetBytes(new string('[', nesting) + new string(']', nesting));
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 300 });
        var readerValid = true;
        try
        {
            reader.Read();
            reader.Skip();
        }
        catch (JsonException)
        {
            readerValid = false;
        }

        readerValid.Should().Be(valid);
        JsonValueScanner.FindEnd(json, 0, 1, 300).Should().Be(valid ? json.Length - 1 : -1);
    }

    [Fact]
    public void A_value_that_is_not_an_object_or_array_is_not_scanned()
    {
        ScannerEnd("\"text\""u8.ToArray(), 0).Should().Be(-1);
        ScannerEnd("{}"u8.ToArray(), 2).Should().Be(-1);
    }

    // ---- hostile input: seeded mutations of real bodies ----

    private static readonly byte[] Interesting = "{}[]\",:\\ \t\n0123456789-+.eEtfnul/xu\u0001\u001f\u007f"u8.ToArray().Concat(new byte[] { 0x80, 0xFF }).ToArray();

    [Theory]
    [InlineData(TestBodies.LargestRealEndOfCallReport, 1)]
    [InlineData("tool-calls/tool-calls__vapi4k__5.json", 2)]
    [InlineData(TestBodies.ToolCallsWithStringArguments, 3)]
    [InlineData("assistant-request/assistant-request__vapi4k__1.json", 4)]
    public void Mutated_real_bodies_get_the_readers_verdict(string fixture, int seed)
    {
        var random = new Random(seed);
        var originals = new[] { FixtureFiles.ReadBytes(fixture), Compact(FixtureFiles.ReadBytes(fixture)) };
        var refused = 0;
        const int Mutants = 1500;
        for (var n = 0; n < Mutants; n++)
        {
            var mutant = Mutate(originals[n % 2], random);
            var start = Array.FindIndex(mutant, b => b is (byte)'{' or (byte)'[');
            if (start < 0 || mutant.AsSpan(0, start).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                continue;
            }

            var expected = ReaderEnd(mutant, start);
            refused += expected < 0 ? 1 : 0;
            ScannerEnd(mutant, start).Should().Be(expected, "mutant {0} of {1} (seed {2})", n, fixture, seed);
        }

        // Both verdicts occur, often: the mutations reach the scanner's refusals as well as its acceptances.
        refused.Should().BeInRange(Mutants / 10, Mutants * 9 / 10);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Generated_documents_end_where_the_reader_says_at_every_container(int seed)
    {
        var random = new Random(seed);
        var containers = 0;
        for (var n = 0; n < 300; n++)
        {
            var text = new StringBuilder();
            WriteValue(text, random, depth: 0, container: true);
            var json = Encoding.UTF8.GetBytes(text.ToString());
            for (var start = 0; start < json.Length; start++)
            {
                if (json[start] is not ((byte)'{' or (byte)'[') || InsideString(json, start))
                {
                    continue;
                }

                containers++;
                ScannerEnd(json, start).Should().Be(ReaderEnd(json, start), "document {0} (seed {1}) at {2}: {3}", n, seed, start, text);
            }
        }

        containers.Should().BeGreaterThan(1000, "the generator makes nested containers");
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Generated_token_soup_gets_the_readers_verdict(int seed)
    {
        var random = new Random(seed);
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"\"", "\"a\\\"b\"", "\"\\u00e9\"", "1", "-0.5e+3", "01", "1.", "true", "nul", "null", " ", "\n", "\"\\x\"", "\"\u0001\""];
        var refused = 0;
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder("{");
            var count = random.Next(1, 24);
            for (var i = 0; i < count; i++)
            {
                text.Append(tokens[random.Next(tokens.Length)]);
            }

            var json = Encoding.UTF8.GetBytes(text.ToString());
            var expected = ReaderEnd(json, 0);
            refused += expected < 0 ? 1 : 0;
            ScannerEnd(json, 0).Should().Be(expected, "soup {0} (seed {1}): {2}", n, seed, text);
        }

        refused.Should().BeGreaterThan(0);
    }

    // A JSON value with every kind of token, nesting up to 20 levels, escapes, non-ASCII text and varied whitespace.
    private static void WriteValue(StringBuilder text, Random random, int depth, bool container = false)
    {
        var kind = container ? random.Next(2) : depth > 20 ? 2 + random.Next(5) : random.Next(7);
        Space(text, random);
        switch (kind)
        {
            case 0:
                text.Append('{');
                var properties = random.Next(0, 5);
                for (var i = 0; i < properties; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Space(text, random);
                    WriteString(text, random);
                    Space(text, random);
                    text.Append(':');
                    WriteValue(text, random, depth + 1);
                }

                Space(text, random);
                text.Append('}');
                break;
            case 1:
                text.Append('[');
                var items = random.Next(0, 5);
                for (var i = 0; i < items; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    WriteValue(text, random, depth + 1);
                }

                Space(text, random);
                text.Append(']');
                break;
            case 2:
                WriteString(text, random);
                break;
            case 3:
                string[] numbers = ["0", "-0", "12", "-3.25", "1e9", "6.02E+23", "1.5e-7", "123456789012345678901234567890"];
                text.Append(numbers[random.Next(numbers.Length)]);
                break;
            case 4:
                text.Append(random.Next(2) == 0 ? "true" : "false");
                break;
            case 5:
                text.Append("null");
                break;
            default:
                text.Append(random.Next(2) == 0 ? "{}" : "[[],{}]");
                break;
        }

        Space(text, random);
    }

    private static void WriteString(StringBuilder text, Random random)
    {
        string[] pieces = ["a", "call", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "é", "日本", "{", "]", ",", ":", "😀", " "];
        text.Append('"');
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        text.Append('"');
    }

    private static void Space(StringBuilder text, Random random)
    {
        string[] spaces = ["", "", "", " ", "\n", "\r\n  ", "\t"];
        text.Append(spaces[random.Next(spaces.Length)]);
    }

    private static bool InsideString(byte[] json, int index)
    {
        var inside = false;
        for (var i = 0; i < index; i++)
        {
            if (json[i] == (byte)'\\' && inside)
            {
                i++;
            }
            else if (json[i] == (byte)'"')
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 2; e++)
        {
            // Aim at structure most of the time: a random byte of a real body is usually inside a string.
            var at = random.Next(bytes.Count);
            if (random.Next(3) > 0)
            {
                var structural = bytes.FindIndex(at, b => b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"' or (byte)'\\' or (byte)'-' or (byte)'.' or (byte)'e' or (>= (byte)'0' and <= (byte)'9'));
                at = structural >= 0 ? structural : at;
            }

            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 40)));
                    break;
            }
        }

        return [.. bytes];
    }
}
