using System.Text.Json;
using VapiWebhooks.Simulator.Commands;
using VapiWebhooks.Simulator.Scenarios;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>What the simulated call does: who calls, what they say, which tools the model calls, what is expected.</summary>
internal sealed class CallPlan
{
    public const string DefaultFirstUserTurn = "Hi, I'd like to book a cleaning for next Tuesday afternoon.";
    public const string DefaultLastUserTurn = "That's everything, thank you. Bye!";

    public string CallerNumber { get; init; } = Testing.VapiTestMessages.DefaultCustomerNumber;

    /// <summary>The user's turns. Empty: the simulator makes one turn per tool it calls, then a goodbye.</summary>
    public IReadOnlyList<PlannedTurn> Turns { get; init; } = [];

    /// <summary>Call every eligible tool of the assistant that no turn calls, with arguments generated from its schema.</summary>
    public bool GenerateToolCalls { get; init; } = true;

    public bool ForceKnowledgeBase { get; init; }

    public bool ForceEndpointing { get; init; }

    public AssistantExpectation? ExpectAssistant { get; init; }

    public string EndedReason { get; init; } = "customer-ended-call";

    public int Seed { get; init; } = 7;

    public int SampleRate { get; init; } = 24000;

    /// <summary>The day of the call: generated dates follow it.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A tool result that is an error (and was not expected) is a violation, not a warning.</summary>
    public bool Strict { get; init; }

    /// <summary>Tool argument paths encrypted with <see cref="PublicKeyPem"/> as Vapi does (<c>--encrypt-path</c>).</summary>
    public IReadOnlyList<string> EncryptedPaths { get; init; } = [];

    /// <summary>The public key (SPKI PEM) the encrypted paths are encrypted with (<c>--public-key</c>).</summary>
    public string? PublicKeyPem { get; init; }

    public static CallPlan FromScenario(Scenario scenario, RunSettings settings) => new()
    {
        CallerNumber = scenario.Caller ?? Testing.VapiTestMessages.DefaultCustomerNumber,
        Turns = [.. scenario.Turns!.Select(t => new PlannedTurn(
            t.User!,
            [.. (t.ToolCalls ?? []).Select(c => new PlannedToolCall(c.Name!, c.Arguments is { ValueKind: JsonValueKind.Object } a ? a : null, c.ExpectResult, c.ExpectError))]))],
        GenerateToolCalls = scenario.GenerateToolCalls,
        ForceKnowledgeBase = scenario.KnowledgeBase,
        ForceEndpointing = scenario.Endpointing,
        ExpectAssistant = scenario.ExpectAssistant,
        EndedReason = scenario.EndedReason ?? "customer-ended-call",
        Seed = settings.Seed ?? scenario.Seed ?? 7,
        SampleRate = settings.SampleRate,
        Today = settings.Today,
        Strict = settings.Strict,
    };
}

/// <summary>One user turn and the tool calls that answer it.</summary>
internal sealed record PlannedTurn(string UserText, IReadOnlyList<PlannedToolCall> ToolCalls);

/// <summary>A tool call to make: the arguments given are sent as written; the tool's other properties are generated.</summary>
internal sealed record PlannedToolCall(string Name, JsonElement? Arguments = null, string? ExpectResult = null, string? ExpectError = null);
