using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using VapiWebhooks.Encryption;
using VapiWebhooks.Security;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Authenticates requests for each credential name with a <see cref="VapiRequestVerifier"/> built from the
/// current options. A reload (rotated secret) yields new options and so a new verifier, without a restart;
/// the replay store is shared across verifiers so a rotation does not reopen a replay window.
/// </summary>
internal sealed class VapiRequestAuthenticator : IDisposable
{
    private readonly ConcurrentDictionary<string, Credential> _entries = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<VapiAuthenticationOptions> _options;
    private readonly IVapiReplayStore _replayStore;
    private readonly TimeProvider _timeProvider;
    private readonly IDisposable _reloadSubscription;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _invalidReported = new(StringComparer.Ordinal);

    public VapiRequestAuthenticator(
        IOptionsMonitor<VapiAuthenticationOptions> options,
        IOptionsMonitorCache<VapiAuthenticationOptions> cache,
        IConfiguration configuration,
        IVapiReplayStore replayStore,
        TimeProvider timeProvider,
        ILogger<VapiRequestAuthenticator> logger)
    {
        _options = options;
        _logger = logger;
        _replayStore = replayStore;
        _timeProvider = timeProvider;

        // Named options are cached forever by default: drop them all on reload so rotated secrets take effect.
        _reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, cache.Clear);
    }

    public void Dispose() => _reloadSubscription.Dispose();

    /// <summary>Reads (and validates) the credential now, so that a bad configuration fails at start-up.</summary>
    public void EnsureValid(string name) => Current(name);

    /// <summary>
    /// The credential to check one request against: resolved once per request, so that its source and its
    /// signature are checked against the same credential even when a reload lands in between.
    /// </summary>
    public Credential Current(string name)
    {
        VapiAuthenticationOptions current;
        try
        {
            current = _options.Get(name);
            _invalidReported.TryRemove(name, out _);
        }
        catch (OptionsValidationException ex) when (_entries.TryGetValue(name, out var lastGood))
        {
            // A reload produced an invalid credential: keep authenticating with the last valid one rather
            // than failing every request (or, worse, letting them through), and say so once.
            if (_invalidReported.TryAdd(name, 0))
            {
                EndpointLog.InvalidCredentialReload(_logger, ex, string.IsNullOrEmpty(name) ? "(default)" : name);
            }

            return lastGood;
        }

        if (_entries.TryGetValue(name, out var entry) && ReferenceEquals(entry.Options, current))
        {
            return entry;
        }

        entry = Credential.Create(current, _replayStore, _timeProvider, VapiCredentialOptionsSetup.SectionFor(name));
        _entries[name] = entry;
        return entry;
    }

    /// <summary>Whether any credential of the app has a private key (read again, like <see cref="AnyCredentialDecryptor"/>); allocates nothing.</summary>
    public bool AnyCredentialHasKeys()
    {
        foreach (var name in _entries.Keys)
        {
            if (Current(name).Decryptor.HasKeys)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The keys of every credential of the app (those of mapped endpoints are read at start-up), for a scope that is not
    /// a request's: a notification handled later by the inbox, an async tool's run, a queue consumer. Which credential
    /// such a message came through is not kept, so each key is tried; the credentials are read again, so a reload
    /// (rotation) applies here too.
    /// </summary>
    public VapiFieldDecryptor AnyCredentialDecryptor()
    {
        var decryptors = new List<VapiFieldDecryptor>(_entries.Count);
        foreach (var name in _entries.Keys)
        {
            decryptors.Add(Current(name).Decryptor);
        }

        return VapiFieldDecryptor.Combine(decryptors);
    }

    /// <summary>
    /// UseAspNetCoreAuthorization (OAuth2): the authorization middleware has already enforced the endpoint's policy, so a
    /// request gets here authenticated; this fails closed when the endpoint has no policy (RequireAuthorization forgotten).
    /// </summary>
    private static VapiVerificationResult VerifyAspNetCoreAuthorization(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var protectedEndpoint = metadata is not null
            && (metadata.GetMetadata<IAuthorizeData>() is not null || metadata.GetMetadata<AuthorizationPolicy>() is not null)
            && metadata.GetMetadata<IAllowAnonymous>() is null;
        if (!protectedEndpoint)
        {
            return VapiVerificationResult.NotConfigured;
        }

        return context.User.Identity?.IsAuthenticated == true ? VapiVerificationResult.Valid : VapiVerificationResult.MissingCredentials;
    }

    /// <summary>One credential's verifier and allow-list, built once per options instance.</summary>
    internal sealed record Credential(VapiAuthenticationOptions Options, VapiRequestVerifier? Verifier, VapiNetworkAllowList? AllowList, VapiFieldDecryptor Decryptor)
    {
        public static Credential Create(VapiAuthenticationOptions options, IVapiReplayStore replayStore, TimeProvider timeProvider, string sectionPath)
        {
            var verifier = options.Bearer is null && options.Hmac is null ? null : new VapiRequestVerifier(options, timeProvider, replayStore);
            var allowList = options.AllowedNetworks is { Count: > 0 } networks ? VapiNetworkAllowList.Parse(networks) : null;
            // Keys are read once per options instance: a reload (key rotation) loads the new ones.
            var decryptor = VapiFieldDecryptor.Create(options.Encryption, sectionPath + ":Encryption");
            return new Credential(options, verifier, allowList, decryptor);
        }

        public bool IsSourceAllowed(IPAddress? remoteAddress)
            => AllowList is null || (remoteAddress is not null && AllowList.Contains(remoteAddress));

        /// <summary>
        /// Checks the credential from the headers alone, before a byte of body is read. A bearer token, the legacy
        /// secret, ASP.NET Core authorization and <c>AllowUnauthenticated</c> are final here; an HMAC request that passes
        /// its header checks sets <paramref name="bodyRequired"/>, and <see cref="VerifyAsync"/> checks the signature.
        /// </summary>
        public VapiVerificationResult VerifyHeaders(HttpRequest request, out bool bodyRequired)
        {
            bodyRequired = false;
            if (Options.UseAspNetCoreAuthorization)
            {
                return VerifyAspNetCoreAuthorization(request.HttpContext);
            }

            if (Verifier is null)
            {
                // AllowUnauthenticated: validation has already refused it outside Development.
                return VapiVerificationResult.Valid;
            }

            var headers = request.Headers;
            return Verifier.VerifyHeaders(name => HeaderValue(headers, name), out bodyRequired);
        }

        /// <summary>
        /// Checks the HMAC signature over the body (and records it against replays). Returns the replay key recorded
        /// for this request, if any: the endpoint forgets it when the request is not answered 2xx.
        /// </summary>
        public ValueTask<(VapiVerificationResult Result, string? RecordedReplayKey)> VerifyAsync(HttpRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
        {
            if (Options.UseAspNetCoreAuthorization)
            {
                return ValueTask.FromResult<(VapiVerificationResult, string?)>((VerifyAspNetCoreAuthorization(request.HttpContext), null));
            }

            if (Verifier is null)
            {
                // AllowUnauthenticated: validation has already refused it outside Development.
                return ValueTask.FromResult<(VapiVerificationResult, string?)>((VapiVerificationResult.Valid, null));
            }

            var headers = request.Headers;
            // UseForwardedHeaders (when the app trusts its proxy) has already put the public scheme and host here.
            var url = Verifier.UsesUrl ? request.GetEncodedUrl() : string.Empty;
            return Verifier.VerifyRecordingAsync(body, name => HeaderValue(headers, name), request.Method, url, cancellationToken);
        }

        /// <summary>Forgets a replay key recorded by <see cref="VerifyAsync"/>, so that the same signed request may be retried.</summary>
        public ValueTask ForgetReplayAsync(string replayKey, CancellationToken cancellationToken)
            => Verifier is null ? ValueTask.CompletedTask : Verifier.ForgetReplayAsync(replayKey, cancellationToken);

        private static string? HeaderValue(IHeaderDictionary headers, string name)
            => headers.TryGetValue(name, out var value) ? (value.Count == 1 ? value[0] : string.Join(',', value.ToArray())) : null;
    }
}
