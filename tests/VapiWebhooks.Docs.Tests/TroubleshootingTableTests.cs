using System.Net;
using System.Text.Json;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Docs.Tests;

/// <summary>
/// The README's "Troubleshooting" table: every row whose cause is something the endpoint does is checked by sending
/// that request; the rows about Vapi's or the sample's configuration are listed with the reason they are not requests.
/// Rows are read from the README, and an unknown row fails, so the table cannot drift unnoticed.
/// </summary>
public sealed class TroubleshootingTableTests
{
    // Rows that are advice about configuration outside this endpoint (Vapi's dashboard, the network, the sample).
    private static readonly Dictionary<string, string> NotARequest = new(StringComparer.Ordinal)
    {
        ["`end-of-call-report` never arrives"] = "the assistant's serverMessages list is Vapi-side configuration",
        ["Calls end at once (`assistant-request-failed`) or with silence"] = "end-to-end latency through ngrok; deadlines are tested in the library's own tests",
        ["The custom voice is silent"] = "the sample's espeak-ng voice, tested in VapiWebhooks.SampleHost.Tests (VoiceTests)",
        ["The assistant's URLs say `http://localhost:5088/...`"] = "the sample's forwarded headers, tested in VapiWebhooks.SampleHost.Tests (ReverseProxyTests)",
    };

    public static TheoryData<string> Symptoms()
    {
        var rows = new TheoryData<string>();
        foreach (var row in Markdown.TableAfter(File.ReadAllText(Repository.ReadmePath), "## Troubleshooting"))
        {
            rows.Add(row[0]);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Symptoms))]
    public async Task Each_row_is_checked_or_says_why_it_is_not_a_request(string symptom)
    {
        if (NotARequest.ContainsKey(symptom))
        {
            return;
        }

        // The README's app: one bearer token, one tool.
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<WeatherArgs>("get_weather", (args, _) => $"It's sunny in {args.City}."));
        var client = host.Client;
        switch (symptom)
        {
            case "The assistant ignores a tool's result, or says it failed":
                await ToolResultsRepeatTheCallIdAndFailuresStay200(client);
                break;
            case "A tool's arguments are empty or fail to bind":
                await ArgumentsBindAsObjectOrStringAndErrorsNameTheProperty(client);
                break;
            case "Every request gets `401`":
                await AWrongTokenGets401(client);
                break;
            default:
                Assert.Fail($"the Troubleshooting row \"{symptom}\" is neither checked here nor listed in {nameof(NotARequest)}");
                break;
        }
    }

    private static async Task ToolResultsRepeatTheCallIdAndFailuresStay200(HttpClient client)
    {
        var message = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", """{"city":"Lisbon"}"""), new TestToolCall("no_such_tool", "{}"));
        using var response = await client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "tool errors go in results[i].error, with status 200");
        (await response.Content.ReadAsStringAsync()).Should().Contain("It's sunny in Lisbon", "replies are written with relaxed escaping, for the model to read");
        var results = await response.ReadToolResultsAsync();
        results.Select(r => r.ToolCallId).Should().Equal(message.ToolCallList.Select(c => c.Id));
        results[0].Result.Should().Contain("Lisbon");
        results[1].Error.Should().NotBeNullOrEmpty();
    }

    private static async Task ArgumentsBindAsObjectOrStringAndErrorsNameTheProperty(HttpClient client)
    {
        foreach (var arguments in new[] { """{"city":"Porto"}""", JsonSerializer.Serialize("""{"city":"Porto"}""") })
        {
            var body = $$$"""{"message":{"type":"tool-calls","toolCallList":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":{{{arguments}}}}}]}}""";
            using var response = await client.PostVapiBodyAsync(System.Text.Encoding.UTF8.GetBytes(body));
            (await response.ReadToolResultsAsync()).Single().Result.Should().Contain("Porto", "arguments as {0} should bind", arguments);
        }

        var wrongType = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", """{"city":42}"""));
        using var wrong = await client.PostVapiMessageAsync(wrongType);
        (await wrong.ReadToolResultsAsync()).Single().Error.Should().Contain("city", "a binding error names the property");
    }

    private static async Task AWrongTokenGets401(HttpClient client)
    {
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress), "/vapi/webhook", VapiTestCredential.Bearer("not-the-token"));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    internal sealed record WeatherArgs(string City);
}
