using VapiWebhooks.Simulator.Checks;
using VapiWebhooks.Simulator.Generation;
using VapiWebhooks.Simulator.Scenarios;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>Compares the assistant a server chose with what a scenario expects.</summary>
internal static class AssistantExpectations
{
    public static IEnumerable<Violation> Check(AssistantExpectation? expected, AssistantProfile actual, bool replied)
    {
        if (expected is null || !replied)
        {
            yield break;
        }

        if (expected.Kind is { } kind && kind != actual.Kind)
        {
            yield return Mismatch($"expected the reply to choose '{kind}', it chose '{actual.Kind}'");
        }

        if (expected.Name is { } name && !string.Equals(name, actual.Name, StringComparison.Ordinal))
        {
            yield return Mismatch($"expected the assistant \"{name}\", got \"{actual.Name ?? "(none)"}\"");
        }

        if (expected.AssistantId is { } assistantId && assistantId != actual.AssistantId)
        {
            yield return Mismatch($"expected assistantId {assistantId}, got {actual.AssistantId ?? "(none)"}");
        }

        if (expected.SquadId is { } squadId && squadId != actual.SquadId)
        {
            yield return Mismatch($"expected squadId {squadId}, got {actual.SquadId ?? "(none)"}");
        }

        if (expected.WorkflowId is { } workflowId && workflowId != actual.WorkflowId)
        {
            yield return Mismatch($"expected workflowId {workflowId}, got {actual.WorkflowId ?? "(none)"}");
        }

        if (expected.Destination is { } destination && destination != actual.Destination)
        {
            yield return Mismatch($"expected a transfer to {destination}, got {actual.Destination ?? "(none)"}");
        }

        if (expected.Error is { } error && (actual.Error is null || !actual.Error.Contains(error, StringComparison.OrdinalIgnoreCase)))
        {
            yield return Mismatch($"expected an error containing \"{error}\", got {(actual.Error is null ? "none" : $"\"{actual.Error}\"")}");
        }

        foreach (var tool in expected.Tools ?? [])
        {
            if (actual.Tools.All(t => t.Name != tool))
            {
                yield return Mismatch($"expected the assistant to offer the tool {tool}");
            }
        }
    }

    private static Violation Mismatch(string message) => new("expectation", message);
}
