namespace VapiWebhooks.Inbox.Processing;

/// <summary>Completes once the store's schema exists; a failed initialisation is retried by the next waiter.</summary>
internal sealed class InboxReadiness : IDisposable
{
    private readonly Storage.IVapiInboxStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public InboxReadiness(Storage.IVapiInboxStore store) => _store = store;

    public void Dispose() => _gate.Dispose();

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
