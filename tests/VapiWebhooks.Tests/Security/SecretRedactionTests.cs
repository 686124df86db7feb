using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

public class SecretRedactionTests
{
    private const string Secret = "sk_live_do_not_print_me";

    [Fact]
    public void Options_ToString_describes_settings_without_secrets()
    {
        var options = new VapiAuthenticationOptions
        {
            Bearer = new VapiBearerOptions { Tokens = [Secret] },
            Hmac = new VapiHmacOptions { Secrets = [Secret, Secret + "2"] },
        };

        var text = options.ToString();

        text.Should().NotContain(Secret).And.Contain("Tokens = 1 (redacted)").And.Contain("Secrets = 2 (redacted)").And.Contain("Algorithm = Sha256");
    }

    [Fact]
    public void Validation_messages_and_exceptions_never_contain_secrets()
    {
        var options = new VapiAuthenticationOptions
        {
            Bearer = new VapiBearerOptions { Tokens = [" " + Secret] },
            Hmac = new VapiHmacOptions { Secrets = [Secret + "*"], SecretIsBase64 = true },
        };

        options.Validate().Should().HaveCount(2).And.OnlyContain(message => !message.Contains(Secret, StringComparison.Ordinal));
        var create = () => new VapiRequestVerifier(options);
        create.Should().Throw<ArgumentException>().Which.Message.Should().NotContain(Secret);
    }
}
