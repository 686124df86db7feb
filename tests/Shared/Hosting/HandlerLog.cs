using System.Collections.Concurrent;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Tests.Kit;

/// <summary>One handler invocation: which handler (see <see cref="HandlerLog"/> keys) and the message it got.</summary>
public sealed record HandledCall(string Handler, ServerMessage Message);

/// <summary>What ran, in order; a singleton per test app.</summary>
public sealed class HandlerLog
{
    public const string CatchAll = "IServerMessageHandler<ServerMessage>";

    private readonly ConcurrentQueue<HandledCall> _calls = new();

    public IReadOnlyList<HandledCall> Calls => [.. _calls];

    public bool IsEmpty => _calls.IsEmpty;

    public static string Notification<TMessage>() => Notification(typeof(TMessage));

    public static string Notification(Type messageType) => $"IServerMessageHandler<{messageType.Name}>";

    public static string Tool(string name) => "tool:" + name;

    public void Add(string handler, ServerMessage message) => _calls.Enqueue(new HandledCall(handler, message));

    public IReadOnlyList<HandledCall> Of(string handler) => [.. _calls.Where(c => c.Handler == handler)];
}
