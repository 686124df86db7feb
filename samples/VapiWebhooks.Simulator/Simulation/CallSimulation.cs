using System.Globalization;
using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Simulator.Checks;
using VapiWebhooks.Simulator.Control;
using VapiWebhooks.Simulator.Generation;
using VapiWebhooks.Simulator.Reporting;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>
/// Plays one call the way Vapi would: <c>assistant-request</c>; <c>status-update</c> ringing and in-progress; for the
/// greeting and each turn, speech updates, transcripts and conversation updates; optional endpointing and knowledge-base
/// requests; a <c>tool-calls</c> message per tool call; a <c>voice-request</c> per assistant utterance when the assistant
/// speaks with a custom voice; then <c>end-of-call-report</c> and <c>status-update</c> ended. Every message belongs to one
/// call (same id, customer and phone number) and carries the conversation so far.
/// </summary>
internal sealed class CallSimulation(StepRunner runner, DeadlinePolicy deadlines, CallPlan plan, SimulationReport report)
{
    private const int MaxResultInSpeech = 120;

    /// <summary>Vapi does not wait for an async tool: a reply slower than this means the server ran the tool inside the request.</summary>
    internal static readonly TimeSpan AsyncAnswerLimit = TimeSpan.FromSeconds(1);

    private readonly ToolResultMemory _memory = new();
    private readonly Call _call = NewCall(plan.CallerNumber);
    private ArgumentGenerator? _generator;
    private VapiTestConversation _conversation = new();
    private AssistantProfile _profile = AssistantProfile.None;
    private Assistant? _assistant;
    private int _turn;

    // Async tools whose result has not yet come through the control URL, oldest first.
    private readonly List<PendingAsyncTool> _pendingAsync = [];

    // Set when the server ended or transferred the call through the control URL: the endedReason Vapi would report.
    private string? _endedByServer;
    private bool _callOver;

    // When the first message was sent: commands are timed from here.
    private DateTimeOffset _callStarted = DateTimeOffset.UtcNow;

    // One seeded generator per call, reading what earlier results told the model.
    private ArgumentGenerator Generator => _generator ??= new ArgumentGenerator(plan.Seed, plan.Today, _memory);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.CallId = _call.Id;
        _callStarted = DateTimeOffset.UtcNow;
        if (runner.Control is { } control)
        {
            // The server posts its commands here; never to Vapi's real hosts for a simulated call.
            _call.Monitor!.ControlUrl = control.ControlUrlFor(_call.Id!);
            report.ControlUrl = _call.Monitor.ControlUrl.AbsoluteUri;
        }
        else
        {
            _call.Monitor!.ControlUrl = null;
        }

        var endedReason = await ChooseAssistantAsync(cancellationToken);
        if (endedReason is null)
        {
            await StatusAsync(CallStatus.Ringing, cancellationToken);
            await StatusAsync(CallStatus.InProgress, cancellationToken);
            await ConverseAsync(cancellationToken);
            await AwaitAsyncResultsAsync(cancellationToken);
            endedReason = _endedByServer ?? plan.EndedReason;
        }

        await EndAsync(new EndedReason(endedReason), cancellationToken);
    }

    // Returns the ended reason when the call cannot go on (rejected, transferred or failed), null when it starts.
    private async Task<string?> ChooseAssistantAsync(CancellationToken cancellationToken)
    {
        var message = VapiTestMessages.AssistantRequest(plan.CallerNumber);
        var (step, reply) = await SendAsync(message, "assistant-request", deadlines.For(ServerMessageTypes.AssistantRequest), null, cancellationToken);
        if (reply.Json.ValueKind == JsonValueKind.Object)
        {
            _profile = AssistantProfile.Read(reply.Json);
            step.Notes.Add(_profile.Describe());
            if (_profile.InlineAssistant is { } inline)
            {
                _assistant = inline.Deserialize(VapiJsonContext.Default.Assistant);
                _conversation = new VapiTestConversation(_profile.SystemPrompt ?? "You are a helpful assistant.", DateTimeOffset.UtcNow);
            }

            foreach (var tool in _profile.Tools.Where(t => !ServerUrls.PointsAt(t.ServerUrl, runner.Url)))
            {
                step.Notes.Add($"tool {tool.Name} is served by {tool.ServerUrl}, not simulated");
            }

            if (_profile.ToolIds.Count > 0)
            {
                step.Notes.Add($"model.toolIds ({string.Join(", ", _profile.ToolIds)}) are stored on Vapi: list their calls in a scenario");
            }
        }

        step.Violations.AddRange(AssistantExpectations.Check(plan.ExpectAssistant, _profile, reply.Exchange.HasReply));
        Complete(step);

        return _profile.Kind switch
        {
            _ when _profile.CallStarts => null,
            "error" => "assistant-request-returned-error",
            "destination" => "assistant-forwarded-call",
            _ => "assistant-request-failed",
        };
    }

    private async Task ConverseAsync(CancellationToken cancellationToken)
    {
        var greeting = _profile.FirstMessage ?? "Hello, how can I help you today?";
        await AssistantSpeaksAsync(greeting, cancellationToken);

        // The server can end or transfer the call through the control URL at any step: the conversation stops there.
        foreach (var turn in BuildTurns())
        {
            if (_endedByServer is not null)
            {
                break;
            }

            await UserSpeaksAsync(turn.UserText, cancellationToken);
            var results = new List<string>();
            foreach (var call in turn.ToolCalls)
            {
                if (_endedByServer is not null)
                {
                    break;
                }

                if (await CallToolAsync(call, cancellationToken) is { } result)
                {
                    results.Add(result);
                }
            }

            if (_endedByServer is null)
            {
                await AssistantSpeaksAsync(Answer(turn, results), cancellationToken);
            }
        }
    }

    // Before hanging up, give each async tool until its deadline to post its result, as a caller would wait on the line.
    private async Task AwaitAsyncResultsAsync(CancellationToken cancellationToken)
    {
        if (runner.Control is not { } control)
        {
            return;
        }

        // Bounded: one wait per pending tool, each within that tool's deadline.
        foreach (var pending in _pendingAsync.ToList())
        {
            if (_endedByServer is not null || !_pendingAsync.Contains(pending))
            {
                continue;
            }

            var remaining = pending.Deadline - (DateTimeOffset.UtcNow - pending.AnsweredAt);
            if (remaining > TimeSpan.Zero)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await control.WaitForNewAsync(static c => c.Type is "add-message" or "say", remaining);
            }

            ObserveCommands();
        }

        foreach (var pending in _pendingAsync)
        {
            var missing = new ControlEvent
            {
                Type = "missing",
                Label = $"control: no result of {pending.Name}",
                AfterMs = (DateTimeOffset.UtcNow - _callStarted).TotalMilliseconds,
            };
            var text = string.Create(CultureInfo.InvariantCulture, $"{pending.Name} was async: its result never came through the control URL within {pending.Deadline.TotalSeconds:0.#} s, so the caller never hears it");
            if (_endedByServer is not null)
            {
                missing.Notes.Add($"{pending.Name} was async; the call ended before its result came");
            }
            else if (plan.Strict)
            {
                missing.Violations.Add(new Violation("async-result", text));
            }
            else
            {
                missing.Warnings.Add(text);
            }

            runner.Command(missing);
        }

        _pendingAsync.Clear();
    }

    private List<PlannedTurn> BuildTurns()
    {
        var turns = plan.Turns.ToList();
        if (plan.GenerateToolCalls)
        {
            var called = turns.SelectMany(t => t.ToolCalls).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var generated = _profile.Tools
                .Where(t => !called.Contains(t.Name) && ServerUrls.PointsAt(t.ServerUrl, runner.Url))
                .Select(t => new PlannedTurn(AskFor(t), [new PlannedToolCall(t.Name)]))
                .ToList();
            if (plan.Turns.Count == 0)
            {
                turns.AddRange(generated.Count > 0 ? generated : [new PlannedTurn(CallPlan.DefaultFirstUserTurn, [])]);
                turns.Add(new PlannedTurn(CallPlan.DefaultLastUserTurn, []));
            }
            else
            {
                turns.InsertRange(Math.Max(0, turns.Count - 1), generated);
            }
        }

        return turns;
    }

    private async Task UserSpeaksAsync(string text, CancellationToken cancellationToken)
    {
        _turn++;
        await SendInformationalAsync(VapiTestMessages.SpeechUpdate(SpeechStatus.Started, "user", _turn, _conversation), "speech-update (user started)", cancellationToken);
        _conversation.User(text);
        await SendInformationalAsync(VapiTestMessages.Transcript(text, "user"), $"transcript (user) \"{Quote(text)}\"", cancellationToken);
        await SendInformationalAsync(VapiTestMessages.SpeechUpdate(SpeechStatus.Stopped, "user", _turn, _conversation), "speech-update (user stopped)", cancellationToken);

        if (plan.ForceEndpointing || (_profile.UsesCustomEndpointing && ServerUrls.PointsAt(_profile.EndpointingServerUrl, runner.Url)))
        {
            var request = VapiTestMessages.CallEndpointingRequest(text);
            request.Messages = _conversation.ToMessages();
            request.MessagesOpenAIFormatted = _conversation.ToOpenAIMessages();
            var (step, reply) = await SendAsync(request, "call.endpointing.request", Deadline(request.Type), null, cancellationToken);
            if (reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("timeoutSeconds", out var timeout))
            {
                step.Notes.Add($"wait {timeout.GetRawText()} s before answering");
            }

            Complete(step);
        }

        await SendInformationalAsync(VapiTestMessages.ConversationUpdate(_conversation), "conversation-update", cancellationToken);

        if (plan.ForceKnowledgeBase || (_profile.UsesCustomKnowledgeBase && ServerUrls.PointsAt(_profile.KnowledgeBaseServerUrl, runner.Url)))
        {
            var request = VapiTestMessages.KnowledgeBaseRequest(text);
            request.Messages = _conversation.ToMessages();
            request.MessagesOpenAIFormatted = _conversation.ToOpenAIMessages();
            var (step, reply) = await SendAsync(request, "knowledge-base-request", Deadline(request.Type), null, cancellationToken);
            if (reply.Json.ValueKind == JsonValueKind.Object)
            {
                var documents = reply.Json.TryGetProperty("documents", out var docs) && docs.ValueKind == JsonValueKind.Array ? docs.GetArrayLength() : 0;
                step.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{documents} document(s){(reply.Json.TryGetProperty("message", out _) ? ", and a message to speak" : string.Empty)}"));
            }

            Complete(step);
        }
    }

    // Returns the text the model reads back (result or error), or null when there was none.
    private async Task<string?> CallToolAsync(PlannedToolCall planned, CancellationToken cancellationToken)
    {
        var tool = _profile.Tools.FirstOrDefault(t => t.Name == planned.Name);
        var arguments = Arguments(planned, tool);
        var id = "call_" + Guid.NewGuid().ToString("N")[..24];
        var message = VapiTestMessages.ToolCalls(new TestToolCall(planned.Name, arguments, TimeoutSeconds: tool?.TimeoutSeconds, Id: id, ServerUrl: tool?.ServerUrl ?? runner.Url.AbsoluteUri) { EncryptedPaths = plan.EncryptedPaths, PublicKeyPem = plan.PublicKeyPem });
        var definition = message.ToolWithToolCallList![0];
        definition.Async = tool?.Async ?? false;
        definition.Function!.Description = tool?.Description;
        if (tool?.Parameters is { } parameters)
        {
            definition.Function.Parameters = parameters;
        }

        if (tool?.Messages is { } messages)
        {
            definition.Messages = messages;
        }

        _conversation.ToolCalls(message.ToolCallList);
        var expected = new[] { new ExpectedToolCall(id, planned.Name, tool?.Async ?? false) };
        var deadline = deadlines.For(ServerMessageTypes.ToolCalls, tool?.TimeoutSeconds);
        var (step, reply) = await SendAsync(message, $"tool-calls {planned.Name}", deadline, expected, cancellationToken);
        step.Notes.Add("arguments " + arguments);
        if (tool is null && _profile.Kind == "assistant")
        {
            step.Notes.Add($"{planned.Name} is not among the assistant's function tools");
        }

        var outcome = ToolOutcome.Read(reply, id);
        if (tool?.Async == true)
        {
            step.Notes.Add(runner.Control is null
                ? "async tool: Vapi does not wait for or read this reply"
                : "async tool: Vapi does not wait for or read this reply; the result is expected through the control URL");
            if (reply.Exchange.HasReply && reply.Exchange.Latency > AsyncAnswerLimit)
            {
                step.Violations.Add(new Violation("async-answer", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{planned.Name} is async but was answered after {reply.Exchange.Latency.TotalMilliseconds:0} ms (more than {AsyncAnswerLimit.TotalMilliseconds:0} ms): the server ran it inside the request; answer at once and post the result to the control URL")));
            }

            _pendingAsync.Add(new PendingAsyncTool(planned.Name, DateTimeOffset.UtcNow, deadline));
        }
        else if (outcome is not null)
        {
            step.Notes.Add(outcome.Describe());
            _conversation.ToolResult(id, planned.Name, outcome.Text);
            if (outcome.Error is null && outcome.Result is { } result)
            {
                _memory.Remember(result);
            }
            else if (outcome.Error is { } error && planned.ExpectError is null)
            {
                // The call goes on (the model reads the error), but a refusal nobody expected is worth saying out loud.
                if (plan.Strict)
                {
                    step.Violations.Add(new Violation("tool-error", $"{planned.Name} answered with an error: {error}"));
                }
                else
                {
                    step.ToolErrors.Add($"{planned.Name}: {error}");
                }
            }
        }

        step.Violations.AddRange(ToolOutcome.CheckExpectations(planned, outcome));
        Complete(step);
        return tool?.Async == true ? null : outcome?.Text;
    }

    // The arguments a model would send: the scenario's values as written, every other property of the tool's schema
    // generated (from earlier results first). A tool the simulator cannot see gets exactly the scenario's arguments.
    private string Arguments(PlannedToolCall planned, AssistantTool? tool)
    {
        if (tool?.Parameters is null)
        {
            return planned.Arguments?.GetRawText() ?? Generator.Generate(null).ToJsonString();
        }

        var generated = Generator.Generate(tool.Parameters);
        if (planned.Arguments is { } given)
        {
            foreach (var property in given.EnumerateObject())
            {
                generated[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return generated.ToJsonString();
    }

    private async Task AssistantSpeaksAsync(string text, CancellationToken cancellationToken)
    {
        _turn++;
        if (_profile.UsesCustomVoice && ServerUrls.PointsAt(_profile.VoiceServerUrl, runner.Url))
        {
            var request = VapiTestMessages.VoiceRequest(text, plan.SampleRate);
            var deadline = deadlines.For(ServerMessageTypes.VoiceRequest, _profile.VoiceTimeoutSeconds);
            var (step, reply) = await SendAsync(request, string.Create(CultureInfo.InvariantCulture, $"voice-request ({plan.SampleRate} Hz) \"{Quote(text)}\""), deadline, null, cancellationToken);
            if (reply.Exchange.HasReply)
            {
                var seconds = reply.Exchange.Body.Length / 2.0 / plan.SampleRate;
                var firstByte = reply.Exchange.TimeToFirstByte is { } ttfb ? StepRunner.Milliseconds(ttfb.TotalMilliseconds) : "never";
                step.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"first byte after {firstByte}; {reply.Exchange.Body.Length} bytes = {seconds:0.00} s of audio"));
            }

            Complete(step);
        }

        await SendInformationalAsync(VapiTestMessages.SpeechUpdate(SpeechStatus.Started, "assistant", _turn, _conversation), "speech-update (assistant started)", cancellationToken);
        _conversation.Bot(text);
        await SendInformationalAsync(VapiTestMessages.Transcript(text, "assistant"), $"transcript (assistant) \"{Quote(text)}\"", cancellationToken);
        await SendInformationalAsync(VapiTestMessages.SpeechUpdate(SpeechStatus.Stopped, "assistant", _turn, _conversation), "speech-update (assistant stopped)", cancellationToken);
        await SendInformationalAsync(VapiTestMessages.ConversationUpdate(_conversation), "conversation-update", cancellationToken);
    }

    private async Task EndAsync(EndedReason endedReason, CancellationToken cancellationToken)
    {
        _call.Status = CallStatus.Ended;
        _call.EndedReason = endedReason;
        _call.EndedAt = DateTimeOffset.UtcNow;
        var summary = _conversation.SpokenTurns > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Simulated call: {_conversation.SpokenTurns} turns; the caller said \"{Quote(_conversation.LastUserText ?? string.Empty)}\".")
            : "The call ended before the conversation started.";
        var endOfCall = VapiTestMessages.EndOfCallReport(_conversation, summary, endedReason);
        _callOver = true;
        if (runner.Control is { } control)
        {
            // Vapi refuses commands for a call that is over.
            control.EndCall(_call.Id!);
        }

        await SendInformationalAsync(endOfCall, $"end-of-call-report ({endedReason})", cancellationToken);
        await SendInformationalAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended, endedReason), "status-update (ended)", cancellationToken);
    }

    private Task StatusAsync(CallStatus status, CancellationToken cancellationToken)
    {
        _call.Status = status;
        return SendInformationalAsync(VapiTestMessages.StatusUpdate(status), $"status-update ({status})", cancellationToken);
    }

    private async Task SendInformationalAsync(ServerMessage message, string label, CancellationToken cancellationToken)
    {
        var (step, _) = await SendAsync(message, label, Deadline(message.Type), null, cancellationToken);
        Complete(step);
    }

    private Task<(StepResult Step, ReplyContext Reply)> SendAsync(
        ServerMessage message, string label, TimeSpan deadline, IReadOnlyList<ExpectedToolCall>? toolCalls, CancellationToken cancellationToken)
    {
        VapiTestMessages.ForCall(message, _call);
        message.Timestamp = VapiTimestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        message.Assistant ??= _assistant;
        if (message is not EndOfCallReportMessage && message.Artifact is null && _conversation.SpokenTurns > 0)
        {
            message.Artifact = _conversation.ToArtifact();
        }

        return runner.SendAsync(message, label, deadline, toolCalls, cancellationToken);
    }

    private TimeSpan Deadline(string type) => deadlines.For(type, _profile.ServerTimeoutSeconds);

    private void Complete(StepResult step)
    {
        runner.Complete(step);
        ObserveCommands();
    }

    // Shows what the server posted to the control URL since the last step, checks it against Vapi's schema, and plays
    // Vapi's part: a say or add-message carries an async tool's result, end-call and transfer end the call.
    private void ObserveCommands()
    {
        if (runner.Control is not { } control)
        {
            return;
        }

        foreach (var command in control.TakeNew())
        {
            var seen = new ControlEvent
            {
                Sequence = command.Sequence,
                Type = command.Type ?? "?",
                Label = ControlLabel(command),
                Status = command.AnsweredStatus,
                AfterMs = (command.ReceivedAt - _callStarted).TotalMilliseconds,
            };
            seen.Violations.AddRange(ControlCommandCheck.Check(command, runner.Schema));
            if (_callOver || _endedByServer is not null)
            {
                seen.Notes.Add($"after the call ended: Vapi refuses it (HTTP {command.AnsweredStatus})");
            }
            else
            {
                React(command, seen, control);
            }

            runner.Command(seen);
        }
    }

    private void React(RecordedCallCommand command, ControlEvent seen, ControlUrlServer control)
    {
        var body = command.Body;
        switch (command.Type)
        {
            case "say" or "add-message" when _pendingAsync.Count > 0:
                var pending = _pendingAsync[0];
                _pendingAsync.RemoveAt(0);
                seen.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"the result of async {pending.Name}, {Math.Max(0, (command.ReceivedAt - pending.AnsweredAt).TotalSeconds):0.0} s after its reply"));
                break;
            case "add-message" when body?.TryGetProperty("message", out var added) == true && added.ValueKind == JsonValueKind.Object:
                seen.Notes.Add("added to the conversation" + (Flag(body, "triggerResponseEnabled") == false ? " silently" : "; the assistant answers from it"));
                break;
        }

        string? ended = command.Type switch
        {
            "say" when Flag(body, "endCallAfterSpoken") == true => "assistant-ended-call-after-message-spoken",
            "end-call" => "assistant-ended-call",
            "transfer" => "assistant-forwarded-call",
            _ => null,
        };
        if (command.Type == "say")
        {
            _conversation.Bot(command.Content ?? string.Empty);
        }

        if (ended is not null && command.Accepted)
        {
            _endedByServer = ended;
            control.EndCall(_call.Id!);
            seen.Notes.Add($"the call ends here ({ended})");
        }
    }

    private static bool? Flag(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static string ControlLabel(RecordedCallCommand command)
    {
        var body = command.Body;
        return command.Type switch
        {
            "control" => $"control {command.Control}",
            "transfer" when body?.TryGetProperty("destination", out var destination) == true && destination.ValueKind == JsonValueKind.Object =>
                $"control transfer → {Text(destination, "number") ?? Text(destination, "sipUri") ?? "?"}",
            "handoff" => "control handoff",
            "end-call" => "control end-call",
            { } type when command.Content is { } content => $"control {type} \"{Quote(content)}\"",
            { } type => $"control {type}",
            null => "control (no type)",
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record PendingAsyncTool(string Name, DateTimeOffset AnsweredAt, TimeSpan Deadline);

    private static string AskFor(AssistantTool tool)
    {
        var words = tool.Name.Replace('_', ' ').Replace('-', ' ');
        return $"Could you {words} for me, please?";
    }

    private static string Answer(PlannedTurn turn, List<string> results)
    {
        if (turn.UserText == CallPlan.DefaultLastUserTurn || (turn.ToolCalls.Count == 0 && results.Count == 0 && turn.UserText.Contains("bye", StringComparison.OrdinalIgnoreCase)))
        {
            return "You're welcome. Have a great day, goodbye!";
        }

        if (results.Count == 0)
        {
            return "Sure, I can help with that.";
        }

        var first = results[0].ReplaceLineEndings(" ");
        return "Here's what I found: " + (first.Length > MaxResultInSpeech ? first[..MaxResultInSpeech] + "…" : first);
    }

    private static string Quote(string text) => text.Length <= 40 ? text : text[..39] + "…";

    private static Call NewCall(string callerNumber)
    {
        var now = DateTimeOffset.UtcNow;
        var call = VapiTestMessages.Call(callerNumber);
        call.Status = CallStatus.Ringing;
        call.CreatedAt = now;
        call.UpdatedAt = now;
        call.StartedAt = now;
        return call;
    }
}
