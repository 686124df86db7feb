using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.Simulator.Control;

/// <summary>
/// The simulated call's <c>monitor.controlUrl</c>: a Kestrel server on 127.0.0.1 (a free port, the Testing package's
/// recorder) that takes the commands the server under test posts during <c>call</c> and <c>scenario</c> and answers
/// 200 while the call lasts and 404 once it has ended, as Vapi does.
/// </summary>
internal sealed class ControlUrlServer : IAsyncDisposable
{
    private readonly CallControlRecorder _recorder;
    private long _seen;

    private ControlUrlServer(CallControlRecorder recorder) => _recorder = recorder;

    public static async Task<ControlUrlServer> StartAsync(CancellationToken cancellationToken) =>
        new(await CallControlRecorder.StartAsync(cancellationToken: cancellationToken));

    public Uri ControlUrlFor(string callId) => _recorder.ControlUrlFor(callId);

    /// <summary>The commands received since the last call, in arrival order.</summary>
    public IReadOnlyList<RecordedCallCommand> TakeNew()
    {
        var fresh = _recorder.Commands.Where(c => c.Sequence > _seen).OrderBy(c => c.Sequence).ToList();
        if (fresh.Count > 0)
        {
            _seen = fresh[^1].Sequence;
        }

        return fresh;
    }

    /// <summary>Waits for a command not yet taken that matches; false when none arrived in time.</summary>
    public async Task<bool> WaitForNewAsync(Func<RecordedCallCommand, bool> match, TimeSpan timeout)
    {
        var after = _seen;
        try
        {
            await _recorder.WaitForCommandAsync(c => c.Sequence > after && match(c), timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>From now on the call's commands are answered 404: the call is over.</summary>
    public void EndCall(string callId) => _recorder.EndCall(callId);

    public ValueTask DisposeAsync() => _recorder.DisposeAsync();
}
