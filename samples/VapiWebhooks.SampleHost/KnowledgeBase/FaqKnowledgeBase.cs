using Microsoft.Extensions.Options;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.SampleHost.KnowledgeBase;

/// <summary>Loads the Markdown FAQ files once and indexes them.</summary>
public sealed class FaqLibrary
{
    public FaqLibrary(IOptions<SampleOptions> options, ILogger<FaqLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory = Path.GetFullPath(options.Value.FaqDirectory, AppContext.BaseDirectory);
        var documents = new List<FaqDocument>();
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.md").Order(StringComparer.Ordinal))
            {
                var content = File.ReadAllText(file).Trim();
                var title = content.Split('\n', 2)[0].TrimStart('#', ' ').Trim();
                documents.Add(new FaqDocument(Path.GetFileNameWithoutExtension(file), title, content));
            }
        }

        Index = new Bm25Index(documents);
        if (documents.Count == 0)
        {
            logger.LogWarning("No FAQ file (*.md) was found in {FaqDirectory}: knowledge-base requests get no documents.", Directory);
        }
        else
        {
            logger.LogInformation("Knowledge base: {Count} FAQ files from {FaqDirectory}.", documents.Count, Directory);
        }
    }

    public string Directory { get; }

    public Bm25Index Index { get; }
}

/// <summary>
/// <c>knowledge-base-request</c>: ranks the FAQ files with BM25 against the caller's last turns and returns the
/// top three as documents, with their similarity (0..1). In memory, so it answers in well under a millisecond.
/// </summary>
public sealed class FaqKnowledgeBaseHandler(FaqLibrary library) : IKnowledgeBaseRequestHandler
{
    public const int Top = 3;

    /// <summary>How many of the caller's most recent turns form the query.</summary>
    public const int UserTurns = 2;

    public Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var query = LastUserTurns(message, UserTurns);
        if (string.IsNullOrWhiteSpace(query))
        {
            return Task.FromResult(KnowledgeBaseResponse.Empty());
        }

        var matches = library.Index.Search(query, Top);
        var documents = matches.Select(m => new KnowledgeBaseDocument
        {
            Content = m.Document.Content,
            Similarity = Math.Round(m.Similarity, 4),
            Uuid = m.Document.Id,
        });
        return Task.FromResult(KnowledgeBaseResponse.FromDocuments(documents));
    }

    /// <summary>The last <paramref name="count"/> things the user said, oldest first (Vapi's messages, else the OpenAI-formatted ones).</summary>
    public static string LastUserTurns(KnowledgeBaseRequestMessage message, int count)
    {
        ArgumentNullException.ThrowIfNull(message);
        var turns = message.Messages?.OfType<UserConversationMessage>().Select(m => m.Message).ToList();
        if (turns is null || turns.Count == 0)
        {
            turns = message.MessagesOpenAIFormatted?.Where(m => m.Role == ConversationRole.User).Select(m => m.Content).ToList() ?? [];
        }

        return string.Join(' ', turns.Where(t => !string.IsNullOrWhiteSpace(t)).TakeLast(count));
    }
}
