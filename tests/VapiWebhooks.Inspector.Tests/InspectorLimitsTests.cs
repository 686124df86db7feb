using System.Net;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>What the inspector keeps: a ring buffer bounded in count and bytes, capped bodies, redacted credentials.</summary>
public sealed class InspectorLimitsTests
{
    [Fact]
    public async Task The_ring_buffer_keeps_the_last_Capacity_exchanges()
    {
        await using var host = await InspectorHost.StartAsync(o => o.Capacity = 5);
        for (var i = 0; i < 12; i++)
        {
            using var response = await host.PostAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await host.Client.KeptIdsAsync(12)).Should().Equal(8, 9, 10, 11, 12);
    }

    [Fact]
    public async Task The_byte_cap_drops_the_oldest_before_the_count_is_reached()
    {
        // Each transcript body is about 20 KB; 60 KB in all keeps two or three of them, far fewer than the capacity.
        await using var host = await InspectorHost.StartAsync(o => { o.Capacity = 100; o.MaxTotalBytes = 60_000; });
        for (var i = 0; i < 10; i++)
        {
            using var response = await host.PostAsync(VapiTestMessages.Transcript(new string('a', 20_000)));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var kept = await host.Client.KeptIdsAsync(10);
        kept.Should().NotBeEmpty().And.HaveCountLessThan(4);
        kept[^1].Should().Be(10, "the newest is always kept");
    }

    [Fact]
    public async Task A_body_over_MaxBodyBytes_is_cut_marked_truncated_and_not_replayable()
    {
        await using var host = await InspectorHost.StartAsync(o => o.MaxBodyBytes = 1000);
        using (var response = await host.PostAsync(VapiTestMessages.Transcript(new string('b', 5000))))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var exchange = await host.Client.LatestAsync(1);
        exchange.GetProperty("requestBytes").GetInt64().Should().BeGreaterThan(5000);
        exchange.GetProperty("requestTruncated").GetBoolean().Should().BeTrue();
        exchange.GetProperty("canReplay").GetBoolean().Should().BeFalse();
        var text = exchange.GetProperty("request").GetString()!;
        text.Should().EndWith("… (truncated)");
        text.Count(c => c == 'b').Should().BeLessThan(1000);

        using var replay = new HttpRequestMessage(HttpMethod.Post, $"{InspectorHost.InspectorPath}/api/exchanges/1/replay");
        replay.Headers.Add("X-Vapi-Inspector", "1");
        using var refused = await host.Client.SendAsync(replay);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("MaxBodyBytes");
    }

    [Fact]
    public async Task A_refused_request_is_kept_with_its_reason_and_without_its_body()
    {
        await using var host = await InspectorHost.StartAsync();
        using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress), credential: VapiTestCredential.Bearer("wrong-token-0123456789abcdef0123456789")))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var exchange = await host.Client.LatestAsync(1);
        exchange.GetProperty("status").GetInt32().Should().Be(401);
        exchange.GetProperty("authentication").GetString().Should().NotBe("ok");
        exchange.TryGetProperty("request", out _).Should().BeFalse("the body of an unauthenticated request is never read");
        exchange.GetProperty("reply").GetString().Should().Contain("unauthorized");
        exchange.ToString().Should().NotContain("wrong-token");
    }

    [Fact]
    public async Task Credentials_are_redacted_from_the_headers_and_never_sent_to_the_page()
    {
        await using var host = await InspectorHost.StartAsync();
        using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var hmac = VapiTestCredential.Hmac(InspectorHost.Hmac);
        using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.Ended), InspectorHost.HmacPath, hmac))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var bearer = (await host.Client.LatestAsync(1)).ToString();
        bearer.Should().Contain("Bearer [redacted]").And.NotContain(VapiTestHost.Token);
        var signed = await host.Client.LatestAsync(2);
        signed.GetProperty("endpoint").GetString().Should().Be(InspectorHost.HmacPath);
        var signature = signed.GetProperty("headers").EnumerateArray().Single(h => h[0].GetString() == "x-vapi-signature");
        signature[1].GetString().Should().Be("[redacted]");
        signed.ToString().Should().NotContain(InspectorHost.HmacSecret);
    }
}
