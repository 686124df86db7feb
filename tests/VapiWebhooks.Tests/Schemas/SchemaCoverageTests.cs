using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Tests.Schemas;

/// <summary>
/// Keeps the model honest against <c>schemas/</c>: every property of every server-message schema (and of the nested objects
/// the library types: the artifact and its parts, the handoff destinations) is either a typed property of the model or an
/// explicit, reasoned decision in <see cref="ExtensionDataDecisions"/>. A refreshed spec that adds a field fails here.
/// </summary>
public class SchemaCoverageTests
{
    // Nested schemas the library types, and the class that types each (several schemas share one class).
    private static readonly Dictionary<string, Type> NestedSchemas = new(StringComparer.Ordinal)
    {
        ["Artifact"] = typeof(Artifact),
        ["TransferArtifact"] = typeof(TransferArtifact),
        ["AssistantActivation"] = typeof(AssistantActivation),
        ["NodeArtifact"] = typeof(NodeArtifact),
        ["SkippedStructuredOutput"] = typeof(SkippedStructuredOutput),
        ["HandoffDestinationAssistant"] = typeof(HandoffDestination),
        ["HandoffDestinationSquad"] = typeof(HandoffDestination),
        ["HandoffDestinationDynamic"] = typeof(HandoffDestination),
        ["VariableExtractionPlan"] = typeof(VariableExtractionPlan),
    };

    private static JsonElement Definitions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", "vapi-server-messages.schema.json");
        return JsonElement.Parse(File.ReadAllText(path)).GetProperty("definitions");
    }

    /// <summary>Every (schema, class) pair the test covers: each message schema by its <c>type</c>, then the nested ones.</summary>
    private static List<(string Schema, Type Model)> CoveredSchemas(JsonElement definitions)
    {
        var covered = new List<(string, Type)>();
        foreach (var definition in definitions.EnumerateObject())
        {
            if (!definition.Name.StartsWith("ServerMessage", StringComparison.Ordinal) || definition.Name.StartsWith("ServerMessageResponse", StringComparison.Ordinal) || definition.Name == "ServerMessage")
            {
                continue;
            }

            var type = definition.Value.GetProperty("properties").GetProperty("type").GetProperty("enum")[0].GetString()!;
            ServerMessageTable.TryGet(type, out var kind).Should().BeTrue($"{definition.Name} ('{type}') needs a message class and a row in ServerMessageTable");
            covered.Add((definition.Name, kind!.MessageType));
        }

        covered.AddRange(NestedSchemas.Select(n => (n.Key, n.Value)));
        return covered;
    }

    private static HashSet<string> TypedNames(Type model)
        => [.. VapiJsonContext.Default.GetTypeInfo(model)!.Properties.Select(p => p.Name)];

    [Fact]
    public void Every_schema_property_is_typed_or_left_in_ExtensionData_by_a_reasoned_decision()
    {
        var definitions = Definitions();
        var undecided = new List<string>();
        var covered = CoveredSchemas(definitions);
        covered.Count.Should().BeGreaterThan(30, "the 29 message schemas and the nested ones are all covered");
        foreach (var (schema, model) in covered)
        {
            var typed = TypedNames(model);
            foreach (var property in definitions.GetProperty(schema).GetProperty("properties").EnumerateObject())
            {
                if (!typed.Contains(property.Name) && !ExtensionDataDecisions.Untyped.ContainsKey((schema, property.Name)))
                {
                    undecided.Add($"{schema}.{property.Name} ({model.Name})");
                }
            }
        }

        undecided.Should().BeEmpty("each schema property needs a typed property on its model or an entry with a reason in ExtensionDataDecisions");
    }

    [Fact]
    public void Every_decision_still_names_an_untyped_schema_property_and_gives_a_reason()
    {
        var definitions = Definitions();
        var covered = CoveredSchemas(definitions).ToLookup(c => c.Schema, c => c.Model);
        foreach (var ((schema, property), reason) in ExtensionDataDecisions.Untyped)
        {
            reason.Should().NotBeNullOrWhiteSpace();
            covered.Contains(schema).Should().BeTrue($"{schema} is a covered schema");
            definitions.GetProperty(schema).GetProperty("properties").TryGetProperty(property, out _).Should().BeTrue($"{schema}.{property} is still in the schema");
            TypedNames(covered[schema].First()).Should().NotContain(property, $"{schema}.{property} is typed now: remove its decision");
        }
    }
}
