using System.Globalization;
using VapiWebhooks.LoadTests;

// dotnet run -c Release --project tests/VapiWebhooks.LoadTests -- voice --concurrency 500 --seconds 2
if (args.Length == 0 || args[0] != "voice")
{
    Console.Error.WriteLine("usage: voice [--concurrency N (1-2000, default 500)] [--seconds S (0.1-30, default 2)] [--chunk-ms MS (5-100, default 20)] [--rate HZ (default 24000)] [--ramp-ms MS (0-10000: spread the starts, default 0 = all at once)]");
    return 2;
}

var settings = new VoiceLoadSettings();
for (var i = 1; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--concurrency":
            settings.Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--seconds":
            settings.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--chunk-ms":
            settings.ChunkMilliseconds = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--ramp-ms":
            settings.RampMilliseconds = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--rate":
            settings.SampleRate = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (settings.Validate() is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

var report = await VoiceLoadTest.RunAsync(settings);
Console.WriteLine(report.Format());
return report.Failures == 0 ? 0 : 1;
