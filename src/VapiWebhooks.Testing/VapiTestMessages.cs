using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Testing;

/// <summary>
/// Builds realistic Vapi server messages for tests: a plausible call, customer and phone number, shaped as
/// Vapi sends them. Every message is a mutable object: change what a test cares about.
/// </summary>
public static partial class VapiTestMessages
{
    /// <summary>The customer number used when none is given.</summary>
    public const string DefaultCustomerNumber = "+14155550123";

    /// <summary>The Vapi phone number used when none is given.</summary>
    public const string DefaultPhoneNumber = "+14155550100";

    private static readonly DateTimeOffset CallStart = new(2026, 3, 2, 15, 4, 5, 123, TimeSpan.Zero);

    /// <summary>A call in progress, with ids, monitor URLs and the customer.</summary>
    /// <param name="customerNumber">The caller's number.</param>
    /// <param name="callId">The call id; a new GUID when null.</param>
    /// <returns>The call.</returns>
    public static Call Call(string customerNumber = DefaultCustomerNumber, string? callId = null)
    {
        var id = callId ?? Guid.NewGuid().ToString();
        return new Call
        {
            Id = id,
            OrgId = "2f4a1b9e-6c0d-4e8a-9b7f-3d5c1e0a2b4c",
            Type = CallType.InboundPhoneCall,
            Status = CallStatus.InProgress,
            PhoneCallProvider = "twilio",
            PhoneCallProviderId = "CA" + Guid.NewGuid().ToString("N"),
            PhoneCallTransport = "pstn",
            PhoneNumberId = "5b2c8f1e-0a3d-4c7b-9e6f-1a2b3c4d5e6f",
            Customer = new Customer { Number = customerNumber },
            Monitor = new CallMonitor
            {
                ListenUrl = new Uri($"wss://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/{id}/listen"),
                ControlUrl = new Uri($"https://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/{id}/control"),
            },
            CreatedAt = CallStart,
            UpdatedAt = CallStart,
        };
    }

    /// <summary>An <c>assistant-request</c> for an incoming call.</summary>
    /// <param name="customerNumber">The caller's number.</param>
    /// <returns>The message.</returns>
    public static AssistantRequestMessage AssistantRequest(string customerNumber = DefaultCustomerNumber)
    {
        var call = Call(customerNumber);
        call.Status = CallStatus.Ringing;
        return Fill(new AssistantRequestMessage(), call);
    }

    /// <summary>A <c>tool-calls</c> message with one call per entry, carrying both <c>toolCallList</c> and <c>toolWithToolCallList</c> as Vapi does.</summary>
    /// <param name="calls">The tool calls.</param>
    /// <returns>The message.</returns>
    public static ToolCallsMessage ToolCalls(params IEnumerable<TestToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var message = Fill(new ToolCallsMessage(), Call());
        message.ToolCallList = [];
        message.ToolWithToolCallList = [];
        foreach (var spec in calls)
        {
            var toolCall = new ToolCall
            {
                Id = spec.Id ?? "call_" + Guid.NewGuid().ToString("N")[..24],
                Type = "function",
                Function = new ToolCallFunction { Name = spec.Name, Arguments = spec.ArgumentsElement() },
            };
            message.ToolCallList.Add(toolCall);
            message.ToolWithToolCallList.Add(new ToolWithToolCall
            {
                Type = "function",
                Function = new ToolFunctionDefinition { Name = spec.Name, Parameters = JsonElement.Parse("""{"type":"object","properties":{}}""") },
                Async = spec.Async,
                Server = new ServerConfig
                {
                    Url = spec.ServerUrl ?? "https://example.ngrok.app/vapi/webhook",
                    TimeoutSeconds = spec.TimeoutSeconds,
                    EncryptedPaths = spec.EncryptedPaths.Count > 0 && spec.ListEncryptedPaths ? [.. spec.EncryptedPaths] : null,
                },
                Messages = JsonElement.Parse("[]"),
                ToolCall = toolCall,
            });
        }

        return message;
    }

    /// <summary>A legacy <c>function-call</c> message.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="parametersJson">The parameters as a JSON object.</param>
    /// <returns>The message.</returns>
    public static FunctionCallMessage FunctionCall(string name, string parametersJson = "{}")
        => Fill(new FunctionCallMessage { FunctionCall = new FunctionCallInfo { Name = name, Parameters = JsonElement.Parse(parametersJson) } }, Call());

    /// <summary>A <c>voice-request</c> asking a custom voice to speak.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sampleRate">The sample rate.</param>
    /// <returns>The message.</returns>
    public static VoiceRequestMessage VoiceRequest(string text = "Hello, how can I help you today?", int sampleRate = 24000)
        => Fill(new VoiceRequestMessage { Text = text, SampleRate = sampleRate }, Call());

    /// <summary>A <c>status-update</c>.</summary>
    /// <param name="status">The new status.</param>
    /// <returns>The message.</returns>
    public static StatusUpdateMessage StatusUpdate(CallStatus status)
    {
        var call = Call();
        call.Status = status;
        return Fill(new StatusUpdateMessage { Status = status }, call);
    }

    /// <summary>An <c>end-of-call-report</c> with a short conversation, transcript, summary and cost.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The message.</returns>
    public static EndOfCallReportMessage EndOfCallReport(string summary = "The caller booked a cleaning for Tuesday at 10am.")
    {
        var call = Call();
        call.Status = CallStatus.Ended;
        var message = Fill(new EndOfCallReportMessage(), call);
        message.EndedReason = EndedReason.CustomerEndedCall;
        message.Cost = 0.0712m;
        message.StartedAt = CallStart;
        message.EndedAt = CallStart.AddSeconds(95);
        message.Analysis = new Analysis { Summary = summary, SuccessEvaluation = JsonElement.Parse("true") };
        message.Artifact = new Artifact
        {
            Messages = Conversation("I'd like to book a cleaning."),
            Transcript = "AI: Thank you for calling. How can I help?\nUser: I'd like to book a cleaning.\n",
            RecordingUrl = new Uri($"https://storage.vapi.ai/{call.Id}-mono.wav"),
            StereoRecordingUrl = new Uri($"https://storage.vapi.ai/{call.Id}-stereo.wav"),
        };
        return message;
    }

    /// <summary>A <c>knowledge-base-request</c> whose last user turn is <paramref name="userText"/>.</summary>
    /// <param name="userText">What the user asked.</param>
    /// <returns>The message.</returns>
    public static KnowledgeBaseRequestMessage KnowledgeBaseRequest(string userText = "What are your opening hours?")
        => Fill(new KnowledgeBaseRequestMessage { Messages = Conversation(userText), MessagesOpenAIFormatted = OpenAIConversation(userText) }, Call());

    /// <summary>A <c>call.endpointing.request</c> whose last user turn is <paramref name="userText"/>.</summary>
    /// <param name="userText">What the user said so far.</param>
    /// <returns>The message.</returns>
    public static CallEndpointingRequestMessage CallEndpointingRequest(string userText = "I'd like to book an appointment")
        => Fill(new CallEndpointingRequestMessage { Messages = Conversation(userText), MessagesOpenAIFormatted = OpenAIConversation(userText) }, Call());

    /// <summary>A <c>transfer-destination-request</c>.</summary>
    /// <returns>The message.</returns>
    public static TransferDestinationRequestMessage TransferDestinationRequest() => Fill(new TransferDestinationRequestMessage(), Call());

    /// <summary>A <c>handoff-destination-request</c>.</summary>
    /// <param name="parametersJson">The parameters the model passed.</param>
    /// <returns>The message.</returns>
    public static HandoffDestinationRequestMessage HandoffDestinationRequest(string parametersJson = """{"destination":"billing"}""")
        => Fill(new HandoffDestinationRequestMessage { Parameters = JsonElement.Parse(parametersJson) }, Call());

    /// <summary>A <c>campaign.predial</c> for a contact.</summary>
    /// <param name="contactNumber">The contact's number.</param>
    /// <returns>The message.</returns>
    public static CampaignPredialMessage CampaignPredial(string contactNumber = DefaultCustomerNumber)
    {
        var campaignId = Guid.NewGuid().ToString();
        var contact = new Customer
        {
            Number = contactNumber,
            Name = "Dana Whitfield",
            ExtensionData = new Dictionary<string, JsonElement>
            {
                // A campaign contact is a stored record: Vapi sends its id, org, campaign and creation time.
                ["id"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString(), VapiJsonContext.Default.String),
                ["campaignId"] = JsonSerializer.SerializeToElement(campaignId, VapiJsonContext.Default.String),
                ["orgId"] = JsonSerializer.SerializeToElement(OrgId, VapiJsonContext.Default.String),
                ["createdAt"] = JsonSerializer.SerializeToElement(CallStart.AddDays(-2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), VapiJsonContext.Default.String),
            },
        };
        var call = Call(contactNumber);
        call.Type = CallType.OutboundPhoneCall;
        call.Status = CallStatus.Queued;
        call.CampaignId = campaignId;
        return Fill(new CampaignPredialMessage { CampaignId = campaignId, Contact = contact }, call);
    }

    /// <summary>A final <c>transcript</c> of what someone said.</summary>
    /// <param name="text">The text.</param>
    /// <param name="role">Who said it.</param>
    /// <returns>The message.</returns>
    public static TranscriptMessage Transcript(string text = "I'd like to book a cleaning.", string role = "user")
        => Fill(new TranscriptMessage { Role = new ConversationRole(role), TranscriptType = TranscriptType.Final, Transcript = text }, Call());

    /// <summary>A message of a type this library does not know (Vapi adds types over time).</summary>
    /// <param name="type">The type string.</param>
    /// <returns>The message, as the library reads it.</returns>
    public static UnknownServerMessage Unknown(string type = "brand-new.event")
    {
        var typeJson = JsonSerializer.Serialize(type, VapiJsonContext.Default.String);
        var json = "{\"type\":" + typeJson + ",\"timestamp\":1772463845123,\"novel\":{\"nested\":[1,2,3]}}";
        var element = JsonElement.Parse(json);
        return new UnknownServerMessage { Type = type, RawJson = element };
    }

    private static List<ConversationMessage> Conversation(string userText) =>
    [
        new SystemConversationMessage { Role = ConversationRole.System, Message = "You are a friendly receptionist.", Time = 1772463845000, SecondsFromStart = 0 },
        new BotConversationMessage { Role = ConversationRole.Bot, Message = "Thank you for calling. How can I help?", Time = 1772463846000, EndTime = 1772463848000, SecondsFromStart = 1.0, Duration = 2000, Source = "model" },
        new UserConversationMessage { Role = ConversationRole.User, Message = userText, Time = 1772463849000, EndTime = 1772463851000, SecondsFromStart = 4.0, Duration = 2000 },
    ];

    private static List<OpenAIMessage> OpenAIConversation(string userText) =>
    [
        new OpenAIMessage { Role = ConversationRole.System, Content = "You are a friendly receptionist." },
        new OpenAIMessage { Role = ConversationRole.Assistant, Content = "Thank you for calling. How can I help?" },
        new OpenAIMessage { Role = ConversationRole.User, Content = userText },
    ];

    private static T Fill<T>(T message, Call call)
        where T : ServerMessage
    {
        message.Timestamp = VapiTimestamp.FromDateTimeOffset(CallStart.AddSeconds(7));
        message.Call = call;
        message.Customer = new Customer { Number = call.Customer?.Number };
        message.PhoneNumber = PhoneNumber(call.PhoneNumberId);
        return message;
    }
}
