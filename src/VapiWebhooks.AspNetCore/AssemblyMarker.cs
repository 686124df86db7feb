namespace VapiWebhooks.AspNetCore;

/// <summary>Placeholder type that anchors the assembly until the endpoint lands.</summary>
public static class AssemblyMarker
{
}
