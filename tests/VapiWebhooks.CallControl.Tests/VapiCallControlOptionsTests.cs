using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl.AsyncTools;

namespace VapiWebhooks.CallControl.Tests;

/// <summary><c>Vapi:CallControl</c> is read from configuration when the host has one; the code's changes win.</summary>
public sealed class VapiCallControlOptionsTests
{
    [Fact]
    public async Task Options_bind_from_the_Vapi_CallControl_section_and_the_configure_delegate_wins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vapi:CallControl:AllowedHosts:0"] = "calls.clinic.example",
            ["Vapi:CallControl:AllowLoopback"] = "false",
            ["Vapi:CallControl:PublicApiKey"] = "pk-from-config",
            ["Vapi:CallControl:AttemptTimeout"] = "00:00:02",
            ["Vapi:CallControl:MaxRetryAttempts"] = "1",
            ["Vapi:CallControl:AsyncTools:Budget"] = "00:00:30",
            ["Vapi:CallControl:AsyncTools:DefaultDelivery"] = "Say",
            ["Vapi:CallControl:AsyncTools:Tools:send_confirmation:Delivery"] = "AddMessage",
            ["Vapi:CallControl:AsyncTools:Tools:send_confirmation:Budget"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddVapiCallControl(o => o.MaxRetryAttempts = 5);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VapiCallControlOptions>>().Value;

        options.AllowedHosts.Should().Equal("*.vapi.ai", "calls.clinic.example");
        options.AllowLoopback.Should().BeFalse();
        options.PublicApiKey.Should().Be("pk-from-config");
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(2));
        options.MaxRetryAttempts.Should().Be(5, "the code's configure delegate runs after configuration");
        options.AsyncTools.Budget.Should().Be(TimeSpan.FromSeconds(30));
        options.AsyncTools.DefaultDelivery.Should().Be(AsyncToolDelivery.Say);
        options.AsyncTools.Tools["send_confirmation"].Delivery.Should().Be(AsyncToolDelivery.AddMessage);
        options.AsyncTools.Tools["send_confirmation"].Budget.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_configuration_the_defaults_hold_and_a_second_call_adds_its_changes()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddVapiCallControl(o => o.MaxRetryAttempts = 2);
        services.AddVapiCallControl(o => o.AsyncTools.ForTool("send_confirmation", AsyncToolDelivery.Say));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VapiCallControlOptions>>().Value;

        options.AllowedHosts.Should().Equal("*.vapi.ai");
        options.AllowLoopback.Should().BeNull();
        options.MaxRetryAttempts.Should().Be(2);
        options.AsyncTools.Tools["send_confirmation"].Delivery.Should().Be(AsyncToolDelivery.Say);
        provider.GetServices<IVapiCallControlFactory>().Should().ContainSingle("registering twice adds no second factory");
    }
}
