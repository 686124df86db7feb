using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace VapiWebhooks.Simulator.Scenarios;

/// <summary>Reads a scenario file (<c>.json</c>, or <c>.yaml</c>/<c>.yml</c>) and checks it; every problem is a
/// <see cref="UsageException"/> with one line naming the file.</summary>
internal static class ScenarioLoader
{
    private static readonly string[] Kinds = ["assistant", "assistantId", "squad", "squadId", "workflow", "workflowId", "destination", "error"];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Scenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read scenario {path}: {exception.Message}", exception);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var json = extension is ".yaml" or ".yml" ? YamlToJson(path, text) : text;
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException exception)
        {
            throw new UsageException($"invalid scenario {path}: {OneLine(exception.Message)}", exception);
        }

        if (scenario is null)
        {
            throw new UsageException($"invalid scenario {path}: the file is empty or null");
        }

        Validate(path, scenario);
        return scenario;
    }

    private static void Validate(string path, Scenario scenario)
    {
        if (scenario.Turns is not { Count: > 0 } turns)
        {
            throw Invalid(path, "'turns' is missing or empty: list what the user says");
        }

        for (var i = 0; i < turns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(turns[i].User))
            {
                throw Invalid(path, $"turns[{i}].user is missing");
            }

            var calls = turns[i].ToolCalls ?? [];
            for (var j = 0; j < calls.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(calls[j].Name))
                {
                    throw Invalid(path, $"turns[{i}].toolCalls[{j}].name is missing");
                }

                if (calls[j].Arguments is { } arguments && arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    throw Invalid(path, $"turns[{i}].toolCalls[{j}].arguments must be an object");
                }
            }
        }

        if (scenario.ExpectAssistant?.Kind is { } kind && !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw Invalid(path, $"expectAssistant.kind '{kind}' is not one of {string.Join(", ", Kinds)}");
        }

        if (scenario.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw Invalid(path, $"url '{url}' is not an absolute URL");
        }
    }

    private static string YamlToJson(string path, string yaml)
    {
        try
        {
            var graph = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
            return new SerializerBuilder().JsonCompatible().Build().Serialize(graph);
        }
        catch (YamlException exception)
        {
            throw new UsageException($"invalid scenario {path}: {OneLine(exception.Message)}", exception);
        }
    }

    private static UsageException Invalid(string path, string problem) => new($"invalid scenario {path}: {problem}");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
