using System.Globalization;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Testing;

/// <summary>
/// A call's conversation as it grows, turn by turn, with plausible timings: what Vapi puts in
/// <c>messages</c>, <c>messagesOpenAIFormatted</c> and <c>artifact.transcript</c> of <c>conversation-update</c>,
/// <c>end-of-call-report</c> and the live artifact of other messages.
/// </summary>
/// <example>
/// <code>
/// var conversation = new VapiTestConversation()
///     .Bot("Thanks for calling. How can I help?")
///     .User("I'd like to book a cleaning.");
/// var update = VapiTestMessages.ConversationUpdate(conversation);
/// </code>
/// </example>
public sealed class VapiTestConversation
{
    private const double MillisecondsPerWord = 320;
    private const double MinimumTurnMilliseconds = 700;
    private const double PauseMilliseconds = 600;

    private readonly List<ConversationMessage> _messages = [];
    private readonly List<OpenAIMessage> _openAI = [];
    private readonly StringBuilder _transcript = new();
    private double _clock;

    /// <summary>Starts a conversation with the assistant's system prompt.</summary>
    /// <param name="systemPrompt">The system prompt (the first <c>system</c> message).</param>
    /// <param name="start">When the call started; the default test call start when null.</param>
    public VapiTestConversation(string systemPrompt = "You are a friendly receptionist. Keep answers short.", DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(systemPrompt);
        Start = start ?? VapiTestMessages.DefaultCallStart;
        _clock = Start.ToUnixTimeMilliseconds();
        _messages.Add(new SystemConversationMessage { Role = ConversationRole.System, Message = systemPrompt, Time = _clock, SecondsFromStart = 0 });
        _openAI.Add(new OpenAIMessage { Role = ConversationRole.System, Content = systemPrompt });
        _clock += PauseMilliseconds;
    }

    /// <summary>When the call started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The time the conversation has reached (after its last turn).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds((long)_clock);

    /// <summary>How long the conversation has lasted so far.</summary>
    public TimeSpan Elapsed => Now - Start;

    /// <summary>How many user and bot turns were spoken.</summary>
    public int SpokenTurns { get; private set; }

    /// <summary>The transcript so far, one line per spoken turn (<c>AI: ...</c> / <c>User: ...</c>), as in <c>artifact.transcript</c>.</summary>
    public string Transcript => _transcript.ToString();

    /// <summary>The last thing the user said, or null.</summary>
    public string? LastUserText => _messages.OfType<UserConversationMessage>().LastOrDefault()?.Message;

    /// <summary>The assistant says <paramref name="text"/>.</summary>
    /// <param name="text">What the assistant says.</param>
    /// <returns>This conversation.</returns>
    public VapiTestConversation Bot(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (time, end, duration) = Speak(text);
        _messages.Add(new BotConversationMessage
        {
            Role = ConversationRole.Bot,
            Message = text,
            Time = time,
            EndTime = end,
            SecondsFromStart = SecondsFromStart(time),
            Duration = duration,
            Source = string.Empty,
        });
        _openAI.Add(new OpenAIMessage { Role = ConversationRole.Assistant, Content = text });
        _transcript.Append("AI: ").Append(text).Append('\n');
        return this;
    }

    /// <summary>The user says <paramref name="text"/>.</summary>
    /// <param name="text">What the user says.</param>
    /// <returns>This conversation.</returns>
    public VapiTestConversation User(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (time, end, duration) = Speak(text);
        _messages.Add(new UserConversationMessage
        {
            Role = ConversationRole.User,
            Message = text,
            Time = time,
            EndTime = end,
            SecondsFromStart = SecondsFromStart(time),
            Duration = duration,
        });
        _openAI.Add(new OpenAIMessage { Role = ConversationRole.User, Content = text });
        _transcript.Append("User: ").Append(text).Append('\n');
        return this;
    }

    /// <summary>The model calls tools. In <c>messages</c> the arguments are JSON strings, as Vapi writes them there.</summary>
    /// <param name="calls">The tool calls, as in <c>toolCallList</c>.</param>
    /// <returns>This conversation.</returns>
    public VapiTestConversation ToolCalls(params IEnumerable<ToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var asStrings = calls.Select(StringArguments).ToList();
        _clock += 300;
        _messages.Add(new ToolCallsConversationMessage
        {
            Role = ConversationRole.ToolCalls,
            Message = string.Empty,
            ToolCalls = asStrings,
            Time = _clock,
            SecondsFromStart = SecondsFromStart(_clock),
        });
        _openAI.Add(new OpenAIMessage { Role = ConversationRole.Assistant, Content = null, ToolCalls = [.. asStrings.Select(StringArguments)] });
        return this;
    }

    /// <summary>A tool's result comes back.</summary>
    /// <param name="toolCallId">The tool call id.</param>
    /// <param name="name">The function name.</param>
    /// <param name="result">The result text.</param>
    /// <returns>This conversation.</returns>
    public VapiTestConversation ToolResult(string toolCallId, string name, string result)
    {
        ArgumentNullException.ThrowIfNull(toolCallId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(result);
        _clock += 400;
        _messages.Add(new ToolCallResultConversationMessage
        {
            Role = ConversationRole.ToolCallResult,
            ToolCallId = toolCallId,
            Name = name,
            Result = JsonSerializer.SerializeToElement(result, VapiJsonContext.Default.String),
            Time = _clock,
            SecondsFromStart = SecondsFromStart(_clock),
        });
        _openAI.Add(new OpenAIMessage { Role = ConversationRole.Tool, ToolCallId = toolCallId, Content = result });
        return this;
    }

    /// <summary>Time passes without anyone speaking.</summary>
    /// <param name="pause">How long.</param>
    /// <returns>This conversation.</returns>
    public VapiTestConversation Wait(TimeSpan pause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        _clock += pause.TotalMilliseconds;
        return this;
    }

    /// <summary>A copy of the conversation in Vapi's own format (<c>messages</c>).</summary>
    /// <returns>A new list; changing it does not change the conversation.</returns>
    public List<ConversationMessage> ToMessages() => [.. _messages];

    /// <summary>A copy of the conversation in OpenAI's format (<c>messagesOpenAIFormatted</c>).</summary>
    /// <returns>A new list; changing it does not change the conversation.</returns>
    public List<OpenAIMessage> ToOpenAIMessages() => [.. _openAI];

    /// <summary>The live artifact Vapi attaches to messages during the call: messages, OpenAI messages and transcript.</summary>
    /// <returns>A new artifact.</returns>
    public Artifact ToArtifact() => new()
    {
        Messages = ToMessages(),
        MessagesOpenAIFormatted = ToOpenAIMessages(),
        Transcript = Transcript,
    };

    private (double Time, double End, double Duration) Speak(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var duration = Math.Max(MinimumTurnMilliseconds, words * MillisecondsPerWord);
        var time = _clock;
        var end = time + duration;
        _clock = end + PauseMilliseconds;
        SpokenTurns++;
        return (time, end, duration);
    }

    private double SecondsFromStart(double time) =>
        Math.Round((time - Start.ToUnixTimeMilliseconds()) / 1000.0, 3);

    private static ToolCall StringArguments(ToolCall call)
    {
        var arguments = call.Function?.Arguments ?? default;
        var text = arguments.ValueKind switch
        {
            JsonValueKind.Undefined => "{}",
            JsonValueKind.String => arguments.GetString() ?? "{}",
            _ => arguments.GetRawText(),
        };
        return new ToolCall
        {
            Id = call.Id,
            Type = call.Type ?? "function",
            Function = new ToolCallFunction
            {
                Name = call.Function?.Name,
                Arguments = JsonSerializer.SerializeToElement(text, VapiJsonContext.Default.String),
            },
        };
    }

    /// <summary>Describes the conversation for test output.</summary>
    /// <returns>The turn count and elapsed time.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SpokenTurns} spoken turns, {Elapsed.TotalSeconds:0.0} s");
}
