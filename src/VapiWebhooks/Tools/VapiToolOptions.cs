using System.Text.Json;

namespace VapiWebhooks.Tools;

/// <summary>How tool arguments are bound and tool results serialised.</summary>
public sealed class VapiToolOptions
{
    /// <summary>
    /// Serializer options for binding arguments and writing object results (web defaults: camelCase,
    /// case-insensitive). For trimmed or native AOT apps, set options whose <c>TypeInfoResolver</c> is your
    /// source-generated <c>JsonSerializerContext</c>.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = JsonSerializerOptions.Web;
}
