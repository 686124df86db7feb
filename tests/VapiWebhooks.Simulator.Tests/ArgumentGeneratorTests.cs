using System.Text.Json;
using NJsonSchema;
using VapiWebhooks.Simulator.Generation;

namespace VapiWebhooks.Simulator.Tests;

public class ArgumentGeneratorTests
{
    private const string Parameters = """
        {
          "type": "object",
          "properties": {
            "date": { "type": "string", "format": "date" },
            "at": { "type": "string", "format": "date-time" },
            "email": { "type": "string", "format": "email" },
            "customerPhone": { "type": "string" },
            "service": { "type": "string", "enum": ["cleaning", "checkup"] },
            "partySize": { "type": "integer", "minimum": 1, "maximum": 4 },
            "budget": { "type": "number", "exclusiveMinimum": 0, "maximum": 500 },
            "newPatient": { "type": "boolean" },
            "code": { "type": "string", "minLength": 6, "maxLength": 6 },
            "kind": { "const": "dental" },
            "notes": { "type": ["string", "null"] },
            "address": {
              "type": "object",
              "properties": { "street": { "type": "string" }, "zip": { "type": "string" } },
              "required": ["street", "zip"]
            },
            "tags": { "type": "array", "items": { "type": "string" }, "minItems": 2 },
            "slots": { "type": "array", "items": { "type": "object", "properties": { "time": { "type": "string", "format": "time" } }, "required": ["time"] } },
            "choice": { "anyOf": [ { "type": "null" }, { "type": "integer", "minimum": 10, "maximum": 10 } ] }
          },
          "required": ["date", "service", "partySize", "address"]
        }
        """;

    [Fact]
    public async Task Generated_arguments_validate_against_the_tool_schema()
    {
        var schema = await JsonSchema.FromJsonAsync(Parameters);
        using var document = JsonDocument.Parse(Parameters);

        var arguments = new ArgumentGenerator(seed: 3).Generate(document.RootElement).ToJsonString();

        schema.Validate(arguments).Should().BeEmpty(arguments);
        var parsed = JsonDocument.Parse(arguments).RootElement;
        parsed.GetProperty("date").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        parsed.GetProperty("customerPhone").GetString().Should().StartWith("+1");
        parsed.GetProperty("kind").GetString().Should().Be("dental");
        parsed.GetProperty("code").GetString().Should().HaveLength(6);
        parsed.GetProperty("tags").GetArrayLength().Should().Be(2);
        parsed.GetProperty("choice").GetInt32().Should().Be(10);
        parsed.GetProperty("address").GetProperty("zip").GetString().Should().Be("94107");
    }

    [Fact]
    public void The_same_seed_gives_the_same_arguments()
    {
        using var document = JsonDocument.Parse(Parameters);

        var first = new ArgumentGenerator(seed: 11).Generate(document.RootElement).ToJsonString();
        var second = new ArgumentGenerator(seed: 11).Generate(document.RootElement).ToJsonString();

        second.Should().Be(first);
    }

    [Fact]
    public void No_parameters_give_an_empty_object()
    {
        new ArgumentGenerator().Generate(null).ToJsonString().Should().Be("{}");
    }

    [Fact]
    public void Dates_are_working_days_soon_after_the_day_of_the_call()
    {
        using var document = JsonDocument.Parse("""{ "type": "object", "properties": { "date": { "type": "string" } } }""");
        var friday = new DateOnly(2031, 1, 3);

        for (var seed = 0; seed < 50; seed++)
        {
            var date = DateOnly.ParseExact(new ArgumentGenerator(seed, friday).Generate(document.RootElement)["date"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            date.Should().BeAfter(friday).And.BeOnOrBefore(friday.AddDays(16));
            date.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);
        }
    }

    [Fact]
    public void A_later_call_names_the_appointment_day_and_slot_earlier_results_gave()
    {
        using var document = JsonDocument.Parse("""
            { "type": "object", "properties": { "appointmentId": { "type": "integer" }, "date": { "type": "string" }, "time": { "type": "string" } } }
            """);
        var memory = new ToolResultMemory();
        memory.Remember("Free slots on Tuesday 2031-01-07 (30 minutes each): 09:30, 10:00.");
        memory.Remember("Booked appointment number 42. Tell the caller their appointment number is 42.");

        var arguments = new ArgumentGenerator(1, new DateOnly(2031, 1, 3), memory).Generate(document.RootElement);

        arguments["appointmentId"]!.GetValue<long>().Should().Be(42);
        arguments["date"]!.GetValue<string>().Should().Be("2031-01-07");
        arguments["time"]!.GetValue<string>().Should().Be("09:30");
    }

    [Fact]
    public void A_json_result_is_remembered_by_property_name()
    {
        using var document = JsonDocument.Parse("""{ "type": "object", "properties": { "appointmentId": { "type": "integer" } } }""");
        var memory = new ToolResultMemory();
        memory.Remember("""{"appointment":{"appointmentId":7,"date":"2031-01-07","time":"09:30"},"message":"Booked appointment number 7."}""");

        new ArgumentGenerator(1, new DateOnly(2031, 1, 3), memory).Generate(document.RootElement)["appointmentId"]!.GetValue<long>().Should().Be(7);
    }
}
