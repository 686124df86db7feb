using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.CallControl;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Simulator.Tests;

/// <summary>How <see cref="ControlHost"/> acts on the call.</summary>
public enum ControlHostMode
{
    /// <summary>Call control on: the async tool is answered at once and its result posted; "human" transfers the call.</summary>
    CallControl,

    /// <summary>No call control: the async tool runs inside the request (1.3 s) and its result is in the reply only.</summary>
    NoCallControl,

    /// <summary>Call control on, but "human" makes the host post a command Vapi's schema refuses.</summary>
    BadCommand,
}

/// <summary>
/// A real Kestrel host on 127.0.0.1 (<see cref="VapiTestHost"/>, accepting <see cref="VapiTestHost.Token"/>) that uses
/// <c>VapiWebhooks.CallControl</c>: its assistant has an async <c>send_confirmation</c> tool and a sync
/// <c>check_availability</c>; a caller who asks for a human is transferred. Loopback control URLs are allowed (the
/// simulator serves its control URL on 127.0.0.1).
/// </summary>
public sealed class ControlHost : IAsyncDisposable
{
    public const string Path = "/vapi/webhook";
    public const string FrontDesk = "+14155550100";

    private readonly VapiTestHost _host;

    private ControlHost(VapiTestHost host, string url)
    {
        _host = host;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ControlHost> StartAsync(ControlHostMode mode = ControlHostMode.CallControl)
    {
        var self = new SelfUrl();
        var host = await VapiTestHost.StartAsync(
            webhooks =>
            {
                webhooks
                    .AddHandler<Chooser>()
                    .AddHandler<HumanRequestHandler>()
                    .AddTool<ConfirmationArgs>("send_confirmation", async (args, _, ct) =>
                    {
                        // A provider that takes its time; with call control the reply does not wait for it.
                        await Task.Delay(mode == ControlHostMode.NoCallControl ? TimeSpan.FromMilliseconds(1300) : TimeSpan.FromMilliseconds(300), ct);
                        return $"Texted the confirmation to {args.Phone}.";
                    })
                    .AddTool<AvailabilityArgs>("check_availability", (args, _) => $"Open slots on {args.Date}: 09:00, 11:30");
                if (mode != ControlHostMode.NoCallControl)
                {
                    webhooks.AddCallControl(o => o.AllowLoopback = true);
                }
            },
            host: builder =>
            {
                builder.Services.AddSingleton(self);
                builder.Services.AddSingleton(new HostMode(mode));
                builder.Services.AddHttpClient();
            },
            map: app => app.MapVapiWebhooks(Path),
            kestrel: true);
        self.Url = new Uri(host.BaseAddress, Path).ToString();
        return new ControlHost(host, self.Url);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public sealed record ConfirmationArgs(string Phone);

    public sealed record AvailabilityArgs(string Date);

    private sealed record HostMode(ControlHostMode Mode);

    private sealed class SelfUrl
    {
        public string Url { get; set; } = string.Empty;
    }

    /// <summary>A caller who asks for a human is put through to the front desk (or, in BadCommand mode, sent a broken command).</summary>
    private sealed class HumanRequestHandler(HostMode mode, IServiceProvider services, IHttpClientFactory http) : IServerMessageHandler<TranscriptMessage>
    {
        public async Task HandleAsync(TranscriptMessage message, CancellationToken cancellationToken)
        {
            if (message.Role != ConversationRole.User || message.Transcript?.Contains("human", StringComparison.OrdinalIgnoreCase) != true)
            {
                return;
            }

            if (mode.Mode == ControlHostMode.BadCommand)
            {
                using var content = new StringContent("""{"type":"control","control":"mute-everyone"}""", Encoding.UTF8, "application/json");
                using var response = await http.CreateClient().PostAsync(message.Call!.Monitor!.ControlUrl, content, cancellationToken);
                return;
            }

            var control = services.GetRequiredService<IVapiCallControlFactory>().ForMessage(message);
            if (control is not null)
            {
                await control.TransferAsync(new NumberTransferDestination { Number = FrontDesk }, "Putting you through to the front desk.", cancellationToken);
            }
        }
    }

    private sealed class Chooser(SelfUrl self) : IAssistantRequestHandler
    {
        public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        {
            var tools = JsonSerializer.Deserialize($$"""
                [
                  {
                    "type": "function",
                    "async": true,
                    "function": {
                      "name": "send_confirmation",
                      "description": "Texts the caller a booking confirmation.",
                      "parameters": { "type": "object", "properties": { "phone": { "type": "string" } }, "required": ["phone"] }
                    },
                    "server": { "url": "{{self.Url}}", "timeoutSeconds": 20 }
                  },
                  {
                    "type": "function",
                    "function": {
                      "name": "check_availability",
                      "description": "Finds open slots on a day.",
                      "parameters": { "type": "object", "properties": { "date": { "type": "string", "format": "date" } }, "required": ["date"] }
                    },
                    "server": { "url": "{{self.Url}}", "timeoutSeconds": 10 }
                  }
                ]
                """, VapiJsonContext.Default.IListTool)!;
            var assistant = new Assistant
            {
                Name = "Sam",
                FirstMessage = "Harbor Dental, this is Sam.",
                Model = new OpenAIModel
                {
                    Model = "gpt-4o",
                    Messages = [new OpenAIMessage { Role = ConversationRole.System, Content = "You are Sam." }],
                    Tools = tools,
                },
            };
            return Task.FromResult(AssistantRequestResponse.ForAssistant(assistant));
        }
    }
}
