using System.Text;
using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

/// <summary>A request as a verifier sees it: raw body, headers (case-insensitive), method and URL.</summary>
internal sealed class TestRequest
{
    public const string DefaultUrl = "https://hooks.example.com/vapi/events?tenant=42";

    public static readonly byte[] DefaultBody = Encoding.UTF8.GetBytes(
        """{"message":{"type":"tool-calls","timestamp":1768996800000,"toolCallList":[{"id":"call_1","function":{"name":"lookup","arguments":{"q":"caf\u00e9 ☕"}}}]}}""");

    public TestRequest(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST", string url = DefaultUrl)
    {
        Body = body;
        Headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Method = method;
        Url = url;
    }

    public byte[] Body { get; set; }

    public Dictionary<string, string> Headers { get; }

    public string Method { get; set; }

    public string Url { get; set; }

    public static TestRequest SignedWith(VapiHmacOptions options, DateTimeOffset at, VapiTimestampUnit unit = VapiTimestampUnit.Seconds, byte[]? body = null, string method = "POST", string url = DefaultUrl, string? messageId = null)
    {
        body ??= DefaultBody;
        var headers = new VapiRequestSigner(options).Sign(body, method, url, at, unit, messageId);
        return new TestRequest(body, headers, method, url);
    }

    public static TestRequest BearerWith(VapiBearerOptions options, byte[]? body = null) =>
        new(body ?? DefaultBody, VapiRequestSigner.CreateBearerHeaders(options));

    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public TestRequest Clone() => new((byte[])Body.Clone(), Headers, Method, Url);

    public ValueTask<VapiVerificationResult> VerifyWith(VapiRequestVerifier verifier) =>
        verifier.VerifyAsync(Body, GetHeader, Method, Url);
}
