using System.Globalization;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>
/// The <c>timestamp</c> of a server message. Vapi sends milliseconds since the Unix epoch; older traffic sent
/// an ISO-8601 string. Both are read, and the value is written back in the form it arrived in.
/// </summary>
[JsonConverter(typeof(VapiTimestampConverter))]
public readonly struct VapiTimestamp : IEquatable<VapiTimestamp>
{
    // The instants DateTimeOffset can hold, in milliseconds since the Unix epoch (years 1 to 9999).
    internal const double MinUnixMilliseconds = -62_135_596_800_000;
    internal const double MaxUnixMilliseconds = 253_402_300_799_999;

    private readonly string? _isoText;

    private VapiTimestamp(double unixMilliseconds, string? isoText)
    {
        UnixMilliseconds = unixMilliseconds;
        _isoText = isoText;
    }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public double UnixMilliseconds { get; }

    /// <summary>True when the value arrived as an ISO-8601 string rather than a number.</summary>
    public bool IsIsoString => _isoText is not null;

    /// <summary>The original ISO-8601 text, when the value arrived as a string.</summary>
    public string? IsoText => _isoText;

    /// <summary>The instant as a <see cref="DateTimeOffset"/> in UTC.</summary>
    public DateTimeOffset Value => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(UnixMilliseconds * TimeSpan.TicksPerMillisecond));

    /// <summary>A timestamp written as milliseconds since the Unix epoch, as Vapi sends today.</summary>
    /// <param name="unixMilliseconds">Milliseconds since the epoch.</param>
    /// <returns>The timestamp.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or outside the years 1 to 9999.</exception>
    public static VapiTimestamp FromUnixMilliseconds(double unixMilliseconds)
    {
        if (!IsInRange(unixMilliseconds))
        {
            throw new ArgumentOutOfRangeException(nameof(unixMilliseconds), unixMilliseconds, "A timestamp must fall within the years 1 to 9999.");
        }

        return new(unixMilliseconds, null);
    }

    internal static bool IsInRange(double unixMilliseconds) => unixMilliseconds is >= MinUnixMilliseconds and <= MaxUnixMilliseconds;

    /// <summary>A timestamp for an instant, written as milliseconds since the Unix epoch.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The timestamp.</returns>
    public static VapiTimestamp FromDateTimeOffset(DateTimeOffset instant) => new(instant.ToUnixTimeMilliseconds(), null);

    /// <summary>Parses an ISO-8601 timestamp, keeping its text for writing back.</summary>
    /// <param name="isoText">The text, for example <c>2024-07-25T21:06:15.780Z</c>.</param>
    /// <param name="timestamp">The timestamp, when the text parses.</param>
    /// <returns>True when the text is an ISO-8601 instant.</returns>
    public static bool TryParseIso(string isoText, out VapiTimestamp timestamp)
    {
        ArgumentNullException.ThrowIfNull(isoText);
        if (DateTimeOffset.TryParse(isoText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            timestamp = new VapiTimestamp((parsed - DateTimeOffset.UnixEpoch).TotalMilliseconds, isoText);
            return true;
        }

        timestamp = default;
        return false;
    }

    // For a UTC instant already parsed (by the UTF-8 reader), keeping the text it was written as.
    internal static VapiTimestamp FromIso(DateTimeOffset instant, string isoText)
        => new((instant - DateTimeOffset.UnixEpoch).TotalMilliseconds, isoText);

    /// <summary>Converts to the instant.</summary>
    /// <param name="timestamp">The timestamp.</param>
    public static implicit operator DateTimeOffset(VapiTimestamp timestamp) => timestamp.Value;

    /// <summary>Converts to the instant.</summary>
    /// <returns>The instant.</returns>
    public DateTimeOffset ToDateTimeOffset() => Value;

    /// <inheritdoc />
    public bool Equals(VapiTimestamp other) => UnixMilliseconds.Equals(other.UnixMilliseconds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VapiTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => UnixMilliseconds.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => _isoText ?? Value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Compares two timestamps by instant.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both name the same instant.</returns>
    public static bool operator ==(VapiTimestamp left, VapiTimestamp right) => left.Equals(right);

    /// <summary>Compares two timestamps by instant.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they name different instants.</returns>
    public static bool operator !=(VapiTimestamp left, VapiTimestamp right) => !left.Equals(right);
}
