using VapiWebhooks.CallControl;
using VapiWebhooks.Messages;
using VapiWebhooks.SampleHost;
using VapiWebhooks.SampleHost.Handlers;
using VapiWebhooks.SampleHost.Hosting;
using VapiWebhooks.SampleHost.KnowledgeBase;
using VapiWebhooks.SampleHost.Tools;
using VapiWebhooks.SampleHost.Voice;

var builder = WebApplication.CreateBuilder(args);

// The Vapi part: one handler per message the receptionist answers, and its five tools (arguments bound with
// source-generated JSON metadata, so the host also runs as Native AOT).
builder.Services.AddVapiWebhooks()
    .AddHandler<ReceptionistAssistantHandler>()   // assistant-request: the receptionist, or a refusal for a blocked number
    .AddHandler<FaqKnowledgeBaseHandler>()        // knowledge-base-request: BM25 over the Markdown FAQs
    .AddHandler<EndpointingHandler>()             // call.endpointing.request: wait longer after "um", "and"...
    .AddHandler<TransferHandler>()                // transfer-destination-request: the front desk while open
    .AddHandler<CallRecordHandler>()              // status-update and end-of-call-report: stored in SQLite (through the inbox)
    .AddHandler<EspeakVoiceHandler>()             // voice-request: espeak-ng's audio, streamed
    .AddHandler<ClosingTimeHandler>()             // conversation-update: the clinic closed mid-call? say goodbye and hang up
    .AddHandler<HumanRequestHandler>()            // transcript: "a real person, please" transfers to the front desk
    .AddCallControl()                             // act on the live call (control URL); async tools answered at once
    .AddTool<FindFreeSlotsTool, FindFreeSlotsArgs>(ToolDefinitions.FindFreeSlots, ClinicToolsJsonContext.Default.Options)
    .AddTool<BookAppointmentTool, BookAppointmentArgs>(ToolDefinitions.BookAppointment, ClinicToolsJsonContext.Default.Options)
    .AddTool<CancelAppointmentTool, CancelAppointmentArgs>(ToolDefinitions.CancelAppointment, ClinicToolsJsonContext.Default.Options)
    .AddTool<LookUpAppointmentTool, LookUpAppointmentArgs>(ToolDefinitions.LookUpAppointment, ClinicToolsJsonContext.Default.Options)
    .AddTool<SendConfirmationTool, SendConfirmationArgs>(ToolDefinitions.SendConfirmation, ClinicToolsJsonContext.Default.Options) // async: texts in the background
    .AddSqliteInbox(SampleOptions.InboxConnectionString, inbox => inbox.MessageTypes = [ServerMessageTypes.EndOfCallReport, ServerMessageTypes.StatusUpdate]);

// The durable inbox (above): an end-of-call-report or status-update is answered 200 only once it is committed to
// data/inbox.db, then handed to CallRecordHandler (retried if it fails). Transcripts and conversation updates, acted
// on live, stay inline. /healthz turns Degraded when a stored message waits too long.
builder.Services.AddHealthChecks().AddVapiInbox();

builder.AddSampleHosting();   // the clinic's services and database, Serilog, port 5088, ngrok's forwarded headers

var app = builder.Build();
app.UseSampleHosting();       // forwarded headers, one log line per request, the espeak-ng install hint

var webhookPath = app.Configuration["Sample:WebhookPath"] ?? "/vapi/webhook";
app.MapVapiWebhooks(webhookPath);
app.MapVapiWebhooks(ReceptionistAssistantHandler.VoicePath);
app.MapSampleHome(webhookPath);
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
