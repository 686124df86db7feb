using VapiWebhooks.Models;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>The function tools as the assistant declares them to the model (names match the AddTool registrations).</summary>
public static class ToolDefinitions
{
    public const string FindFreeSlots = "find_free_slots";
    public const string BookAppointment = "book_appointment";
    public const string CancelAppointment = "cancel_appointment";
    public const string LookUpAppointment = "look_up_appointment";
    public const string SendConfirmation = "send_confirmation";

    /// <summary>The tools, each answered by <paramref name="server"/> (this host, with the credential Vapi must use).</summary>
    public static List<Tool> Build(ServerConfig server, bool withTransfer)
    {
        // Async: texting takes a few seconds, so Vapi does not wait; the result reaches the call through its control URL.
        var sendConfirmation = FunctionTool.ServedBy(server, SendConfirmation, "Text the caller a confirmation of an appointment. The text takes a few seconds; you are told when it has gone.", new()
        {
            ["appointmentId"] = JsonSchema.ForInteger("The appointment number."),
        }, "appointmentId");
        sendConfirmation.Async = true;

        List<Tool> tools =
        [
            FunctionTool.ServedBy(server, FindFreeSlots, "List the free appointment slots on a day. Call it before offering times.", new()
            {
                ["date"] = JsonSchema.ForString("The day, yyyy-MM-dd (clinic's local date)."),
                ["partOfDay"] = JsonSchema.ForString("Only morning or afternoon slots.", "morning", "afternoon"),
            }, "date"),
            FunctionTool.ServedBy(server, BookAppointment, "Book a free slot for the caller. Confirm date, time and name with the caller first.", new()
            {
                ["date"] = JsonSchema.ForString("The day, yyyy-MM-dd."),
                ["time"] = JsonSchema.ForString("The slot start, HH:mm (24-hour), as returned by find_free_slots."),
                ["patientName"] = JsonSchema.ForString("The patient's full name."),
                ["reason"] = JsonSchema.ForString("Why they are coming: check-up, cleaning, toothache..."),
            }, "date", "time", "patientName"),
            sendConfirmation,
            FunctionTool.ServedBy(server, CancelAppointment, "Cancel one of the caller's appointments by its number.", new()
            {
                ["appointmentId"] = JsonSchema.ForInteger("The appointment number."),
            }, "appointmentId"),
            FunctionTool.ServedBy(server, LookUpAppointment, "Find the caller's upcoming appointments, or one appointment by its number.", new()
            {
                ["appointmentId"] = JsonSchema.ForInteger("The appointment number, if the caller knows it."),
            }),
        ];

        if (withTransfer)
        {
            // No destinations: Vapi asks the assistant's server where to go with a transfer-destination-request.
            tools.Add(new TransferCallTool());
        }

        return tools;
    }
}
