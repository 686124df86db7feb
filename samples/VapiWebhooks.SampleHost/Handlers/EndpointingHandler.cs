using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// <c>call.endpointing.request</c>: how long to wait before the assistant answers. A finished sentence gets a
/// short wait; a trailing "and", "um", "because"... means the caller is still thinking, so wait longer.
/// </summary>
public sealed class EndpointingHandler : ICallEndpointingRequestHandler
{
    public const double AfterCompleteSentence = 0.6;
    public const double AfterTrailingWord = 2.5;
    public const double Default = 1.2;

    private static readonly HashSet<string> TrailingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Conjunctions and prepositions that cannot end a thought.
        "and", "or", "but", "so", "because", "cause", "cuz", "then", "if", "when", "that", "with", "to", "for", "at", "on", "the", "a", "my",
        // Fillers.
        "um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "like", "well", "actually", "maybe",
    };

    public Task<CallEndpointingResponse> HandleAsync(CallEndpointingRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var last = message.Messages?.OfType<UserConversationMessage>().LastOrDefault()?.Message
            ?? message.MessagesOpenAIFormatted?.LastOrDefault(m => m.Role == ConversationRole.User)?.Content;
        return Task.FromResult(CallEndpointingResponse.FromSeconds(Decide(last)));
    }

    /// <summary>The wait, in seconds, after the caller said <paramref name="text"/>.</summary>
    public static double Decide(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Default;
        }

        if (trimmed.EndsWith(',') || trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('\u2026') || trimmed.EndsWith('-'))
        {
            return AfterTrailingWord;
        }

        if (trimmed[^1] is '.' or '?' or '!')
        {
            return AfterCompleteSentence;
        }

        var lastWord = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim('"', '\'', ')', '(');
        return TrailingWords.Contains(lastWord) ? AfterTrailingWord : Default;
    }
}
