using System.Text.Json;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>Where Vapi reads a JSON reply, the body is a JSON object (the bare object, as in every Vapi example).</summary>
internal sealed class JsonReplyCheck : IReplyCheck
{
    public bool Blocking => true;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (!context.ReplyIsRead || !ReplyKinds.ExpectsJson(context.MessageType))
        {
            return [];
        }

        var body = context.Exchange.Body;
        if (body.Length == 0)
        {
            return [new Violation("json", $"empty body: Vapi reads a JSON reply to {context.MessageType}")];
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return [new Violation("json", "the body is not JSON: " + exception.Message)];
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return [new Violation("json", $"the reply is a JSON {json.ValueKind.ToString().ToLowerInvariant()}, not an object")];
        }

        context.Json = json;
        return [];
    }
}
