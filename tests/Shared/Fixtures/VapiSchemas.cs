using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Infrastructure;
using NJsonSchema.Validation;

namespace VapiWebhooks.Tests.Schemas;

/// <summary>One schema violation: where (<see cref="Path"/>, e.g. <c>#/results[0].name</c>), what
/// (<see cref="Kind"/>, NJsonSchema's <see cref="ValidationErrorKind"/> name) and, for unions, why
/// each branch failed (<see cref="Detail"/>).</summary>
public sealed record SchemaError(string Path, string Kind, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Path}: {Kind}" : $"{Path}: {Kind} ({Detail})";
}

/// <summary>
/// Vapi's server-message schemas (<c>schemas/vapi-server-messages.schema.json</c>, copied next to the
/// test assembly), loaded once per test run on first use. Thread-safe.
/// </summary>
/// <remarks>
/// The document is loaded in NJsonSchema's OpenAPI 3 mode so that the spec's <c>nullable: true</c>
/// is honoured (plain <see cref="JsonSchema.FromJsonAsync(string, CancellationToken)"/> ignores it and
/// rejects those nulls). Definitions are validated in place, so their <c>#/definitions/...</c>
/// references resolve against the whole document. One in-memory correction is made (the file stays
/// as published): Vapi writes <c>pattern</c> as JavaScript regex literals (<c>/^[a-zA-Z0-9_-]{1,64}$/</c>);
/// taken literally such a pattern demands slashes and rejects every real value, so the delimiters and
/// flags are dropped (see <see cref="NormalizedPatterns"/>). A second: Vapi repeats an array's item
/// <c>enum</c> on the array itself (<c>serverMessages</c>), which would demand that the whole list equal one
/// string; the array's copy is dropped and the items keep theirs.
/// </remarks>
public static partial class VapiSchemas
{
    public const string SchemaFileName = "vapi-server-messages.schema.json";

    private const string RequestPrefix = "ServerMessage";
    private const string ResponsePrefix = "ServerMessageResponse";
    private const int MaxBranchesInDetail = 8;

    private static readonly Lazy<Loaded> Document = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Full path of the schema file next to the test assembly.</summary>
    public static string SchemaPath => System.IO.Path.Combine(AppContext.BaseDirectory, "schemas", SchemaFileName);

    /// <summary>The JavaScript-literal patterns rewritten at load, original → used.</summary>
    public static IReadOnlyDictionary<string, string> NormalizedPatterns => Document.Value.NormalizedPatterns;

    /// <summary>Names of all definitions in the document.</summary>
    public static IReadOnlyCollection<string> DefinitionNames => Document.Value.Root.Definitions.Keys.ToArray();

    /// <summary>Every wire type that has a request schema, with its definition name
    /// (e.g. <c>tool-calls</c> → <c>ServerMessageToolCalls</c>).</summary>
    public static IReadOnlyDictionary<string, string> RequestDefinitions => Document.Value.RequestByType;

    /// <summary>The loaded definition, for callers that need NJsonSchema directly.</summary>
    public static JsonSchema Definition(string definitionName) =>
        Document.Value.Root.Definitions.TryGetValue(definitionName, out var schema)
            ? schema
            : throw new ArgumentException($"No definition '{definitionName}' in {SchemaFileName}.", nameof(definitionName));

    /// <summary>The <c>ServerMessage*</c> definition whose <c>type</c> enum holds <paramref name="messageType"/>
    /// (e.g. <c>transcript[transcriptType="final"]</c> → <c>ServerMessageTranscript</c>); null for a type
    /// without a schema (<c>function-call</c>, <c>assistant.started</c>, <c>language-changed</c>, unknown types).</summary>
    public static string? RequestDefinitionFor(string messageType) =>
        Document.Value.RequestByType.TryGetValue(messageType, out var name) ? name : null;

    /// <summary>The <c>ServerMessageResponse*</c> definition for the reply to <paramref name="messageType"/>
    /// (e.g. <c>tool-calls</c> → <c>ServerMessageResponseToolCalls</c>); null for informational types.</summary>
    public static string? ResponseDefinitionFor(string messageType)
    {
        var request = RequestDefinitionFor(messageType);
        if (request is null)
        {
            return null;
        }

        var response = string.Concat(ResponsePrefix, request.AsSpan(RequestPrefix.Length));
        return Document.Value.Root.Definitions.ContainsKey(response) ? response : null;
    }

    /// <summary>
    /// Validates <paramref name="json"/> against a definition. Empty when valid. A <c>oneOf</c> with at
    /// least one matching branch counts as satisfied: the spec's unions of conversation messages have
    /// no discriminator and overlap (a user message matches <c>UserMessage</c>, <c>BotMessage</c> and
    /// <c>SystemMessage</c>), so literal <c>oneOf</c> would reject every conversation. Use
    /// <see cref="ValidateStrict"/> for literal semantics.
    /// </summary>
    public static IReadOnlyList<SchemaError> Validate(string definitionName, string json) =>
        Flatten(RawErrors(definitionName, json), lenientOneOf: true);

    /// <summary>Like <see cref="Validate"/> but with literal <c>oneOf</c>: a value matching several branches is an error.</summary>
    public static IReadOnlyList<SchemaError> ValidateStrict(string definitionName, string json) =>
        Flatten(RawErrors(definitionName, json), lenientOneOf: false);

    /// <summary>Throws with every error listed when <paramref name="json"/> does not validate against the definition.</summary>
    public static void AssertValid(string definitionName, string json)
    {
        var errors = Validate(definitionName, json);
        if (errors.Count > 0)
        {
            throw new SchemaValidationException(Describe(definitionName, errors));
        }
    }

    /// <summary>A readable multi-line description of <paramref name="errors"/>.</summary>
    public static string Describe(string definitionName, IReadOnlyCollection<SchemaError> errors)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"JSON does not match {definitionName}: {errors.Count} error(s)");
        foreach (var error in errors)
        {
            text.AppendLine().Append("  - ").Append(error);
        }

        return text.ToString();
    }

    private static ICollection<ValidationError> RawErrors(string definitionName, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Definition(definitionName).Validate(json, SchemaType.OpenApi3);
    }

    private static List<SchemaError> Flatten(IEnumerable<ValidationError> errors, bool lenientOneOf)
    {
        var result = new List<SchemaError>();
        foreach (var error in errors)
        {
            AddFlattened(error, lenientOneOf, result);
        }

        return result
            .Distinct()
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ToList();
    }

    private static void AddFlattened(ValidationError error, bool lenientOneOf, List<SchemaError> into)
    {
        if (error is not ChildSchemaValidationError child || child.Errors.Count == 0)
        {
            into.Add(new SchemaError(error.Path ?? "#", error.Kind.ToString()));
            return;
        }

        var branches = child.Errors
            .Select(pair => (Name: BranchName(pair.Key), Errors: Flatten(pair.Value, lenientOneOf)))
            .ToList();

        if (error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
        {
            var matching = branches.Count(b => b.Errors.Count == 0);
            if (matching > 0 && (lenientOneOf || error.Kind == ValidationErrorKind.NotAnyOf))
            {
                return;
            }

            var detail = matching > 1
                ? "matches several branches: " + string.Join(", ", branches.Where(b => b.Errors.Count == 0).Select(b => b.Name))
                : "no branch matches; " + string.Join("; ", branches.Take(MaxBranchesInDetail).Select(b =>
                    $"{b.Name}: {string.Join(", ", b.Errors.Take(4).Select(e => $"{e.Kind} {e.Path}"))}{(b.Errors.Count > 4 ? ", ..." : string.Empty)}"));
            into.Add(new SchemaError(error.Path ?? "#", matching > 1 ? "AmbiguousOneOf" : error.Kind.ToString(), detail));
            return;
        }

        // Array items, properties, allOf: report the leaves, which carry full paths.
        foreach (var branch in branches)
        {
            into.AddRange(branch.Errors);
        }
    }

    private static string BranchName(JsonSchema branch)
    {
        if (!string.IsNullOrEmpty(branch.Title))
        {
            return branch.Title;
        }

        if (branch.HasReference)
        {
            var target = branch.Reference!;
            foreach (var (name, definition) in Document.Value.Root.Definitions)
            {
                if (ReferenceEquals(definition, target))
                {
                    return name;
                }
            }
        }

        return "(inline schema)";
    }

    private static Loaded Load()
    {
        var path = SchemaPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{SchemaFileName} was not copied next to the test assembly (see the test csproj).", path);
        }

        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);

        // Task.Run: no synchronization context, so blocking here cannot deadlock xunit's scheduler.
        var root = Task.Run(async () =>
        {
            var document = JsonNode.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false))!;
            NormalizePatterns(document, normalized);
            MoveArrayEnumsToItems(document);
            var json = document.ToJsonString();
            return await JsonSchemaSerialization.FromJsonAsync<JsonSchema>(
                json,
                SchemaType.OpenApi3,
                path,
                schema => new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator())),
                JsonSchema.CreateJsonSerializerContractResolver(SchemaType.OpenApi3),
                CancellationToken.None).ConfigureAwait(false);
        }).GetAwaiter().GetResult();

        var requestByType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in root.Definitions)
        {
            if (!name.StartsWith(RequestPrefix, StringComparison.Ordinal)
                || name.StartsWith(ResponsePrefix, StringComparison.Ordinal)
                || name == RequestPrefix
                || !definition.Properties.TryGetValue("type", out var type))
            {
                continue;
            }

            foreach (var value in type.ActualSchema.Enumeration.OfType<string>())
            {
                requestByType.Add(value, name);
            }
        }

        return new Loaded(
            root,
            requestByType.ToFrozenDictionary(StringComparer.Ordinal),
            normalized.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // {"type": "array", "enum": [...], "items": {"enum": [...]}} → the enum on the items only. Vapi writes the allowed
    // values of an array's items on the array too (assistant.serverMessages, clientMessages...); taken literally, the
    // whole array would have to equal one string, and every real list is refused.
    private static void MoveArrayEnumsToItems(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "array"
                    && obj["enum"] is JsonArray && obj["items"] is JsonObject { } items && items["enum"] is JsonArray)
                {
                    obj.Remove("enum");
                }

                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        MoveArrayEnumsToItems(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        MoveArrayEnumsToItems(item);
                    }
                }

                break;
        }
    }

    // "pattern": "/^[a-z]+$/u" → "^[a-z]+$". Only string values: a property named "pattern" holds an object.
    private static void NormalizePatterns(JsonNode node, Dictionary<string, string> normalized)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "pattern" && value is JsonValue v && v.TryGetValue<string>(out var pattern)
                        && JavaScriptRegexLiteral().Match(pattern) is { Success: true } literal)
                    {
                        var body = literal.Groups["body"].Value;
                        normalized[pattern] = body;
                        obj[key] = body;
                    }
                    else if (value is not null)
                    {
                        NormalizePatterns(value, normalized);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        NormalizePatterns(item, normalized);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("^/(?<body>.+)/[dgimsuvy]*$", RegexOptions.Singleline)]
    private static partial Regex JavaScriptRegexLiteral();

    private sealed record Loaded(
        JsonSchema Root,
        FrozenDictionary<string, string> RequestByType,
        FrozenDictionary<string, string> NormalizedPatterns);
}

/// <summary>Thrown by <see cref="VapiSchemas.AssertValid"/>.</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
    {
    }

    public SchemaValidationException(string message)
        : base(message)
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
