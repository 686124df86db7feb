using System.Collections;
using System.Reflection;
using VapiWebhooks.Models;

namespace VapiWebhooks.Tests.Assistants;

/// <summary>Lists every property that landed in some <see cref="VapiObject.ExtensionData"/> of an object graph, by JSON-ish path.</summary>
internal static class ExtensionDataWalker
{
    public static IReadOnlyList<string> UntypedPaths(object root)
    {
        var found = new List<string>();
        Walk(root, "$", found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, int depth)
    {
        if (value is null || depth > 64 || value is string || value.GetType().IsPrimitive || value is System.Text.Json.JsonElement or System.Text.Json.Nodes.JsonNode)
        {
            return;
        }

        if (value is VapiObject { ExtensionData: { Count: > 0 } extension })
        {
            found.AddRange(extension.Keys.Select(k => $"{path}.{k}"));
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{path}.{entry.Key}", found, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", found, depth + 1);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("VapiWebhooks", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != nameof(VapiObject.ExtensionData))
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", found, depth + 1);
            }
        }
    }
}
