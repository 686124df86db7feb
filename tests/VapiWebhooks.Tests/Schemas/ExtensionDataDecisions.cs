namespace VapiWebhooks.Tests.Schemas;

/// <summary>
/// Properties of Vapi's message schemas that the model deliberately leaves in <c>ExtensionData</c> (read them with
/// <c>TryGetExtension</c>), each with the reason. <see cref="SchemaCoverageTests"/> fails for a schema property that is neither
/// typed nor listed here, and for an entry here that is typed by now or no longer in the schema.
/// </summary>
/// <remarks>
/// Empty today: the handoff destinations' assistant and squad configuration (<c>assistantOverrides</c>, <c>squad</c>,
/// <c>squadOverrides</c>) is typed with the models generated from Vapi's spec (<c>Models/Generated</c>).
/// </remarks>
internal static class ExtensionDataDecisions
{
    public static readonly IReadOnlyDictionary<(string Schema, string Property), string> Untyped = new Dictionary<(string, string), string>();
}
