using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Security;

public class HmacVerificationTests
{
    public enum HmacScenario
    {
        Valid,
        MissingSignature,
        EmptySignature,
        WrongSecret,
        TamperedBody,
        TruncatedBody,
        StaleTimestamp,
        FutureTimestamp,
        JustInsideTolerance,
        MissingTimestamp,
        NonNumericTimestamp,
        TimestampChangedAfterSigning,
        Replay,
        ReplayWithRespelledSignature,
        WrongPrefix,
        MissingPrefix,
        UnexpectedPrefix,
        WrongEncoding,
        RotatedSecondSecretWorks,
        RemovedSecretFails,
        MissingMessageId,
        TamperedMessageId,
        TamperedUrl,
        TamperedMethod,
        OversizedSignature,
        DuplicatedSignatureHeader,
    }

    private const string Current = "whsec_current_b64c0ffee";
    private const string Next = "whsec_next_5eed5eed";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static TheoryData<HmacVariant, HmacScenario, VapiVerificationResult> Cases()
    {
        var data = new TheoryData<HmacVariant, HmacScenario, VapiVerificationResult>();
        foreach (var variant in Enum.GetValues<HmacVariant>())
        {
            var probe = HmacVariants.Options(variant, Current);
            var timestamped = probe.IncludeTimestamp;
            var prefixed = probe.SignaturePrefix is not null;
            var format = probe.PayloadFormat;

            data.Add(variant, HmacScenario.Valid, VapiVerificationResult.Valid);
            data.Add(variant, HmacScenario.MissingSignature, VapiVerificationResult.MissingCredentials);
            data.Add(variant, HmacScenario.EmptySignature, VapiVerificationResult.MissingCredentials);
            data.Add(variant, HmacScenario.WrongSecret, VapiVerificationResult.InvalidSignature);
            data.Add(variant, HmacScenario.TamperedBody, VapiVerificationResult.InvalidSignature);
            data.Add(variant, HmacScenario.TruncatedBody, VapiVerificationResult.InvalidSignature);
            data.Add(variant, HmacScenario.Replay, VapiVerificationResult.Replayed);
            data.Add(variant, HmacScenario.WrongEncoding, VapiVerificationResult.MalformedSignature);
            data.Add(variant, HmacScenario.RotatedSecondSecretWorks, VapiVerificationResult.Valid);
            data.Add(variant, HmacScenario.RemovedSecretFails, VapiVerificationResult.InvalidSignature);
            data.Add(variant, HmacScenario.OversizedSignature, VapiVerificationResult.HeaderTooLarge);
            data.Add(variant, HmacScenario.DuplicatedSignatureHeader, VapiVerificationResult.MalformedSignature);
            if (timestamped)
            {
                data.Add(variant, HmacScenario.StaleTimestamp, VapiVerificationResult.StaleTimestamp);
                data.Add(variant, HmacScenario.FutureTimestamp, VapiVerificationResult.FutureTimestamp);
                data.Add(variant, HmacScenario.JustInsideTolerance, VapiVerificationResult.Valid);
                data.Add(variant, HmacScenario.MissingTimestamp, VapiVerificationResult.MissingTimestamp);
                data.Add(variant, HmacScenario.NonNumericTimestamp, VapiVerificationResult.InvalidTimestamp);
                data.Add(variant, HmacScenario.TimestampChangedAfterSigning, VapiVerificationResult.InvalidSignature);
            }

            if (probe.SignatureEncoding == VapiSignatureEncoding.Hex)
            {
                data.Add(variant, HmacScenario.ReplayWithRespelledSignature, VapiVerificationResult.Replayed);
            }

            if (prefixed)
            {
                data.Add(variant, HmacScenario.WrongPrefix, VapiVerificationResult.MalformedSignature);
                data.Add(variant, HmacScenario.MissingPrefix, VapiVerificationResult.MalformedSignature);
            }
            else
            {
                data.Add(variant, HmacScenario.UnexpectedPrefix, VapiVerificationResult.MalformedSignature);
            }

            if (format.Contains("{svix-id}", StringComparison.Ordinal))
            {
                data.Add(variant, HmacScenario.MissingMessageId, VapiVerificationResult.MissingMessageId);
                data.Add(variant, HmacScenario.TamperedMessageId, VapiVerificationResult.InvalidSignature);
            }

            if (format.Contains("{url}", StringComparison.Ordinal))
            {
                data.Add(variant, HmacScenario.TamperedUrl, VapiVerificationResult.InvalidSignature);
            }

            if (format.Contains("{method}", StringComparison.Ordinal))
            {
                data.Add(variant, HmacScenario.TamperedMethod, VapiVerificationResult.InvalidSignature);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hmac_variant_accepts_only_an_untouched_fresh_request_signed_with_a_configured_secret(
        HmacVariant variant, HmacScenario scenario, VapiVerificationResult expected)
    {
        var clock = new ManualTimeProvider();
        var now = clock.GetUtcNow();
        var unit = HmacVariants.Unit(variant);
        var verifierOptions = HmacVariants.Options(variant, Current, Next);
        var senderOptions = HmacVariants.Options(variant, Current);
        var signatureHeader = senderOptions.SignatureHeader;
        var request = TestRequest.SignedWith(senderOptions, now, unit);

        switch (scenario)
        {
            case HmacScenario.MissingSignature:
                request.Headers.Remove(signatureHeader);
                break;
            case HmacScenario.EmptySignature:
                request.Headers[signatureHeader] = string.Empty;
                break;
            case HmacScenario.WrongSecret:
                request = TestRequest.SignedWith(HmacVariants.Options(variant, "whsec_attacker_guess"), now, unit);
                break;
            case HmacScenario.TamperedBody:
                request.Body[request.Body.Length / 2] ^= 0x01;
                break;
            case HmacScenario.TruncatedBody:
                request.Body = request.Body[..^1];
                break;
            case HmacScenario.StaleTimestamp:
                request = TestRequest.SignedWith(senderOptions, now - Tolerance - TimeSpan.FromSeconds(2), unit);
                break;
            case HmacScenario.FutureTimestamp:
                request = TestRequest.SignedWith(senderOptions, now + Tolerance + TimeSpan.FromSeconds(2), unit);
                break;
            case HmacScenario.JustInsideTolerance:
                request = TestRequest.SignedWith(senderOptions, now - Tolerance + TimeSpan.FromSeconds(1), unit);
                break;
            case HmacScenario.MissingTimestamp:
                request.Headers.Remove(senderOptions.TimestampHeader);
                break;
            case HmacScenario.NonNumericTimestamp:
                request.Headers[senderOptions.TimestampHeader] = "2026-01-21T12:00:00Z";
                break;
            case HmacScenario.TimestampChangedAfterSigning:
                var sent = long.Parse(request.Headers[senderOptions.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
                request.Headers[senderOptions.TimestampHeader] = (sent + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case HmacScenario.WrongPrefix:
                request.Headers[signatureHeader] = "sha384=" + request.Headers[signatureHeader][senderOptions.SignaturePrefix!.Length..];
                break;
            case HmacScenario.MissingPrefix:
                request.Headers[signatureHeader] = request.Headers[signatureHeader][senderOptions.SignaturePrefix!.Length..];
                break;
            case HmacScenario.UnexpectedPrefix:
                request.Headers[signatureHeader] = "sha256=" + request.Headers[signatureHeader];
                break;
            case HmacScenario.WrongEncoding:
                var otherEncoding = HmacVariants.Options(variant, Current);
                otherEncoding.SignatureEncoding = otherEncoding.SignatureEncoding == VapiSignatureEncoding.Hex ? VapiSignatureEncoding.Base64 : VapiSignatureEncoding.Hex;
                request = TestRequest.SignedWith(otherEncoding, now, unit, messageId: request.GetHeader(senderOptions.MessageIdHeader ?? "-"));
                break;
            case HmacScenario.RotatedSecondSecretWorks:
                request = TestRequest.SignedWith(HmacVariants.Options(variant, Next), now, unit);
                break;
            case HmacScenario.RemovedSecretFails:
                verifierOptions = HmacVariants.Options(variant, Next);
                break;
            case HmacScenario.MissingMessageId:
                request.Headers.Remove(senderOptions.MessageIdHeader!);
                break;
            case HmacScenario.TamperedMessageId:
                request.Headers[senderOptions.MessageIdHeader!] += "0";
                break;
            case HmacScenario.TamperedUrl:
                request.Url = request.Url.Replace("tenant=42", "tenant=43", StringComparison.Ordinal);
                break;
            case HmacScenario.TamperedMethod:
                request.Method = "PUT";
                break;
            case HmacScenario.OversizedSignature:
                request.Headers[signatureHeader] = new string('a', VapiRequestVerifier.MaxHeaderLength + 1);
                break;
            case HmacScenario.DuplicatedSignatureHeader:
                request.Headers[signatureHeader] = request.Headers[signatureHeader] + "," + request.Headers[signatureHeader];
                break;
        }

        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = verifierOptions }, clock);

        if (scenario is HmacScenario.Replay or HmacScenario.ReplayWithRespelledSignature)
        {
            (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid, "the first delivery is genuine");
            if (scenario == HmacScenario.ReplayWithRespelledSignature)
            {
                request.Headers[signatureHeader] = request.Headers[signatureHeader].ToUpperInvariant().Replace("SHA", "sha", StringComparison.Ordinal);
            }

            clock.Advance(TimeSpan.FromSeconds(30));
        }

        (await request.VerifyWith(verifier)).Should().Be(expected);
    }

    [Theory]
    [InlineData(VapiTimestampUnit.Seconds)]
    [InlineData(VapiTimestampUnit.Milliseconds)]
    public async Task Replayed_signature_is_accepted_again_only_after_it_could_no_longer_pass_the_timestamp_check(VapiTimestampUnit unit)
    {
        var clock = new ManualTimeProvider();
        var options = new VapiHmacOptions { Secrets = [Current] };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var request = TestRequest.SignedWith(options, clock.GetUtcNow(), unit);

        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        clock.Advance(Tolerance);
        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Replayed, "the timestamp is still inside the window");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.StaleTimestamp);
    }

    [Fact]
    public async Task Svix_style_message_id_is_the_replay_key_so_a_resigned_copy_is_still_a_replay()
    {
        var clock = new ManualTimeProvider();
        var options = HmacVariants.Options(HmacVariant.SvixStyle, Current);
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);

        (await TestRequest.SignedWith(options, clock.GetUtcNow(), messageId: "msg_1").VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        clock.Advance(TimeSpan.FromSeconds(10));
        var resigned = TestRequest.SignedWith(options, clock.GetUtcNow(), messageId: "msg_1");
        (await resigned.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Replayed);
        (await TestRequest.SignedWith(options, clock.GetUtcNow(), messageId: "msg_2").VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public async Task Unsigned_message_id_is_not_trusted_as_the_replay_key()
    {
        // The message id is sent but not in the payload format, so an attacker could change it freely:
        // the signature stays the replay key and a fresh signature over the same message id is a new request.
        var clock = new ManualTimeProvider();
        var options = new VapiHmacOptions { Secrets = [Current], MessageIdHeader = "x-message-id" };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var first = TestRequest.SignedWith(options, clock.GetUtcNow(), messageId: "msg_1");
        var sameSignatureNewId = first.Clone();
        sameSignatureNewId.Headers["x-message-id"] = "msg_forged";

        (await first.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        (await sameSignatureNewId.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Replayed);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await TestRequest.SignedWith(options, clock.GetUtcNow(), messageId: "msg_1").VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public async Task Without_replay_protection_the_same_request_verifies_twice_and_the_sync_path_is_available()
    {
        var clock = new ManualTimeProvider();
        var options = new VapiHmacOptions { Secrets = [Current], ReplayProtection = false };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var request = TestRequest.SignedWith(options, clock.GetUtcNow());

        verifier.RequiresReplayStore.Should().BeFalse();
        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        verifier.Verify(request.Body, request.GetHeader, request.Method, request.Url).Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public void Sync_path_refuses_to_skip_the_replay_check()
    {
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = new VapiHmacOptions { Secrets = [Current] } });

        var verify = () => verifier.Verify(TestRequest.DefaultBody, _ => null, "POST", TestRequest.DefaultUrl);

        verifier.RequiresReplayStore.Should().BeTrue();
        verify.Should().Throw<InvalidOperationException>().WithMessage("*VerifyAsync*");
    }

    [Fact]
    public async Task Signature_of_a_body_that_failed_verification_is_not_recorded_as_seen()
    {
        var clock = new ManualTimeProvider();
        var options = new VapiHmacOptions { Secrets = [Current] };
        var store = new InMemoryVapiReplayStore(clock);
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock, store);
        var genuine = TestRequest.SignedWith(options, clock.GetUtcNow());
        var forged = genuine.Clone();
        forged.Body[0] ^= 0x20;

        (await forged.VerifyWith(verifier)).Should().Be(VapiVerificationResult.InvalidSignature);
        store.Count.Should().Be(0, "an attacker must not be able to block a genuine delivery by sending its signature first");
        (await genuine.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
    }

    [Fact]
    public async Task Hmac_and_bearer_together_check_whichever_credential_the_request_carries()
    {
        var clock = new ManualTimeProvider();
        var hmac = new VapiHmacOptions { Secrets = [Current] };
        var bearer = new VapiBearerOptions { Tokens = ["tok_1"] };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = hmac, Bearer = bearer }, clock);

        (await TestRequest.SignedWith(hmac, clock.GetUtcNow()).VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);
        (await TestRequest.BearerWith(bearer).VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);

        var both = TestRequest.BearerWith(bearer);
        both.Headers["x-signature"] = new string('0', 64);
        both.Headers["x-timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await both.VerifyWith(verifier)).Should().Be(VapiVerificationResult.InvalidSignature, "a present signature must verify; a valid token beside it does not excuse it");
    }

    [Fact]
    public async Task Nothing_configured_refuses_everything_and_allow_unauthenticated_accepts_everything()
    {
        var closed = new VapiRequestVerifier(new VapiAuthenticationOptions());
        var open = new VapiRequestVerifier(new VapiAuthenticationOptions { AllowUnauthenticated = true });

        (await closed.VerifyAsync(TestRequest.DefaultBody, _ => null, "POST", TestRequest.DefaultUrl)).Should().Be(VapiVerificationResult.NotConfigured);
        (await open.VerifyAsync(TestRequest.DefaultBody, _ => null, "POST", TestRequest.DefaultUrl)).Should().Be(VapiVerificationResult.Valid);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1768996800")]
    [InlineData(" 1768996800")]
    [InlineData("1768996800.5")]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775807")]
    public async Task Timestamp_must_be_plain_digits_of_a_representable_time(string timestamp)
    {
        var clock = new ManualTimeProvider();
        var options = new VapiHmacOptions { Secrets = [Current] };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var request = TestRequest.SignedWith(options, clock.GetUtcNow());
        request.Headers["x-timestamp"] = timestamp;

        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.InvalidTimestamp);
    }
}
