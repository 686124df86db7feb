namespace VapiWebhooks.Tools;

/// <summary>The arguments of a tool call do not bind to the tool's arguments type.</summary>
internal sealed class ToolArgumentsException(string message, Exception innerException) : Exception(message, innerException);
