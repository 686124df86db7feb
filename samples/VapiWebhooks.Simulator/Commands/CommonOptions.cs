using System.CommandLine;
using System.Globalization;
using VapiWebhooks.Security;
using VapiWebhooks.Simulator.Http;

namespace VapiWebhooks.Simulator.Commands;

/// <summary>The options shared by <c>call</c>, <c>send</c> and <c>scenario</c>: the URL, Vapi's credential, the report, and
/// the deadline scale. One instance per command.</summary>
internal sealed class CommonOptions
{
    private static readonly int[] SampleRates = [8000, 16000, 22050, 24000, 44100];

    public Option<string> Url { get; } = new("--url") { Description = "The server URL Vapi would post to, e.g. http://localhost:5000/vapi/webhook.", HelpName = "URL" };

    public Option<string> Bearer { get; } = new("--bearer") { Description = "Send a bearer credential: Authorization: Bearer TOKEN.", HelpName = "TOKEN" };

    public Option<string> BearerHeader { get; } = new("--header") { Description = "The header of the bearer credential (default Authorization).", HelpName = "NAME" };

    public Option<bool> NoPrefix { get; } = new("--no-prefix") { Description = "Send the bearer token without the 'Bearer ' prefix." };

    public Option<string> VapiSecret { get; } = new("--vapi-secret") { Description = "Send the legacy X-Vapi-Secret header (server.secret).", HelpName = "SECRET" };

    public Option<string> HmacSecret { get; } = new("--hmac-secret") { Description = "Sign every request with an HMAC credential.", HelpName = "SECRET" };

    public Option<string> HmacAlgorithm { get; } = CreateChoice("--hmac-algorithm", "The HMAC algorithm (default sha256).", "sha256", "sha512", "sha1");

    public Option<string> SignatureHeader { get; } = new("--signature-header") { Description = "The signature header (default x-signature).", HelpName = "H" };

    public Option<string> TimestampHeader { get; } = new("--timestamp-header") { Description = "The timestamp header (default x-timestamp).", HelpName = "H" };

    public Option<bool> NoTimestamp { get; } = new("--no-timestamp") { Description = "Send no timestamp (includeTimestamp false); use with a --payload-format without {timestamp}." };

    public Option<string> PayloadFormat { get; } = new("--payload-format") { Description = "What is signed (default {timestamp}.{body}); placeholders {body} {timestamp} {method} {url} {svix-id}.", HelpName = "F" };

    public Option<string> SignaturePrefix { get; } = new("--signature-prefix") { Description = "Text before the signature, e.g. sha256=.", HelpName = "P" };

    public Option<string> SignatureEncoding { get; } = CreateChoice("--signature-encoding", "How the signature is encoded (default hex).", "hex", "base64");

    public Option<bool> SecretBase64 { get; } = new("--secret-base64") { Description = "The HMAC secret is base64: sign with its decoded bytes." };

    public Option<bool> TimestampMilliseconds { get; } = new("--timestamp-ms") { Description = "Write the timestamp in milliseconds (default seconds)." };

    public Option<string> MessageIdHeader { get; } = new("--message-id-header") { Description = "Send a unique message id in this header (what {svix-id} signs).", HelpName = "H" };

    public Option<bool> Json { get; } = new("--json") { Description = "Write the JSON report to stdout instead of the timeline (or to --json-out)." };

    public Option<string> JsonOut { get; } = new("--json-out") { Description = "Write the JSON report to FILE (the timeline still goes to stdout).", HelpName = "FILE" };

    public Option<double> DeadlineScale { get; } = new("--deadline-scale")
    {
        Description = "Multiply every deadline (e.g. 0.01 in tests, so a slow server is caught in 75 ms instead of 7.5 s).",
        DefaultValueFactory = _ => 1.0,
        Hidden = true,
    };

    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed for generated tool arguments (default 7).", HelpName = "N" };

    public Option<int> SampleRate { get; } = new("--sample-rate") { Description = "The sampleRate of voice requests (8000, 16000, 22050, 24000 or 44100; default 24000).", DefaultValueFactory = _ => 24000, HelpName = "HZ" };

    public Option<string> Date { get; } = new("--date") { Description = "The day the call happens, yyyy-MM-dd: generated dates are working days soon after it (default: today).", HelpName = "DATE" };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Count a tool result that is an error as a violation (by default it is a warning)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            Url, Bearer, BearerHeader, NoPrefix, VapiSecret, HmacSecret, HmacAlgorithm, SignatureHeader, TimestampHeader, NoTimestamp, PayloadFormat,
            SignaturePrefix, SignatureEncoding, SecretBase64, TimestampMilliseconds, MessageIdHeader, Json, JsonOut, DeadlineScale, Seed, SampleRate, Date, Strict,
        })
        {
            command.Add(option);
        }
    }

    /// <summary>Reads and checks the options; a problem is a <see cref="UsageException"/>.</summary>
    public RunSettings Read(ParseResult result, string? fallbackUrl = null)
    {
        var urlText = result.GetValue(Url) ?? fallbackUrl;
        Uri? url = null;
        if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new UsageException($"--url '{urlText}' is not an http or https URL");
        }

        var scale = result.GetValue(DeadlineScale);
        if (scale is <= 0 or > 100 || double.IsNaN(scale))
        {
            throw new UsageException("--deadline-scale must be more than 0 and at most 100");
        }

        var sampleRate = result.GetValue(SampleRate);
        if (!SampleRates.Contains(sampleRate))
        {
            throw new UsageException($"--sample-rate {sampleRate} is not one Vapi uses: {string.Join(", ", SampleRates)}");
        }

        var today = DateOnly.FromDateTime(DateTime.Now);
        if (result.GetValue(Date) is { } dateText
            && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            throw new UsageException($"--date '{dateText}' is not a date: use yyyy-MM-dd");
        }

        return new RunSettings(
            url, Authentication(result), result.GetValue(Json), result.GetValue(JsonOut), scale, result.GetValue(Seed), sampleRate, today, result.GetValue(Strict));
    }

    private RequestAuthentication Authentication(ParseResult result)
    {
        var bearer = result.GetValue(Bearer);
        var legacy = result.GetValue(VapiSecret);
        var hmac = result.GetValue(HmacSecret);
        var given = new[] { bearer, legacy, hmac }.Count(v => v is not null);
        if (given > 1)
        {
            throw new UsageException("give one credential: --bearer, --vapi-secret or --hmac-secret");
        }

        if (bearer is null && (Given(result, BearerHeader) || result.GetValue(NoPrefix)))
        {
            throw new UsageException("--header and --no-prefix apply to --bearer");
        }

        Option[] hmacOnly = [HmacAlgorithm, SignatureHeader, TimestampHeader, NoTimestamp, PayloadFormat, SignaturePrefix, SignatureEncoding, SecretBase64, TimestampMilliseconds, MessageIdHeader];
        if (hmac is null && hmacOnly.FirstOrDefault(o => Given(result, o)) is { } stray)
        {
            throw new UsageException($"{stray.Name} applies to --hmac-secret");
        }

        try
        {
            if (bearer is not null)
            {
                return RequestAuthentication.Bearer(new VapiBearerOptions
                {
                    HeaderName = result.GetValue(BearerHeader) ?? VapiBearerOptions.DefaultHeaderName,
                    UsePrefix = !result.GetValue(NoPrefix),
                    Tokens = [bearer],
                });
            }

            if (legacy is not null)
            {
                return RequestAuthentication.Bearer(VapiBearerOptions.ForLegacyVapiSecret(legacy));
            }

            if (hmac is not null)
            {
                return RequestAuthentication.Hmac(HmacOptions(result, hmac), result.GetValue(TimestampMilliseconds) ? VapiTimestampUnit.Milliseconds : VapiTimestampUnit.Seconds);
            }
        }
        catch (ArgumentException exception)
        {
            throw new UsageException(exception.Message.ReplaceLineEndings(" "), exception);
        }

        return RequestAuthentication.None;
    }

    private VapiHmacOptions HmacOptions(ParseResult result, string secret)
    {
        var includeTimestamp = !result.GetValue(NoTimestamp);
        return new VapiHmacOptions
        {
            Secrets = [secret],
            Algorithm = (result.GetValue(HmacAlgorithm) ?? "sha256") switch
            {
                "sha512" => VapiHmacAlgorithm.Sha512,
                "sha1" => VapiHmacAlgorithm.Sha1,
                _ => VapiHmacAlgorithm.Sha256,
            },
            SignatureHeader = result.GetValue(SignatureHeader) ?? VapiHmacOptions.DefaultSignatureHeader,
            TimestampHeader = result.GetValue(TimestampHeader) ?? VapiHmacOptions.DefaultTimestampHeader,
            IncludeTimestamp = includeTimestamp,
            PayloadFormat = result.GetValue(PayloadFormat) ?? (includeTimestamp ? VapiHmacOptions.DefaultPayloadFormat : "{body}"),
            SignaturePrefix = result.GetValue(SignaturePrefix),
            SignatureEncoding = result.GetValue(SignatureEncoding) == "base64" ? VapiSignatureEncoding.Base64 : VapiSignatureEncoding.Hex,
            SecretIsBase64 = result.GetValue(SecretBase64),
            MessageIdHeader = result.GetValue(MessageIdHeader),
        };
    }

    private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static Option<string> CreateChoice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
