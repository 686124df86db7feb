using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using VapiWebhooks.SampleHost.Voice;
using VapiWebhooks.Security;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>Prints where the host listens and, with the development credential, the token and a curl line to try.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var options = services.GetRequiredService<IOptions<SampleOptions>>().Value;
        var espeak = services.GetRequiredService<EspeakVoice>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("VapiWebhooks.SampleHost");
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var baseUrl = (addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5088")
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
        var webhook = baseUrl + options.WebhookPath;

        // Resolving the options runs the development credential's post-configuration (and validation).
        _ = services.GetRequiredService<IOptionsMonitor<VapiAuthenticationOptions>>().Get(Options.DefaultName);
        var development = services.GetRequiredService<DevelopmentCredential>();

        var schedule = services.GetRequiredService<ClinicSchedule>();
        var day = Enumerable.Range(1, 7).Select(schedule.Today.AddDays).First(d => schedule.HoursOn(d) is not null);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = """{"message":{"type":"tool-calls","call":{"id":"curl-test"},"customer":{"number":"+14155550123"},"toolCallList":[{"id":"call_curl_1","type":"function","function":{"name":"find_free_slots","arguments":{"date":"DATE"}}}]}}"""
            .Replace("DATE", date, StringComparison.Ordinal);

        var lines = new List<string>
        {
            string.Empty,
            "==================================================================================",
            $" {options.Clinic.Name} receptionist - VapiWebhooks sample host",
            $" Webhook URL : {webhook}   (custom voice: {baseUrl}/vapi/voice)",
            $" Public URL  : {(string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? "(from each request's host; set Sample:PublicBaseUrl to your ngrok URL)" : options.PublicBaseUrl)}",
            $" Voice       : {(espeak.IsAvailable ? "espeak-ng at " + espeak.ExecutablePath : "espeak-ng NOT installed (sudo apt-get install -y espeak-ng); using the fallback voice")}",
        };

        if (development.Token is { } token)
        {
            lines.Add($" Credential  : development bearer token, kept in {development.TokenFile}");
            lines.Add($" Token       : {token}");
            lines.Add(" Try it:");
            lines.Add($"   curl -i -X POST {webhook} -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' -d '{body}'");
            lines.Add(" Without the header the same request gets 401. In Vapi, create a Bearer credential with this token.");
        }
        else
        {
            lines.Add(" Credential  : from configuration (Vapi:Webhooks:Authentication)");
        }

        lines.Add("==================================================================================");
        lines.Add(string.Empty);
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();

        if (!espeak.IsAvailable)
        {
            logger.LogWarning("{InstallHint}", EspeakVoice.InstallHint);
        }
    }
}
