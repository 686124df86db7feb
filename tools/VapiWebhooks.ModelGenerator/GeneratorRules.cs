namespace VapiWebhooks.ModelGenerator;

/// <summary>
/// Every decision the generator does not take from the spec itself: which schemas to start from, C# names,
/// names of the unions, hand-written types reused instead of generated, typed legacy fields. A refresh that
/// brings a union or a name clash the rules do not cover fails with a message naming the rule to add.
/// </summary>
public static class GeneratorRules
{
    /// <summary>The schemas a server may return in an <c>assistant-request</c> reply; the generator takes their closure.</summary>
    public static readonly IReadOnlyList<string> Roots =
    [
        "CreateAssistantDTO",
        "AssistantOverrides",
        "CreateSquadDTO",
        "TransferDestinationNumber",
        "TransferDestinationSip",
    ];

    /// <summary>
    /// Schemas left as raw JSON (<c>JsonElement</c>, or the union's <c>Unknown…</c> variant), so nothing is lost but
    /// the library does not type them: inline provider credentials (<c>credentials</c>: 57 credential types with their
    /// authentication plans; a webhook reply references saved credentials by id), a workflow inside a model
    /// (<c>VapiModel.workflow</c>), inline structured outputs and scorecards (<c>ArtifactPlan</c>; their ids are
    /// typed). Together they are a third of the closure and of the build time it costs.
    /// </summary>
    public static bool IsExcluded(string schemaName) =>
        (schemaName.StartsWith("Create", StringComparison.Ordinal) && schemaName.EndsWith("CredentialDTO", StringComparison.Ordinal))
        || schemaName is "WorkflowUserEditable" or "CreateStructuredOutputDTO" or "CreateScorecardDTO";

    /// <summary>Schemas the library already models by hand, with the same meaning: referenced, not generated.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reused = new Dictionary<string, string>
    {
        // The hand-written types read both wire forms of the arguments and bind them (tool calls).
        ["OpenAIMessage"] = "OpenAIMessage",
        ["ToolCall"] = "ToolCall",
        ["ToolCallFunction"] = "ToolCallFunction",
    };

    /// <summary>C# names that differ from the schema name (after the default <c>Create…DTO</c> trimming).</summary>
    public static readonly IReadOnlyDictionary<string, string> Renames = new Dictionary<string, string>
    {
        ["CreateAssistantDTO"] = "Assistant",
        ["Server"] = "ServerConfig",
        ["TransferDestinationNumber"] = "NumberTransferDestination",
        ["TransferDestinationSip"] = "SipTransferDestination",
        ["TransferDestinationAssistant"] = "AssistantTransferDestination",
        // The spec's OpenAI-format tool-result message; "ToolMessage" names the union of a tool's spoken messages.
        ["ToolMessage"] = "ToolResultMessage",
    };

    /// <summary>
    /// The name of each union (an abstract base with one subclass per variant and an <c>Unknown…</c> subclass),
    /// found by one member it holds.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnionNames = new Dictionary<string, string>
    {
        ["OpenAIModel"] = "AssistantModel",
        ["OpenAIVoice"] = "AssistantVoice",
        ["DeepgramTranscriber"] = "AssistantTranscriber",
        ["FallbackOpenAIVoice"] = "FallbackVoice",
        ["FallbackDeepgramTranscriber"] = "FallbackTranscriber",
        ["CreateFunctionToolDTO"] = "Tool",
        ["ToolMessageStart"] = "ToolMessage",
        ["CreateCustomKnowledgeBaseDTO"] = "ModelKnowledgeBase",
        ["CallHookCallEnding"] = "CallHook",
        ["SayHookAction"] = "HookAction",
        ["VapiVoicemailDetectionPlan"] = "VoicemailDetectionPlan",
        ["LangfuseObservabilityPlan"] = "ObservabilityPlan",
        ["TransportConfigurationTwilio"] = "TransportConfiguration",
        ["TransferDestinationNumber"] = "TransferDestination",
        ["HandoffDestinationAssistant"] = "HandoffToolDestination",
        ["RecordingConsentPlanVerbal"] = "RecordingConsentPlan",
        ["ContextEngineeringPlanAll"] = "ContextEngineeringPlan",
        ["RegexCondition"] = "ToolRejectionCondition",
        ["RegexReplacement"] = "FormatReplacement",
        ["CustomerCustomEndpointingRule"] = "CustomEndpointingRule",
        ["VapiSmartEndpointingPlan"] = "SmartEndpointingPlan",
        ["TextContent"] = "MessageContent",
        ["CustomMessage"] = "TransferMessage",
    };

    /// <summary>
    /// Free-form objects (<c>type: object</c> without properties) are <c>JsonElement</c>, except these, typed for
    /// building: (schema or <c>*</c>, property) → C# type.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Schema, string Property), string> FreeFormTypes = new Dictionary<(string, string), string>
    {
        [("Server", "headers")] = "Dictionary<string, string>",
        [("*", "metadata")] = "JsonObject",
        [("*", "variableValues")] = "JsonObject",
    };

    /// <summary>
    /// Fields older Vapi examples still show that the current spec has moved. Typed, so nothing lands in
    /// <c>ExtensionData</c>, and obsolete with the replacement named, so new code does not use them.
    /// </summary>
    public static readonly IReadOnlyList<LegacyProperty> LegacyProperties =
    [
        .. AssistantLevel("CreateAssistantDTO"),
        .. AssistantLevel("AssistantOverrides"),
        new("AnalysisPlan", "summaryPrompt", "string", "The prompt of the call summary.", "AnalysisPlan.SummaryPlan.Messages"),
        new("AnalysisPlan", "structuredDataPrompt", "string", "The prompt of the structured data extracted after the call.", "AnalysisPlan.StructuredDataPlan.Messages"),
        new("AnalysisPlan", "structuredDataSchema", "JsonElement", "The schema of the structured data extracted after the call.", "AnalysisPlan.StructuredDataPlan.Schema"),
        new("AnalysisPlan", "successEvaluationPrompt", "string", "The prompt that judges the call's success.", "AnalysisPlan.SuccessEvaluationPlan.Messages"),
        new("AnalysisPlan", "successEvaluationRubric", "string", "How the call's success is judged.", "AnalysisPlan.SuccessEvaluationPlan.Rubric"),
        new("OpenAIModel", "functions", "IList<OpenAIFunction>", "Functions the model may call (OpenAI's older form).", "Tools (a FunctionTool per function)"),
        .. VoiceInputSettings("CustomVoice"),
        .. VoiceInputSettings("ElevenLabsVoice"),
        .. VoiceInputSettings("OpenAIVoice"),
        .. VoiceInputSettings("AzureVoice"),
        .. VoiceInputSettings("DeepgramVoice"),
        .. VoiceInputSettings("PlayHTVoice"),
        .. VoiceInputSettings("CartesiaVoice"),
        .. VoiceInputSettings("RimeAIVoice"),
        .. VoiceInputSettings("LMNTVoice"),
    ];

    private static IEnumerable<LegacyProperty> AssistantLevel(string schema) =>
    [
        new(schema, "recordingEnabled", "bool", "Whether the call is recorded.", "ArtifactPlan.RecordingEnabled"),
        new(schema, "hipaaEnabled", "bool", "Whether logs, recordings and transcripts are withheld (HIPAA).", "CompliancePlan.HipaaEnabled"),
        new(schema, "serverUrl", "string", "The URL server messages go to.", "Server (ServerConfig.Url)"),
        new(schema, "serverUrlSecret", "string", "The secret Vapi sent with server messages.", "Server (ServerConfig.CredentialId or Headers)"),
        new(schema, "responseDelaySeconds", "double", "The least time the assistant waits after the customer speaks.", "StartSpeakingPlan.WaitSeconds"),
        new(schema, "llmRequestDelaySeconds", "double", "The least time before the model is called after punctuated speech.", "StartSpeakingPlan.TranscriptionEndpointingPlan.OnPunctuationSeconds"),
        new(schema, "llmRequestNonPunctuatedDelaySeconds", "double", "The least time before the model is called after unpunctuated speech.", "StartSpeakingPlan.TranscriptionEndpointingPlan.OnNoPunctuationSeconds"),
        new(schema, "numWordsToInterruptAssistant", "double", "How many words the customer must say to interrupt the assistant.", "StopSpeakingPlan.NumWords"),
        new(schema, "backgroundDenoisingEnabled", "bool", "Whether background noise is filtered.", "BackgroundSpeechDenoisingPlan"),
        new(schema, "backchannelingEnabled", "bool", "Whether the assistant says \"uh-huh\" while the customer speaks.", "StopSpeakingPlan.BackoffSeconds and the voice's own settings"),
        new(schema, "endCallFunctionEnabled", "bool", "Whether the model may end the call.", "an EndCallTool in Model.Tools"),
        new(schema, "dialKeypadFunctionEnabled", "bool", "Whether the model may press keypad keys.", "a DtmfTool in Model.Tools"),
        new(schema, "forwardingPhoneNumber", "string", "A number the model may forward the call to.", "a TransferCallTool in Model.Tools"),
        new(schema, "silenceTimeoutSeconds", "double", "Seconds of customer silence before the call ends.", "Hooks (a customer.speech.timeout hook that ends the call)"),
        new(schema, "messagePlan", "JsonElement", "Idle messages spoken when the customer is silent.", "Hooks (a CallHookCustomerSpeechTimeout that says something)"),
    ];

    private static IEnumerable<LegacyProperty> VoiceInputSettings(string schema) =>
    [
        new(schema, "inputPreprocessingEnabled", "bool", "Whether the text is split into chunks before it is spoken.", "ChunkPlan.Enabled"),
        new(schema, "inputReformattingEnabled", "bool", "Whether numbers and symbols are reformatted for speech.", "ChunkPlan.FormatPlan.Enabled"),
        new(schema, "inputMinCharacters", "double", "The least characters in a chunk sent to the voice.", "ChunkPlan.MinCharacters"),
        new(schema, "inputPunctuationBoundaries", "IList<string>", "The punctuation that ends a chunk.", "ChunkPlan.PunctuationBoundaries"),
    ];
}

/// <summary>A field Vapi has moved, typed on <see cref="Schema"/> and marked obsolete.</summary>
/// <param name="Schema">The schema that gains the property.</param>
/// <param name="JsonName">The property's JSON name.</param>
/// <param name="CSharpType">Its C# type, without the nullable mark.</param>
/// <param name="Summary">What it did.</param>
/// <param name="Replacement">What replaces it now, as a C# path.</param>
public sealed record LegacyProperty(string Schema, string JsonName, string CSharpType, string Summary, string Replacement);
