using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.Tests.Testing;

/// <summary>
/// The recorder that stands in for a call's control URL, driven with a plain <see cref="HttpClient"/> over real HTTP
/// on loopback (the call-control package's own tests drive it with the library's client).
/// </summary>
public sealed class CallControlRecorderTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private CallControlRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await CallControlRecorder.StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task It_listens_on_loopback_and_records_each_command_with_its_call_id_and_parsed_fields()
    {
        _recorder.BaseAddress.IsLoopback.Should().BeTrue();
        _recorder.ControlUrlFor("call 1").AbsolutePath.Should().Be("/call%201/control");

        using var say = await PostAsync("call 1", """{"type":"say","content":"Hello there.","endCallAfterSpoken":false}""");
        using var add = await PostAsync("call-2", """{"type":"add-message","message":{"role":"system","content":"Booked."},"triggerResponseEnabled":true}""");
        using var control = await PostAsync("call-2", """{"type":"control","control":"mute-customer"}""");

        say.StatusCode.Should().Be(HttpStatusCode.OK);
        (await say.Content.ReadAsStringAsync()).Should().Be("{}");
        _recorder.Requests.Should().Be(3);
        _recorder.Commands.Select(c => (c.CallId, c.Type, c.Content, c.Control, c.Sequence)).Should().Equal(
            ("call 1", "say", "Hello there.", null, 1L),
            ("call-2", "add-message", "Booked.", null, 2L),
            ("call-2", "control", null, "mute-customer", 3L));
        _recorder.CommandsFor("call-2").Select(c => c.Type).Should().Equal("add-message", "control");
        _recorder.Commands.Where(c => !c.Accepted).Should().BeEmpty();
    }

    [Fact]
    public async Task FailNext_answers_the_scripted_statuses_in_order_then_200_again()
    {
        _recorder.FailNext(503, times: 2);
        _recorder.FailNext(400);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync("call-f", """{"type":"end-call"}""");
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadRequest, HttpStatusCode.OK);
        _recorder.Commands.Select(c => c.AnsweredStatus).Should().Equal(503, 503, 400, 200);
        _recorder.Commands.Select(c => c.Accepted).Should().Equal(false, false, false, true);
    }

    [Fact]
    public async Task An_ended_call_is_answered_404_while_other_calls_still_get_200()
    {
        _recorder.EndCall("call-over");

        using var ended = await PostAsync("call-over", """{"type":"say","content":"Anyone there?"}""");
        using var live = await PostAsync("call-live", """{"type":"say","content":"Hello."}""");

        ended.StatusCode.Should().Be(HttpStatusCode.NotFound);
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        _recorder.CommandsFor("call-over").Should().ContainSingle().Which.AnsweredStatus.Should().Be(404);
    }

    [Theory]
    [InlineData("GET", "call-x/control")]
    [InlineData("POST", "call-x")]
    [InlineData("POST", "call-x/control/extra")]
    [InlineData("POST", "call-x/listen")]
    public async Task Anything_but_a_POST_to_a_control_path_is_404_and_not_a_command(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_recorder.BaseAddress, path));
        if (method == "POST")
        {
            request.Content = new StringContent("""{"type":"end-call"}""", Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _recorder.Commands.Should().BeEmpty();
        _recorder.Requests.Should().Be(1);
    }

    [Fact]
    public async Task WaitForCommandAsync_returns_a_command_that_arrives_later_and_one_already_received()
    {
        var waiting = _recorder.WaitForCommandAsync(c => c.Type == "transfer");
        waiting.IsCompleted.Should().BeFalse("nothing has been posted yet");

        using (await PostAsync("call-w", """{"type":"say","content":"One moment."}""")) { }
        using (await PostAsync("call-w", """{"type":"transfer","destination":{"type":"number","number":"+14155550123"}}""")) { }

        var transfer = await waiting;
        transfer.Type.Should().Be("transfer");
        transfer.Body!.Value.GetProperty("destination").GetProperty("number").GetString().Should().Be("+14155550123");
        (await _recorder.WaitForCommandAsync(c => c.Type == "say")).Content.Should().Be("One moment.");
    }

    [Fact]
    public async Task WaitForCommandAsync_names_what_arrived_when_the_expected_command_does_not()
    {
        using (await PostAsync("call-t", """{"type":"say","content":"Hello."}""")) { }

        var act = () => _recorder.WaitForCommandAsync(c => c.Type == "end-call", TimeSpan.FromMilliseconds(50));

        (await act.Should().ThrowAsync<TimeoutException>()).WithMessage("*[say:200]*");
    }

    [Fact]
    public async Task The_authorization_header_is_kept_and_a_body_that_is_not_json_is_recorded_as_is()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _recorder.ControlUrlFor("call-a"))
        {
            Content = new StringContent("not json", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "public-key");
        using (await _http.SendAsync(request)) { }
        using (await PostAsync("call-a", """{"type":"end-call"}""")) { }

        var commands = _recorder.Commands;
        commands[0].Authorization.Should().Be("Bearer public-key");
        commands[0].Json.Should().Be("not json");
        commands[0].Body.Should().BeNull();
        commands[0].Type.Should().BeNull();
        commands[1].Authorization.Should().BeNull();
    }

    [Fact]
    public void UseFor_points_the_message_at_the_recorder_keeping_its_call_id()
    {
        var message = _recorder.UseFor(VapiTestMessages.StatusUpdate(CallStatus.InProgress));

        message.Call!.Id.Should().NotBeNullOrEmpty();
        message.Call.Monitor!.ControlUrl.Should().Be(_recorder.ControlUrlFor(message.Call.Id!));
    }

    private Task<HttpResponseMessage> PostAsync(string callId, string json) =>
        _http.PostAsync(_recorder.ControlUrlFor(callId), new StringContent(json, Encoding.UTF8, "application/json"));
}
