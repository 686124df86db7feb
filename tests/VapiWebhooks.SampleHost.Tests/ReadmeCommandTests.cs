using System.Net;
using System.Net.Http.Headers;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// Runs the README's first command as a user would, as a real process: <c>dotnet run --project
/// samples/VapiWebhooks.SampleHost</c> (with <c>--no-build</c>: the test build already built it), on a free loopback
/// port and a temp data folder; reads the development token it prints; checks a signed tool call and an unsigned one.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed class ReadmeCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dotnet_run_prints_a_development_token_that_authenticates_and_unsigned_requests_get_401()
    {
        var host = SampleHostProcess.Start();
        try
        {
            const string Marker = " Token       : ";
            var line = await host.Process.WaitForLineAsync(l => l.Contains(Marker, StringComparison.Ordinal), SampleHostProcess.StartTimeout);
            var devToken = line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();
            devToken.Should().StartWith("dev_");
            File.ReadAllText(Path.Combine(host.DataDirectory, "dev-bearer-token.txt")).Trim().Should().Be(devToken);

            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var message = VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", """{"date":"tomorrow"}"""));

            using (var unsigned = await client.PostVapiMessageAsync(message))
            {
                unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", devToken);
            using var signed = await client.PostVapiMessageAsync(message);
            var result = (await signed.ReadToolResultsAsync()).Should().ContainSingle().Subject;
            result.ToolCallId.Should().Be(message.ToolCallList![0].Id);
            (result.Result ?? result.Error).Should().NotBeNullOrEmpty();
            if (result.Error is not null)
            {
                // Tomorrow may be a Sunday, when the clinic is closed: still a real answer from the tool.
                result.Error.Should().Contain("closed");
            }
            else
            {
                result.Result.Should().StartWith("Free slots on ").And.NotContain("{", "results are sentences, not JSON");
            }
        }
        finally
        {
            await host.DisposeAsync();
            output.WriteLine(host.Process.Output);
        }
    }
}
