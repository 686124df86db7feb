namespace VapiWebhooks.Tests;

public class SmokeTests
{
    [Fact]
    public void Library_assembly_loads() => typeof(VapiWebhooks.AspNetCore.AssemblyMarker).Assembly.GetName().Name.Should().Be("VapiWebhooks.AspNetCore");
}
