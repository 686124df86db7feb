namespace VapiWebhooks.Simulator.Schema;

/// <summary>One place where a reply differs from Vapi's schema: the JSON path and NJsonSchema's error kind.</summary>
internal sealed record SchemaError(string Path, string Kind, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Path}: {Kind}" : $"{Path}: {Kind} ({Detail})";
}
