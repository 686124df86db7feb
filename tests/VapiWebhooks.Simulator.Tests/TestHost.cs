using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;

namespace VapiWebhooks.Simulator.Tests;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (random port, <see cref="VapiTestHost"/>) built with the library: its assistant-request
/// handler returns an inline assistant with two function tools pointing at this host and a custom voice served here; the
/// tools answer; the voice streams even-length PCM. A <see cref="HostBreakage"/> breaks one part of the contract in front
/// of the library. It accepts <see cref="VapiTestHost.Token"/> unless the test gives its own credential.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string Path = "/vapi/webhook";

    private readonly VapiTestHost _host;

    private TestHost(VapiTestHost host, string url)
    {
        _host = host;
        Url = url;
    }

    public string Url { get; }

    public static async Task<TestHost> StartAsync(HostBreakage breakage = HostBreakage.None, Action<VapiAuthenticationOptions>? credential = null)
    {
        var self = new SelfUrl();
        var host = await VapiTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddHandler<InlineAssistantChooser>();
                _ = breakage == HostBreakage.OddLengthPcmThroughLibrary ? webhooks.AddHandler<HalfSampleVoice>() : webhooks.AddHandler<ToneVoice>();
                webhooks
                    .AddTool<AvailabilityArgs>("check_availability", (args, _, _) => Task.FromResult<object?>($"Open slots on {args.Date}: 14:30, 16:00"))
                    .AddTool<BookingArgs>("book_appointment", (args, _, _) => Task.FromResult<object?>($"Booked {args.Name} on {args.Date} at {args.Time} for a {args.Service}."));
                if (credential is not null)
                {
                    webhooks.AddCredential(string.Empty, credential);
                }
            },
            host: builder => builder.Services.AddSingleton(self),
            map: app =>
            {
                app.Use(Break(breakage));
                app.MapVapiWebhooks(Path);
            },
            kestrel: true,
            defaultCredential: credential is null);
        self.Url = new Uri(host.BaseAddress, Path).ToString();
        return new TestHost(host, self.Url);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static Func<HttpContext, RequestDelegate, Task> Break(HostBreakage breakage) => async (context, next) =>
    {
        if (breakage == HostBreakage.None)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        context.Request.Body.Position = 0;
        var message = document.RootElement.GetProperty("message");
        var type = message.GetProperty("type").GetString();
        switch (breakage)
        {
            case HostBreakage.WrongToolCallId when type == ServerMessageTypes.ToolCalls:
                var name = message.GetProperty("toolCallList")[0].GetProperty("function").GetProperty("name").GetString();
                await context.Response.WriteAsJsonAsync(new { results = new[] { new { toolCallId = "call_not_the_one_sent", name, result = "done" } } });
                return;
            case HostBreakage.SlowAssistantRequest when type == ServerMessageTypes.AssistantRequest:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            case HostBreakage.OddLengthPcm when type == ServerMessageTypes.VoiceRequest:
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0 });
                return;
            case HostBreakage.ToolCallsFail500 when type == ServerMessageTypes.ToolCalls:
                context.Response.StatusCode = 500;
                return;
        }

        await next(context);
    };

    public sealed record AvailabilityArgs(string Date, string? PartOfDay);

    public sealed record BookingArgs(string Name, string Date, string Time, string Service, int PartySize);

    private sealed class SelfUrl
    {
        public string Url { get; set; } = string.Empty;
    }

    private sealed class InlineAssistantChooser(SelfUrl self) : IAssistantRequestHandler
    {
        public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        {
            // The tools as Vapi defines them, read into the typed model (which keeps what it does not type).
            var tools = JsonSerializer.Deserialize($$"""
                [
                  {
                    "type": "function",
                    "function": {
                      "name": "check_availability",
                      "description": "Finds open appointment slots on a day.",
                      "parameters": {
                        "type": "object",
                        "properties": {
                          "date": { "type": "string", "format": "date" },
                          "partOfDay": { "type": "string", "enum": ["morning", "afternoon"] }
                        },
                        "required": ["date"]
                      }
                    },
                    "server": { "url": "{{self.Url}}", "timeoutSeconds": 10 }
                  },
                  {
                    "type": "function",
                    "function": {
                      "name": "book_appointment",
                      "description": "Books an appointment.",
                      "parameters": {
                        "type": "object",
                        "properties": {
                          "name": { "type": "string" },
                          "date": { "type": "string", "format": "date" },
                          "time": { "type": "string" },
                          "service": { "type": "string", "enum": ["cleaning", "checkup", "whitening"] },
                          "partySize": { "type": "integer", "minimum": 1, "maximum": 4 }
                        },
                        "required": ["name", "date", "time", "service"]
                      }
                    }
                  }
                ]
                """, VapiWebhooks.Serialization.VapiJsonContext.Default.IListTool)!;
            var assistant = new Assistant
            {
                Name = "Riley",
                FirstMessage = "Thanks for calling Harbor Dental, this is Riley. How can I help?",
                Model = new OpenAIModel
                {
                    Model = "gpt-4o",
                    Messages = [new OpenAIMessage { Role = ConversationRole.System, Content = "You are Riley, the scheduling assistant for Harbor Dental." }],
                    Tools = tools,
                },
                Voice = new CustomVoice { Server = new ServerConfig { Url = self.Url } },
            };
            return Task.FromResult(AssistantRequestResponse.ForAssistant(assistant));
        }
    }

    private sealed class HalfSampleVoice : IVoiceRequestHandler
    {
        public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken) =>
            await audio.WriteAsync(new byte[] { 1, 2, 3 }, cancellationToken);
    }

    private sealed class ToneVoice : IVoiceRequestHandler
    {
        public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
        {
            // 50 ms of a quiet square wave per chunk, two chunks: whole 16-bit samples, streamed.
            var samples = audio.SampleRate / 20;
            var chunk = new byte[samples * 2];
            for (var i = 0; i < samples; i++)
            {
                var value = (short)((i / 20 % 2 == 0) ? 800 : -800);
                chunk[2 * i] = (byte)value;
                chunk[(2 * i) + 1] = (byte)(value >> 8);
            }

            await audio.WriteAsync(chunk, cancellationToken);
            await audio.WriteAsync(chunk, cancellationToken);
        }
    }
}
