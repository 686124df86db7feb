using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VapiWebhooks.AspNetCore.Inspector;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (<see cref="VapiTestHost"/>, a free port) in Development with the inspector mapped:
/// a bearer-token endpoint at <c>/vapi/webhook</c> (<see cref="VapiTestHost.Token"/>) and an HMAC one at
/// <c>/vapi/hmac</c> (signature in <c>x-vapi-signature</c>), two tools, an assistant whose tools and custom voice point
/// back here, and a voice that speaks a tone.
/// </summary>
public sealed class InspectorHost : IAsyncDisposable
{
    public const string HmacSecret = "inspector-test-hmac-secret-8e2f1a6c4d0b9735";
    public const string HmacPath = "/vapi/hmac";
    public const string InspectorPath = "/vapi/inspector";

    public static readonly VapiHmacOptions Hmac = new() { Secrets = [HmacSecret], SignatureHeader = "x-vapi-signature" };

    private readonly VapiTestHost _host;

    private InspectorHost(VapiTestHost host)
    {
        _host = host;
        BaseUrl = host.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string InspectorUrl => BaseUrl + InspectorPath;

    public string WebhookUrl => BaseUrl + "/vapi/webhook";

    /// <summary>A client of the host that sends <see cref="VapiTestHost.Token"/>.</summary>
    public HttpClient Client => _host.Client;

    public static async Task<InspectorHost> StartAsync(Action<VapiInspectorOptions>? inspector = null, Action<VapiWebhooksBuilder>? vapi = null)
    {
        var self = new SelfUrl();
        var host = await VapiTestHost.StartAsync(
            webhooks =>
            {
                webhooks
                    .AddCredential("hmac", o => o.Hmac = Hmac)
                    .AddHandler<Receptionist>()
                    .AddHandler<ToneVoice>()
                    .AddTool<AvailabilityArgs>("check_availability", (args, _, _) => Task.FromResult<object?>($"Open slots on {args.Date}: 14:30, 16:00"))
                    .AddTool<BookingArgs>("book_appointment", (args, _, _) => Task.FromResult<object?>($"Booked {args.Name} on {args.Date} at {args.Time} for a {args.Service}."));
                vapi?.Invoke(webhooks);
            },
            host: builder => builder.Services.AddSingleton(self),
            map: app =>
            {
                app.MapVapiWebhooks();
                app.MapVapiWebhooks(HmacPath, "hmac");
                app.MapVapiInspector(InspectorPath, inspector);
            },
            kestrel: true,
            environment: Environments.Development);
        var inspected = new InspectorHost(host);
        self.Url = inspected.WebhookUrl;
        return inspected;
    }

    /// <summary>Posts a message with the bearer token (or the given credential) to <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(ServerMessage message, string path = "/vapi/webhook", VapiTestCredential? credential = null)
        => Client.PostVapiMessageAsync(message, path, credential ?? VapiTestCredential.Bearer(VapiTestHost.Token));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public sealed record AvailabilityArgs(string Date, string? PartOfDay);

    public sealed record BookingArgs(string Name, string Date, string Time, string Service, int PartySize);

    private sealed class SelfUrl
    {
        public string Url { get; set; } = string.Empty;
    }

    private sealed class Receptionist(SelfUrl self) : IAssistantRequestHandler
    {
        public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        {
            var tools = JsonSerializer.Deserialize($$"""
                [
                  {
                    "type": "function",
                    "function": {
                      "name": "check_availability",
                      "description": "Finds open appointment slots on a day.",
                      "parameters": {
                        "type": "object",
                        "properties": { "date": { "type": "string", "format": "date" }, "partOfDay": { "type": "string", "enum": ["morning", "afternoon"] } },
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
                          "name": { "type": "string" }, "date": { "type": "string", "format": "date" }, "time": { "type": "string" },
                          "service": { "type": "string", "enum": ["cleaning", "checkup", "whitening"] }, "partySize": { "type": "integer", "minimum": 1, "maximum": 4 }
                        },
                        "required": ["name", "date", "time", "service"]
                      }
                    },
                    "server": { "url": "{{self.Url}}", "timeoutSeconds": 10 }
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

    /// <summary>Speaks 0.6 s of a 440 Hz tone, in three chunks.</summary>
    private sealed class ToneVoice : IVoiceRequestHandler
    {
        public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
        {
            var samples = audio.SampleRate / 5;
            for (var chunk = 0; chunk < 3; chunk++)
            {
                var pcm = new byte[samples * 2];
                for (var i = 0; i < samples; i++)
                {
                    var t = ((chunk * samples) + i) / (double)audio.SampleRate;
                    var value = (short)(Math.Sin(2 * Math.PI * 440 * t) * 9000 * (0.4 + (0.6 * Math.Abs(Math.Sin(Math.PI * t * 2)))));
                    pcm[2 * i] = (byte)value;
                    pcm[(2 * i) + 1] = (byte)(value >> 8);
                }

                await audio.WriteAsync(pcm, cancellationToken);
            }
        }
    }
}
