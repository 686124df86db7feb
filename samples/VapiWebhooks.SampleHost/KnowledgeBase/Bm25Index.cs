using System.Globalization;
using System.Text;

namespace VapiWebhooks.SampleHost.KnowledgeBase;

/// <summary>A document of the index.</summary>
public sealed record FaqDocument(string Id, string Title, string Content);

/// <summary>A ranked document; <see cref="Similarity"/> is in 0..1.</summary>
public sealed record FaqMatch(FaqDocument Document, double Score, double Similarity);

/// <summary>
/// Okapi BM25 over a small, fixed set of documents (k1 = 1.2, b = 0.75, the non-negative IDF
/// <c>ln(1 + (N - n + 0.5) / (n + 0.5))</c>). Similarity is the score divided by the best score any document could
/// get for the same query (every query term with an infinite frequency), so 1 means "every word matches strongly"
/// and an unrelated question stays near 0 instead of being stretched to 1.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    // Common English and telephone filler words: they say nothing about which answer fits.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does", "for",
        "from", "get", "got", "had", "has", "have", "hello", "hi", "how", "i", "if", "im", "in", "is", "it", "its", "just", "know",
        "like", "me", "my", "need", "of", "oh", "ok", "okay", "on", "or", "please", "so", "some", "tell", "than", "thank", "thanks",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "um", "uh", "us", "want", "wanted", "was",
        "we", "well", "were", "what", "when", "where", "which", "who", "will", "with", "would", "yeah", "yes", "you", "your",
    };

    private readonly List<(FaqDocument Document, Dictionary<string, int> Terms, int Length)> _documents = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<FaqDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            // The title counts twice: it names the topic.
            var tokens = Tokenize(document.Title).Concat(Tokenize(document.Title)).Concat(Tokenize(document.Content)).ToList();
            var terms = tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var term in terms.Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }

            _documents.Add((document, terms, tokens.Count));
        }

        _averageLength = _documents.Count == 0 ? 0 : _documents.Average(d => (double)d.Length);
    }

    public int Count => _documents.Count;

    /// <summary>The best matches for <paramref name="query"/>, most relevant first; documents sharing no term are left out.</summary>
    public IReadOnlyList<FaqMatch> Search(string query, int top)
    {
        var queryTerms = Tokenize(query).Distinct(StringComparer.Ordinal).Where(_documentFrequency.ContainsKey).ToList();
        if (queryTerms.Count == 0 || _documents.Count == 0)
        {
            return [];
        }

        var idf = queryTerms.ToDictionary(t => t, Idf, StringComparer.Ordinal);
        var ceiling = idf.Values.Sum() * (K1 + 1);
        var matches = new List<FaqMatch>();
        foreach (var (document, terms, length) in _documents)
        {
            var score = 0.0;
            foreach (var term in queryTerms)
            {
                if (terms.TryGetValue(term, out var tf))
                {
                    score += idf[term] * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / _averageLength))));
                }
            }

            if (score > 0)
            {
                matches.Add(new FaqMatch(document, score, Math.Clamp(score / ceiling, 0, 1)));
            }
        }

        return [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Document.Id, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>Lower-cased words without stop words, with a light suffix stemmer so "cancelled" meets "cancellation".</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\'' || c == '\u2019')
            {
                // "don't" -> "dont", "child's" -> "childs".
            }
            else if (word.Length > 0)
            {
                if (Stem(word.ToString()) is { } stem)
                {
                    yield return stem;
                }

                word.Clear();
            }
        }

        if (word.Length > 0 && Stem(word.ToString()) is { } last)
        {
            yield return last;
        }
    }

    private double Idf(string term)
    {
        var n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((_documents.Count - n + 0.5) / (n + 0.5)));
    }

    private static string? Stem(string word)
    {
        if (StopWords.Contains(word) || (word.Length < 2 && !char.IsDigit(word[0])))
        {
            return null;
        }

        // Strip one common suffix, keeping a stem of at least 4 letters (so "bus" and "news" survive).
        string[] suffixes = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "ly", "s"];
        foreach (var suffix in suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal) && !(suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                var stem = word[..^suffix.Length];
                if (suffix is "ies" or "ied")
                {
                    return stem + "y";
                }

                // "cancell(ed)" and "cancell(ation)" -> "cancel"; "book(ing)" stays.
                return stem.Length > 4 && stem[^1] == stem[^2] && !"aeiousz".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
            }
        }

        return word.ToString(CultureInfo.InvariantCulture);
    }
}
