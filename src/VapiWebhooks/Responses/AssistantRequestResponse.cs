using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Responses;

/// <summary>
/// The reply to an <c>assistant-request</c>: which assistant, squad or workflow serves the call, a number to
/// transfer it to at once, or an error that is spoken to the caller before the call is rejected.
/// Use the factory methods; set exactly one of the choices.
/// </summary>
public sealed class AssistantRequestResponse
{
    private TransferDestination? _destination;

    /// <summary>A saved assistant.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>An inline (transient) assistant.</summary>
    [JsonPropertyName("assistant")]
    public Assistant? Assistant { get; set; }

    /// <summary>Overrides for the chosen assistant's settings and its template variables (<c>variableValues</c>).</summary>
    [JsonPropertyName("assistantOverrides")]
    public AssistantOverrides? AssistantOverrides { get; set; }

    /// <summary>A saved squad.</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; set; }

    /// <summary>An inline (transient) squad.</summary>
    [JsonPropertyName("squad")]
    public Squad? Squad { get; set; }

    /// <summary>Overrides applied to every member of the chosen squad, and its template variables.</summary>
    [JsonPropertyName("squadOverrides")]
    public AssistantOverrides? SquadOverrides { get; set; }

    /// <summary>A saved workflow.</summary>
    [JsonPropertyName("workflowId")]
    public string? WorkflowId { get; set; }

    /// <summary>An inline workflow, as Vapi defines it.</summary>
    [JsonPropertyName("workflow")]
    public JsonElement? Workflow { get; set; }

    /// <summary>Overrides for the chosen workflow, as Vapi defines them.</summary>
    [JsonPropertyName("workflowOverrides")]
    public JsonElement? WorkflowOverrides { get; set; }

    /// <summary>
    /// Transfer the call at once instead of answering it. Only a <see cref="NumberTransferDestination"/> or a
    /// <see cref="SipTransferDestination"/> is allowed here (Vapi's spec); an assistant destination is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is an <see cref="AssistantTransferDestination"/>.</exception>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination
    {
        get => _destination;
        set => _destination = value is AssistantTransferDestination
            ? throw new ArgumentException("An assistant-request reply transfers only to a number or a SIP URI; use Assistant or Squad to hand the call to an assistant.", nameof(value))
            : value;
    }

    /// <summary>Spoken to the caller, after which the call is rejected.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Serve the call with a saved assistant.</summary>
    /// <param name="assistantId">The assistant's id.</param>
    /// <param name="overrides">Optional overrides, for example <c>variableValues</c>.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse ForAssistantId(string assistantId, AssistantOverrides? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assistantId);
        return new() { AssistantId = assistantId, AssistantOverrides = overrides };
    }

    /// <summary>Serve the call with an inline assistant.</summary>
    /// <param name="assistant">The assistant.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse ForAssistant(Assistant assistant)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        return new() { Assistant = assistant };
    }

    /// <summary>Serve the call with a saved squad.</summary>
    /// <param name="squadId">The squad's id.</param>
    /// <param name="overrides">Optional overrides for every member, for example <c>variableValues</c>.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse ForSquadId(string squadId, AssistantOverrides? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(squadId);
        return new() { SquadId = squadId, SquadOverrides = overrides };
    }

    /// <summary>Serve the call with an inline squad.</summary>
    /// <param name="squad">The squad.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse ForSquad(Squad squad)
    {
        ArgumentNullException.ThrowIfNull(squad);
        return new() { Squad = squad };
    }

    /// <summary>Serve the call with a saved workflow.</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse ForWorkflowId(string workflowId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        return new() { WorkflowId = workflowId };
    }

    /// <summary>Transfer the call to a phone number at once.</summary>
    /// <param name="number">The number in E.164 form, for example <c>+14155550123</c>.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse TransferToNumber(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return new() { Destination = new NumberTransferDestination { Number = number } };
    }

    /// <summary>Transfer the call to a SIP URI at once.</summary>
    /// <param name="sipUri">The SIP URI, for example <c>sip:desk@example.com</c>.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse TransferToSip(string sipUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sipUri);
        return new() { Destination = new SipTransferDestination { SipUri = sipUri } };
    }

    /// <summary>Reject the call: Vapi speaks <paramref name="spokenError"/> to the caller and hangs up.</summary>
    /// <param name="spokenError">What the caller hears.</param>
    /// <returns>The reply.</returns>
    public static AssistantRequestResponse Reject(string spokenError)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spokenError);
        return new() { Error = spokenError };
    }
}
