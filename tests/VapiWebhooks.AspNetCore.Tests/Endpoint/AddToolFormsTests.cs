using VapiWebhooks.Testing;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>
/// Every form a user writes for <c>AddTool</c> compiles and gives the model the tool's value: a task is awaited
/// whichever overload the lambda or method group binds to, never serialised.
/// </summary>
public class AddToolFormsTests
{
    [Theory]
    [InlineData("sync", "Sunny in Oslo.")]
    [InlineData("sync_with_token", "Sunny in Oslo.")]
    [InlineData("async_lambda", "Rain in Oslo.")]
    [InlineData("async_lambda_with_token", "Rain in Oslo.")]
    [InlineData("task_returned_directly", "Rain in Oslo.")]
    [InlineData("task_returned_directly_with_token", "Rain in Oslo.")]
    [InlineData("task_from_result", "Fog in Oslo.")]
    [InlineData("value_task", "Snow in Oslo.")]
    [InlineData("method_group", "Rain in Oslo.")]
    [InlineData("method_group_with_token", "Rain in Oslo.")]
    [InlineData("plain_task", "")]
    [InlineData("async_method_without_result", "")]
    public async Task Each_form_answers_with_the_tools_value(string tool, string expected)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddTool<WeatherArgs>("sync", (args, call) => $"Sunny in {args.City}.")
            .AddTool<WeatherArgs>("sync_with_token", (args, call, ct) => $"Sunny in {args.City}.")
            .AddTool<WeatherArgs>("async_lambda", async (args, call) => await Weather.GetAsync(args.City))
            .AddTool<WeatherArgs>("async_lambda_with_token", async (args, call, ct) => await Weather.GetAsync(args.City, ct))
            .AddTool<WeatherArgs>("task_returned_directly", (args, call) => Weather.GetAsync(args.City))
            .AddTool<WeatherArgs>("task_returned_directly_with_token", (args, call, ct) => Weather.GetAsync(args.City, ct))
            .AddTool<WeatherArgs>("task_from_result", (args, call) => Task.FromResult($"Fog in {args.City}."))
            .AddTool<WeatherArgs>("value_task", (args, call) => new ValueTask<string>($"Snow in {args.City}."))
            .AddTool<WeatherArgs>("method_group", Weather.Tool)
            .AddTool<WeatherArgs>("method_group_with_token", Weather.ToolWithToken)
            .AddTool<WeatherArgs>("plain_task", (args, call) => Task.CompletedTask)
            .AddTool<WeatherArgs>("async_method_without_result", Weather.LogOnlyAsync));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall(tool, """{"city":"Oslo"}""", Id: "call_1")));

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Error.Should().BeNull();
        result.Result.Should().Be(expected);
    }

    private static class Weather
    {
        public static async Task<string> GetAsync(string city, CancellationToken cancellationToken = default)
        {
            // Yield so that the task is not already complete: the case that used to be serialised.
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return $"Rain in {city}.";
        }

        public static Task<string> Tool(WeatherArgs args, ToolCallContext call) => GetAsync(args.City);

        public static Task<string> ToolWithToken(WeatherArgs args, ToolCallContext call, CancellationToken ct) => GetAsync(args.City, ct);

        public static async Task LogOnlyAsync(WeatherArgs args, ToolCallContext call) => await Task.Yield();
    }
}
