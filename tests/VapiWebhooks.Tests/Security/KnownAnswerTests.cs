using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Security;

/// <summary>Signatures computed independently of the library (one-shot HMAC over a concatenated payload) must verify.</summary>
public class KnownAnswerTests
{
    private const string Secret = "vapi-hmac-secret";

    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    [Fact]
    public async Task Default_credential_signs_timestamp_dot_raw_body_with_sha256_hex()
    {
        var clock = new ManualTimeProvider();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Key, (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. TestRequest.DefaultBody]);
        var request = new TestRequest(TestRequest.DefaultBody, new Dictionary<string, string>
        {
            ["x-signature"] = Convert.ToHexString(mac),
            ["x-timestamp"] = timestamp,
        });
        var options = new VapiHmacOptions { Secrets = [Secret] };

        new VapiRequestSigner(options).Sign(request.Body, "POST", request.Url, clock.GetUtcNow())["x-signature"]
            .Should().Be(Convert.ToHexStringLower(mac));
        (await request.VerifyWith(new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock)))
            .Should().Be(VapiVerificationResult.Valid, "upper-case hex is accepted");
    }

    [Fact]
    public async Task Svix_style_credential_signs_id_timestamp_body_with_a_base64_key_and_base64_output()
    {
        var clock = new ManualTimeProvider();
        var keyBytes = RandomNumberGenerator.GetBytes(24);
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA512.HashData(keyBytes, (byte[])[.. Encoding.UTF8.GetBytes($"msg_9.{timestamp}."), .. TestRequest.DefaultBody]);
        var options = new VapiHmacOptions
        {
            Algorithm = VapiHmacAlgorithm.Sha512,
            SignatureEncoding = VapiSignatureEncoding.Base64,
            SignaturePrefix = "v1,",
            SecretIsBase64 = true,
            MessageIdHeader = "svix-id",
            PayloadFormat = "{svix-id}.{timestamp}.{body}",
            Secrets = [Convert.ToBase64String(keyBytes)],
        };
        var request = new TestRequest(TestRequest.DefaultBody, new Dictionary<string, string>
        {
            ["x-signature"] = "v1," + Convert.ToBase64String(mac),
            ["x-timestamp"] = timestamp,
            ["svix-id"] = "msg_9",
        });

        (await request.VerifyWith(new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock)))
            .Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public async Task Method_and_url_are_signed_as_utf8_text_around_the_raw_body()
    {
        var clock = new ManualTimeProvider();
        const string Url = "https://hooks.example.com/vapi/caf\u00e9?x=1";
#pragma warning disable CA5350 // Vapi offers HMAC-SHA1; the test must reproduce it.
        var mac = HMACSHA1.HashData(Key, (byte[])[.. Encoding.UTF8.GetBytes("POST\n" + Url + "\n"), .. TestRequest.DefaultBody]);
#pragma warning restore CA5350
        var options = new VapiHmacOptions
        {
            Algorithm = VapiHmacAlgorithm.Sha1,
            IncludeTimestamp = false,
            PayloadFormat = "{method}\n{url}\n{body}",
            SignaturePrefix = "sha1=",
            Secrets = [Secret],
        };
        var request = new TestRequest(TestRequest.DefaultBody, new Dictionary<string, string> { ["x-signature"] = "sha1=" + Convert.ToHexStringLower(mac) }, "POST", Url);

        (await request.VerifyWith(new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock)))
            .Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public async Task Non_canonical_base64_spelling_of_a_valid_mac_is_refused()
    {
        var clock = new ManualTimeProvider();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Key, (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. TestRequest.DefaultBody]);
        var canonical = Convert.ToBase64String(mac);

        // 32 bytes leave 2 unused low bits in the last base64 digit; setting one still decodes to the same MAC.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var last = Alphabet.IndexOf(canonical[^2], StringComparison.Ordinal);
        var variant = canonical[..^2] + Alphabet[last ^ 1] + "=";
        Convert.FromBase64String(variant).Should().Equal(mac, "the decoder ignores the unused bits");

        var options = new VapiHmacOptions { SignatureEncoding = VapiSignatureEncoding.Base64, Secrets = [Secret] };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var headers = new Dictionary<string, string> { ["x-timestamp"] = timestamp };

        headers["x-signature"] = variant;
        (await new TestRequest(TestRequest.DefaultBody, headers).VerifyWith(verifier)).Should().Be(VapiVerificationResult.MalformedSignature);
        headers["x-signature"] = canonical;
        (await new TestRequest(TestRequest.DefaultBody, headers).VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
    }
}
