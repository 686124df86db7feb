using System.Text.Json.Nodes;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The function tools as the assistant declares them to the model (names match the AddTool registrations).</summary>
public static class ToolDefinitions
{
    public const string FindFreeSlots = "find_free_slots";
    public const string BookAppointment = "book_appointment";
    public const string CancelAppointment = "cancel_appointment";
    public const string LookUpAppointment = "look_up_appointment";
    public const string SendConfirmation = "send_confirmation";

    /// <summary>The tools, each pointing at <paramref name="server"/> (a <c>server</c> object: url, credential, timeout).</summary>
    public static JsonArray Build(JsonObject server, bool withTransfer)
    {
        // JsonNode-typed items: JsonArray.Add<T> would pick reflection-based serialization (not trim or AOT safe).
        var tools = new JsonArray(
            Function(server, FindFreeSlots, "List the free appointment slots on a day. Call it before offering times.", new JsonObject
            {
                ["date"] = Prop("string", "The day, yyyy-MM-dd (clinic's local date)."),
                ["partOfDay"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("morning", "afternoon"), ["description"] = "Only morning or afternoon slots." },
            }, "date"),
            Function(server, BookAppointment, "Book a free slot for the caller. Confirm date, time and name with the caller first.", new JsonObject
            {
                ["date"] = Prop("string", "The day, yyyy-MM-dd."),
                ["time"] = Prop("string", "The slot start, HH:mm (24-hour), as returned by find_free_slots."),
                ["patientName"] = Prop("string", "The patient's full name."),
                ["reason"] = Prop("string", "Why they are coming: check-up, cleaning, toothache..."),
            }, "date", "time", "patientName"),
            // Async: texting takes a few seconds, so Vapi does not wait; the result reaches the call through its control URL.
            Function(server, SendConfirmation, "Text the caller a confirmation of an appointment. The text takes a few seconds; you are told when it has gone.", new JsonObject
            {
                ["appointmentId"] = Prop("integer", "The appointment number."),
            }, isAsync: true, "appointmentId"),
            Function(server, CancelAppointment, "Cancel one of the caller's appointments by its number.", new JsonObject
            {
                ["appointmentId"] = Prop("integer", "The appointment number."),
            }, "appointmentId"),
            Function(server, LookUpAppointment, "Find the caller's upcoming appointments, or one appointment by its number.", new JsonObject
            {
                ["appointmentId"] = Prop("integer", "The appointment number, if the caller knows it."),
            }));

        if (withTransfer)
        {
            // No destinations: Vapi asks this server where to go with a transfer-destination-request.
            tools.Add((JsonNode)new JsonObject
            {
                ["type"] = "transferCall",
                ["function"] = new JsonObject
                {
                    ["name"] = "transfer_to_front_desk",
                    ["description"] = "Transfer the caller to a person at the front desk when they ask for a human or the request is outside what you can do.",
                },
                ["server"] = server.DeepClone(),
            });
        }

        return tools;
    }

    private static JsonObject Function(JsonObject server, string name, string description, JsonObject properties, params string[] required) =>
        Function(server, name, description, properties, isAsync: false, required);

    private static JsonObject Function(JsonObject server, string name, string description, JsonObject properties, bool isAsync, params string[] required) => new()
    {
        ["type"] = "function",
        ["async"] = isAsync,
        ["function"] = new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray([.. required.Select(r => (JsonNode?)JsonValue.Create(r))]),
            },
        },
        ["server"] = server.DeepClone(),
    };

    private static JsonObject Prop(string type, string description) => new() { ["type"] = type, ["description"] = description };
}
