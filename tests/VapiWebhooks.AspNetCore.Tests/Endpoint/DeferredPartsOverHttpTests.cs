using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Serialization;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>The point of deferred parts, over HTTP: a handler is not failed by a part it never reads.</summary>
public class DeferredPartsOverHttpTests
{
    private const string RealToolCalls = "tool-calls/tool-calls__vapi4k__5.json";

    [Fact]
    public async Task A_tool_call_is_answered_even_when_the_artifact_it_never_reads_does_not_match_the_model()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>(
            "WeatherLookupService0--getWeatherOutside",
            VapiJson.Options,
            static (args, ctx, ct) => Task.FromResult<object?>("Sunny.")));
        var body = TestBodies.Edit(RealToolCalls, m => m["artifact"]!["transcript"] = false);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Client.PostAsync("/vapi/webhook", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadToolResultsAsync()).Should().OnlyContain(r => r.Result == "Sunny." && r.Error == null);
    }
}
