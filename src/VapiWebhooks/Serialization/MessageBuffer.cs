using System.Buffers;

namespace VapiWebhooks.Serialization;

/// <summary>
/// A request body in a pooled array, owned by the host for the request's lifetime. The deferred parts of the
/// message read from it are slices of it instead of copies, so a part nobody reads costs no allocation.
/// </summary>
/// <remarks>
/// When the request ends, the host calls <see cref="Dispose"/> and the array goes back to the pool. A part not yet
/// read by then can no longer be read (it throws, it never reads another request's bytes), unless the message was
/// detached first (<see cref="Detach"/>: one copy of the body, which the parts then read from). Every read of a
/// part, detaching and releasing take the same lock, so a part read on another thread while the request ends
/// either completes from the array or fails cleanly.
/// </remarks>
internal sealed class MessageBuffer : IDisposable
{
    private readonly Lock _lock = new();
    private byte[]? _rented;
    private byte[]? _detached;

    /// <summary>Takes ownership of <paramref name="rented"/> (from <see cref="ArrayPool{T}.Shared"/>); its first <paramref name="length"/> bytes are the body.</summary>
    public MessageBuffer(byte[] rented, int length)
    {
        _rented = rented;
        Length = length;
    }

    /// <summary>The body's length in bytes.</summary>
    public int Length { get; }

    /// <summary>The body, for the host while the request runs (verification, parsing, the inbox's copy).</summary>
    public ReadOnlySpan<byte> Span => (_detached ?? _rented ?? throw Released()).AsSpan(0, Length);

    /// <summary>The body, for the host while the request runs.</summary>
    public ReadOnlyMemory<byte> Memory => (_detached ?? _rented ?? throw Released()).AsMemory(0, Length);

    /// <summary>
    /// Copies the body once, so that the message's unread parts stay readable after the request (a handler that
    /// keeps the message, one still running past its deadline, an async tool). Does nothing when already detached;
    /// too late once released.
    /// </summary>
    public void Detach()
    {
        lock (_lock)
        {
            if (_detached is null && _rented is { } rented)
            {
                _detached = rented.AsSpan(0, Length).ToArray();
            }
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/> with <paramref name="read"/>, under the buffer's lock.</summary>
    /// <exception cref="InvalidOperationException">The request ended and the message was not detached.</exception>
    public TResult Read<TState, TResult>(int offset, int length, TState state, Func<ReadOnlySpan<byte>, TState, TResult> read)
    {
        lock (_lock)
        {
            var array = _detached ?? _rented ?? throw Released();
            return read(array.AsSpan(offset, length), state);
        }
    }

    /// <summary>Returns the pooled array at the end of the request.</summary>
    public void Dispose()
    {
        byte[]? rented;
        lock (_lock)
        {
            rented = _rented;
            _rented = null;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static InvalidOperationException Released()
        => new("This part of the message was read lazily from its request's buffer, and the request has ended. Read it while handling the message, or call ServerMessage.DetachFromRequest() before keeping the message beyond its request.");
}
