using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.SampleHost.Hosting;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>The sample's one log line per webhook: type and call id from the parsed message, nothing from refused bodies.</summary>
public sealed class RequestLogTests : IDisposable
{
    private readonly SampleHostFactory _factory = new();
    private readonly LineCapture _lines = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client(bool authenticated = true)
    {
        var factory = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(_lines))));
        var client = factory.CreateClient();
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SampleHostFactory.Token);
        }

        return client;
    }

    // The client can see the response before the middleware's code after next() has run: wait for the line
    // (bounded), then expect exactly one.
    private async Task<string> LogLineAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_lines.Lines.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return _lines.Lines.Should().ContainSingle(l => l.StartsWith("Vapi ", StringComparison.Ordinal)).Subject;
    }

    [Fact]
    public async Task A_handled_message_is_logged_with_its_type_call_id_and_status()
    {
        using var client = Client();
        var message = VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress);

        using var response = await client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LogLineAsync()).Should().StartWith($"Vapi status-update call {message.CallId} -> 200 in ");
    }

    [Fact]
    public async Task An_unauthenticated_request_is_logged_without_reading_its_body()
    {
        using var client = Client(authenticated: false);

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await LogLineAsync()).Should().StartWith("Vapi (not read) call - -> 401 in ");
    }

    [Fact]
    public async Task A_malformed_body_is_logged_without_a_type()
    {
        using var client = Client();
        using var content = new StringContent("{\"message\": {\"type\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/vapi/webhook", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await LogLineAsync()).Should().StartWith("Vapi (not read) call - -> 400 in ");
    }

    /// <summary>Keeps the formatted lines of the request-log middleware.</summary>
    private sealed class LineCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Lines => [.. Queue];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == typeof(WebhookRequestLogMiddleware).FullName ? Queue : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? queue) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => queue is not null;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => queue?.Enqueue(formatter(state, exception));
        }
    }
}
