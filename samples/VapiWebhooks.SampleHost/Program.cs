using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using VapiWebhooks.SampleHost;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Handlers;
using VapiWebhooks.SampleHost.Hosting;
using VapiWebhooks.SampleHost.KnowledgeBase;
using VapiWebhooks.SampleHost.Tools;
using VapiWebhooks.SampleHost.Voice;
using VapiWebhooks.Security;

var builder = WebApplication.CreateBuilder(args);

// A fixed port unless one is configured (ASPNETCORE_URLS, --urls, "Urls" or Kestrel endpoints in appsettings).
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
{
    builder.WebHost.UseUrls("http://localhost:5088");
}

// Serilog, configured from the "Serilog" section of appsettings.json.
builder.Logging.ClearProviders();
builder.Logging.AddSerilog(new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger(), dispose: true);

// ngrok (and most reverse proxies) terminate TLS and forward X-Forwarded-For/Proto/Host. Only proxies on
// loopback are trusted: that is the default KnownProxies/KnownNetworks (127.0.0.0/8 and ::1), and exactly where
// a local ngrok agent connects from. Behind a proxy on another machine, add its address to KnownProxies, never
// clear the lists: anyone could then forge the client address and the public host the assistant points at.
builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
{
    forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    forwarded.ForwardLimit = 1;
});

builder.Services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.SectionName);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<ClinicDatabase>();
builder.Services.AddSingleton<AppointmentStore>();
builder.Services.AddSingleton<CustomerStore>();
builder.Services.AddSingleton<CallRecordStore>();
builder.Services.AddSingleton<ClinicSchedule>();
builder.Services.AddSingleton<BookingRules>();
builder.Services.AddSingleton<FaqLibrary>();
builder.Services.AddSingleton<EspeakVoice>();
builder.Services.AddSingleton<DevelopmentCredential>();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<VapiAuthenticationOptions>>(sp => sp.GetRequiredService<DevelopmentCredential>());
builder.Services.AddHostedService<DatabaseInitializer>();

// Tool arguments bind with source-generated metadata (no reflection); results are written without HTML escaping,
// since the model, not a browser, reads them.
var toolJson = new System.Text.Json.JsonSerializerOptions(ClinicToolsJsonContext.Default.Options)
{
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};
builder.Services.AddVapiWebhooks()
    .AddHandler<ReceptionistAssistantHandler>()
    .AddHandler<FaqKnowledgeBaseHandler>()
    .AddHandler<EndpointingHandler>()
    .AddHandler<TransferHandler>()
    .AddHandler<CallRecordHandler>()
    .AddHandler<EspeakVoiceHandler>()
    .AddTool<FindFreeSlotsTool, FindFreeSlotsArgs>(ToolDefinitions.FindFreeSlots, toolJson)
    .AddTool<BookAppointmentTool, BookAppointmentArgs>(ToolDefinitions.BookAppointment, toolJson)
    .AddTool<CancelAppointmentTool, CancelAppointmentArgs>(ToolDefinitions.CancelAppointment, toolJson)
    .AddTool<LookUpAppointmentTool, LookUpAppointmentArgs>(ToolDefinitions.LookUpAppointment, toolJson);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseMiddleware<WebhookRequestLogMiddleware>();
if (!app.Services.GetRequiredService<EspeakVoice>().IsAvailable)
{
    app.UseWhen(
        context => context.Request.Path.Equals(ReceptionistAssistantHandler.VoicePath, StringComparison.OrdinalIgnoreCase),
        branch => branch.UseMiddleware<EspeakMissingMiddleware>());
}

var webhookPath = app.Configuration[$"{SampleOptions.SectionName}:{nameof(SampleOptions.WebhookPath)}"] ?? new SampleOptions().WebhookPath;
app.MapVapiWebhooks(webhookPath);
app.MapVapiWebhooks(ReceptionistAssistantHandler.VoicePath);
app.MapGet("/", () => Results.Text($"VapiWebhooks sample host: POST Vapi server messages to {webhookPath}.\n"));
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
