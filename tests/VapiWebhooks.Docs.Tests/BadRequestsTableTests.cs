using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;

namespace VapiWebhooks.Docs.Tests;

/// <summary>
/// The README's "Bad requests" table says what the endpoint does: each row is read from the README (so the test
/// follows edits), each request it names is sent, and the answer must have the row's status. A row naming a request
/// this test does not know fails, so a new row cannot go unchecked.
/// </summary>
public sealed partial class BadRequestsTableTests
{
    private const string Webhook = "/vapi/webhook";
    private const string ValidBody = """{"message":{"type":"status-update","status":"in-progress"}}""";

    // What a row's "Request" cell can name, by a phrase it contains, and how to send it.
    private static readonly (string Phrase, Func<HttpRequestMessage> Request)[] KnownRequests =
    [
        ("not authenticated", () => Post(ValidBody, authenticated: false)),
        ("whatever its body", () => Post("{not json", authenticated: false)),
        ("media type or size", () => Post(ValidBody + new string(' ', 5 * 1024 * 1024), authenticated: false, contentType: "text/plain")),
        ("`charset` other than UTF-8", () => Post(ValidBody, contentType: "application/json; charset=iso-8859-1")),
        ("`Content-Encoding` other than", () => Post(ValidBody, contentEncoding: "gzip")),
        ("application/json", () => Post(ValidBody, contentType: "text/plain")),
        ("MaxRequestBodySize", () => Post("{\"message\":{\"type\":\"status-update\",\"pad\":\"" + new string('x', (4 * 1024 * 1024) + 16) + "\"}}")),
        ("malformed JSON", () => Post("""{"message":{"type":"status-update",""")),
        ("trailing comma", () => Post("""{"message":{"type":"status-update",}}""")),
        ("no `message`", () => Post("""{"other":{"type":"status-update"}}""")),
        ("no string `type`", () => Post("""{"message":{"type":42}}""")),
        ("empty or blank `type`", () => Post("""{"message":{"type":"  "}}""")),
        ("duplicate property names", () => Post("""{"message":{"type":"status-update","type":"tool-calls","toolCallList":[]}}""")),
        ("malformed UTF-8", () => Post([.. Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"status-update\",\"x\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")])),
        ("lone surrogate escape", () => Post("""{"message":{"type":"status-update","x":"\ud800"}}""")),
        ("`null` for the message", () => Post("""{"message":null}""")),
        ("`null` in a tool list", () => Post("""{"message":{"type":"tool-calls","toolCallList":[null]}}""")),
        ("tool call without `id`", () => Post("""{"message":{"type":"tool-calls","toolCallList":[{"type":"function","function":{"name":"x","arguments":{}}}]}}""")),
        ("nesting deeper than", () => Post("{\"message\":{\"type\":\"status-update\",\"x\":" + new string('[', 200) + new string(']', 200) + "}}")),
        ("any method but POST", () => new HttpRequestMessage(HttpMethod.Get, Webhook) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", VapiTestHost.Token) } }),
    ];

    // Transport faults need a real socket and real time; tests/VapiWebhooks.AspNetCore.Tests/Edge/TransportFaultTests sends them.
    private static readonly string[] SocketOnly = ["MinRequestBodyDataRate", "chunked framing", "shorter than its `Content-Length`"];

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var row in Markdown.TableAfter(File.ReadAllText(Repository.ReadmePath), "### Bad requests"))
        {
            rows.Add(row[0], row[1]);
        }

        return rows;
    }

    [Fact]
    public void The_table_is_there()
    {
        Rows().Count.Should().BeGreaterThanOrEqualTo(4, "the README's Bad requests table should be found and read");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_request_of_a_row_gets_the_rows_status(string request, string answer)
    {
        var expected = (HttpStatusCode)int.Parse(Status().Match(answer).Value, System.Globalization.CultureInfo.InvariantCulture);
        if (SocketOnly.Any(p => request.Contains(p, StringComparison.Ordinal)))
        {
            File.Exists(Path.Combine(Repository.Root, "tests", "VapiWebhooks.AspNetCore.Tests", "Edge", "TransportFaultTests.cs")).Should().BeTrue("the socket-level rows are checked there");
            return;
        }

        var named = KnownRequests.Where(k => request.Contains(k.Phrase, StringComparison.OrdinalIgnoreCase)).ToList();
        named.Should().NotBeEmpty($"the row \"{request}\" should name a request this test knows ({string.Join(", ", KnownRequests.Select(k => k.Phrase))}); add it to {nameof(KnownRequests)}");
        var unmatched = Clauses(request).Where(c => !KnownRequests.Any(k => c.Contains(k.Phrase, StringComparison.OrdinalIgnoreCase))).ToList();
        unmatched.Should().BeEmpty($"every request the row \"{request}\" names should be checked");

        await using var host = await VapiTestHost.StartAsync();

        // A client without the host's token: each request carries its own credential, or none.
        using var client = host.App.GetTestClient();
        foreach (var (phrase, build) in named)
        {
            using var message = build();
            using var response = await client.SendAsync(message);
            response.StatusCode.Should().Be(expected, $"the README says \"{request}\" gets {answer} ({phrase}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    // "malformed JSON, no `message`, nesting deeper than 64": each comma-separated part is one request.
    private static IEnumerable<string> Clauses(string request) =>
        request.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HttpRequestMessage Post(string body, bool authenticated = true, string contentType = "application/json", string? contentEncoding = null)
        => Post(Encoding.UTF8.GetBytes(body), authenticated, contentType, contentEncoding);

    private static HttpRequestMessage Post(byte[] body, bool authenticated = true, string contentType = "application/json", string? contentEncoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Webhook)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(contentEncoding);
        }

        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", VapiTestHost.Token);
        }

        return request;
    }

    [GeneratedRegex(@"\b[1-5]\d\d\b")]
    private static partial Regex Status();
}
