using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VapiWebhooks.Tools;

/// <summary>
/// How tool arguments bind: strictly (a required constructor parameter must be present, a non-nullable reference must not
/// be null, a property name must not repeat), and with a binding error told to the model in one short line that names the
/// argument and the type it expects ("Missing argument 'city' (string)."), without the reader's internals.
/// </summary>
internal static class ToolArgumentBinding
{
    /// <summary>The options to bind with: the tool's own, made strict (a copy when they are not already).</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        if (options.RespectNullableAnnotations && options.RespectRequiredConstructorParameters && !options.AllowDuplicateProperties)
        {
            return options;
        }

        return new JsonSerializerOptions(options)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        };
    }

    /// <summary>One short line saying which argument is wrong and what it should be.</summary>
    public static string Describe(JsonTypeInfo typeInfo, JsonElement arguments, JsonException exception)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return "The arguments must be a JSON object.";
        }

        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return "The arguments do not match the tool's parameters.";
        }

        var comparison = typeInfo.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in typeInfo.Properties)
        {
            var present = TryGetProperty(arguments, property.Name, comparison, out var value);
            var required = property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };
            if (!present && required)
            {
                return $"Missing argument '{property.Name}' ({KindOf(property.PropertyType)}).";
            }

            if (present && value.ValueKind == JsonValueKind.Null && !(property.AssociatedParameter?.IsNullable ?? property.IsSetNullable))
            {
                return $"Argument '{property.Name}' must not be null ({KindOf(property.PropertyType)}).";
            }
        }

        // The reader names the property it stopped at ("$.days"); its expected type is the one declared.
        if (exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal))
        {
            var name = path[2..];
            var end = name.IndexOfAny(['.', '[']);
            name = end < 0 ? name : name[..end];
            foreach (var property in typeInfo.Properties)
            {
                if (string.Equals(property.Name, name, comparison))
                {
                    return $"Argument '{property.Name}' must be {Article(KindOf(property.PropertyType))}.";
                }
            }

            return $"Invalid argument at {path}.";
        }

        if (exception.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "An argument is repeated.";
        }

        return "The arguments do not match the tool's parameters.";
    }

    private static bool TryGetProperty(JsonElement arguments, string name, StringComparison comparison, out JsonElement value)
    {
        if (comparison == StringComparison.Ordinal)
        {
            return arguments.TryGetProperty(name, out value);
        }

        foreach (var property in arguments.EnumerateObject())
        {
            if (string.Equals(property.Name, name, comparison))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    // The JSON kind a model understands, not the CLR type.
    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(Uri))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return "date/time string";
        }

        if (type.IsEnum)
        {
            return "one of the allowed values";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte))
        {
            return "integer";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "number";
        }

        return typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "array" : "object";
    }

    private static string Article(string kind) => kind switch
    {
        "integer" or "object" or "array" => "an " + kind,
        "one of the allowed values" => kind,
        _ => "a " + kind,
    };
}
