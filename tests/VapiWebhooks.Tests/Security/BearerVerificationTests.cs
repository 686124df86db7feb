using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

public class BearerVerificationTests
{
    public enum BearerMode
    {
        AuthorizationWithPrefix,
        CustomHeaderWithoutPrefix,
        LegacyVapiSecret,
    }

    public enum BearerScenario
    {
        Valid,
        MissingHeader,
        EmptyHeader,
        WrongToken,
        TokenWithExtraCharacter,
        TruncatedToken,
        WrongPrefix,
        RotatedSecondTokenWorks,
        RemovedTokenFails,
        OversizedHeader,
        DuplicatedHeader,
    }

    private const string Current = "tok_current_9f3a1c";
    private const string Next = "tok_next_44be07";

    public static TheoryData<BearerMode, BearerScenario, VapiVerificationResult> Cases()
    {
        var data = new TheoryData<BearerMode, BearerScenario, VapiVerificationResult>();
        foreach (var mode in Enum.GetValues<BearerMode>())
        {
            data.Add(mode, BearerScenario.Valid, VapiVerificationResult.Valid);
            data.Add(mode, BearerScenario.MissingHeader, VapiVerificationResult.MissingCredentials);
            data.Add(mode, BearerScenario.EmptyHeader, VapiVerificationResult.MissingCredentials);
            data.Add(mode, BearerScenario.WrongToken, VapiVerificationResult.InvalidToken);
            data.Add(mode, BearerScenario.TokenWithExtraCharacter, VapiVerificationResult.InvalidToken);
            data.Add(mode, BearerScenario.TruncatedToken, VapiVerificationResult.InvalidToken);
            data.Add(mode, BearerScenario.WrongPrefix, VapiVerificationResult.InvalidToken);
            data.Add(mode, BearerScenario.RotatedSecondTokenWorks, VapiVerificationResult.Valid);
            data.Add(mode, BearerScenario.RemovedTokenFails, VapiVerificationResult.InvalidToken);
            data.Add(mode, BearerScenario.OversizedHeader, VapiVerificationResult.HeaderTooLarge);
            data.Add(mode, BearerScenario.DuplicatedHeader, VapiVerificationResult.InvalidToken);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bearer_mode_verifies_only_the_configured_token(BearerMode mode, BearerScenario scenario, VapiVerificationResult expected)
    {
        // The verifier accepts Current and Next (a rotation in progress); the sender uses Current unless the scenario says otherwise.
        var verifierOptions = Options(mode, Current, Next);
        var request = TestRequest.BearerWith(Options(mode, Current));
        var header = verifierOptions.HeaderName;
        var prefix = verifierOptions.UsePrefix ? "Bearer " : string.Empty;

        switch (scenario)
        {
            case BearerScenario.MissingHeader:
                request.Headers.Remove(header);
                break;
            case BearerScenario.EmptyHeader:
                request.Headers[header] = string.Empty;
                break;
            case BearerScenario.WrongToken:
                request = TestRequest.BearerWith(Options(mode, "tok_attacker_000000"));
                break;
            case BearerScenario.TokenWithExtraCharacter:
                request.Headers[header] = prefix + Current + "x";
                break;
            case BearerScenario.TruncatedToken:
                request.Headers[header] = prefix + Current[..^1];
                break;
            case BearerScenario.WrongPrefix:
                // With a prefix configured the scheme must be Bearer; without one, a "Bearer " prefix is part of the (wrong) token.
                request.Headers[header] = verifierOptions.UsePrefix ? "Basic " + Current : "Bearer " + Current;
                break;
            case BearerScenario.RotatedSecondTokenWorks:
                request = TestRequest.BearerWith(Options(mode, Next));
                break;
            case BearerScenario.RemovedTokenFails:
                verifierOptions = Options(mode, Next);
                break;
            case BearerScenario.OversizedHeader:
                request.Headers[header] = prefix + new string('a', VapiRequestVerifier.MaxHeaderLength + 1);
                break;
            case BearerScenario.DuplicatedHeader:
                request.Headers[header] = request.Headers[header] + "," + request.Headers[header];
                break;
        }

        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Bearer = verifierOptions });

        (await request.VerifyWith(verifier)).Should().Be(expected);
        verifier.Verify(request.Body, request.GetHeader, request.Method, request.Url).Should().Be(expected, "the synchronous path agrees");
    }

    [Theory]
    [InlineData("Bearer " + Current)]
    [InlineData("bearer " + Current)]
    [InlineData("BEARER  " + Current)]
    [InlineData("  Bearer " + Current + "  ")]
    public void Bearer_scheme_is_case_insensitive_and_surrounding_whitespace_is_ignored(string header)
    {
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Bearer = new VapiBearerOptions { Tokens = [Current] } });

        verifier.Verify(TestRequest.DefaultBody, name => name == "Authorization" ? header : null, "POST", TestRequest.DefaultUrl)
            .Should().Be(VapiVerificationResult.Valid);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    [InlineData(Current)]
    public void Bearer_header_without_a_token_after_the_scheme_is_refused(string header)
    {
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Bearer = new VapiBearerOptions { Tokens = [Current] } });

        verifier.Verify(TestRequest.DefaultBody, name => name == "Authorization" ? header : null, "POST", TestRequest.DefaultUrl)
            .Should().Be(VapiVerificationResult.InvalidToken);
    }

    [Fact]
    public void Legacy_preset_reads_X_Vapi_Secret_without_prefix()
    {
        var options = VapiBearerOptions.ForLegacyVapiSecret(Current, Next);

        options.HeaderName.Should().Be("X-Vapi-Secret");
        options.UsePrefix.Should().BeFalse();
        options.Tokens.Should().Equal(Current, Next);
        VapiRequestSigner.CreateBearerHeaders(options).Should().Equal(new Dictionary<string, string> { ["X-Vapi-Secret"] = Current });
    }

    [Fact]
    public void Bearer_header_matches_whatever_the_header_name_case()
    {
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Bearer = VapiBearerOptions.ForLegacyVapiSecret(Current) });
        var request = new TestRequest(TestRequest.DefaultBody, new Dictionary<string, string> { ["x-vapi-secret"] = Current });

        verifier.Verify(request.Body, request.GetHeader, request.Method, request.Url).Should().Be(VapiVerificationResult.Valid);
    }

    private static VapiBearerOptions Options(BearerMode mode, params string[] tokens) => mode switch
    {
        BearerMode.AuthorizationWithPrefix => new VapiBearerOptions { Tokens = tokens },
        BearerMode.CustomHeaderWithoutPrefix => new VapiBearerOptions { HeaderName = "X-Webhook-Token", UsePrefix = false, Tokens = tokens },
        BearerMode.LegacyVapiSecret => VapiBearerOptions.ForLegacyVapiSecret(tokens),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
