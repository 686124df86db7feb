using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using VapiWebhooks.Messages;
using VapiWebhooks.Tools;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// The page's "try a tool" form: each registered tool with the JSON schema of its argument type (from the same
/// serializer options it binds with), and the <c>tool-calls</c> message the form posts for it.
/// </summary>
internal static class ToolForm
{
    public static List<ToolView> Describe(IEnumerable<VapiToolRegistration> registrations)
    {
        var tools = new List<ToolView>();
        foreach (var registration in registrations)
        {
            tools.Add(new ToolView(registration.FunctionName, registration.ArgumentsType.Name, SchemaOf(registration)));
        }

        tools.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return tools;
    }

    /// <summary>A <c>tool-calls</c> message calling <paramref name="functionName"/> once with <paramref name="arguments"/>.</summary>
    public static byte[] ToolCallsBody(string functionName, JsonElement arguments, string callId, long sequence, DateTimeOffset now)
    {
        var toolCallId = "call_inspector_" + sequence.ToString(CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("message");
            json.WriteString("type", ServerMessageTypes.ToolCalls);
            json.WriteNumber("timestamp", now.ToUnixTimeMilliseconds());
            json.WriteStartObject("call");
            json.WriteString("id", callId);
            json.WriteEndObject();
            json.WriteStartArray("toolCallList");
            WriteToolCall(json, toolCallId, functionName, arguments);
            json.WriteEndArray();
            json.WriteStartArray("toolWithToolCallList");
            json.WriteStartObject();
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", functionName);
            json.WriteEndObject();
            json.WritePropertyName("toolCall");
            WriteToolCall(json, toolCallId, functionName, arguments);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteToolCall(Utf8JsonWriter json, string id, string functionName, JsonElement arguments)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("type", "function");
        json.WriteStartObject("function");
        json.WriteString("name", functionName);
        json.WritePropertyName("arguments");
        arguments.WriteTo(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The argument type's schema as the tool's own options see it (source-generated metadata or reflection, whichever
    // it binds with); none when those options cannot describe it, and the form then takes raw JSON.
    private static JsonNode? SchemaOf(VapiToolRegistration registration)
    {
        try
        {
            return registration.SerializerOptions.GetJsonSchemaAsNode(registration.ArgumentsType, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
