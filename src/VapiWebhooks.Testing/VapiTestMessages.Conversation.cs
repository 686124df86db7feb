using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.Testing;

/// <summary>Builders for the messages Vapi sends while a call is live: speech, transcripts, the conversation, model output.</summary>
public static partial class VapiTestMessages
{
    /// <summary>A <c>conversation-update</c> carrying the whole conversation so far.</summary>
    /// <param name="conversation">The conversation; a short greeting and a booking request when null.</param>
    /// <returns>The message.</returns>
    public static ConversationUpdateMessage ConversationUpdate(VapiTestConversation? conversation = null)
    {
        conversation ??= DefaultConversation();
        var message = Fill(new ConversationUpdateMessage(), Call());
        message.Messages = conversation.ToMessages();
        message.MessagesOpenAIFormatted = conversation.ToOpenAIMessages();
        message.Artifact = conversation.ToArtifact();
        message.Timestamp = Serialization.VapiTimestamp.FromDateTimeOffset(conversation.Now);
        return message;
    }

    /// <summary>A <c>speech-update</c>: someone started or stopped speaking.</summary>
    /// <param name="status">Started or stopped.</param>
    /// <param name="role">Who: <c>user</c> or <c>assistant</c>.</param>
    /// <param name="turn">The turn number, counting from 0.</param>
    /// <param name="conversation">The conversation so far, for the live artifact; none when null.</param>
    /// <returns>The message.</returns>
    public static SpeechUpdateMessage SpeechUpdate(SpeechStatus status, string role = "user", int turn = 1, VapiTestConversation? conversation = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        var message = Fill(new SpeechUpdateMessage { Status = status, Role = new ConversationRole(role), Turn = turn }, Call());
        message.Artifact = conversation?.ToArtifact();
        return message;
    }

    /// <summary>A partial <c>transcript</c>: what the transcriber has heard so far of a turn.</summary>
    /// <param name="text">The partial text.</param>
    /// <param name="role">Who is speaking.</param>
    /// <returns>The message.</returns>
    public static TranscriptMessage PartialTranscript(string text = "I'd like to book", string role = "user")
    {
        var message = Transcript(text, role);
        message.TranscriptType = TranscriptType.Partial;
        return message;
    }

    /// <summary>A final transcript under the type alias Vapi uses when a server subscribes to final transcripts only:
    /// <c>transcript[transcriptType="final"]</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="role">Who said it.</param>
    /// <returns>The message.</returns>
    public static TranscriptMessage FinalTranscriptAlias(string text = "I'd like to book a cleaning.", string role = "user")
    {
        var message = Transcript(text, role);
        message.Type = ServerMessageTypes.TranscriptFinal;
        return message;
    }

    /// <summary>A <c>model-output</c>: a chunk of what the model is generating.</summary>
    /// <param name="content">The generated text.</param>
    /// <param name="turnId">The turn id; generated when null.</param>
    /// <returns>The message.</returns>
    public static ModelOutputMessage ModelOutput(string content = "I have two-thirty or four o'clock", string? turnId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var output = WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("content", content);
            writer.WriteEndObject();
        });
        return Fill(new ModelOutputMessage { Output = output, TurnId = turnId ?? NewTurnId() }, Call());
    }

    /// <summary>A <c>voice-input</c>: the text the assistant is about to speak.</summary>
    /// <param name="input">The text.</param>
    /// <returns>The message.</returns>
    public static VoiceInputMessage VoiceInput(string input = "I have two-thirty or four o'clock next Tuesday.")
        => Fill(new VoiceInputMessage { Input = input }, Call());

    /// <summary>An <c>assistant.speechStarted</c>: the assistant started speaking <paramref name="text"/>, with ElevenLabs-style word timing.</summary>
    /// <param name="text">What the assistant is saying.</param>
    /// <param name="turn">The turn number.</param>
    /// <returns>The message.</returns>
    public static AssistantSpeechMessage AssistantSpeechStarted(string text = "I have two-thirty or four", int turn = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0)
            {
                words.Add(" ");
            }

            words.Add(word);
        }

        var timing = WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "word-alignment");
            writer.WriteStartArray("words");
            foreach (var word in words)
            {
                writer.WriteStringValue(word);
            }

            writer.WriteEndArray();
            double clock = 0;
            var starts = new List<double>();
            var ends = new List<double>();
            foreach (var word in words)
            {
                starts.Add(clock);
                clock += word == " " ? 30 : 60 + (40 * word.Length);
                ends.Add(clock);
            }

            WriteNumbers(writer, "wordsStartTimesMs", starts);
            WriteNumbers(writer, "wordsEndTimesMs", ends);
            writer.WriteEndObject();
        });
        return Fill(new AssistantSpeechMessage { Text = text, Turn = turn, Source = "model", Timing = timing }, Call());
    }

    /// <summary>A <c>user-interrupted</c>: the user spoke over the assistant.</summary>
    /// <param name="turnId">The interrupted turn; generated when null.</param>
    /// <returns>The message.</returns>
    public static UserInterruptedMessage UserInterrupted(string? turnId = null)
        => Fill(new UserInterruptedMessage { TurnId = turnId ?? NewTurnId() }, Call());

    /// <summary>A <c>hang</c>: the assistant has not answered for about five seconds.</summary>
    /// <param name="conversation">The conversation so far, for the live artifact; the default conversation when null.</param>
    /// <returns>The message.</returns>
    public static HangMessage Hang(VapiTestConversation? conversation = null)
    {
        var message = Fill(new HangMessage(), Call());
        message.Artifact = (conversation ?? DefaultConversation()).ToArtifact();
        return message;
    }

    /// <summary>A <c>language-change-detected</c>: the transcriber heard another language.</summary>
    /// <param name="language">The language code, for example <c>es</c>.</param>
    /// <returns>The message.</returns>
    public static LanguageChangeDetectedMessage LanguageChangeDetected(string language = "es")
        => Fill(new LanguageChangeDetectedMessage { Language = language }, Call());

    /// <summary>A <c>language-changed</c> (sent by Vapi, not in its schema): the call switched language.</summary>
    /// <param name="language">The language code.</param>
    /// <returns>The message.</returns>
    public static LanguageChangedMessage LanguageChanged(string language = "es")
        => Fill(new LanguageChangedMessage { Language = language }, Call());

    /// <summary>An <c>assistant.started</c> (sent by Vapi, not in its schema): an assistant took over the call.</summary>
    /// <param name="assistant">The assistant; <see cref="Assistant"/> when null.</param>
    /// <returns>The message.</returns>
    public static AssistantStartedMessage AssistantStarted(Assistant? assistant = null)
    {
        var message = Fill(new AssistantStartedMessage(), Call());
        message.Assistant = assistant ?? Assistant();
        return message;
    }

    private static VapiTestConversation DefaultConversation() =>
        new VapiTestConversation()
            .Bot("Thank you for calling. How can I help?")
            .User("I'd like to book a cleaning.");

    private static string NewTurnId() => "turn_" + Guid.NewGuid().ToString("N")[..8];

    private static void WriteNumbers(Utf8JsonWriter writer, string name, List<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonElement WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
