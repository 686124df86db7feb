using System.Diagnostics.CodeAnalysis;

namespace VapiWebhooks.Dispatch;

/// <summary>Text taken from the request (a type, a call id, a tool name), made safe to put in logs and replies.</summary>
internal static class RequestText
{
    private const int MaxLength = 64;

    /// <summary>The value cut to a bounded length: a sender could make names of any size.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Truncate(string? value)
        => value is null || value.Length <= MaxLength ? value : value[..MaxLength] + "…";

    /// <summary>The text on one line, so that it cannot forge a log line or break a spoken error.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
