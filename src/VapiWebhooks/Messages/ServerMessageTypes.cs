namespace VapiWebhooks.Messages;

/// <summary>The <c>type</c> strings Vapi sends, as constants.</summary>
public static class ServerMessageTypes
{
    /// <summary>Choose the assistant, squad or workflow for an incoming call. Expects a reply within 7.5 s.</summary>
    public const string AssistantRequest = "assistant-request";
    /// <summary>The conversation changed.</summary>
    public const string ConversationUpdate = "conversation-update";
    /// <summary>The call ended; carries the artifact and analysis.</summary>
    public const string EndOfCallReport = "end-of-call-report";
    /// <summary>Choose where a squad handoff goes. Expects a reply.</summary>
    public const string HandoffDestinationRequest = "handoff-destination-request";
    /// <summary>The assistant has not answered for about five seconds.</summary>
    public const string Hang = "hang";
    /// <summary>Retrieve documents for a custom knowledge base. Expects a reply.</summary>
    public const string KnowledgeBaseRequest = "knowledge-base-request";
    /// <summary>A chunk of the model's output.</summary>
    public const string ModelOutput = "model-output";
    /// <summary>The server controls the phone call (forward or hang up).</summary>
    public const string PhoneCallControl = "phone-call-control";
    /// <summary>Someone started or stopped speaking.</summary>
    public const string SpeechUpdate = "speech-update";
    /// <summary>The call's status changed.</summary>
    public const string StatusUpdate = "status-update";
    /// <summary>Run the assistant's tools. Expects a reply.</summary>
    public const string ToolCalls = "tool-calls";
    /// <summary>Choose where a transfer goes. Expects a reply.</summary>
    public const string TransferDestinationRequest = "transfer-destination-request";
    /// <summary>A transfer happened.</summary>
    public const string TransferUpdate = "transfer-update";
    /// <summary>A partial or final transcript.</summary>
    public const string Transcript = "transcript";
    /// <summary>The alias Vapi uses for final transcripts when a server subscribes to them only.</summary>
    public const string TranscriptFinal = "transcript[transcriptType=\"final\"]";
    /// <summary>The user interrupted the assistant.</summary>
    public const string UserInterrupted = "user-interrupted";
    /// <summary>The transcriber detected a change of language.</summary>
    public const string LanguageChangeDetected = "language-change-detected";
    /// <summary>Text the assistant is about to speak.</summary>
    public const string VoiceInput = "voice-input";
    /// <summary>The assistant started speaking.</summary>
    public const string AssistantSpeechStarted = "assistant.speechStarted";
    /// <summary>Synthesise speech with a custom voice. Expects raw PCM.</summary>
    public const string VoiceRequest = "voice-request";
    /// <summary>Decide how long to wait before the assistant answers. Expects a reply.</summary>
    public const string CallEndpointingRequest = "call.endpointing.request";
    /// <summary>A chat was created.</summary>
    public const string ChatCreated = "chat.created";
    /// <summary>A chat was deleted.</summary>
    public const string ChatDeleted = "chat.deleted";
    /// <summary>A session was created.</summary>
    public const string SessionCreated = "session.created";
    /// <summary>A session was updated.</summary>
    public const string SessionUpdated = "session.updated";
    /// <summary>A session was deleted.</summary>
    public const string SessionDeleted = "session.deleted";
    /// <summary>A call was deleted.</summary>
    public const string CallDeleted = "call.deleted";
    /// <summary>Deleting a call failed.</summary>
    public const string CallDeleteFailed = "call.delete.failed";
    /// <summary>Call artifacts were uploaded.</summary>
    public const string CallArtifactUpload = "call.artifact.upload";
    /// <summary>Decide whether a campaign contact may be dialled. Expects a reply.</summary>
    public const string CampaignPredial = "campaign.predial";
    /// <summary>The legacy function-call message (no schema; still on by default). Expects a reply.</summary>
    public const string FunctionCall = "function-call";
    /// <summary>An assistant started (sent by Vapi, not in its schema).</summary>
    public const string AssistantStarted = "assistant.started";
    /// <summary>The language changed (sent by Vapi, not in its schema).</summary>
    public const string LanguageChanged = "language-changed";
}
