namespace VapiWebhooks.Serialization;

/// <summary>
/// Where the JSON of a deferred part is: a copy of its own (<see cref="byte"/>[]), or a slice of the request's
/// <see cref="MessageBuffer"/>.
/// </summary>
/// <param name="Source">A <see cref="byte"/>[] or a <see cref="MessageBuffer"/>.</param>
/// <param name="Offset">Where the value starts in <paramref name="Source"/>.</param>
/// <param name="Length">The value's length in bytes.</param>
internal readonly record struct DeferredBytes(object Source, int Offset, int Length);
