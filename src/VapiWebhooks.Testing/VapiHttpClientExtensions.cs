using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Testing;

/// <summary>Posts Vapi messages to a server and reads its replies, for tests against <c>WebApplicationFactory</c> or a real URL.</summary>
public static class VapiHttpClientExtensions
{
    /// <summary>Posts <paramref name="message"/> in its envelope, <c>{"message": {...}}</c>, as Vapi does.</summary>
    /// <param name="client">The client.</param>
    /// <param name="message">The message.</param>
    /// <param name="path">The webhook path or URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public static Task<HttpResponseMessage> PostVapiMessageAsync(this HttpClient client, ServerMessage message, string path = "/vapi/webhook", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return client.PostVapiBodyAsync(VapiJson.SerializeEnvelope(message), path, cancellationToken);
    }

    /// <summary>Posts a raw body as Vapi does (<c>application/json</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="body">The body bytes, sent exactly as given.</param>
    /// <param name="path">The webhook path or URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public static Task<HttpResponseMessage> PostVapiBodyAsync(this HttpClient client, byte[] body, string path = "/vapi/webhook", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Posts <paramref name="message"/> in its envelope, carrying <paramref name="credential"/> exactly as Vapi sends it.</summary>
    /// <param name="client">The client.</param>
    /// <param name="message">The message.</param>
    /// <param name="path">The webhook path (resolved against <see cref="HttpClient.BaseAddress"/>) or absolute URL.</param>
    /// <param name="credential">The credential: bearer, legacy secret, or an HMAC signature over the exact body, method and URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public static Task<HttpResponseMessage> PostVapiMessageAsync(this HttpClient client, ServerMessage message, string path, VapiTestCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return client.PostVapiBodyAsync(VapiJson.SerializeEnvelope(message), path, credential, cancellationToken);
    }

    /// <summary>Posts a raw body as Vapi does (<c>application/json</c>), carrying <paramref name="credential"/> computed over exactly these bytes.</summary>
    /// <param name="client">The client.</param>
    /// <param name="body">The body bytes, sent exactly as given.</param>
    /// <param name="path">The webhook path (resolved against <see cref="HttpClient.BaseAddress"/>) or absolute URL.</param>
    /// <param name="credential">The credential: bearer, legacy secret, or an HMAC signature over the exact body, method and URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="path"/> is relative and the client has no base address.</exception>
    public static Task<HttpResponseMessage> PostVapiBodyAsync(this HttpClient client, byte[] body, string path, VapiTestCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(credential);
        var url = new Uri(path, UriKind.RelativeOrAbsolute);
        if (!url.IsAbsoluteUri)
        {
            // The signature covers the absolute URL, so resolve it here as HttpClient would.
            url = new Uri(client.BaseAddress ?? throw new InvalidOperationException("The path is relative and the client has no BaseAddress: pass an absolute URL."), url);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        credential.ApplyTo(request, body);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Reads a JSON reply; throws when the status is not 200 or the body is not JSON.</summary>
    /// <typeparam name="T">The reply type, for example <see cref="ToolCallsResponse"/>.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="HttpRequestException">The status is not 200 or the content type is not JSON.</exception>
    public static async Task<T> ReadVapiReplyAsync<T>(this HttpResponseMessage response, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode != 200 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new HttpRequestException($"Expected 200 application/json, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        var typeInfo = (JsonTypeInfo<T>)(VapiJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new NotSupportedException($"{typeof(T).Name} is not a VapiWebhooks reply type."));
        return System.Text.Json.JsonSerializer.Deserialize(body, typeInfo)
            ?? throw new HttpRequestException("The reply is JSON null.");
    }

    /// <summary>Reads the tool results of a <c>tool-calls</c> reply.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The results, in reply order.</returns>
    public static async Task<IList<ToolCallResult>> ReadToolResultsAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
        => (await response.ReadVapiReplyAsync<ToolCallsResponse>(cancellationToken).ConfigureAwait(false)).Results;

    /// <summary>Reads a PCM reply to a <c>voice-request</c>; throws when it is not 200 <c>application/octet-stream</c> with whole 16-bit samples.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The PCM bytes (mono, 16-bit signed little-endian).</returns>
    public static async Task<byte[]> ReadPcmAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode != 200 || response.Content.Headers.ContentType?.MediaType != "application/octet-stream")
        {
            throw new HttpRequestException($"Expected 200 application/octet-stream, got {(int)response.StatusCode} {response.Content.Headers.ContentType}.");
        }

        if (body.Length % 2 != 0)
        {
            throw new HttpRequestException($"The PCM reply has {body.Length} bytes: an odd count is half a 16-bit sample.");
        }

        return body;
    }
}
