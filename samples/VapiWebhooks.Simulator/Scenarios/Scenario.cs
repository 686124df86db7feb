using System.Text.Json;

namespace VapiWebhooks.Simulator.Scenarios;

/// <summary>A repeatable call, read from JSON or YAML (see README.md, "Scenario files").</summary>
internal sealed class Scenario
{
    /// <summary>A name for the report.</summary>
    public string? Name { get; set; }

    /// <summary>The server URL; <c>--url</c> overrides it.</summary>
    public string? Url { get; set; }

    /// <summary>The caller's number (E.164).</summary>
    public string? Caller { get; set; }

    /// <summary>What the <c>assistant-request</c> reply must choose.</summary>
    public AssistantExpectation? ExpectAssistant { get; set; }

    /// <summary>What the user says, in order, and which tools the model calls after each turn.</summary>
    public List<ScenarioTurn>? Turns { get; set; }

    /// <summary>Also call every eligible tool of the assistant that no turn calls, with generated arguments.</summary>
    public bool GenerateToolCalls { get; set; }

    /// <summary>Send a <c>knowledge-base-request</c> after each user turn even when the assistant has no custom knowledge base.</summary>
    public bool KnowledgeBase { get; set; }

    /// <summary>Send a <c>call.endpointing.request</c> after each user turn even when the assistant has no custom endpointing.</summary>
    public bool Endpointing { get; set; }

    /// <summary>The <c>endedReason</c> of the end of the call; <c>customer-ended-call</c> by default.</summary>
    public string? EndedReason { get; set; }

    /// <summary>Seeds generated arguments.</summary>
    public int? Seed { get; set; }
}

/// <summary>One thing the user says, and the tool calls the model makes in answer.</summary>
internal sealed class ScenarioTurn
{
    public string? User { get; set; }

    public List<ScenarioToolCall>? ToolCalls { get; set; }
}

/// <summary>A tool call: the function name, its arguments (generated from the tool's schema when absent) and what the
/// result or error must contain.</summary>
internal sealed class ScenarioToolCall
{
    public string? Name { get; set; }

    public JsonElement? Arguments { get; set; }

    /// <summary>A substring the result must contain (case-insensitive).</summary>
    public string? ExpectResult { get; set; }

    /// <summary>A substring the error must contain (case-insensitive).</summary>
    public string? ExpectError { get; set; }
}

/// <summary>What the assistant-request reply must choose; every field given must match.</summary>
internal sealed class AssistantExpectation
{
    /// <summary><c>assistant</c>, <c>assistantId</c>, <c>squad</c>, <c>squadId</c>, <c>workflow</c>, <c>workflowId</c>,
    /// <c>destination</c> or <c>error</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The inline assistant's (or squad's, workflow's) name.</summary>
    public string? Name { get; set; }

    public string? AssistantId { get; set; }

    public string? SquadId { get; set; }

    public string? WorkflowId { get; set; }

    /// <summary>The transfer destination's number or SIP URI.</summary>
    public string? Destination { get; set; }

    /// <summary>A substring of the spoken error.</summary>
    public string? Error { get; set; }

    /// <summary>The tool names the inline assistant must offer.</summary>
    public List<string>? Tools { get; set; }
}
