using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using VapiWebhooks.Security;

namespace VapiWebhooks.Benchmarks.Security;

/// <summary>
/// Cost of authenticating a 10 KB webhook: HMAC-SHA256 verification with Vapi's default payload format against the
/// floor of one-shot HMACSHA256.HashData over the same bytes, and bearer-token verification.
/// </summary>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private const string Secret = "benchmark-hmac-secret";
    private const string Url = "https://hooks.example.com/vapi/events";

    private static readonly DateTimeOffset Now = new(2026, 1, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(Secret);
    private byte[] _body = [];
    private IReadOnlyDictionary<string, string> _hmacHeaders = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _bearerHeaders = new Dictionary<string, string>();
    private VapiRequestVerifier _hmacVerifier = null!;
    private VapiRequestVerifier _bearerVerifier = null!;
    private Func<string, string?> _hmacLookup = null!;
    private Func<string, string?> _bearerLookup = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Exactly 10 KiB of valid JSON.
        const string Head = "{\"message\":{\"type\":\"transcript\",\"transcript\":\"";
        const string Tail = "\"}}";
        _body = Encoding.UTF8.GetBytes(Head + new string('a', (10 * 1024) - Head.Length - Tail.Length) + Tail);

        // Replay protection is off so every iteration takes the success path; the store is measured separately.
        var hmac = new VapiHmacOptions { Secrets = [Secret], ReplayProtection = false };
        _hmacVerifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = hmac }, new FixedTimeProvider(Now));
        _hmacHeaders = new VapiRequestSigner(hmac).Sign(_body, "POST", Url, Now);
        _hmacLookup = name => _hmacHeaders.TryGetValue(name, out var value) ? value : null;

        var bearer = new VapiBearerOptions { Tokens = ["benchmark-bearer-token-0123456789abcdef"] };
        _bearerVerifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Bearer = bearer });
        _bearerHeaders = VapiRequestSigner.CreateBearerHeaders(bearer);
        _bearerLookup = name => _bearerHeaders.TryGetValue(name, out var value) ? value : null;

        if (HmacSha256Verify() != VapiVerificationResult.Valid || BearerVerify() != VapiVerificationResult.Valid)
        {
            throw new InvalidOperationException("The benchmark must measure successful verifications.");
        }
    }

    [Benchmark(Baseline = true, Description = "HMACSHA256.HashData (10 KB)")]
    public byte[] HmacSha256HashDataBaseline() => HMACSHA256.HashData(_key, _body);

    [Benchmark(Description = "Verify HMAC-SHA256 {timestamp}.{body} (10 KB)")]
    public VapiVerificationResult HmacSha256Verify() => _hmacVerifier.Verify(_body, _hmacLookup, "POST", Url);

    [Benchmark(Description = "VerifyAsync HMAC-SHA256 {timestamp}.{body} (10 KB)")]
    public ValueTask<VapiVerificationResult> HmacSha256VerifyAsync() => _hmacVerifier.VerifyAsync(_body, _hmacLookup, "POST", Url);

    [Benchmark(Description = "Verify bearer token")]
    public VapiVerificationResult BearerVerify() => _bearerVerifier.Verify(_body, _bearerLookup, "POST", Url);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
