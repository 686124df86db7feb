using System.Text.Encodings.Web;

namespace VapiWebhooks.Serialization;

/// <summary>
/// The escaping of replies: <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (so <c>'</c>, <c>"</c> as <c>\"</c>,
/// <c>+</c>, <c>&amp;</c> and non-ASCII text reach the model as themselves), except that <c>&lt;</c> and <c>&gt;</c> stay
/// escaped, so no reply ever carries markup from a request as is, whoever ends up displaying it.
/// </summary>
internal sealed class ReplyJavaScriptEncoder : JavaScriptEncoder
{
    public static readonly ReplyJavaScriptEncoder Instance = new();

    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    private ReplyJavaScriptEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '<' or '>' || Relaxed.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var relaxed = Relaxed.FindFirstCharacterToEncode(text, textLength);
        var markup = new ReadOnlySpan<char>(text, relaxed < 0 ? textLength : relaxed).IndexOfAny('<', '>');
        return markup >= 0 ? markup : relaxed;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var relaxed = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text);
        var markup = (relaxed < 0 ? utf8Text : utf8Text[..relaxed]).IndexOfAny((byte)'<', (byte)'>');
        return markup >= 0 ? markup : relaxed;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar is '<' or '>')
        {
            var escaped = unicodeScalar == '<' ? "\\u003C" : "\\u003E";
            if (bufferLength < escaped.Length)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            escaped.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
            numberOfCharactersWritten = escaped.Length;
            return true;
        }

        return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }
}
