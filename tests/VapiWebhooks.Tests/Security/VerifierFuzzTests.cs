using System.Diagnostics;
using System.Globalization;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Security;

/// <summary>
/// Random mutations of genuinely signed requests (fixed seed, bounded by count and time): none may verify, none may throw.
/// Mutations that keep the request equivalent (re-casing hex) are excluded; every mutation changes something signed.
/// </summary>
public class VerifierFuzzTests(ITestOutputHelper output)
{
    private const int MaxCases = 5000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Configurations() => ["default", "everything-signed", "base64-prefixed-sha512"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Mutated_signed_requests_never_verify_and_never_throw(string configuration)
    {
        var options = Options(configuration);
        var clock = new ManualTimeProvider();
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock);
        var random = new Random(20260121);
        var stopwatch = Stopwatch.StartNew();
        var mutationsApplied = 0;
        var cases = 0;

        for (; cases < MaxCases && stopwatch.Elapsed < TimeBudget; cases++)
        {
            var body = new byte[random.Next(1, 2048)];
            random.NextBytes(body);
            var original = TestRequest.SignedWith(
                options,
                clock.GetUtcNow() - TimeSpan.FromSeconds(random.Next(0, 120)),
                random.Next(2) == 0 ? VapiTimestampUnit.Seconds : VapiTimestampUnit.Milliseconds,
                body,
                messageId: "msg_" + random.Next().ToString(CultureInfo.InvariantCulture));
            (await original.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid, "the unmutated request is the control (case {0})", cases);

            var mutated = original.Clone();
            var applied = new List<string>();
            for (var count = random.Next(1, 4); applied.Count < count;)
            {
                var name = Mutate(mutated, original, options, random);
                if (name is not null)
                {
                    applied.Add(name);
                }
            }

            if (IsEquivalent(mutated, original))
            {
                // Mutations can cancel out (+5 s then -5 s on the timestamp); an unchanged request is not a case.
                continue;
            }

            mutationsApplied += applied.Count;
            VapiVerificationResult result = default;
            var verify = async () => result = await mutated.VerifyWith(verifier);
            await verify.Should().NotThrowAsync("mutations {0} (case {1})", string.Join(", ", applied), cases);
            result.Should().NotBe(VapiVerificationResult.Valid, "mutations {0} (case {1})", string.Join(", ", applied), cases);
        }

        output.WriteLine($"{configuration}: {cases} cases, {mutationsApplied} mutations in {stopwatch.Elapsed.TotalSeconds:F1} s");
        cases.Should().BeGreaterThan(100, "the time budget must leave room for a meaningful number of cases");
        mutationsApplied.Should().BeGreaterThanOrEqualTo(cases);
    }

    private static VapiHmacOptions Options(string configuration) => configuration switch
    {
        "default" => new VapiHmacOptions { Secrets = ["fuzz-secret"], ReplayProtection = false },
        "everything-signed" => new VapiHmacOptions
        {
            Secrets = ["fuzz-secret", "fuzz-secret-2"],
            PayloadFormat = "{method}\n{url}\n{svix-id}\n{timestamp}.{body}",
            MessageIdHeader = "webhook-id",
            SignaturePrefix = "sha256=",
            ReplayProtection = false,
        },
        "base64-prefixed-sha512" => new VapiHmacOptions
        {
            Secrets = ["ZnV6ei1zZWNyZXQ="],
            SecretIsBase64 = true,
            Algorithm = VapiHmacAlgorithm.Sha512,
            SignatureEncoding = VapiSignatureEncoding.Base64,
            SignaturePrefix = "v1,",
            ReplayProtection = false,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(configuration)),
    };

    /// <summary>Applies one random mutation that changes something the credential covers; returns its name, or null if none applied.</summary>
    private static string? Mutate(TestRequest request, TestRequest original, VapiHmacOptions options, Random random)
    {
        switch (random.Next(11))
        {
            case 0 when request.Body.Length > 0:
                request.Body[random.Next(request.Body.Length)] ^= (byte)random.Next(1, 256);
                return "flip body byte";
            case 1:
                var insertAt = random.Next(request.Body.Length + 1);
                request.Body = [.. request.Body[..insertAt], (byte)random.Next(256), .. request.Body[insertAt..]];
                return "insert body byte";
            case 2 when request.Body.Length > 0:
                var deleteAt = random.Next(request.Body.Length);
                request.Body = [.. request.Body[..deleteAt], .. request.Body[(deleteAt + 1)..]];
                return "delete body byte";
            case 3:
                return MutateHeaderCharacter(request, original, options, random);
            case 4:
                var dropped = RandomHeader(request, random);
                if (dropped is null)
                {
                    return null;
                }

                request.Headers.Remove(dropped);
                return "drop " + dropped;
            case 5:
                var duplicated = RandomHeader(request, random);
                if (duplicated is null)
                {
                    return null;
                }

                request.Headers[duplicated] = request.Headers[duplicated] + "," + request.Headers[duplicated];
                return "duplicate " + duplicated;
            case 6 when request.Headers.TryGetValue(options.TimestampHeader, out var timestamp)
                && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value):
                var changed = random.Next(3) switch
                {
                    0 => value + random.Next(1, 600),
                    1 => value - random.Next(1, 600),
                    _ => value < 100_000_000_000 ? value * 1000 : value / 1000, // same instant, other unit: a different signed text
                };
                request.Headers[options.TimestampHeader] = changed.ToString(CultureInfo.InvariantCulture);
                return "change timestamp";
            case 7 when options.PayloadFormat.Contains("{url}", StringComparison.Ordinal):
                request.Url = random.Next(2) == 0 ? request.Url + "&x=1" : request.Url.Replace("https://", "http://", StringComparison.Ordinal);
                return "change url";
            case 8 when options.PayloadFormat.Contains("{method}", StringComparison.Ordinal):
                request.Method = random.Next(2) == 0 ? "PUT" : "post";
                return "change method";
            case 9:
                request.Headers[options.SignatureHeader] = random.Next(3) switch
                {
                    0 => string.Empty,
                    1 => new string('f', VapiRequestVerifier.MaxHeaderLength + random.Next(1, 100)),
                    _ => (options.SignaturePrefix ?? string.Empty) + new string('0', options.SignatureEncoding == VapiSignatureEncoding.Hex ? 64 : 44),
                };
                return "replace signature";
            case 10 when request.Body.Length > 0:
                request.Body = request.Body[..random.Next(request.Body.Length)];
                return "truncate body";
            default:
                return null;
        }
    }

    private static string? MutateHeaderCharacter(TestRequest request, TestRequest original, VapiHmacOptions options, Random random)
    {
        var name = RandomHeader(request, random);
        if (name is null || request.Headers[name].Length == 0)
        {
            return null;
        }

        var value = request.Headers[name].ToCharArray();
        var at = random.Next(value.Length);
        var replacement = (char)random.Next(0x20, 0x7F);
        if (replacement == value[at])
        {
            return null;
        }

        value[at] = replacement;
        var mutated = new string(value);

        // Hex is case-insensitive by design: a re-cased signature is the same signature, not a mutation.
        if (string.Equals(name, options.SignatureHeader, StringComparison.OrdinalIgnoreCase)
            && options.SignatureEncoding == VapiSignatureEncoding.Hex
            && original.Headers.TryGetValue(name, out var originalValue)
            && string.Equals(mutated, originalValue, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mutated[..(options.SignaturePrefix?.Length ?? 0)], options.SignaturePrefix ?? string.Empty, StringComparison.Ordinal))
        {
            return null;
        }

        request.Headers[name] = mutated;
        return "mutate " + name;
    }

    private static bool IsEquivalent(TestRequest a, TestRequest b) =>
        a.Body.AsSpan().SequenceEqual(b.Body) && a.Method == b.Method && a.Url == b.Url
        && a.Headers.Count == b.Headers.Count
        && a.Headers.All(header => b.Headers.TryGetValue(header.Key, out var other) && other == header.Value);

    private static string? RandomHeader(TestRequest request, Random random) =>
        request.Headers.Count == 0 ? null : request.Headers.Keys.ElementAt(random.Next(request.Headers.Count));
}
