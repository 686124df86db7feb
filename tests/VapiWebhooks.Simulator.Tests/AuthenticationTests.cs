using VapiWebhooks.Security;

namespace VapiWebhooks.Simulator.Tests;

public class AuthenticationTests
{
    private const string Secret = "whsec-simulator-0123456789abcdef0123";
    private const string Base64Secret = "c2ltdWxhdG9yLWJhc2U2NC1zZWNyZXQ=";

    public static TheoryData<string, string[]> HmacVariants => new()
    {
        { "defaults", ["--hmac-secret", Secret] },
        {
            "sha512, base64 with prefix, milliseconds, custom headers",
            ["--hmac-secret", Secret, "--hmac-algorithm", "sha512", "--signature-encoding", "base64", "--signature-prefix", "sha512=", "--timestamp-ms",
                "--signature-header", "X-Sig", "--timestamp-header", "X-Ts"]
        },
        { "sha1, base64 secret, method and url signed", ["--hmac-secret", Base64Secret, "--secret-base64", "--hmac-algorithm", "sha1", "--payload-format", "{method}:{url}:{timestamp}:{body}"] },
        {
            "svix-style message id",
            ["--hmac-secret", Secret, "--message-id-header", "svix-id", "--payload-format", "{svix-id}.{timestamp}.{body}", "--signature-header", "svix-signature", "--timestamp-header", "svix-timestamp"]
        },
        { "no timestamp", ["--hmac-secret", Secret, "--no-timestamp", "--payload-format", "{body}"] },
    };

    [Theory]
    [MemberData(nameof(HmacVariants))]
    public async Task Hmac_options_sign_requests_the_library_verifier_accepts(string variant, string[] options)
    {
        await using var host = await TestHost.StartAsync(credential: o => o.Hmac = HostOptions(options));

        var run = await Simulator.RunAsync(["call", "--url", host.Url, "--json", .. options]);

        run.ExitCode.Should().Be(ExitCodes.Clean, variant + "\n" + run);
        run.Steps.Should().HaveCountGreaterThan(30);
    }

    [Fact]
    public async Task A_wrong_hmac_secret_is_refused()
    {
        await using var host = await TestHost.StartAsync(credential: o => o.Hmac = new VapiHmacOptions { Secrets = [Secret] });

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--json", "--hmac-secret", "not-the-secret");

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Steps.First().GetProperty("status").GetInt32().Should().Be(401);
    }

    [Theory]
    [InlineData("--vapi-secret", "legacy-secret-0123456789abcdef0123", "X-Vapi-Secret", false)]
    [InlineData("--bearer", "custom-header-token-0123456789abcdef", "X-Api-Key", false)]
    [InlineData("--bearer", "prefixed-token-0123456789abcdef0123", "X-Auth", true)]
    public async Task Bearer_variants_match_the_library(string option, string token, string header, bool prefix)
    {
        await using var host = await TestHost.StartAsync(credential: o => o.Bearer = new VapiBearerOptions { HeaderName = header, UsePrefix = prefix, Tokens = [token] });
        string[] args = option == "--vapi-secret"
            ? ["call", "--url", host.Url, "--json", option, token]
            : ["call", "--url", host.Url, "--json", option, token, "--header", header, .. (prefix ? Array.Empty<string>() : ["--no-prefix"])];

        var run = await Simulator.RunAsync(args);

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
    }

    // The host's credential, built from the same command-line options the simulator gets.
    private static VapiHmacOptions HostOptions(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : null;
        return new VapiHmacOptions
        {
            Secrets = [Value("--hmac-secret")!],
            Algorithm = Value("--hmac-algorithm") switch { "sha512" => VapiHmacAlgorithm.Sha512, "sha1" => VapiHmacAlgorithm.Sha1, _ => VapiHmacAlgorithm.Sha256 },
            SignatureEncoding = Value("--signature-encoding") == "base64" ? VapiSignatureEncoding.Base64 : VapiSignatureEncoding.Hex,
            SignaturePrefix = Value("--signature-prefix"),
            SignatureHeader = Value("--signature-header") ?? VapiHmacOptions.DefaultSignatureHeader,
            TimestampHeader = Value("--timestamp-header") ?? VapiHmacOptions.DefaultTimestampHeader,
            IncludeTimestamp = !args.Contains("--no-timestamp"),
            PayloadFormat = Value("--payload-format") ?? VapiHmacOptions.DefaultPayloadFormat,
            SecretIsBase64 = args.Contains("--secret-base64"),
            MessageIdHeader = Value("--message-id-header"),
        };
    }
}
