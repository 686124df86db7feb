using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Testing;

/// <summary>Builders for the call's lifecycle (status, end-of-call report, transfers, phone control), for chats and
/// sessions, for call deletion and artifact upload, and one builder per wire type.</summary>
public static partial class VapiTestMessages
{
    private const string OrgId = "2f4a1b9e-6c0d-4e8a-9b7f-3d5c1e0a2b4c";
    private const string AssistantId = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    private const string TwilioAccountSid = "AC4d2f6b8a0c1e3f5a7b9d1c3e5f7a9b0c";

    /// <summary>When the default test call started (2026-03-02T15:04:05.123Z); builders stamp messages relative to it.</summary>
    public static DateTimeOffset DefaultCallStart => CallStart;

    /// <summary>A plausible inline assistant: name, first message, an OpenAI model with a system prompt, an ElevenLabs voice
    /// and a Deepgram transcriber.</summary>
    /// <param name="name">The assistant's name.</param>
    /// <returns>The assistant.</returns>
    public static Assistant Assistant(string name = "Riley") => new()
    {
        Name = name,
        FirstMessage = "Thanks for calling Harbor Dental, this is " + name + ". How can I help you today?",
        Model = new OpenAIModel
        {
            Model = "gpt-4o",
            Messages = [new OpenAIMessage { Role = ConversationRole.System, Content = "You are " + name + ", the scheduling assistant for Harbor Dental. Keep answers short." }],
        },
        Voice = new ElevenLabsVoice { VoiceId = "burt" },
        Transcriber = new DeepgramTranscriber { Model = "nova-3", Language = "en" },
    };

    /// <summary>The Twilio phone number the default test call came in on.</summary>
    /// <param name="phoneNumberId">The phone number id; the default test call's when null.</param>
    /// <returns>The phone number.</returns>
    public static PhoneNumber PhoneNumber(string? phoneNumberId = null) => new()
    {
        Id = phoneNumberId ?? "5b2c8f1e-0a3d-4c7b-9e6f-1a2b3c4d5e6f",
        OrgId = OrgId,
        Number = DefaultPhoneNumber,
        Provider = "twilio",
        Name = "Front desk",
        CreatedAt = CallStart.AddDays(-40),
        UpdatedAt = CallStart.AddDays(-3),
        ExtensionData = new Dictionary<string, JsonElement>
        {
            ["twilioAccountSid"] = JsonSerializer.SerializeToElement(TwilioAccountSid, VapiJsonContext.Default.String),
        },
    };

    /// <summary>
    /// Puts <paramref name="message"/> on <paramref name="call"/>: sets <c>call</c>, <c>customer</c> and <c>phoneNumber</c> the way
    /// Vapi does, so that several built messages belong to one call.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="call">The call, for example from <see cref="Call"/>.</param>
    /// <returns>The same message.</returns>
    public static T ForCall<T>(T message, Call call)
        where T : ServerMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(call);
        var timestamp = message.Timestamp;
        Fill(message, call);
        message.Timestamp = timestamp ?? message.Timestamp;
        return message;
    }

    /// <summary>A <c>status-update</c> with the reason the call ended (for <see cref="CallStatus.Ended"/>).</summary>
    /// <param name="status">The new status.</param>
    /// <param name="endedReason">Why the call ended.</param>
    /// <returns>The message.</returns>
    public static StatusUpdateMessage StatusUpdate(CallStatus status, EndedReason endedReason)
    {
        var message = StatusUpdate(status);
        message.EndedReason = endedReason;
        message.Call!.EndedReason = endedReason;
        return message;
    }

    /// <summary>
    /// An <c>end-of-call-report</c> for <paramref name="conversation"/>: artifact (messages, transcript, recordings), analysis,
    /// cost breakdown and the legacy top-level duplicates Vapi still sends (<c>transcript</c>, <c>summary</c>,
    /// <c>messages</c>, <c>recordingUrl</c>, <c>durationSeconds</c>).
    /// </summary>
    /// <param name="conversation">The whole conversation.</param>
    /// <param name="summary">The analysis summary.</param>
    /// <param name="endedReason">Why the call ended; <c>customer-ended-call</c> when null.</param>
    /// <returns>The message.</returns>
    public static EndOfCallReportMessage EndOfCallReport(VapiTestConversation conversation, string summary = "The caller booked a cleaning.", EndedReason? endedReason = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var message = EndOfCallReport(summary);
        var reason = endedReason ?? EndedReason.CustomerEndedCall;
        message.EndedReason = reason;
        message.Call!.EndedReason = reason;
        message.StartedAt = conversation.Start;
        message.EndedAt = conversation.Now;
        var recordingUrl = message.Artifact!.RecordingUrl;
        var stereoUrl = message.Artifact.StereoRecordingUrl;
        message.Artifact = conversation.ToArtifact();
        message.Artifact.RecordingUrl = recordingUrl;
        message.Artifact.StereoRecordingUrl = stereoUrl;
        message.Transcript = conversation.Transcript;
        message.Summary = summary;
        message.Messages = conversation.ToMessages();
        message.RecordingUrl = recordingUrl;
        message.StereoRecordingUrl = stereoUrl;
        message.DurationSeconds = Math.Round(conversation.Elapsed.TotalSeconds, 3);
        var minutes = Math.Max(0.01, Math.Round(conversation.Elapsed.TotalMinutes, 2));
        var characters = conversation.ToMessages().OfType<BotConversationMessage>().Sum(m => m.Message?.Length ?? 0);
        message.Costs =
        [
            Cost($$"""{"type":"transport","provider":"twilio","minutes":{{Json(minutes)}},"cost":{{Json(Math.Round(minutes * 0.0085, 4))}}}"""),
            Cost($$"""{"type":"transcriber","transcriber":{"provider":"deepgram","model":"nova-3"},"minutes":{{Json(minutes)}},"cost":{{Json(Math.Round(minutes * 0.01, 4))}}}"""),
            Cost($$"""{"type":"model","model":{"provider":"openai","model":"gpt-4o"},"promptTokens":{{Json(1800 * conversation.SpokenTurns)}},"completionTokens":{{Json(40 * conversation.SpokenTurns)}},"cost":{{Json(Math.Round(conversation.SpokenTurns * 0.0049, 4))}}}"""),
            Cost($$"""{"type":"voice","voice":{"provider":"11labs","voiceId":"burt"},"characters":{{Json(characters)}},"cost":{{Json(Math.Round(characters * 0.00003, 4))}}}"""),
            Cost($$"""{"type":"vapi","subType":"normal","minutes":{{Json(minutes)}},"cost":{{Json(Math.Round(minutes * 0.05, 4))}}}"""),
        ];
        message.Analysis!.SuccessEvaluation = JsonSerializer.SerializeToElement("true", VapiJsonContext.Default.String);
        message.Cost = message.Costs.Sum(c => c.Cost);
        message.Timestamp = VapiTimestamp.FromDateTimeOffset(conversation.Now.AddMilliseconds(800));
        return message;
    }

    /// <summary>A <c>transfer-update</c>: the call was transferred to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the call went; the billing department's number when null.</param>
    /// <returns>The message.</returns>
    public static TransferUpdateMessage TransferUpdate(TransferDestination? destination = null)
    {
        var message = Fill(new TransferUpdateMessage { Destination = destination ?? BillingNumber() }, Call());
        message.Artifact = DefaultConversation().ToArtifact();
        return message;
    }

    /// <summary>A <c>phone-call-control</c>: Vapi asks the server to forward the call or hang up (when the server controls the phone).</summary>
    /// <param name="request"><c>forward</c> or <c>hang-up</c>.</param>
    /// <param name="destination">Where to forward; the billing department's number for <c>forward</c> when null.</param>
    /// <returns>The message.</returns>
    public static PhoneCallControlMessage PhoneCallControl(string request = "forward", TransferDestination? destination = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Fill(
            new PhoneCallControlMessage { Request = request, Destination = destination ?? (request == "forward" ? BillingNumber() : null) },
            Call());
    }

    /// <summary>A <c>call.deleted</c>: the call and its data were deleted.</summary>
    /// <returns>The message.</returns>
    public static CallDeletedMessage CallDeleted() => Fill(new CallDeletedMessage(), EndedCall(CallStatus.Ended));

    /// <summary>A <c>call.delete.failed</c>: deleting the call's data failed.</summary>
    /// <returns>The message.</returns>
    public static CallDeleteFailedMessage CallDeleteFailed() => Fill(new CallDeleteFailedMessage(), EndedCall(CallStatus.DeletionFailed));

    /// <summary>A <c>call.artifact.upload</c>: the recordings and logs were written to your own storage (one entry per artifact).</summary>
    /// <param name="pcapSucceeded">Whether the pcap upload succeeded; the other artifacts succeed.</param>
    /// <returns>The message.</returns>
    public static CallArtifactUploadMessage CallArtifactUpload(bool pcapSucceeded = false)
    {
        var artifacts = WriteJson(writer =>
        {
            writer.WriteStartArray();
            foreach (var (type, success) in new[] { ("recording-mono", true), ("recording-stereo", true), ("log", true), ("pcap", pcapSucceeded) })
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteBoolean("success", success);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return Fill(new CallArtifactUploadMessage { Artifacts = artifacts }, EndedCall(CallStatus.Ended));
    }

    /// <summary>A <c>chat.created</c>: a text chat with the assistant was created.</summary>
    /// <param name="input">What the user wrote.</param>
    /// <param name="output">What the assistant answered.</param>
    /// <returns>The message (no call, as for every chat message).</returns>
    public static ChatCreatedMessage ChatCreated(string input = "What are your opening hours on Saturday?", string output = "On Saturdays we're open from 9 a.m. to 1 p.m.")
        => FillChat(new ChatCreatedMessage(), TestChat(input, output, CallStart));

    /// <summary>A <c>chat.deleted</c>: a chat was deleted.</summary>
    /// <returns>The message.</returns>
    public static ChatDeletedMessage ChatDeleted()
        => FillChat(new ChatDeletedMessage(), TestChat("What are your opening hours on Saturday?", "On Saturdays we're open from 9 a.m. to 1 p.m.", CallStart.AddMinutes(11)));

    /// <summary>A <c>session.created</c>: a chat session started.</summary>
    /// <returns>The message.</returns>
    public static SessionCreatedMessage SessionCreated() => FillSession(new SessionCreatedMessage(), "active", CallStart);

    /// <summary>A <c>session.updated</c>: a chat session changed.</summary>
    /// <returns>The message.</returns>
    public static SessionUpdatedMessage SessionUpdated() => FillSession(new SessionUpdatedMessage(), "active", CallStart.AddSeconds(3));

    /// <summary>A <c>session.deleted</c>: a chat session ended and was deleted.</summary>
    /// <returns>The message.</returns>
    public static SessionDeletedMessage SessionDeleted() => FillSession(new SessionDeletedMessage(), "completed", CallStart.AddMinutes(11));

    /// <summary>A realistic message of any wire type: the builder for <paramref name="type"/> with its defaults; for a
    /// type of <see cref="ServerMessageTable"/> without a builder, an empty message of its class on a whole call; a
    /// message of a type this library does not know for anything else.</summary>
    /// <param name="type">The wire type, for example <c>tool-calls</c> (see <see cref="ServerMessageTypes"/>).</param>
    /// <returns>The message.</returns>
    public static ServerMessage ForType(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type switch
        {
            ServerMessageTypes.AssistantRequest => AssistantRequest(),
            ServerMessageTypes.ConversationUpdate => ConversationUpdate(),
            ServerMessageTypes.EndOfCallReport => EndOfCallReport(DefaultConversation()),
            ServerMessageTypes.HandoffDestinationRequest => HandoffDestinationRequest(),
            ServerMessageTypes.Hang => Hang(),
            ServerMessageTypes.KnowledgeBaseRequest => KnowledgeBaseRequest(),
            ServerMessageTypes.ModelOutput => ModelOutput(),
            ServerMessageTypes.PhoneCallControl => PhoneCallControl(),
            ServerMessageTypes.SpeechUpdate => SpeechUpdate(SpeechStatus.Started),
            ServerMessageTypes.StatusUpdate => StatusUpdate(CallStatus.InProgress),
            ServerMessageTypes.ToolCalls => ToolCalls(new TestToolCall("check_availability", """{"date":"2026-03-03","partOfDay":"afternoon"}""")),
            ServerMessageTypes.TransferDestinationRequest => TransferDestinationRequest(),
            ServerMessageTypes.TransferUpdate => TransferUpdate(),
            ServerMessageTypes.Transcript => Transcript(),
            ServerMessageTypes.TranscriptFinal => FinalTranscriptAlias(),
            ServerMessageTypes.UserInterrupted => UserInterrupted(),
            ServerMessageTypes.LanguageChangeDetected => LanguageChangeDetected(),
            ServerMessageTypes.VoiceInput => VoiceInput(),
            ServerMessageTypes.AssistantSpeechStarted => AssistantSpeechStarted(),
            ServerMessageTypes.VoiceRequest => VoiceRequest(),
            ServerMessageTypes.CallEndpointingRequest => CallEndpointingRequest(),
            ServerMessageTypes.ChatCreated => ChatCreated(),
            ServerMessageTypes.ChatDeleted => ChatDeleted(),
            ServerMessageTypes.SessionCreated => SessionCreated(),
            ServerMessageTypes.SessionUpdated => SessionUpdated(),
            ServerMessageTypes.SessionDeleted => SessionDeleted(),
            ServerMessageTypes.CallDeleted => CallDeleted(),
            ServerMessageTypes.CallDeleteFailed => CallDeleteFailed(),
            ServerMessageTypes.CallArtifactUpload => CallArtifactUpload(),
            ServerMessageTypes.CampaignPredial => CampaignPredial(),
            ServerMessageTypes.FunctionCall => FunctionCall("check_availability", """{"date":"2026-03-03"}"""),
            ServerMessageTypes.AssistantStarted => AssistantStarted(),
            ServerMessageTypes.LanguageChanged => LanguageChanged(),
            // A type in ServerMessageTable without a builder of its own yet: its class, on a whole call.
            _ when ServerMessageTable.TryGet(type, out var kind) => Fill(kind.CreateMessage(), Call()),
            _ => Unknown(type),
        };
    }

    private static CallCost Cost(string json) => JsonSerializer.Deserialize(json, VapiJsonContext.Default.CallCost)!;

    private static string Json(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static NumberTransferDestination BillingNumber() => new()
    {
        Number = "+14155550142",
        CallerId = DefaultPhoneNumber,
        Description = "Billing department",
    };

    private static Call EndedCall(CallStatus status)
    {
        var call = Call();
        call.Status = status;
        call.EndedReason = EndedReason.CustomerEndedCall;
        call.StartedAt = CallStart;
        call.EndedAt = CallStart.AddSeconds(95);
        return call;
    }

    private static Chat TestChat(string input, string output, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return new Chat
        {
            Id = Guid.NewGuid().ToString(),
            OrgId = OrgId,
            AssistantId = AssistantId,
            Name = "Web chat",
            Input = JsonSerializer.SerializeToElement(input, VapiJsonContext.Default.String),
            Output = WriteJson(writer =>
            {
                writer.WriteStartArray();
                writer.WriteStartObject();
                writer.WriteString("role", "assistant");
                writer.WriteString("content", output);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }),
            Cost = 0.0009m,
            CreatedAt = CallStart,
            UpdatedAt = updatedAt,
        };
    }

    private static T FillChat<T>(T message, Chat chat)
        where T : ServerMessage
    {
        message.Timestamp = VapiTimestamp.FromDateTimeOffset(chat.UpdatedAt ?? CallStart);
        message.Chat = chat;
        return message;
    }

    private static T FillSession<T>(T message, string status, DateTimeOffset updatedAt)
        where T : ServerMessage
    {
        var session = WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5e");
            writer.WriteString("orgId", OrgId);
            writer.WriteString("assistantId", AssistantId);
            writer.WriteString("name", "Web chat session");
            writer.WriteString("status", status);
            writer.WriteNumber("expirationSeconds", 86400);
            writer.WriteStartObject("customer");
            writer.WriteString("number", DefaultCustomerNumber);
            writer.WriteEndObject();
            writer.WriteString("createdAt", CallStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("updatedAt", updatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
        message.Timestamp = VapiTimestamp.FromDateTimeOffset(updatedAt);
        switch (message)
        {
            case SessionCreatedMessage created:
                created.Session = session;
                break;
            case SessionUpdatedMessage updated:
                updated.Session = session;
                break;
            case SessionDeletedMessage deleted:
                deleted.Session = session;
                break;
        }

        return message;
    }
}
