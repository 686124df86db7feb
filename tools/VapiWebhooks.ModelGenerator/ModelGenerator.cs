using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VapiWebhooks.ModelGenerator;

/// <summary>
/// Generates the C# assistant configuration (<c>CreateAssistantDTO</c> and everything an <c>assistant-request</c>
/// reply may hold) from the schema document in <c>schemas/</c>. The output depends only on the input and the
/// <see cref="GeneratorRules"/>, so regenerating an unchanged spec gives the same files byte for byte.
/// </summary>
public sealed class ModelGenerator
{
    /// <summary>The schema document, relative to the repository root.</summary>
    public const string SchemaPath = "schemas/vapi-server-messages.schema.json";

    /// <summary>The folder the generated files go to, relative to the repository root.</summary>
    public const string OutputPath = "src/VapiWebhooks/Models/Generated";

    /// <summary>The folder of the hand-written library sources whose type names the generated ones must not repeat.</summary>
    public const string LibraryPath = "src/VapiWebhooks";

    /// <summary>Hand-written partial classes that add helpers to generated types (not a name clash).</summary>
    public const string HelpersPath = "src/VapiWebhooks/Models/Building";
    private const int MaxListedEnumValues = 16;

    private static readonly string[] DiscriminatorCandidates = ["provider", "type", "format"];

    private readonly Dictionary<string, JsonElement> _schemas;
    private readonly SortedSet<string> _closure = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Union> _unionOf = new(StringComparer.Ordinal);
    private readonly List<Union> _unions = [];

    private ModelGenerator(Dictionary<string, JsonElement> schemas) => _schemas = schemas;

    /// <summary>Unions of the spec that stay <c>JsonElement</c>, and why (printed by the tool, for a refresh's review).</summary>
    private List<string> Untyped { get; } = [];

    /// <summary>Generates every file: name (relative to <see cref="OutputPath"/>) → content.</summary>
    /// <param name="schemaJson">The content of <see cref="SchemaPath"/>.</param>
    /// <param name="handWrittenTypeNames">Type names already declared by hand in the library (from its file names).</param>
    /// <param name="report">Receives the unions that stay <c>JsonElement</c>, and why.</param>
    /// <returns>The files, ordered by name.</returns>
    public static SortedDictionary<string, string> Generate(string schemaJson, IEnumerable<string> handWrittenTypeNames, Action<string>? report = null)
    {
        using var document = JsonDocument.Parse(schemaJson);
        var schemas = document.RootElement.GetProperty("definitions").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var generator = new ModelGenerator(schemas);
        generator.Analyse();
        generator.CheckNames(handWrittenTypeNames);
        generator.Untyped.Distinct().ToList().ForEach(line => report?.Invoke(line));
        return generator.Emit();
    }

    /// <summary>Generates from the repository at <paramref name="repositoryRoot"/>.</summary>
    /// <param name="repositoryRoot">The folder that holds <c>VapiWebhooks.sln</c>.</param>
    /// <param name="report">Receives the unions that stay <c>JsonElement</c>, and why.</param>
    /// <returns>The files, ordered by name.</returns>
    public static SortedDictionary<string, string> GenerateFromRepository(string repositoryRoot, Action<string>? report = null)
    {
        var schema = File.ReadAllText(Path.Combine(repositoryRoot, SchemaPath));
        var output = Path.GetFullPath(Path.Combine(repositoryRoot, OutputPath));
        var helpers = Path.GetFullPath(Path.Combine(repositoryRoot, HelpersPath));
        var handWritten = Directory.EnumerateFiles(Path.Combine(repositoryRoot, LibraryPath), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetFullPath(f).StartsWith(output, StringComparison.Ordinal) && !Path.GetFullPath(f).StartsWith(helpers, StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('.')[0]);
        return Generate(schema, handWritten, report);
    }

    // ---- analysis ----------------------------------------------------------------------------------------

    private void Analyse()
    {
        var pending = new Stack<string>(GeneratorRules.Roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (GeneratorRules.Reused.ContainsKey(name) || GeneratorRules.IsExcluded(name) || !_closure.Add(name))
            {
                continue;
            }

            if (!_schemas.TryGetValue(name, out var schema))
            {
                throw new InvalidOperationException($"Dangling reference to '{name}'.");
            }

            foreach (var reference in References(schema))
            {
                pending.Push(reference);
            }
        }

        // Every oneOf of references (optionally with plain-string branches, kept raw) is a candidate union.
        var candidates = new Dictionary<string, (SortedSet<string> Members, string? Declared)>(StringComparer.Ordinal);
        var withStrings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _closure)
        {
            foreach (var property in Properties(_schemas[name]))
            {
                var node = Items(property.Value);
                if (UnionBranches(node) is { } members)
                {
                    var key = string.Join(",", members);
                    var declared = node.TryGetProperty("discriminator", out var d) && d.TryGetProperty("propertyName", out var p) ? p.GetString() : null;
                    candidates.TryAdd(key, (members, declared));
                    if (node.GetProperty("oneOf").EnumerateArray().Any(IsStringSchema))
                    {
                        withStrings.Add(key);
                    }
                }
            }
        }

        // Largest first: a union that is part of a larger one is typed as the larger one's base, and a union that
        // overlaps two others (the spec's SquadMemberDTO.assistantDestinations) stays JsonElement.
        foreach (var (members, declared) in candidates.Values.OrderByDescending(c => c.Members.Count).ThenBy(c => string.Join(",", c.Members), StringComparer.Ordinal))
        {
            if (members.Any(_unionOf.ContainsKey))
            {
                if (!members.All(_unionOf.ContainsKey) || members.Select(m => _unionOf[m]).Distinct().Count() != 1)
                {
                    Untyped.Add($"oneOf {string.Join(", ", members)}: overlaps two unions");
                }

                continue;
            }

            // Each variant names its one value in a single-value enum; where the spec lists every variant's value in
            // each (the smart endpointing plans), the variant's example names it.
            var discriminator = declared ?? Discriminator(members, byExample: false) ?? Discriminator(members, byExample: true);
            var values = discriminator is null ? null : Values(members, discriminator, byExample: false) ?? Values(members, discriminator, byExample: true);
            if (discriminator is null || values is null)
            {
                Untyped.Add($"oneOf {string.Join(", ", members)}: no discriminator");
                continue;
            }

            var anchors = GeneratorRules.UnionNames.Where(a => members.Contains(a.Key)).ToList();
            if (anchors.Count != 1)
            {
                throw new InvalidOperationException(
                    $"The union of {string.Join(", ", members)} needs exactly one name in GeneratorRules.UnionNames (found {anchors.Count}).");
            }

            // A union that some property allows as a plain string (voicemailDetection: "off", a transfer's message)
            // converts from a string.
            var allowsString = candidates.Keys.Any(k => withStrings.Contains(k) && k.Split(',').All(members.Contains));
            var union = new Union(anchors[0].Value, discriminator, values, allowsString);
            _unions.Add(union);
            foreach (var member in members)
            {
                _unionOf[member] = union;
            }
        }
    }

    private string? Discriminator(SortedSet<string> members, bool byExample) =>
        DiscriminatorCandidates.FirstOrDefault(candidate => Values(members, candidate, byExample) is not null);

    private SortedDictionary<string, string>? Values(SortedSet<string> members, string discriminator, bool byExample)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (DiscriminatorValue(_schemas[member], discriminator, byExample) is not { } value || !values.TryAdd(value, member))
            {
                return null;
            }
        }

        return values;
    }

    private static string? DiscriminatorValue(JsonElement schema, string property, bool byExample)
    {
        if (!schema.TryGetProperty("properties", out var properties) || !properties.TryGetProperty(property, out var value)
            || !value.TryGetProperty("enum", out var values) || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        if (values.GetArrayLength() == 1)
        {
            return values[0].GetString();
        }

        return byExample && value.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.String
            && values.EnumerateArray().Any(v => v.GetString() == example.GetString())
            ? example.GetString()
            : null;
    }

    /// <summary>The referenced members of a oneOf that is a union of objects (plain-string branches allowed); else null.</summary>
    private static SortedSet<string>? UnionBranches(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("oneOf", out var oneOf))
        {
            return null;
        }

        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var branch in oneOf.EnumerateArray())
        {
            if (RefName(branch) is { } name)
            {
                if (!GeneratorRules.IsExcluded(name))
                {
                    members.Add(name);
                }
            }
            else if (!IsStringSchema(branch))
            {
                return null;
            }
        }

        return members.Count > 0 ? members : null;
    }

    private static bool IsStringSchema(JsonElement node) =>
        node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "string";

    private void CheckNames(IEnumerable<string> handWrittenTypeNames)
    {
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var generated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _closure)
        {
            Claim(TypeName(name), name);
        }

        foreach (var union in _unions)
        {
            Claim(union.Name, "union " + union.Name);
            Claim("Unknown" + union.Name, "union " + union.Name);
        }

        var hand = new HashSet<string>(handWrittenTypeNames, StringComparer.Ordinal);
        var clashes = generated.Keys.Where(hand.Contains).Order(StringComparer.Ordinal).ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException(
                $"Generated names clash with hand-written types: {string.Join(", ", clashes)}. Rename them in GeneratorRules or remove the hand-written type.");
        }

        void Claim(string csharp, string source)
        {
            if (!generated.TryAdd(csharp, source))
            {
                throw new InvalidOperationException($"'{source}' and '{generated[csharp]}' both map to the C# name '{csharp}'.");
            }
        }
    }

    // ---- naming -------------------------------------------------------------------------------------------

    private static string TypeName(string schemaName)
    {
        if (GeneratorRules.Reused.TryGetValue(schemaName, out var reused))
        {
            return reused;
        }

        if (GeneratorRules.Renames.TryGetValue(schemaName, out var renamed))
        {
            return renamed;
        }

        var name = schemaName;
        if (name.EndsWith("DTO", StringComparison.Ordinal))
        {
            name = name[..^3];
            if (name.StartsWith("Create", StringComparison.Ordinal) && name.Length > 6 && char.IsUpper(name[6]))
            {
                name = name[6..];
            }
        }

        return name;
    }

    private static string PropertyName(string jsonName)
    {
        var builder = new StringBuilder(jsonName.Length);
        var upper = true;
        foreach (var c in jsonName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Value");
        }

        return builder.ToString();
    }

    // ---- types ---------------------------------------------------------------------------------------------

    private string CSharpType(string owner, string jsonName, JsonElement node)
    {
        if (RefName(node) is { } reference)
        {
            return GeneratorRules.IsExcluded(reference) ? "JsonElement" : TypeName(reference);
        }

        if (node.TryGetProperty("oneOf", out var oneOf))
        {
            if (UnionBranches(node) is { } members)
            {
                if (members.All(_unionOf.ContainsKey) && members.Select(m => _unionOf[m]).Distinct().Count() == 1)
                {
                    return _unionOf[members.First()].Name;
                }

                if (members.Count == 1 && oneOf.GetArrayLength() == 1)
                {
                    return TypeName(members.First());
                }
            }

            // Alternatives that are all strings (a known value or any string) are a string.
            if (oneOf.EnumerateArray().All(b => IsStringSchema(b) || (b.TryGetProperty("enum", out var e) && e.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))))
            {
                return "string";
            }

            return "JsonElement";
        }

        if (node.TryGetProperty("anyOf", out _))
        {
            return "JsonElement";
        }

        if (node.TryGetProperty("enum", out var values))
        {
            // A string enum is a string: Vapi adds values, and a value this library does not know must round-trip.
            if (values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                return node.TryGetProperty("type", out var t) && t.GetString() == "array" ? "IList<string>" : "string";
            }

            if (values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number))
            {
                return "double";
            }

            return "JsonElement";
        }

        var type = node.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        switch (type)
        {
            case "string":
                return "string";
            case "number":
                return "double";
            case "integer":
                return "int";
            case "boolean":
                return "bool";
            case "array":
                if (!node.TryGetProperty("items", out var items))
                {
                    return "IList<JsonElement>";
                }

                var item = CSharpType(owner, jsonName, items);
                return item == "JsonObject" ? "IList<JsonElement>" : $"IList<{item}>";
            case "object" when node.TryGetProperty("additionalProperties", out var mapValues) && mapValues.ValueKind == JsonValueKind.Object && !node.TryGetProperty("properties", out _):
                return $"Dictionary<string, {CSharpType(owner, jsonName, mapValues)}>";
            case "object" when !node.TryGetProperty("properties", out _):
                return GeneratorRules.FreeFormTypes.TryGetValue((owner, jsonName), out var special)
                    || GeneratorRules.FreeFormTypes.TryGetValue(("*", jsonName), out special)
                    ? special
                    : "JsonElement";
            default:
                return "JsonElement";
        }
    }

    // ---- emission ------------------------------------------------------------------------------------------

    private SortedDictionary<string, string> Emit()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var legacy = GeneratorRules.LegacyProperties.ToLookup(l => l.Schema, StringComparer.Ordinal);
        foreach (var stale in GeneratorRules.LegacyProperties.Where(l => !_closure.Contains(l.Schema)))
        {
            throw new InvalidOperationException($"Legacy property {stale.Schema}.{stale.JsonName}: no such schema in the closure.");
        }

        foreach (var name in _closure)
        {
            files[TypeName(name) + ".g.cs"] = EmitClass(name, legacy[name].ToList());
        }

        foreach (var union in _unions)
        {
            files[union.Name + ".g.cs"] = EmitUnion(union);
        }

        files["GeneratedModelTypes.g.cs"] = EmitTypeRoots();
        return files;
    }

    private string EmitClass(string schemaName, List<LegacyProperty> legacy)
    {
        var schema = _schemas[schemaName];
        var typeName = TypeName(schemaName);
        var union = _unionOf.GetValueOrDefault(schemaName);
        var w = new CodeWriter();
        w.Header(schemaName);
        w.Line("/// <summary>");
        Doc(w, schema.TryGetProperty("description", out var description) ? description.GetString() : null,
            $"Vapi's <c>{schemaName}</c>.");
        if (union is not null)
        {
            w.Line($"/// One of the <see cref=\"{union.Name}\"/> variants (<c>{union.Discriminator}: {Escape(union.ValueOf(schemaName))}</c>).");
        }

        w.Line("/// </summary>");
        w.Line($"public sealed partial class {typeName} : {union?.Name ?? "VapiObject"}");
        w.Line("{");
        var first = true;
        var used = new HashSet<string>(StringComparer.Ordinal) { typeName, "ExtensionData", "TryGetExtension" };
        var specNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Properties(schema))
        {
            specNames.Add(property.Name);
            var node = property.Value;
            var csharpName = PropertyName(property.Name);
            if (!used.Add(csharpName))
            {
                csharpName += "Value";
                if (!used.Add(csharpName))
                {
                    throw new InvalidOperationException($"{schemaName}.{property.Name}: no free C# name.");
                }
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line("    /// <summary>");
            Doc(w, PropertyDescription(node), $"The <c>{property.Name}</c> setting.", "    ");
            if (EnumValues(node) is { } known)
            {
                w.Line($"    /// <para>Known values: {known}.</para>");
            }

            w.Line("    /// </summary>");
            if (union is not null && property.Name == union.Discriminator)
            {
                w.Line($"    [JsonPropertyName(\"{property.Name}\")]");
                w.Line("    [JsonPropertyOrder(-1)]");
                w.Line($"    public override string {PropertyName(union.Discriminator)} => \"{Literal(union.ValueOf(schemaName))}\";");
                continue;
            }

            if (node.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True)
            {
                w.Line("    [Obsolete(\"Vapi marks this setting deprecated; its description names what replaces it.\")]");
            }

            w.Line($"    [JsonPropertyName(\"{Literal(property.Name)}\")]");
            w.Line($"    public {CSharpType(schemaName, property.Name, node)}? {csharpName} {{ get; set; }}");
        }

        foreach (var old in legacy)
        {
            if (specNames.Contains(old.JsonName))
            {
                throw new InvalidOperationException($"Legacy property {schemaName}.{old.JsonName} is in the spec again: remove its rule.");
            }

            w.Line();
            w.Line("    /// <summary>");
            w.Line($"    /// {Escape(old.Summary)} Older Vapi examples show this field; Vapi has moved it to <c>{Escape(old.Replacement)}</c>.");
            w.Line("    /// It is typed so that such an assistant reads and writes back unchanged.");
            w.Line("    /// </summary>");
            w.Line($"    [Obsolete(\"Vapi has moved this setting: use {Literal(old.Replacement)}.\")]");
            w.Line($"    [JsonPropertyName(\"{old.JsonName}\")]");
            w.Line($"    public {old.CSharpType}? {PropertyName(old.JsonName)} {{ get; set; }}");
        }

        w.Line("}");
        return w.ToString();
    }

    private static string EmitUnion(Union union)
    {
        var w = new CodeWriter();
        var property = PropertyName(union.Discriminator);
        w.Header(null);
        w.Line("/// <summary>");
        w.Line($"/// A union told apart by <c>{union.Discriminator}</c>:");
        w.Line("/// <list type=\"bullet\">");
        foreach (var (value, member) in union.Members)
        {
            w.Line($"/// <item><c>{Escape(value)}</c>: <see cref=\"{TypeName(member)}\"/></item>");
        }

        w.Line($"/// <item>anything else: <see cref=\"Unknown{union.Name}\"/>, which keeps the JSON as sent and writes it back unchanged.</item>");
        w.Line("/// </list>");
        w.Line("/// </summary>");
        w.Line($"[JsonConverter(typeof({union.Name}JsonConverter))]");
        w.Line($"public abstract class {union.Name} : VapiObject");
        w.Line("{");
        w.Line($"    /// <summary>The <c>{union.Discriminator}</c> that names the variant.</summary>");
        w.Line("    // Same JSON name as the variants' overrides, so that the serializer writes the overriding property only.");
        w.Line($"    [JsonPropertyName(\"{union.Discriminator}\")]");
        w.Line("    [JsonPropertyOrder(-1)]");
        w.Line($"    public abstract string {property} {{ get; }}");
        if (union.AllowsString)
        {
            w.Line();
            w.Line("    /// <summary>The plain string the spec allows in place of an object; null stays null.</summary>");
            w.Line("    /// <param name=\"value\">The string.</param>");
            w.Line("    [return: NotNullIfNotNull(nameof(value))]");
            w.Line($"    public static implicit operator {union.Name}?(string? value) => value is null ? null : FromString(value);");
            w.Line();
            w.Line("    /// <summary>The plain string the spec allows in place of an object.</summary>");
            w.Line("    /// <param name=\"value\">The string.</param>");
            w.Line("    /// <returns>An <see cref=\"Unknown" + union.Name + "\"/> that holds the string.</returns>");
            w.Line($"    public static {union.Name} FromString(string value)");
            w.Line("    {");
            w.Line("        ArgumentNullException.ThrowIfNull(value);");
            w.Line($"        return new Unknown{union.Name}(JsonSerializer.SerializeToElement(value, VapiJsonContext.Default.String));");
            w.Line("    }");
        }

        w.Line("}");
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// A <see cref=\"{union.Name}\"/> this library does not know (a variant Vapi added later, or a plain value such as a");
        w.Line("/// string where the spec allows one): <see cref=\"RawJson\"/> keeps it whole and is written back as it is.");
        w.Line("/// </summary>");
        w.Line($"public sealed class Unknown{union.Name} : {union.Name}, IRawJson");
        w.Line("{");
        w.Line("    /// <summary>Wraps a value to send as it is.</summary>");
        w.Line($"    /// <param name=\"rawJson\">The JSON value; its <c>{union.Discriminator}</c>, when it is an object that has one, names the variant.</param>");
        w.Line($"    public Unknown{union.Name}(JsonElement rawJson)");
        w.Line("    {");
        w.Line("        RawJson = rawJson.ValueKind == JsonValueKind.Undefined ? throw new ArgumentException(\"The value is undefined.\", nameof(rawJson)) : rawJson;");
        w.Line($"        {property} = rawJson.ValueKind == JsonValueKind.Object && rawJson.TryGetProperty(\"{union.Discriminator}\", out var named) && named.ValueKind == JsonValueKind.String");
        w.Line("            ? named.GetString()!");
        w.Line("            : string.Empty;");
        w.Line("    }");
        w.Line();
        w.Line($"    /// <summary>The <c>{union.Discriminator}</c> as sent; empty when there is none.</summary>");
        w.Line("    [JsonIgnore]");
        w.Line($"    public override string {property} {{ get; }}");
        w.Line();
        w.Line("    /// <summary>The value exactly as sent.</summary>");
        w.Line("    [JsonIgnore]");
        w.Line("    public JsonElement RawJson { get; }");
        w.Line("}");
        w.Line();
        w.Line($"/// <summary>Reads <see cref=\"{union.Name}\"/> by its <c>{union.Discriminator}</c>.</summary>");
        w.Line($"internal sealed class {union.Name}JsonConverter : DiscriminatedUnionConverter<{union.Name}>");
        w.Line("{");
        w.Line($"    protected override string DiscriminatorName => \"{union.Discriminator}\";");
        w.Line();
        w.Line("    protected override bool DiscriminatorRequired => false;");
        w.Line();
        w.Line("    protected override bool KeepsOtherValues => true;");
        w.Line();
        w.Line("    protected override ReadConcrete? Resolve(string discriminator) => discriminator switch");
        w.Line("    {");
        foreach (var (value, member) in union.Members)
        {
            w.Line($"        \"{Literal(value)}\" => Read<{TypeName(member)}>,");
        }

        w.Line("        _ => null,");
        w.Line("    };");
        w.Line();
        w.Line($"    protected override {union.Name} CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)");
        w.Line($"        => new Unknown{union.Name}(JsonElement.ParseValue(ref reader));");
        w.Line("}");
        return w.ToString();
    }

    private string EmitTypeRoots()
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.AutoGenerated);
        w.Line("#nullable enable");
        w.Line();
        w.Line("using System.ComponentModel;");
        w.Line("using VapiWebhooks.Models;");
        w.Line();
        w.Line("namespace VapiWebhooks.Serialization;");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Not for use: public only because the context's metadata property for it is.");
        w.Line("/// Names every generated type, so that <see cref=\"VapiJsonContext\"/> (which lists this class) holds metadata for each:");
        w.Line("/// a union's converter reads its variants through <c>GetTypeInfo</c>, and variants are reachable from no property.");
        w.Line("/// </summary>");
        w.Line("[EditorBrowsable(EditorBrowsableState.Never)]");
        w.Line("public sealed class GeneratedModelTypes");
        w.Line("{");
        var first = true;
        foreach (var name in _closure.Select(TypeName).Order(StringComparer.Ordinal))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line($"    /// <summary>A <see cref=\"Models.{name}\"/>.</summary>");
            w.Line($"    public {name}? {name} {{ get; set; }}");
        }

        w.Line("}");
        return w.ToString();
    }

    private static string? PropertyDescription(JsonElement node)
    {
        if (node.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String)
        {
            return d.GetString();
        }

        return node.TryGetProperty("items", out var items) && items.TryGetProperty("description", out var itemDescription)
            ? itemDescription.GetString()
            : null;
    }

    private static string? EnumValues(JsonElement node)
    {
        var source = node.TryGetProperty("enum", out var direct) ? direct
            : node.TryGetProperty("items", out var items) && items.TryGetProperty("enum", out var itemEnum) ? itemEnum
            : default;
        if (source.ValueKind != JsonValueKind.Array || source.GetArrayLength() == 0)
        {
            return null;
        }

        var values = source.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
        var listed = string.Join(", ", values.Take(MaxListedEnumValues).Select(v => $"<c>{Escape(v)}</c>"));
        return values.Count > MaxListedEnumValues
            ? listed + string.Create(CultureInfo.InvariantCulture, $" and {values.Count - MaxListedEnumValues} more (see the spec)")
            : listed;
    }

    private static void Doc(CodeWriter w, string? text, string fallback, string indent = "")
    {
        var lines = (string.IsNullOrWhiteSpace(text) ? fallback : Escape(text.Trim()))
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.TrimEnd());
        foreach (var line in lines)
        {
            w.Line(line.Length == 0 ? $"{indent}///" : $"{indent}/// {line}");
        }
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Literal(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal);

    // ---- spec helpers ---------------------------------------------------------------------------------------

    private static IEnumerable<JsonProperty> Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            : [];

    private static JsonElement Items(JsonElement node) =>
        node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "array"
            && node.TryGetProperty("items", out var items)
            ? items
            : node;

    /// <summary>The schema a node stands for when it is a reference (<c>$ref</c> or a one-element <c>allOf</c>).</summary>
    private static string? RefName(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (node.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()!.Split('/')[^1];
        }

        if (node.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1 && !node.TryGetProperty("oneOf", out _))
        {
            return RefName(allOf[0]);
        }

        return null;
    }

    private static IEnumerable<string> References(JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!.Split('/')[^1];
                    }
                    else if (property.Name != "discriminator")
                    {
                        foreach (var inner in References(property.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    foreach (var inner in References(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private sealed record Union(string Name, string Discriminator, SortedDictionary<string, string> Members, bool AllowsString)
    {
        public string ValueOf(string member) => Members.First(m => m.Value == member).Key;
    }
}
