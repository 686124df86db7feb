using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Infrastructure;
using NJsonSchema.Validation;

namespace VapiWebhooks.Simulator.Schema;

/// <summary>
/// Vapi's server-message schemas, embedded in the tool (<c>schemas/vapi-server-messages.schema.json</c>), loaded once per
/// process in NJsonSchema's OpenAPI 3 mode so that <c>nullable: true</c> is honoured.
/// </summary>
/// <remarks>
/// Three readings follow <c>schemas/README.md</c>: Vapi's <c>pattern</c> values are JavaScript regex literals
/// (<c>/^[a-zA-Z0-9_-]{1,64}$/</c>), so delimiters and flags are dropped at load; a <c>oneOf</c> with at least one
/// matching branch counts as satisfied, because the spec's conversation-message unions overlap; and an <c>enum</c> of
/// strings on a <c>type: array</c> schema (<c>assistant.serverMessages</c>, <c>clientMessages</c>...: the spec repeats
/// the items' enum on the array) constrains the items, since read literally no array could ever match it.
/// </remarks>
internal sealed partial class VapiSchemaDocument
{
    public const string ResourceName = "vapi-server-messages.schema.json";

    private const string RequestPrefix = "ServerMessage";
    private const string ResponsePrefix = "ServerMessageResponse";
    private const int MaxErrors = 12;

    private static readonly Lazy<Task<VapiSchemaDocument>> Shared = new(() => Task.Run(LoadAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonSchema _root;
    private readonly FrozenDictionary<string, string> _requestByType;

    private VapiSchemaDocument(JsonSchema root, FrozenDictionary<string, string> requestByType)
    {
        _root = root;
        _requestByType = requestByType;
    }

    /// <summary>The document, loaded on first use (about 1.5 s) and shared by every run in the process.</summary>
    public static Task<VapiSchemaDocument> LoadSharedAsync() => Shared.Value;

    /// <summary>The <c>ServerMessageResponse*</c> definition for the reply to <paramref name="messageType"/>; null when the
    /// type expects no JSON reply (informational types, <c>voice-request</c>, types without a schema).</summary>
    public string? ResponseDefinitionFor(string messageType)
    {
        if (messageType == Messages.ServerMessageTypes.VoiceRequest || !_requestByType.TryGetValue(messageType, out var request))
        {
            return null;
        }

        var response = string.Concat(ResponsePrefix, request.AsSpan(RequestPrefix.Length));
        return _root.Definitions.ContainsKey(response) ? response : null;
    }

    /// <summary>Validates <paramref name="json"/> against a definition; empty when valid. At most a dozen errors are returned.</summary>
    public IReadOnlyList<SchemaError> Validate(string definitionName, string json)
    {
        if (!_root.Definitions.TryGetValue(definitionName, out var definition))
        {
            throw new ArgumentException($"No definition '{definitionName}' in {ResourceName}.", nameof(definitionName));
        }

        var errors = new List<SchemaError>();
        foreach (var error in definition.Validate(json, SchemaType.OpenApi3))
        {
            Flatten(error, errors);
        }

        return errors.Distinct().OrderBy(e => e.Path, StringComparer.Ordinal).Take(MaxErrors).ToList();
    }

    private static void Flatten(ValidationError error, List<SchemaError> into)
    {
        if (error is not ChildSchemaValidationError child || child.Errors.Count == 0)
        {
            into.Add(new SchemaError(error.Path ?? "#", error.Kind.ToString()));
            return;
        }

        var branches = child.Errors.Select(pair =>
        {
            var errors = new List<SchemaError>();
            foreach (var inner in pair.Value)
            {
                Flatten(inner, errors);
            }

            return errors;
        }).ToList();

        if (error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
        {
            if (branches.Any(b => b.Count == 0))
            {
                return;
            }

            var closest = branches.OrderBy(b => b.Count).First();
            into.Add(new SchemaError(error.Path ?? "#", error.Kind.ToString(), "no branch matches; closest: " + string.Join(", ", closest.Take(3))));
            return;
        }

        foreach (var branch in branches)
        {
            into.AddRange(branch);
        }
    }

    private static async Task<VapiSchemaDocument> LoadAsync()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the simulator assembly.");
        var document = (await JsonNode.ParseAsync(stream).ConfigureAwait(false))!;
        NormalizePatterns(document);
        NormalizeArrayEnums(document);
        var root = await JsonSchemaSerialization.FromJsonAsync<JsonSchema>(
            document.ToJsonString(),
            SchemaType.OpenApi3,
            documentPath: null,
            schema => new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator())),
            JsonSchema.CreateJsonSerializerContractResolver(SchemaType.OpenApi3),
            CancellationToken.None).ConfigureAwait(false);

        var requestByType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in root.Definitions)
        {
            if (!name.StartsWith(RequestPrefix, StringComparison.Ordinal) || name.StartsWith(ResponsePrefix, StringComparison.Ordinal)
                || !definition.Properties.TryGetValue("type", out var type))
            {
                continue;
            }

            foreach (var value in type.ActualSchema.Enumeration.OfType<string>())
            {
                requestByType[value] = name;
            }
        }

        return new VapiSchemaDocument(root, requestByType.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // "pattern": "/^[a-z]+$/u" → "^[a-z]+$" (string values only: a property named "pattern" holds an object).
    private static void NormalizePatterns(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "pattern" && value is JsonValue v && v.TryGetValue<string>(out var pattern)
                        && JavaScriptRegexLiteral().Match(pattern) is { Success: true } literal)
                    {
                        obj[key] = literal.Groups["body"].Value;
                    }
                    else if (value is not null)
                    {
                        NormalizePatterns(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        NormalizePatterns(item);
                    }
                }

                break;
        }
    }

    // { "type": "array", "enum": [...], "items": {...} } → the enum moves to the items (or is dropped when they have one).
    private static void NormalizeArrayEnums(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName == "array"
                    && obj["enum"] is JsonArray values && obj["items"] is JsonObject items)
                {
                    obj.Remove("enum");
                    if (!items.ContainsKey("enum"))
                    {
                        items["enum"] = values;
                    }
                }

                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        NormalizeArrayEnums(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        NormalizeArrayEnums(item);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("^/(?<body>.+)/[dgimsuvy]*$", RegexOptions.Singleline)]
    private static partial Regex JavaScriptRegexLiteral();
}
