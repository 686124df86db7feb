using VapiWebhooks.Encryption;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Encryption;

/// <summary>The encryption options and DecryptArguments, without a host: descriptions without key material, and the registration's checks.</summary>
public class VapiEncryptionOptionsTests
{
    public sealed record SsnArgs(string? Ssn);

    [Fact]
    public void The_options_and_the_decryptor_describe_themselves_without_key_material()
    {
        var key = TestKeyPair.Rsa2048;
        var options = new VapiEncryptionOptions { PrivateKeys = [key.PrivateKeyPkcs8Pem] };

        options.ToString().Should().NotContain(key.PrivateKeyBody).And.Contain("1 (redacted)");
        VapiFieldDecryptor.Create(options).ToString().Should().NotContain(key.PrivateKeyBody).And.Contain("1 (redacted)");
        new VapiWebhooks.Security.VapiAuthenticationOptions { Encryption = options }.ToString().Should().NotContain(key.PrivateKeyBody);
    }

    [Fact]
    public void DecryptArguments_needs_a_registered_tool_and_well_formed_paths()
    {
        var builder = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddVapiWebhooksCore();

        FluentActions.Invoking(() => builder.DecryptArguments("nope", "ssn")).Should().Throw<InvalidOperationException>().WithMessage("*AddTool first*");
        builder.AddTool<SsnArgs>("verify_identity", System.Text.Json.JsonSerializerOptions.Web, (_, _, _) => Task.FromResult<object?>(null));
        FluentActions.Invoking(() => builder.DecryptArguments("verify_identity", "cards[x]")).Should().Throw<ArgumentException>().WithMessage("*cards[x]*");
    }
}
