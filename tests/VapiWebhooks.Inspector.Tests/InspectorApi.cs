using System.Net;
using System.Text.Json;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>Reads the inspector's JSON API over HTTP, as the page does.</summary>
public static class InspectorApi
{
    public static async Task<JsonElement?> ExchangeAsync(this HttpClient client, long id)
    {
        using var response = await client.GetAsync($"{InspectorHost.InspectorPath}/api/exchanges/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The ids the inspector still keeps among 1..<paramref name="upTo"/>.</summary>
    public static async Task<List<long>> KeptIdsAsync(this HttpClient client, long upTo)
    {
        var kept = new List<long>();
        for (var id = 1; id <= upTo; id++)
        {
            if (await client.ExchangeAsync(id) is not null)
            {
                kept.Add(id);
            }
        }

        return kept;
    }

    /// <summary>The exchange just stored (exchanges are stored when their response is complete).</summary>
    public static async Task<JsonElement> LatestAsync(this HttpClient client, long expectedId)
        => await client.ExchangeAsync(expectedId) ?? throw new InvalidOperationException($"Exchange {expectedId} is not kept.");
}
