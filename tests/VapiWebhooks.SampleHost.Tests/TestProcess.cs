using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// A real child process for the tests that run the sample, the packed library, nginx or the SDK as a user would:
/// output captured line by line (stdout and stderr, in arrival order), every wait bounded, and the whole process tree
/// killed on dispose if it is still running.
/// </summary>
public sealed class TestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Task _exited;

    private TestProcess(Process process, string description)
    {
        _process = process;
        Description = description;
        _process.OutputDataReceived += (_, e) => Receive(e.Data, string.Empty);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data, "stderr: ");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _exited = _process.WaitForExitAsync();
    }

    /// <summary>The command line, for messages.</summary>
    public string Description { get; }

    /// <summary>Everything the process wrote so far, one line per line, stderr lines prefixed with <c>stderr: </c>.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public bool HasExited => _exited.IsCompleted;

    /// <summary>
    /// Starts <paramref name="fileName"/>. Environment variables whose value is null are removed from the inherited
    /// environment. For <c>dotnet</c>, the MSBuild variables of the test run are removed so that a child build is a
    /// clean, user-like build.
    /// </summary>
    public static TestProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (fileName == "dotnet")
        {
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new TestProcess(new Process { StartInfo = start }, fileName + " " + string.Join(' ', start.ArgumentList));
    }

    /// <summary>Runs a command to completion within <paramref name="timeout"/> and fails with its output unless it exits with 0.</summary>
    /// <returns>Its output.</returns>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var process = Start(fileName, arguments, workingDirectory, environment);
        var exitCode = await process.WaitForExitAsync(timeout);
        exitCode.Should().Be(0, "`{0}` should succeed; output:\n{1}", process.Description, process.Output);
        return process.Output;
    }

    /// <summary>Waits for the process to exit; fails (after killing it) when it takes longer than <paramref name="timeout"/>.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(_exited, Task.Delay(timeout)) != _exited)
        {
            await KillAsync();
            throw new TimeoutException($"`{Description}` did not finish within {timeout.TotalSeconds:0} s; output:\n{Output}");
        }

        await _exited;
        return _process.ExitCode;
    }

    /// <summary>Waits for a line matching <paramref name="match"/> (already written or to come); fails if the process exits first or after <paramref name="timeout"/>.</summary>
    /// <returns>The first matching line.</returns>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, found));
        }

        var first = await Task.WhenAny(found.Task, _exited, Task.Delay(timeout));
        if (first == found.Task)
        {
            return await found.Task;
        }

        // The last lines may still be in flight when the process exits: one more look.
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }
        }

        var why = first == _exited ? $"exited with {_process.ExitCode}" : $"did not print it within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"`{Description}` {why}; output:\n{Output}");
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx; fails if the process exits first or after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilRespondingAsync(Uri url, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        string last = "no attempt";
        while (deadline.Elapsed < timeout)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"`{Description}` exited with {_process.ExitCode} before {url} answered; output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            catch (TaskCanceledException)
            {
                last = "request timed out";
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{url} did not answer 2xx within {timeout.TotalSeconds:0} s (last: {last}); `{Description}` output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A TCP port free on 127.0.0.1 right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository root (the folder holding VapiWebhooks.sln above the test binaries).</summary>
    public static string RepositoryRoot()
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

    /// <summary>Deletes a temp folder, ignoring what cannot be deleted (a leftover temp folder is harmless).</summary>
    public static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task KillAsync()
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }

            await Task.WhenAny(_exited, Task.Delay(TimeSpan.FromSeconds(30)));
        }
    }

    private void Receive(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        line = prefix + line;
        List<TaskCompletionSource<string>> found = [];
        lock (_gate)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    found.Add(_waiters[i].Found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in found)
        {
            waiter.TrySetResult(line);
        }
    }
}
