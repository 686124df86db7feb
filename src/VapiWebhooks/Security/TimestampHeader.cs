using System.Globalization;

namespace VapiWebhooks.Security;

/// <summary>Reads and writes the timestamp header: Unix time in seconds or milliseconds.</summary>
internal static class TimestampHeader
{
    /// <summary>Values below this are seconds (until the year 5138); values at or above it are milliseconds (after 1973).</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    private const int MaxDigits = 19;

    /// <summary>Parses plain ASCII digits (no sign, spaces or decimals) into Unix milliseconds.</summary>
    public static bool TryParseUnixMilliseconds(ReadOnlySpan<char> text, out long unixMilliseconds)
    {
        unixMilliseconds = 0;
        if (text.IsEmpty || text.Length > MaxDigits
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unixMilliseconds = value < MillisecondsThreshold ? value * 1000 : value;
        return unixMilliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    }

    public static string Format(DateTimeOffset timestamp, VapiTimestampUnit unit) => unit == VapiTimestampUnit.Milliseconds
        ? timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
        : timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
