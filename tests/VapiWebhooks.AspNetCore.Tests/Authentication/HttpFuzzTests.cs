using System.Diagnostics;
using System.Globalization;
using System.Text;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// Random mutations of genuinely signed requests through real HTTP (Kestrel), with a fixed seed and bounded in count and
/// time: a mutated request is never 2xx and never 5xx, and never reaches the handler; unmutated controls keep passing.
/// </summary>
public class HttpFuzzTests(ITestOutputHelper output)
{
    private const int MaxCases = 3000;
    private const int ControlEvery = 50;
    private const string Path = "/vapi/webhook";
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(20);

    /// <summary>hmac-svix signs the message id, method and URL too, so every kind of mutation applies; hmac-default signs timestamp and body only.</summary>
    public static TheoryData<string> Modes() => ["hmac-svix", "hmac-default"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Mutated_signed_requests_are_never_accepted_never_a_server_error_and_never_reach_the_handler(string modeName)
    {
        var mode = CredentialMode.Get(modeName);
        await using var app = await AuthTestApp.StartAsync(mode.Settings(CredentialMode.Current));
        var credential = mode.Credential(CredentialMode.Current);
        var signsUrl = modeName == "hmac-svix";
        var random = new Random(20260121);
        var stopwatch = Stopwatch.StartNew();
        var statuses = new SortedDictionary<int, int>();
        var mutationKinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var controls = 0;
        var cases = 0;

        for (; cases < MaxCases && stopwatch.Elapsed < TimeBudget; cases++)
        {
            var isControl = cases % ControlEvery == 0;
            var original = FuzzRequest.Signed(credential, app.BaseAddress, isControl ? CredentialMode.NewBody() : RandomBody(random));
            if (isControl)
            {
                // The control: the unmutated request passes, so a refusal below is the mutation's doing.
                var accepted = await original.SendAsync(app.Client);
                ((int)accepted.StatusCode).Should().Be(200, "the unmutated request is the control (case {0}): {1}", cases, await accepted.Content.ReadAsStringAsync());
                controls++;
                continue;
            }

            var mutated = original.Clone();
            var applied = new List<string>();
            for (var count = random.Next(1, 4); applied.Count < count;)
            {
                applied.Add(mutated.Mutate(random, signsUrl));
            }

            if (mutated.IsEquivalentTo(original))
            {
                // Mutations can cancel out (the same bit flipped twice); an unchanged request is not a case.
                continue;
            }

            foreach (var kind in applied)
            {
                mutationKinds[kind] = mutationKinds.GetValueOrDefault(kind) + 1;
            }

            using var response = await mutated.SendAsync(app.Client);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            status.Should().NotBeInRange(200, 299, "mutations [{0}] must not be accepted (case {1})", string.Join(", ", applied), cases);
            status.Should().BeLessThan(500, "mutations [{0}] must not cause a server error (case {1})", string.Join(", ", applied), cases);
            app.Calls.Count.Should().Be(controls, "mutations [{0}] must not reach the handler (case {1})", string.Join(", ", applied), cases);
        }

        output.WriteLine($"{cases} cases ({controls} controls) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}")));
        output.WriteLine("mutations: " + string.Join(", ", mutationKinds.Select(s => $"{s.Key}={s.Value}")));
        cases.Should().BeGreaterThan(100, "the time budget must allow a meaningful number of cases");
        app.Calls.Count.Should().Be(controls);
        statuses.Keys.Should().Contain(401);
    }

    private static byte[] RandomBody(Random random)
    {
        // A real message most of the time; random bytes sometimes (the signature covers bytes, not JSON).
        if (random.Next(4) == 0)
        {
            var bytes = new byte[random.Next(1, 512)];
            random.NextBytes(bytes);
            return bytes;
        }

        return CredentialMode.NewBody();
    }

    /// <summary>A request as sent on the wire: method, path and query, Host, body, and headers (names may repeat).</summary>
    private sealed class FuzzRequest
    {
        private static readonly string[] Methods = ["PUT", "GET", "PATCH", "DELETE"];

        private FuzzRequest(string method, Uri baseAddress, string pathAndQuery, string? host, byte[] body, List<KeyValuePair<string, string>> headers)
        {
            Method = method;
            BaseAddress = baseAddress;
            PathAndQuery = pathAndQuery;
            Host = host;
            Body = body;
            Headers = headers;
        }

        public string Method { get; private set; }

        public Uri BaseAddress { get; }

        public string PathAndQuery { get; private set; }

        public string? Host { get; private set; }

        public byte[] Body { get; private set; }

        public List<KeyValuePair<string, string>> Headers { get; }

        public static FuzzRequest Signed(VapiTestCredential credential, Uri baseAddress, byte[] body)
        {
            var headers = credential.CreateHeaders(body, "POST", new Uri(baseAddress, Path));
            return new FuzzRequest("POST", baseAddress, Path, null, body, [.. headers]);
        }

        public FuzzRequest Clone() => new(Method, BaseAddress, PathAndQuery, Host, (byte[])Body.Clone(), [.. Headers]);

        public bool IsEquivalentTo(FuzzRequest other) =>
            Method == other.Method && PathAndQuery == other.PathAndQuery && Host == other.Host && Body.AsSpan().SequenceEqual(other.Body)
            && Headers.Count == other.Headers.Count
            && Headers.Select(h => (h.Key.ToUpperInvariant(), h.Value)).Order().SequenceEqual(other.Headers.Select(h => (h.Key.ToUpperInvariant(), h.Value)).Order());

        /// <summary>Applies one random mutation that changes something signed (or something routing refuses); returns its name.</summary>
        public string Mutate(Random random, bool signsUrl)
        {
            var kinds = signsUrl ? 11 : 8;
            switch (random.Next(kinds))
            {
                case 0:
                    if (Body.Length == 0)
                    {
                        goto case 1;
                    }

                    Body[random.Next(Body.Length)] ^= (byte)(1 << random.Next(8));
                    return "body-flip";
                case 1:
                    var insertAt = random.Next(Body.Length + 1);
                    Body = [.. Body.AsSpan(0, insertAt), (byte)random.Next(256), .. Body.AsSpan(insertAt)];
                    return "body-insert";
                case 2:
                    if (Body.Length == 0)
                    {
                        goto case 1;
                    }

                    var deleteAt = random.Next(Body.Length);
                    Body = [.. Body.AsSpan(0, deleteAt), .. Body.AsSpan(deleteAt + 1)];
                    return "body-delete";
                case 3:
                    if (Headers.Count == 0)
                    {
                        goto case 1;
                    }

                    Headers.RemoveAt(random.Next(Headers.Count));
                    return "header-drop";
                case 4:
                    if (Headers.Count == 0)
                    {
                        goto case 1;
                    }

                    Headers.Add(Headers[random.Next(Headers.Count)]);
                    return "header-duplicate";
                case 5:
                    return MutateHeaderValue(random);
                case 6:
                    if (Headers.Count == 0)
                    {
                        goto case 1;
                    }

                    var oversized = random.Next(Headers.Count);
                    Headers[oversized] = new(Headers[oversized].Key, Headers[oversized].Value + new string('0', random.Next(9 * 1024, 20 * 1024)));
                    return "header-oversize";
                case 7:
                    return ShiftTimestamp(random);
                case 8:
                    PathAndQuery = random.Next(5) switch
                    {
                        0 => PathAndQuery + (PathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tenant=" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
                        1 => PathAndQuery.ToUpperInvariant(),
                        2 => PathAndQuery + "/",
                        3 => PathAndQuery.Replace("webhook", "webhooks", StringComparison.Ordinal),
                        _ => "/other" + PathAndQuery,
                    };
                    return "path-or-query";
                case 9:
                    Host = "evil" + random.Next(100).ToString(CultureInfo.InvariantCulture) + ".example";
                    return "host";
                default:
                    Method = Methods[random.Next(Methods.Length)];
                    return "method";
            }
        }

        public async Task<HttpResponseMessage> SendAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(BaseAddress, PathAndQuery)) { Content = new ByteArrayContent(Body) };
            request.Content.Headers.ContentType = new("application/json");
            if (Host is not null)
            {
                request.Headers.Host = Host;
            }

            foreach (var group in Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(group.Key, group.Select(h => h.Value)).Should().BeTrue();
            }

            return await client.SendAsync(request);
        }

        private string MutateHeaderValue(Random random)
        {
            if (Headers.Count == 0)
            {
                return Mutate(random, signsUrl: false);
            }

            var index = random.Next(Headers.Count);
            var (name, value) = Headers[index];
            var chars = value.ToCharArray();
            var at = random.Next(chars.Length);
            char replacement;
            do
            {
                // Printable, not a space, and different even ignoring case (hex signatures are case-insensitive).
                replacement = (char)random.Next(0x21, 0x7F);
            }
            while (char.ToLowerInvariant(replacement) == char.ToLowerInvariant(chars[at]));

            chars[at] = replacement;
            Headers[index] = new(name, new string(chars));
            return "header-mutate";
        }

        private string ShiftTimestamp(Random random)
        {
            var index = Headers.FindIndex(h => h.Key.EndsWith("timestamp", StringComparison.OrdinalIgnoreCase));
            if (index < 0 || !long.TryParse(Headers[index].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return MutateHeaderValue(random);
            }

            long shift;
            do
            {
                shift = random.Next(-2_000_000, 2_000_000);
            }
            while (shift == 0 || value + shift < 0);

            Headers[index] = new(Headers[index].Key, (value + shift).ToString(CultureInfo.InvariantCulture));
            return "timestamp-shift";
        }
    }
}
