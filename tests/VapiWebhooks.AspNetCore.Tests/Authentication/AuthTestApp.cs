using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// A real VapiWebhooks app for one test: configuration from a reloadable in-memory provider, a handler that counts its
/// calls, captured logs, and either a Kestrel socket on 127.0.0.1 (the default: the remote address is real) or a TestServer.
/// </summary>
internal sealed class AuthTestApp : IAsyncDisposable
{
    private AuthTestApp(WebApplication app, HttpClient client, HandlerCalls calls, CapturingLoggerProvider logs, ReloadableMemoryConfigurationProvider configuration)
    {
        App = app;
        Client = client;
        Calls = calls;
        Logs = logs;
        ConfigurationProvider = configuration;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public HandlerCalls Calls { get; }

    public CapturingLoggerProvider Logs { get; }

    public ReloadableMemoryConfigurationProvider ConfigurationProvider { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    /// <summary>Builds the app with <see cref="VapiTestHost.Build"/>; throws whatever building, mapping or starting throws (start-up validation).</summary>
    public static async Task<AuthTestApp> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null,
        string environment = "Production",
        bool kestrel = true)
    {
        var source = new ReloadableMemoryConfigurationSource(settings);
        var logs = new CapturingLoggerProvider();
        var calls = new HandlerCalls();
        var app = VapiTestHost.Build(
            vapi => vapi.AddHandler<CountingAssistantHandler>(),
            logs: logs,
            host: builder =>
            {
                // Only the test's settings: a credential in the environment must not leak in.
                builder.Configuration.Sources.Clear();
                ((IConfigurationBuilder)builder.Configuration).Add(source);
                if (kestrel)
                {
                    // Clearing the sources dropped the loopback address VapiTestHost.Build set.
                    builder.WebHost.UseUrls("http://127.0.0.1:0");
                }

                builder.Services.AddSingleton(calls);
                configureBuilder?.Invoke(builder);
            },
            kestrel: kestrel,
            defaultCredential: false,
            environment: environment,
            logLevel: LogLevel.Debug);
        try
        {
            if (configureApp is null)
            {
                app.MapVapiWebhooks();
            }
            else
            {
                configureApp(app);
            }

            await app.StartAsync();
            HttpClient client;
            if (kestrel)
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            }
            else
            {
                client = app.GetTestClient();
            }

            return new AuthTestApp(app, client, calls, logs, source.Provider!);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Replaces the whole configuration and reloads it, as a rotated secret file or Key Vault refresh would.</summary>
    public void Reload(IReadOnlyDictionary<string, string?> settings)
    {
        ConfigurationProvider.Replace(settings);
        ((IConfigurationRoot)App.Configuration).Reload();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>What the authentication tests look for in the captured logs.</summary>
internal static class AuthLogs
{
    /// <summary>The endpoint's "refused an unauthenticated request" warnings (event 2007).</summary>
    public static IReadOnlyList<CapturedLog> Unauthenticated(this CapturingLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.EventId.Id == 2007 && e.Category.StartsWith("VapiWebhooks", StringComparison.Ordinal))];
}

/// <summary>Counts the handler's calls: the proof that a refused request never reached it.</summary>
internal sealed class HandlerCalls
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}

internal sealed class CountingAssistantHandler(HandlerCalls calls) : IAssistantRequestHandler
{
    public const string AssistantId = "asst_authenticated";

    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
    {
        calls.Increment();
        return Task.FromResult(new AssistantRequestResponse { AssistantId = AssistantId });
    }
}

/// <summary>An in-memory configuration provider whose content a test replaces before <c>IConfigurationRoot.Reload()</c>.</summary>
internal sealed class ReloadableMemoryConfigurationProvider : ConfigurationProvider
{
    private Dictionary<string, string?> _next;

    public ReloadableMemoryConfigurationProvider(IReadOnlyDictionary<string, string?> settings)
    {
        _next = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
    }

    public void Replace(IReadOnlyDictionary<string, string?> settings) => _next = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);

    public override void Load() => Data = new Dictionary<string, string?>(_next, StringComparer.OrdinalIgnoreCase);
}

internal sealed class ReloadableMemoryConfigurationSource(IReadOnlyDictionary<string, string?> settings) : IConfigurationSource
{
    public ReloadableMemoryConfigurationProvider? Provider { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider ??= new ReloadableMemoryConfigurationProvider(settings);
}

/// <summary>Assertions shared by the authentication tests.</summary>
internal static class AuthAssert
{
    public const string UnauthorizedDetail = "The request is not authenticated as Vapi.";

    /// <summary>Every <see cref="VapiVerificationResult"/> name and the words a leaky body would use.</summary>
    private static readonly string[] Revealing =
    [
        .. Enum.GetNames<VapiVerificationResult>(), "signature", "timestamp", "token", "secret", "replay", "stale", "expired", "hmac", "bearer", "network",
    ];

    /// <summary>The response is the terse 401 problem: status, media type, reason, and nothing saying which part failed.</summary>
    public static async Task IsTerseUnauthorizedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(401, "the body was: {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        root.GetProperty("reason").GetString().Should().Be("unauthorized");
        root.GetProperty("status").GetInt32().Should().Be(401);
        root.GetProperty("title").GetString().Should().Be("Unauthorized");
        root.GetProperty("detail").GetString().Should().Be(UnauthorizedDetail);
        foreach (var property in root.EnumerateObject())
        {
            property.Name.Should().BeOneOf("type", "title", "status", "detail", "reason", "traceId");
        }

        var withoutConstants = text.Replace(UnauthorizedDetail, string.Empty, StringComparison.Ordinal)
            .Replace("Unauthorized", string.Empty, StringComparison.Ordinal)
            .Replace("unauthorized", string.Empty, StringComparison.Ordinal);
        foreach (var word in Revealing)
        {
            withoutConstants.Should().NotContainEquivalentOf(word, "a 401 body must not say which part of the credential failed");
        }
    }

    public static async Task IsAcceptedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(200, "the body was: {0}", text);
        text.Should().Contain(CountingAssistantHandler.AssistantId);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static IPAddress Loopback => IPAddress.Loopback;
}
