using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// Runs the README's first command as a user would, as a real process: <c>dotnet run --project
/// samples/VapiWebhooks.SampleHost</c> (with <c>--no-build</c>: the test build already built it), on a free loopback
/// port and a temp data folder; reads the development token it prints; checks a signed tool call and an unsigned one.
/// </summary>
public sealed class ReadmeCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dotnet_run_prints_a_development_token_that_authenticates_and_unsigned_requests_get_401()
    {
        var root = RepositoryRoot();
        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "vapi-samplehost-run", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "samples/VapiWebhooks.SampleHost", "--no-build", "-c", Configuration })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Sample__DataDirectory"] = dataDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var token = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            log.Enqueue(e.Data);
            const string Marker = "Development bearer token: ";
            var at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                token.TrySetResult(e.Data[(at + Marker.Length)..].Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue("stderr: " + e.Data);
            }
        };

        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(token.Task, exited, Task.Delay(StartTimeout));
            first.Should().BeSameAs(token.Task, "the host should print its development token within {0} s; output:\n{1}", StartTimeout.TotalSeconds, string.Join('\n', log));
            var devToken = await token.Task;
            devToken.Should().StartWith("dev_");
            File.ReadAllText(Path.Combine(dataDirectory, "dev-bearer-token.txt")).Trim().Should().Be(devToken);

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
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
                result.Result.Should().Contain("\"freeSlots\"");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }

            foreach (var line in log)
            {
                output.WriteLine(line);
            }

            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VapiWebhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("VapiWebhooks.sln was not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
