using System.Text;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Security;

public class SignerRoundTripTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 1, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] TimestampedFormats =
    [
        "{timestamp}.{body}",
        "{method}|{url}|{timestamp}|{body}",
        "{svix-id}.{timestamp}.{body}",
        "{body}{timestamp}",
    ];

    private static readonly string[] UntimestampedFormats =
    [
        "{body}",
        "{method} {url} {body}",
        "{svix-id}.{body}",
    ];

    public static TheoryData<VapiHmacAlgorithm, VapiSignatureEncoding, bool, bool, bool, string, VapiTimestampUnit> Combinations()
    {
        var data = new TheoryData<VapiHmacAlgorithm, VapiSignatureEncoding, bool, bool, bool, string, VapiTimestampUnit>();
        foreach (var algorithm in Enum.GetValues<VapiHmacAlgorithm>())
        {
            foreach (var encoding in Enum.GetValues<VapiSignatureEncoding>())
            {
                foreach (var prefixed in new[] { false, true })
                {
                    foreach (var secretIsBase64 in new[] { false, true })
                    {
                        foreach (var format in TimestampedFormats)
                        {
                            data.Add(algorithm, encoding, prefixed, secretIsBase64, true, format, VapiTimestampUnit.Seconds);
                            data.Add(algorithm, encoding, prefixed, secretIsBase64, true, format, VapiTimestampUnit.Milliseconds);
                        }

                        foreach (var format in UntimestampedFormats)
                        {
                            data.Add(algorithm, encoding, prefixed, secretIsBase64, false, format, VapiTimestampUnit.Seconds);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Signed_request_verifies_and_the_same_request_with_another_body_or_secret_does_not(
        VapiHmacAlgorithm algorithm,
        VapiSignatureEncoding encoding,
        bool prefixed,
        bool secretIsBase64,
        bool includeTimestamp,
        string payloadFormat,
        VapiTimestampUnit unit)
    {
        var clock = new ManualTimeProvider();
        VapiHmacOptions Options(string secret) => new()
        {
            Algorithm = algorithm,
            SignatureEncoding = encoding,
            SignaturePrefix = prefixed ? "v1=" : null,
            SecretIsBase64 = secretIsBase64,
            IncludeTimestamp = includeTimestamp,
            PayloadFormat = payloadFormat,
            MessageIdHeader = payloadFormat.Contains("{svix-id}", StringComparison.Ordinal) ? "webhook-id" : null,
            Secrets = [secretIsBase64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) : secret],
            ReplayProtection = false,
        };
        var options = Options("round-trip-secret");
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);

        var request = TestRequest.SignedWith(options, clock.GetUtcNow(), unit, messageId: "msg_2XhBcJ");
        var otherBody = request.Clone();
        otherBody.Body[^1] ^= 0x80;
        var otherSecret = TestRequest.SignedWith(Options("another-secret"), clock.GetUtcNow(), unit, messageId: "msg_2XhBcJ");

        request.Headers.ContainsKey("x-timestamp").Should().Be(includeTimestamp);
        request.Headers.ContainsKey("webhook-id").Should().Be(options.MessageIdHeader is not null);
        request.Headers["x-signature"].StartsWith("v1=", StringComparison.Ordinal).Should().Be(prefixed);
        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        (await otherBody.VerifyWith(verifier)).Should().Be(VapiVerificationResult.InvalidSignature);
        (await otherSecret.VerifyWith(verifier)).Should().Be(VapiVerificationResult.InvalidSignature);
    }

    [Theory]
    [InlineData(VapiTimestampUnit.Seconds, "1768996800")]
    [InlineData(VapiTimestampUnit.Milliseconds, "1768996800000")]
    public void Timestamp_header_is_written_in_the_chosen_unit(VapiTimestampUnit unit, string expected)
    {
        var headers = new VapiRequestSigner(new VapiHmacOptions { Secrets = ["s"] })
            .Sign(TestRequest.DefaultBody, "POST", TestRequest.DefaultUrl, SignedAt, unit);

        headers["x-timestamp"].Should().Be(expected);
    }

    [Fact]
    public void Signer_generates_a_message_id_when_none_is_given_and_the_credential_sends_one()
    {
        var signer = new VapiRequestSigner(new VapiHmacOptions { Secrets = ["s"], MessageIdHeader = "svix-id", PayloadFormat = "{svix-id}.{timestamp}.{body}" });

        var first = signer.Sign(TestRequest.DefaultBody, "POST", TestRequest.DefaultUrl, SignedAt);
        var second = signer.Sign(TestRequest.DefaultBody, "POST", TestRequest.DefaultUrl, SignedAt);

        first["svix-id"].Should().StartWith("msg_").And.NotBe(second["svix-id"]);
        first["x-signature"].Should().NotBe(second["x-signature"]);
    }

    [Fact]
    public void Signer_refuses_invalid_options_without_echoing_the_secret()
    {
        var create = () => new VapiRequestSigner(new VapiHmacOptions { Secrets = ["not base64 secret!"], SecretIsBase64 = true });

        create.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Secrets:0").And.NotContain("not base64 secret!");
    }
}
