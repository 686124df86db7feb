using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

public class OptionsValidationTests
{
    [Fact]
    public void Empty_hmac_secrets_name_the_setting_and_say_what_to_put_there()
    {
        var failures = new VapiAuthenticationOptions { Hmac = new VapiHmacOptions() }.Validate();

        failures.Should().ContainSingle().Which.Should().Be(
            "Vapi:Webhooks:Authentication:Hmac:Secrets is empty: set at least one secret (the value of your Vapi HMAC credential).");
    }

    public static TheoryData<string, Action<VapiHmacOptions>, string> HmacProblems() => new()
    {
        { "empty secret entry", o => o.Secrets = ["ok", ""], "Vapi:Webhooks:Authentication:Hmac:Secrets:1 is empty" },
        { "secret not base64", o => { o.Secrets = ["not*base64"]; o.SecretIsBase64 = true; }, "Hmac:Secrets:0 is not valid base64 although SecretIsBase64 is true" },
        { "unknown algorithm", o => o.Algorithm = (VapiHmacAlgorithm)42, "Hmac:Algorithm '42' is not supported: use Sha256, Sha512 or Sha1" },
        { "unknown encoding", o => o.SignatureEncoding = (VapiSignatureEncoding)7, "Hmac:SignatureEncoding '7' is not supported" },
        { "no signature header", o => o.SignatureHeader = " ", "Hmac:SignatureHeader is empty" },
        { "no timestamp header", o => o.TimestampHeader = "", "Hmac:TimestampHeader is empty" },
        { "same headers", o => o.TimestampHeader = "X-Signature", "must be different headers" },
        { "empty format", o => o.PayloadFormat = "", "Hmac:PayloadFormat is empty" },
        { "unknown placeholder", o => o.PayloadFormat = "{timestamp}.{Body}", "unknown placeholder {Body}" },
        { "body not signed", o => o.PayloadFormat = "{timestamp}", "does not contain {body}" },
        { "timestamp not signed", o => o.PayloadFormat = "{body}", "does not contain {timestamp} although IncludeTimestamp is true" },
        { "timestamp signed but not sent", o => o.IncludeTimestamp = false, "contains {timestamp} but IncludeTimestamp is false" },
        { "message id without header", o => o.PayloadFormat = "{svix-id}.{timestamp}.{body}", "contains {svix-id} but MessageIdHeader is not set" },
        { "zero tolerance", o => o.TimestampTolerance = TimeSpan.Zero, "Hmac:TimestampTolerance must be more than zero" },
        { "huge tolerance", o => o.TimestampTolerance = TimeSpan.FromDays(2), "Hmac:TimestampTolerance must be more than zero and at most 1.00:00:00" },
    };

    [Theory]
    [MemberData(nameof(HmacProblems))]
    public void Hmac_problem_is_reported_with_its_setting_path(string problem, Action<VapiHmacOptions> breakIt, string expectedFragment)
    {
        var options = new VapiHmacOptions { Secrets = ["a-secret"] };
        options.Validate().Should().BeEmpty("the starting point is valid");

        breakIt(options);

        options.Validate().Should().Contain(message => message.Contains(expectedFragment, StringComparison.Ordinal), problem);
    }

    public static TheoryData<string, Action<VapiBearerOptions>, string> BearerProblems() => new()
    {
        { "no tokens", o => o.Tokens = [], "Vapi:Webhooks:Authentication:Bearer:Tokens is empty: set at least one token" },
        { "blank token", o => o.Tokens = [" "], "Bearer:Tokens:0 is empty" },
        { "padded token", o => o.Tokens = ["ok", " padded"], "Bearer:Tokens:1 starts or ends with whitespace" },
        { "huge token", o => o.Tokens = [new string('t', 9000)], "Bearer:Tokens:0 is longer than" },
        { "no header", o => o.HeaderName = "", "Bearer:HeaderName is empty" },
    };

    [Theory]
    [MemberData(nameof(BearerProblems))]
    public void Bearer_problem_is_reported_with_its_setting_path(string problem, Action<VapiBearerOptions> breakIt, string expectedFragment)
    {
        var options = new VapiBearerOptions { Tokens = ["a-token"] };
        options.Validate().Should().BeEmpty("the starting point is valid");

        breakIt(options);

        options.Validate().Should().Contain(message => message.Contains(expectedFragment, StringComparison.Ordinal), problem);
    }

    [Fact]
    public void No_credential_at_all_is_reported_unless_unauthenticated_access_is_explicit()
    {
        new VapiAuthenticationOptions().Validate().Should().ContainSingle()
            .Which.Should().Contain("has neither Bearer nor Hmac").And.Contain("AllowUnauthenticated");
        new VapiAuthenticationOptions { AllowUnauthenticated = true }.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Allow_unauthenticated_next_to_a_credential_is_a_contradiction()
    {
        var options = new VapiAuthenticationOptions { AllowUnauthenticated = true, Bearer = new VapiBearerOptions { Tokens = ["t"] } };

        options.Validate().Should().ContainSingle().Which.Should().Contain("AllowUnauthenticated is true while a credential is configured");
    }

    [Fact]
    public void Bearer_and_hmac_on_the_same_header_is_reported()
    {
        var options = new VapiAuthenticationOptions
        {
            Bearer = new VapiBearerOptions { HeaderName = "X-Signature", UsePrefix = false, Tokens = ["t"] },
            Hmac = new VapiHmacOptions { Secrets = ["s"] },
        };

        options.Validate().Should().ContainSingle().Which.Should().Contain("Bearer:HeaderName and Hmac:SignatureHeader are the same header");
    }

    [Fact]
    public void Bad_allowed_network_is_reported_with_its_index()
    {
        var options = new VapiAuthenticationOptions { AllowUnauthenticated = true, AllowedNetworks = ["VapiEgress", "10.0.0.1/8"] };

        options.Validate().Should().ContainSingle().Which.Should().StartWith("Vapi:Webhooks:Authentication:AllowedNetworks:1 ('10.0.0.1/8') is not a network");
    }

    [Fact]
    public void Section_path_is_configurable_for_hosts_binding_elsewhere()
    {
        var failures = new VapiAuthenticationOptions { Hmac = new VapiHmacOptions() }.Validate("Tenants:Acme:Vapi");

        failures.Should().ContainSingle().Which.Should().StartWith("Tenants:Acme:Vapi:Hmac:Secrets is empty");
    }

    [Fact]
    public void Options_validator_reports_failures_to_the_options_system()
    {
        var validator = new VapiAuthenticationOptionsValidator();

        validator.Validate(Options.DefaultName, new VapiAuthenticationOptions { Hmac = new VapiHmacOptions { Secrets = ["s"] } }).Succeeded.Should().BeTrue();
        var result = validator.Validate(Options.DefaultName, new VapiAuthenticationOptions { Hmac = new VapiHmacOptions() });
        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().Contain("Hmac:Secrets is empty");
    }

    [Fact]
    public void Verifier_refuses_invalid_options_listing_the_problems()
    {
        var create = () => new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = new VapiHmacOptions { Secrets = ["s"], PayloadFormat = "{timestamp}" } });

        create.Should().Throw<ArgumentException>().WithMessage("*PayloadFormat does not contain {body}*");
    }

    [Fact]
    public void Options_bind_from_configuration_with_the_documented_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vapi:Webhooks:Authentication:Bearer:HeaderName"] = "X-Vapi-Secret",
            ["Vapi:Webhooks:Authentication:Bearer:UsePrefix"] = "false",
            ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = "legacy",
            ["Vapi:Webhooks:Authentication:Hmac:Algorithm"] = "Sha512",
            ["Vapi:Webhooks:Authentication:Hmac:SignatureEncoding"] = "Base64",
            ["Vapi:Webhooks:Authentication:Hmac:SignaturePrefix"] = "sha512=",
            ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = "new",
            ["Vapi:Webhooks:Authentication:Hmac:Secrets:1"] = "old",
            ["Vapi:Webhooks:Authentication:Hmac:TimestampTolerance"] = "00:02:00",
            ["Vapi:Webhooks:Authentication:AllowedNetworks:0"] = "VapiEgress",
        }).Build();

        var options = configuration.GetSection(VapiAuthenticationOptions.SectionName).Get<VapiAuthenticationOptions>()!;

        options.Validate().Should().BeEmpty();
        options.Bearer!.Tokens.Should().Equal("legacy");
        options.Bearer.UsePrefix.Should().BeFalse();
        options.Hmac!.Algorithm.Should().Be(VapiHmacAlgorithm.Sha512);
        options.Hmac.SignatureEncoding.Should().Be(VapiSignatureEncoding.Base64);
        options.Hmac.Secrets.Should().Equal("new", "old");
        options.Hmac.TimestampTolerance.Should().Be(TimeSpan.FromMinutes(2));
        options.Hmac.PayloadFormat.Should().Be("{timestamp}.{body}", "unset values keep Vapi's defaults");
        options.AllowedNetworks.Should().Equal("VapiEgress");
    }
}
