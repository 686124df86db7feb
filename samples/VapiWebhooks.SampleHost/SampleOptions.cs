namespace VapiWebhooks.SampleHost;

/// <summary>The sample's settings, bound from the <c>Sample</c> configuration section.</summary>
public sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>
    /// The URL Vapi reaches this server at (your ngrok URL, for example <c>https://abcd.ngrok.app</c>). The assistant's
    /// tools, voice, knowledge base and endpointing point there. When empty, the scheme and host of the incoming
    /// <c>assistant-request</c> are used (correct behind ngrok thanks to the forwarded headers).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The path the webhook is mapped at.</summary>
    public string WebhookPath { get; set; } = "/vapi/webhook";

    /// <summary>Where the database and the development token are kept; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite database file; relative paths are under <see cref="DataDirectory"/>.</summary>
    public string DatabasePath { get; set; } = "clinic.db";

    /// <summary>
    /// The SQLite file of the durable inbox (end-of-call-reports and status updates are stored there before they are
    /// answered, then handled); relative paths are under <see cref="DataDirectory"/>.
    /// </summary>
    public string InboxPath { get; set; } = "inbox.db";

    /// <summary>The folder of Markdown FAQ files the knowledge base answers from; relative paths are under the app's base directory.</summary>
    public string FaqDirectory { get; set; } = "faq";

    /// <summary>
    /// The id of the Vapi credential (dashboard, Credentials) that matches this server's Bearer token or HMAC
    /// secret. Put on every server URL of the assistant so that Vapi authenticates its requests.
    /// </summary>
    public string? VapiCredentialId { get; set; }

    /// <summary>Caller numbers (E.164) that are refused; merged into the customers table at start-up.</summary>
    public IList<string> BlockedNumbers { get; set; } = [];

    public ClinicOptions Clinic { get; set; } = new();

    public AssistantOptions Assistant { get; set; } = new();

    public VoiceOptions Voice { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    /// <summary>The directory of the database, made absolute against <paramref name="contentRoot"/>.</summary>
    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);

    /// <summary>The database file, made absolute.</summary>
    public string ResolveDatabasePath(string contentRoot) => Path.GetFullPath(DatabasePath, ResolveDataDirectory(contentRoot));

    /// <summary>The inbox file, made absolute.</summary>
    public string ResolveInboxPath(string contentRoot) => Path.GetFullPath(InboxPath, ResolveDataDirectory(contentRoot));

    /// <summary>The inbox's connection string, from the options and the content root.</summary>
    public static string InboxConnectionString(IServiceProvider services)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SampleOptions>>().Value;
        return $"Data Source={options.ResolveInboxPath(services.GetRequiredService<IHostEnvironment>().ContentRootPath)}";
    }
}

public sealed class ClinicOptions
{
    public string Name { get; set; } = "Brightsmile Dental";

    /// <summary>IANA (or Windows) time zone id of the clinic; opening hours and appointment times are in it.</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>The front desk, in E.164 form: where calls are transferred during opening hours.</summary>
    public string FrontDeskNumber { get; set; } = "+14155550199";

    /// <summary>How long an appointment slot lasts, in minutes.</summary>
    public int SlotMinutes { get; set; } = 30;

    /// <summary>How far ahead appointments can be booked, in days.</summary>
    public int BookingHorizonDays { get; set; } = 90;

    /// <summary>Opening hours per day of the week, as <c>HH:mm-HH:mm</c>; a missing or empty day is closed.</summary>
    public Dictionary<DayOfWeek, string> OpeningHours { get; set; } = new()
    {
        [DayOfWeek.Monday] = "08:00-18:00",
        [DayOfWeek.Tuesday] = "08:00-18:00",
        [DayOfWeek.Wednesday] = "08:00-18:00",
        [DayOfWeek.Thursday] = "08:00-18:00",
        [DayOfWeek.Friday] = "08:00-17:00",
        [DayOfWeek.Saturday] = "09:00-13:00",
    };
}

public sealed class AssistantOptions
{
    /// <summary>The OpenAI model the receptionist runs on.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>The Deepgram model that transcribes the caller.</summary>
    public string TranscriberModel { get; set; } = "nova-2";

    public string Language { get; set; } = "en";

    /// <summary>The Vapi voice used when the espeak-ng custom voice is off or not installed.</summary>
    public string FallbackVoiceId { get; set; } = "Elliot";
}

public sealed class VoiceOptions
{
    /// <summary>Use the espeak-ng custom voice (<c>voice-request</c>) when espeak-ng is installed.</summary>
    public bool UseEspeak { get; set; } = true;

    /// <summary>The espeak-ng executable: a name looked up on PATH, or a full path.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The espeak-ng voice.</summary>
    public string EspeakVoice { get; set; } = "en-us";

    /// <summary>Speaking rate in words per minute (espeak-ng's <c>-s</c>).</summary>
    public int WordsPerMinute { get; set; } = 165;
}

public sealed class SmsOptions
{
    /// <summary>How long the fake SMS provider takes to send a text, in seconds (on the app's clock).</summary>
    public double DelaySeconds { get; set; } = 3;
}
