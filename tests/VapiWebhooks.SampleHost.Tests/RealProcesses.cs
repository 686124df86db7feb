namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The tests that start real processes (the sample host, the SDK, nginx) run one at a time: on a small machine,
/// several builds and servers starting together make every one of them slow.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealProcesses
{
    public const string Name = "Real processes";
}
