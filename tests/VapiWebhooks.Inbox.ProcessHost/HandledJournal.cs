namespace VapiWebhooks.Inbox.ProcessHost;

/// <summary>Appends one line per handled attempt to a file (written through, so a SIGKILL loses nothing written).</summary>
internal sealed class HandledJournal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream? _file;
    private long _count;

    public HandledJournal(IConfiguration configuration)
    {
        var path = configuration["Journal"];
        if (!string.IsNullOrEmpty(path))
        {
            _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.WriteThrough);
        }
    }

    public long Count => Interlocked.Read(ref _count);

    public void Record(string messageId, int attempt, string callId)
    {
        Interlocked.Increment(ref _count);
        if (_file is null)
        {
            return;
        }

        var line = System.Text.Encoding.UTF8.GetBytes($"{messageId} {attempt} {callId}\n");
        lock (_lock)
        {
            _file.Write(line);
        }
    }

    public void Dispose() => _file?.Dispose();
}
