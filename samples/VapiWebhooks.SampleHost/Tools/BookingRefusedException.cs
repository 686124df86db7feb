namespace VapiWebhooks.SampleHost.Tools;

/// <summary>
/// An expected "no" (a date in the past, a closed day, a taken slot): the model gets <see cref="Exception.Message"/>
/// as the tool's error and asks the caller again. Not a fault, so it is logged at Information, without a stack trace.
/// </summary>
public sealed class BookingRefusedException(string message) : Exception(message);
