namespace VapiWebhooks.Security;

/// <summary>
/// Authenticates a request claiming to come from Vapi, independently of the host: give it the raw body bytes exactly as
/// received, a header lookup, the HTTP method and the full request URL. Thread-safe; create one per options snapshot
/// (the options are compiled at construction and later changes to them are not seen).
/// </summary>
/// <remarks>
/// The header lookup returns null for an absent header. When a header occurs several times, return the values joined
/// with commas (as ASP.NET Core's <c>StringValues</c> does); such values never verify.
/// </remarks>
public sealed class VapiRequestVerifier
{
    /// <summary>Credential headers longer than this many characters are refused before any cryptography.</summary>
    public const int MaxHeaderLength = 8 * 1024;

    private readonly BearerTokenMatcher? _bearer;
    private readonly HmacSignatureMatcher? _hmac;
    private readonly bool _allowUnauthenticated;
    private readonly bool _notConfigured;
    private readonly TimeProvider _timeProvider;
    private readonly IVapiReplayStore? _replayStore;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">
    /// The credentials. With neither <see cref="VapiAuthenticationOptions.Bearer"/> nor <see cref="VapiAuthenticationOptions.Hmac"/>
    /// nor <see cref="VapiAuthenticationOptions.AllowUnauthenticated"/>, every request is refused with
    /// <see cref="VapiVerificationResult.NotConfigured"/>.
    /// </param>
    /// <param name="timeProvider">The clock for timestamp checks; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="replayStore">
    /// Where accepted HMAC signatures are remembered when <see cref="VapiHmacOptions.ReplayProtection"/> is on;
    /// a new <see cref="InMemoryVapiReplayStore"/> when null.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem and no secret.</exception>
    public VapiRequestVerifier(VapiAuthenticationOptions options, TimeProvider? timeProvider = null, IVapiReplayStore? replayStore = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        if (options.Bearer is null && options.Hmac is null && !options.AllowUnauthenticated)
        {
            _notConfigured = true;
            return;
        }

        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Vapi authentication options: " + string.Join(" ", failures), nameof(options));
        }

        _allowUnauthenticated = options.AllowUnauthenticated;
        _bearer = options.Bearer is null ? null : new BearerTokenMatcher(options.Bearer);
        _hmac = options.Hmac is null ? null : new HmacSignatureMatcher(options.Hmac);
        if (_hmac is { ReplayProtection: true })
        {
            _replayStore = replayStore ?? new InMemoryVapiReplayStore(_timeProvider);
        }
    }

    /// <summary>
    /// Whether verification consults the replay store, so only <see cref="VerifyAsync"/> can be used
    /// (true when HMAC is configured with <see cref="VapiHmacOptions.ReplayProtection"/>).
    /// </summary>
    public bool RequiresReplayStore => _replayStore is not null;

    /// <summary>Whether verification reads the request URL (an HMAC payload format with <c>{url}</c>); when false any URL may be passed.</summary>
    internal bool UsesUrl => _hmac?.UsesUrl == true;

    /// <summary>
    /// Checks what the headers alone can tell, so that a host can refuse a request before reading its body: a bearer
    /// token (or the legacy secret) is checked completely; an HMAC request is refused here when its signature header is
    /// malformed, or its timestamp or message-id header is missing, malformed or outside the tolerance.
    /// </summary>
    /// <param name="getHeader">Returns a header's value, or null when absent.</param>
    /// <param name="bodyRequired">
    /// True when the headers passed but the verdict depends on the body (an HMAC signature): read the body and call
    /// <see cref="VerifyAsync"/>. False when the result is final.
    /// </param>
    /// <returns><see cref="VapiVerificationResult.Valid"/> when the headers are acceptable; otherwise why the request is refused.</returns>
    public VapiVerificationResult VerifyHeaders(Func<string, string?> getHeader, out bool bodyRequired)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        bodyRequired = false;
        if (_notConfigured)
        {
            return VapiVerificationResult.NotConfigured;
        }

        if (_hmac is not null)
        {
            var signature = getHeader(_hmac.SignatureHeader);
            if (!string.IsNullOrEmpty(signature))
            {
                var result = _hmac.VerifyHeaders(signature, getHeader, _timeProvider.GetUtcNow());
                bodyRequired = result == VapiVerificationResult.Valid;
                return result;
            }
        }

        if (_bearer is not null)
        {
            var token = getHeader(_bearer.HeaderName);
            if (!string.IsNullOrEmpty(token))
            {
                return _bearer.Verify(token);
            }
        }

        return _allowUnauthenticated ? VapiVerificationResult.Valid : VapiVerificationResult.MissingCredentials;
    }

    /// <summary>Verifies a request, including the replay check.</summary>
    /// <param name="body">The raw body bytes exactly as received.</param>
    /// <param name="getHeader">Returns a header's value, or null when absent.</param>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="url">The full request URL as Vapi called it (scheme, host, path and query).</param>
    /// <param name="cancellationToken">Cancels the replay-store call.</param>
    public ValueTask<VapiVerificationResult> VerifyAsync(
        ReadOnlyMemory<byte> body,
        Func<string, string?> getHeader,
        string method,
        string url,
        CancellationToken cancellationToken = default)
    {
        var result = VerifyCredentials(body.Span, getHeader, method, url, out var replayKey, out var expiresAt);
        return result != VapiVerificationResult.Valid || replayKey is null
            ? ValueTask.FromResult(result)
            : CheckReplayAsync(replayKey, expiresAt, cancellationToken);
    }

    /// <summary>
    /// <see cref="VerifyAsync"/>, also returning the replay key this call recorded (null when none was: no HMAC replay
    /// protection, or the request was refused), so that the host can forget it with <see cref="ForgetReplayAsync"/>
    /// when it does not answer the request 2xx.
    /// </summary>
    internal async ValueTask<(VapiVerificationResult Result, string? RecordedReplayKey)> VerifyRecordingAsync(
        ReadOnlyMemory<byte> body,
        Func<string, string?> getHeader,
        string method,
        string url,
        CancellationToken cancellationToken)
    {
        var result = VerifyCredentials(body.Span, getHeader, method, url, out var replayKey, out var expiresAt);
        if (result != VapiVerificationResult.Valid || replayKey is null)
        {
            return (result, null);
        }

        result = await CheckReplayAsync(replayKey, expiresAt, cancellationToken).ConfigureAwait(false);
        return (result, result == VapiVerificationResult.Valid ? replayKey : null);
    }

    /// <summary>Forgets a replay key recorded by <see cref="VerifyRecordingAsync"/>: the request may be sent again.</summary>
    internal ValueTask ForgetReplayAsync(string replayKey, CancellationToken cancellationToken)
        => _replayStore is null ? ValueTask.CompletedTask : _replayStore.RemoveAsync(replayKey, cancellationToken);

    /// <summary>Verifies a request synchronously; only possible when <see cref="RequiresReplayStore"/> is false.</summary>
    /// <param name="body">The raw body bytes exactly as received.</param>
    /// <param name="getHeader">Returns a header's value, or null when absent.</param>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="url">The full request URL as Vapi called it (scheme, host, path and query).</param>
    /// <exception cref="InvalidOperationException">HMAC replay protection is on; use <see cref="VerifyAsync"/>.</exception>
    public VapiVerificationResult Verify(ReadOnlySpan<byte> body, Func<string, string?> getHeader, string method, string url)
    {
        if (RequiresReplayStore)
        {
            throw new InvalidOperationException("HMAC replay protection needs the replay store: call VerifyAsync, or set Hmac:ReplayProtection to false.");
        }

        return VerifyCredentials(body, getHeader, method, url, out _, out _);
    }

    private VapiVerificationResult VerifyCredentials(
        ReadOnlySpan<byte> body,
        Func<string, string?> getHeader,
        string method,
        string url,
        out string? replayKey,
        out DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        replayKey = null;
        expiresAt = default;
        if (_notConfigured)
        {
            return VapiVerificationResult.NotConfigured;
        }

        if (_hmac is not null)
        {
            var signature = getHeader(_hmac.SignatureHeader);
            if (!string.IsNullOrEmpty(signature))
            {
                return _hmac.Verify(body, signature, getHeader, method, url, _timeProvider.GetUtcNow(), out replayKey, out expiresAt);
            }
        }

        if (_bearer is not null)
        {
            var token = getHeader(_bearer.HeaderName);
            if (!string.IsNullOrEmpty(token))
            {
                return _bearer.Verify(token);
            }
        }

        return _allowUnauthenticated ? VapiVerificationResult.Valid : VapiVerificationResult.MissingCredentials;
    }

    private async ValueTask<VapiVerificationResult> CheckReplayAsync(string replayKey, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var isNew = await _replayStore!.TryAddAsync(replayKey, expiresAt, cancellationToken).ConfigureAwait(false);
        return isNew ? VapiVerificationResult.Valid : VapiVerificationResult.Replayed;
    }
}
