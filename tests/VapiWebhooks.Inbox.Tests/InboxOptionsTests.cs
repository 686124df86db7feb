using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiWebhooks.Inbox.Processing;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Tests;

public sealed class InboxOptionsTests
{
    [Theory]
    [InlineData("MaxAttempts", "0", "MaxAttempts must be between 1 and 1000")]
    [InlineData("MaxConcurrency", "0", "MaxConcurrency must be between 1 and 1024")]
    [InlineData("LeaseDuration", "00:00:00.500", "LeaseDuration must be at least 1 second")]
    [InlineData("RetryMaxDelay", "00:00:01", "RetryMaxDelay (00:00:01) must not be shorter than RetryBaseDelay")]
    [InlineData("RetentionPeriod", "-00:00:01", "RetentionPeriod must be positive")]
    [InlineData("MessageTypes:0", "tool-calls", "MessageTypes lists 'tool-calls', a request type")]
    public async Task Start_up_fails_naming_the_setting_when_an_inbox_option_from_configuration_cannot_work(string setting, string value, string expected)
    {
        // Validation runs before any hosted service starts: the file is never opened.
        var file = Path.Combine(Path.GetTempPath(), $"vapi-inbox-options-{Guid.NewGuid():N}.db");
        await using var app = VapiTestHost.Build(
            vapi => vapi.AddSqliteInbox($"Data Source={file}"),
            configuration: new Dictionary<string, string?> { [$"Vapi:Webhooks:Inbox:{setting}"] = value });

        var start = () => app.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain($"Vapi:Webhooks:Inbox: {expected}");
        File.Exists(file).Should().BeFalse();
    }

    [Fact]
    public void Retry_delays_double_from_the_base_delay_with_jitter_and_stop_at_the_maximum()
    {
        var baseDelay = TimeSpan.FromSeconds(2);
        var maxDelay = TimeSpan.FromSeconds(60);

        RetryBackoff.After(1, baseDelay, maxDelay, 0).Should().Be(TimeSpan.FromSeconds(1));
        RetryBackoff.After(1, baseDelay, maxDelay, 1).Should().Be(TimeSpan.FromSeconds(2));
        RetryBackoff.After(3, baseDelay, maxDelay, 1).Should().Be(TimeSpan.FromSeconds(8));
        RetryBackoff.After(3, baseDelay, maxDelay, 0.5).Should().Be(TimeSpan.FromSeconds(6));
        RetryBackoff.After(10, baseDelay, maxDelay, 1).Should().Be(maxDelay);
        RetryBackoff.After(1000, baseDelay, maxDelay, 0).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_message_id_is_the_hex_sha256_of_the_exact_body_bytes()
    {
        var body = Encoding.UTF8.GetBytes("""{"message":{"type":"status-update"}}""");
        var respaced = Encoding.UTF8.GetBytes("""{"message": {"type":"status-update"}}""");

        InboxMessageId.For(body).Should().Be(Convert.ToHexStringLower(SHA256.HashData(body)));
        InboxMessageId.For(respaced).Should().NotBe(InboxMessageId.For(body), "a re-serialised body is a different message");
    }
}
