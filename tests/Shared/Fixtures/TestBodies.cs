using System.Text;
using System.Text.Json.Nodes;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>Variants of real fixtures, edited through <see cref="JsonNode"/> so each test changes one thing.</summary>
internal static class TestBodies
{
    public const string EndOfCallReport = "end-of-call-report/end-of-call-report__written__1.json";
    public const string LargestRealEndOfCallReport = "end-of-call-report/end-of-call-report__vapi4k__1.json";
    public const string ToolCallsWithObjectArguments = "tool-calls/tool-calls__vapi4k__1.json";
    public const string ToolCallsWithStringArguments = "tool-calls/tool-calls__written__1.json";
    public const string StatusUpdate = "status-update/status-update__written__1.json";

    /// <summary>The fixture with <paramref name="edit"/> applied to its <c>message</c> object.</summary>
    public static byte[] Edit(string relativePath, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(FixtureFiles.Read(relativePath))!.AsObject();
        edit(root["message"]!.AsObject());
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
