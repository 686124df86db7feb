using VapiWebhooks.Security;

namespace VapiWebhooks.Testing;

/// <summary>
/// The credential a test request carries, applied exactly as Vapi sends it: a bearer header, the legacy
/// <c>X-Vapi-Secret</c> header, or an HMAC signature over the exact body bytes, method and absolute URL. Pass one to
/// <see cref="VapiHttpClientExtensions.PostVapiMessageAsync(HttpClient, Messages.ServerMessage, string, VapiTestCredential, CancellationToken)"/>
/// or <see cref="VapiHttpClientExtensions.PostVapiBodyAsync(HttpClient, byte[], string, VapiTestCredential, CancellationToken)"/>,
/// or apply it to a request of your own with <see cref="ApplyTo"/>.
/// </summary>
/// <remarks>
/// HMAC credentials sign the URL the request is sent to (as <c>scheme://host[:port]/path?query</c>, the form ASP.NET Core's
/// <c>GetEncodedUrl</c> rebuilds), unless a public URL is given for a server behind a proxy. With HMAC replay protection on,
/// posting the same body twice with the same timestamp is a replay, refused by the server; Vapi's messages differ from one another.
/// </remarks>
public abstract class VapiTestCredential
{
    private protected VapiTestCredential()
    {
    }

    /// <summary>No credential: the request carries no authentication header.</summary>
    public static VapiTestCredential None { get; } = new HeadersCredential(new Dictionary<string, string>(), "None");

    /// <summary>A bearer credential: <c>Authorization: Bearer &lt;token&gt;</c> by default.</summary>
    /// <param name="token">The token.</param>
    /// <param name="headerName">The header carrying the token (the credential's header name).</param>
    /// <param name="usePrefix">Whether the value starts with <c>Bearer </c>.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The token or header name cannot be sent (empty, surrounding whitespace, too long).</exception>
    public static VapiTestCredential Bearer(string token, string headerName = VapiBearerOptions.DefaultHeaderName, bool usePrefix = true)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(headerName);
        return Bearer(new VapiBearerOptions { HeaderName = headerName, UsePrefix = usePrefix, Tokens = [token] });
    }

    /// <summary>The bearer header Vapi would send for <paramref name="options"/>, with its first token.</summary>
    /// <param name="options">The bearer credential, as the server is configured.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static VapiTestCredential Bearer(VapiBearerOptions options)
    {
        var headers = VapiRequestSigner.CreateBearerHeaders(options);
        return new HeadersCredential(headers, $"Bearer {{ HeaderName = {options.HeaderName.Trim()}, UsePrefix = {options.UsePrefix} }}");
    }

    /// <summary>The legacy server secret: <c>X-Vapi-Secret: &lt;secret&gt;</c>.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The secret cannot be sent (empty, surrounding whitespace, too long).</exception>
    public static VapiTestCredential LegacySecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Bearer(VapiBearerOptions.ForLegacyVapiSecret(secret));
    }

    /// <summary>
    /// An HMAC credential: each request is signed with <see cref="VapiHmacOptions.Secrets"/>[0] over its exact body bytes,
    /// its method and its absolute URL (or <paramref name="publicUrl"/>), at the time of <paramref name="clock"/>.
    /// </summary>
    /// <param name="options">The HMAC credential, as the server is configured.</param>
    /// <param name="clock">The signing clock; <see cref="TimeProvider.System"/> when null. Use an offset clock to send stale or future timestamps.</param>
    /// <param name="timestampUnit">Whether the timestamp header is in seconds or milliseconds.</param>
    /// <param name="publicUrl">The URL Vapi calls when it is not the URL the request is sent to (a server behind a proxy); null to sign the request URL.</param>
    /// <param name="messageId">The message id sent in <see cref="VapiHmacOptions.MessageIdHeader"/>; a new random one per request when null.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static VapiTestCredential Hmac(
        VapiHmacOptions options,
        TimeProvider? clock = null,
        VapiTimestampUnit timestampUnit = VapiTimestampUnit.Seconds,
        Uri? publicUrl = null,
        string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (publicUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("The public URL must be absolute, for example https://hooks.example.com/vapi/webhook.", nameof(publicUrl));
        }

        return new HmacCredential(new VapiRequestSigner(options), clock ?? TimeProvider.System, timestampUnit, publicUrl, messageId);
    }

    /// <summary>
    /// Sends <paramref name="headers"/> verbatim, for example headers captured from an earlier request with
    /// <see cref="CreateHeaders"/>, to replay that exact request.
    /// </summary>
    /// <param name="headers">The header names and values.</param>
    /// <returns>The credential.</returns>
    public static VapiTestCredential FromHeaders(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new HeadersCredential(new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), "Headers");
    }

    /// <summary>
    /// This credential plus <paramref name="extraHeaders"/>, for example the <c>X-Forwarded-*</c> headers a proxy in front
    /// of the app adds. The extra headers are not signed; on a name clash the credential's own header wins.
    /// </summary>
    /// <param name="extraHeaders">The header names and values to add.</param>
    /// <returns>The combined credential.</returns>
    public VapiTestCredential WithHeaders(IReadOnlyDictionary<string, string> extraHeaders)
    {
        ArgumentNullException.ThrowIfNull(extraHeaders);
        return new CombinedCredential(this, new Dictionary<string, string>(extraHeaders, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The URL an HMAC payload's <c>{url}</c> stands for when the request goes to <paramref name="requestUrl"/>: scheme, host, port, path and query, without fragment or user info.</summary>
    /// <param name="requestUrl">The absolute request URL.</param>
    /// <returns>The URL text.</returns>
    public static string SignedUrlText(Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (!requestUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URL must be absolute.", nameof(requestUrl));
        }

        return requestUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
    }

    /// <summary>Returns the headers this credential adds to a request.</summary>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="requestUrl">The absolute URL the request is sent to.</param>
    /// <returns>The header names and values.</returns>
    public abstract IReadOnlyDictionary<string, string> CreateHeaders(ReadOnlySpan<byte> body, string method, Uri requestUrl);

    /// <summary>Adds this credential's headers to <paramref name="request"/>, replacing any header of the same name.</summary>
    /// <param name="request">The request; its <see cref="HttpRequestMessage.RequestUri"/> must be absolute.</param>
    /// <param name="body">The exact body bytes the request carries.</param>
    /// <exception cref="ArgumentException">The request URI is not absolute.</exception>
    public void ApplyTo(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } url)
        {
            throw new ArgumentException("The request URI must be absolute: the signature covers it.", nameof(request));
        }

        foreach (var (name, value) in CreateHeaders(body, request.Method.Method, url))
        {
            request.Headers.Remove(name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException($"'{name}' cannot be sent as a request header.", nameof(request));
            }
        }
    }

    private sealed class HeadersCredential(IReadOnlyDictionary<string, string> headers, string description) : VapiTestCredential
    {
        public override IReadOnlyDictionary<string, string> CreateHeaders(ReadOnlySpan<byte> body, string method, Uri requestUrl) => headers;

        public override string ToString() => description + " (values redacted)";
    }

    private sealed class CombinedCredential(VapiTestCredential inner, IReadOnlyDictionary<string, string> extra) : VapiTestCredential
    {
        public override IReadOnlyDictionary<string, string> CreateHeaders(ReadOnlySpan<byte> body, string method, Uri requestUrl)
        {
            var headers = new Dictionary<string, string>(extra, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in inner.CreateHeaders(body, method, requestUrl))
            {
                headers[name] = value;
            }

            return headers;
        }

        public override string ToString() => inner + " with " + string.Join(", ", extra.Keys);
    }

    private sealed class HmacCredential(VapiRequestSigner signer, TimeProvider clock, VapiTimestampUnit unit, Uri? publicUrl, string? messageId) : VapiTestCredential
    {
        public override IReadOnlyDictionary<string, string> CreateHeaders(ReadOnlySpan<byte> body, string method, Uri requestUrl)
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(requestUrl);
            return signer.Sign(body, method, SignedUrlText(publicUrl ?? requestUrl), clock.GetUtcNow(), unit, messageId);
        }

        public override string ToString() => "Hmac (secret redacted)";
    }
}
