using System.Globalization;
using Microsoft.Extensions.Options;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Tools;
using VapiWebhooks.SampleHost.Voice;
using VapiWebhooks.Security;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// <c>assistant-request</c>: answers each incoming call with an inline receptionist assistant, chosen by the
/// caller's number: a known patient is greeted by name, a blocked number hears a short refusal and the call ends.
/// Every server URL in the assistant (tools, custom voice, knowledge base, endpointing, server messages) points
/// back at this host, with the credential Vapi must use.
/// </summary>
public sealed class ReceptionistAssistantHandler(
    CustomerStore customers,
    ClinicSchedule schedule,
    EspeakVoice espeak,
    IOptions<SampleOptions> options,
    IOptionsMonitor<VapiAuthenticationOptions> credentials,
    IHttpContextAccessor http,
    IServiceProvider services,
    ILogger<ReceptionistAssistantHandler> logger) : IAssistantRequestHandler
{
    public const string VoicePath = "/vapi/voice";

    public async Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var clinic = settings.Clinic;
        var number = message.Customer?.Number ?? message.Call?.Customer?.Number;
        var customer = number is null ? null : await customers.FindAsync(number, cancellationToken);
        if (customer is { Blocked: true })
        {
            logger.LogInformation("Rejected call {CallId} from a blocked number.", message.CallId);
            return AssistantRequestResponse.Reject($"Sorry, we can't take calls from this number at {clinic.Name}. Please contact the clinic in writing. Goodbye.");
        }

        var baseUrl = PublicBaseUrl();
        var webhook = baseUrl + settings.WebhookPath;
        var firstName = customer?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var greeting = firstName is null
            ? $"Thank you for calling {clinic.Name}, this is the virtual receptionist. How can I help you today?"
            : $"Hi {firstName}, welcome back to {clinic.Name}! How can I help you today?";

        var assistant = new Assistant
        {
            Name = clinic.Name + " receptionist",
            FirstMessage = greeting,
            FirstMessageMode = "assistant-speaks-first",
            Model = new OpenAIModel
            {
                Model = settings.Assistant.Model,
                Temperature = 0.3,
                Messages = [new OpenAIMessage { Role = ConversationRole.System, Content = SystemPrompt(clinic, customer) }],
                Tools = ToolDefinitions.Build(Server(webhook, timeoutSeconds: 20), withTransfer: true),
                // A custom knowledge base is what sends knowledge-base-request here (not serverMessages).
                KnowledgeBase = new CustomKnowledgeBase { Server = Server(webhook, timeoutSeconds: 10) },
            },
            Voice = espeak.IsAvailable && settings.Voice.UseEspeak
                ? new CustomVoice { Server = Server(baseUrl + VoicePath, timeoutSeconds: 20), CachingEnabled = true }
                : new VapiVoice { VoiceId = settings.Assistant.FallbackVoiceId },
            Transcriber = new DeepgramTranscriber { Model = settings.Assistant.TranscriberModel, Language = settings.Assistant.Language },
            // A custom endpointing model is what sends call.endpointing.request here (not serverMessages).
            StartSpeakingPlan = new StartSpeakingPlan
            {
                SmartEndpointingPlan = new CustomEndpointingModelSmartEndpointingPlan { Server = Server(webhook, timeoutSeconds: 5) },
            },
            // Two words, not a cough, interrupt the receptionist; the greeting is short and is not cut off by line noise.
            StopSpeakingPlan = new StopSpeakingPlan { NumWords = 2, VoiceSeconds = 0.2, BackoffSeconds = 1 },
            FirstMessageInterruptionsEnabled = false,
            // Transcripts for the call records, no audio recording: patients' voices are not kept.
            ArtifactPlan = new ArtifactPlan { RecordingEnabled = false, FullMessageHistoryEnabled = true },
            // HIPAA mode makes Vapi keep no transcript or recording (and so the end-of-call report carries none):
            // switch it on for real patient data once call records come from elsewhere.
            CompliancePlan = new CompliancePlan { HipaaEnabled = false, PciEnabled = false },
            // Without controlEnabled Vapi sends no control URL, and the call-control handlers (closing time,
            // "a person, please", async texts) cannot act on the call.
            MonitorPlan = new MonitorPlan { ControlEnabled = true, ListenEnabled = false },
            // Only outbound calls meet voicemail (a callback to a patient): leave a short message after the beep.
            VoicemailDetection = new VapiVoicemailDetectionPlan
            {
                Type = "audio",
                BeepMaxAwaitSeconds = 20,
                BackoffPlan = new VoicemailDetectionBackoffPlan { StartAtSeconds = 2, FrequencySeconds = 2.5, MaxRetries = 6 },
            },
            VoicemailMessage = $"Hello, this is {clinic.Name} returning your call. Please call us back at your convenience. Goodbye.",
            Server = Server(webhook, timeoutSeconds: 20),
            EndCallPhrases = ["goodbye", "have a nice day"],
            MaxDurationSeconds = 900,
        };

        // Every notification type this host handles (end-of-call-report, status-update) plus tool-calls and
        // transfer-destination-request: computed from DI, so a new handler is never silently starved.
        assistant.WithServerMessagesFrom(services);
        logger.LogInformation("Answering call {CallId} as a {Kind} caller.", message.CallId, customer?.Name is null ? "new" : "known");
        return AssistantRequestResponse.ForAssistant(assistant);
    }

    private string SystemPrompt(ClinicOptions clinic, CustomerRecord? customer)
    {
        var now = schedule.LocalNow;
        var who = customer?.Name is { } name ? $"The caller is {name}, a known patient." : "The caller is not known yet; ask for their full name before booking.";
        return $"""
            You are the friendly, concise phone receptionist of {clinic.Name}, a dental clinic. Speak in short sentences; this is a phone call.
            Today is {now.ToString("dddd yyyy-MM-dd", CultureInfo.InvariantCulture)} and the time is {now.ToString("HH:mm", CultureInfo.InvariantCulture)} (clinic time).
            Opening hours: {schedule.DescribeHours()}. Appointments last {clinic.SlotMinutes} minutes.
            {who}
            To book: ask what the visit is for and which day suits, call find_free_slots, offer two or three times, confirm, then call book_appointment and read back the appointment number.
            To cancel or check: call look_up_appointment (it finds the caller's upcoming appointments by phone number), then cancel_appointment if asked.
            If a tool returns an error, explain it simply and offer an alternative. Never invent free slots or prices.
            For questions about the clinic (hours, parking, insurance, prices, children, payment, emergencies, cancellations), use the knowledge base.
            After a booking, offer to text a confirmation with send_confirmation; it takes a few seconds and you are told when the text has gone, so carry on meanwhile.
            A caller who asks for a person is put through by the phone system itself; use the transferCall tool when the request is outside what you can do. For a medical emergency such as trouble breathing, tell them to call 911.
            """;
    }

    private string PublicBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        // Behind ngrok, UseForwardedHeaders has already put the public scheme and host here.
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Set Sample:PublicBaseUrl: there is no HTTP request to take the host from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>A <c>server</c> pointing at this host with the credential Vapi must send: the Vapi credential id, or else the bearer header itself.</summary>
    private ServerConfig Server(string url, int timeoutSeconds) =>
        ServerConfig.ForThisEndpoint(url, credentials.Get(Options.DefaultName), options.Value.VapiCredentialId, timeoutSeconds);
}
