using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Dispatch;

/// <summary>The registered tools by function name (exact, case-sensitive, as the model sends it).</summary>
internal sealed class ToolCatalog
{
    private readonly FrozenDictionary<string, VapiToolRegistration> _byName;

    public ToolCatalog(IEnumerable<VapiToolRegistration> registrations)
    {
        var byName = new Dictionary<string, VapiToolRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!byName.TryAdd(registration.FunctionName, registration))
            {
                throw new InvalidOperationException($"Two tools are registered as '{registration.FunctionName}'. Each AddTool call needs a distinct function name.");
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool IsEmpty => _byName.Count == 0;

    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string functionName, [NotNullWhen(true)] out VapiToolRegistration? registration)
        => _byName.TryGetValue(functionName, out registration);
}
