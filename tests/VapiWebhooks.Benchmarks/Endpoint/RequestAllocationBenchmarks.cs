using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Security;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Benchmarks.Endpoint;

/// <summary>
/// One whole request through an ASP.NET Core app in process (<see cref="TestServer"/>), as the bench host serves it:
/// <c>MapVapiWebhooks</c> with a bearer token and the tool the body calls, against the hand-written
/// <c>JsonDocument</c> tool handler (b) and an endpoint that only reads the body (the server's own share, which
/// Kestrel does not pay in the same way). Issue 18's allocation goals are per request: subtract <see cref="BareRead"/>.
/// </summary>
[MemoryDiagnoser]
public class RequestAllocationBenchmarks
{
    private const string Token = "bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83";
    private WebApplication _app = null!;
    private TestServer _server = null!;
    private byte[] _toolCalls = [];
    private byte[] _endOfCallReport = [];

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        _toolCalls = File.ReadAllBytes(Path.Combine(fixtures, "tool-calls", "tool-calls__vapi4k__5.json"));
        _endOfCallReport = File.ReadAllBytes(Path.Combine(fixtures, "end-of-call-report", "end-of-call-report__vapi4k__1.json"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        var json = new JsonSerializerOptions { TypeInfoResolver = VapiJsonContext.Default };
        builder.Services.AddVapiWebhooks()
            .AddCredential(string.Empty, o => o.Bearer = new VapiBearerOptions { Tokens = { Token } })
            .AddTool<JsonElement>("WeatherLookupService0--getWeatherOutside", json, static (args, context, ct) => Task.FromResult<object?>("Sunny, 21 degrees."));
        _app = builder.Build();
        _app.MapPost("/baseline/bare", static async (HttpContext context) =>
        {
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted);
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            context.Response.ContentType = "application/json";
            await context.Response.BodyWriter.WriteAsync("{}"u8.ToArray(), context.RequestAborted);
        });
        _app.MapPost("/baseline/jsondoc", static async (HttpContext context) =>
        {
            // The bench host's (b): the least a correct hand-written tool handler does.
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var call = document.RootElement.GetProperty("message").GetProperty("toolCallList")[0];
            context.Response.ContentType = "application/json";
            var writer = new Utf8JsonWriter(context.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            writer.WriteStartObject();
            writer.WriteString("toolCallId", call.GetProperty("id").GetString());
            writer.WriteString("name", call.GetProperty("function").GetProperty("name").GetString());
            writer.WriteString("result", "Sunny, 21 degrees.");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted);
        });
        _app.MapVapiWebhooks();
        _app.StartAsync().GetAwaiter().GetResult();
        _server = _app.GetTestServer();
        if (PostAsync("/vapi/webhook", _toolCalls).GetAwaiter().GetResult() != 200 || PostAsync("/vapi/webhook", _endOfCallReport).GetAwaiter().GetResult() != 200)
        {
            throw new InvalidOperationException("The endpoint did not answer 200.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<int> JsonDocumentToolHandler() => PostAsync("/baseline/jsondoc", _toolCalls);

    [Benchmark]
    public Task<int> BareRead() => PostAsync("/baseline/bare", _toolCalls);

    [Benchmark]
    public Task<int> ToolCalls() => PostAsync("/vapi/webhook", _toolCalls);

    [Benchmark]
    public Task<int> EndOfCallReport() => PostAsync("/vapi/webhook", _endOfCallReport);

    private async Task<int> PostAsync(string path, byte[] body)
    {
        var context = await _server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = path;
            c.Request.ContentType = "application/json";
            c.Request.Headers.Authorization = "Bearer " + Token;
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body, writable: false);
        }).ConfigureAwait(false);
        return context.Response.StatusCode;
    }
}
