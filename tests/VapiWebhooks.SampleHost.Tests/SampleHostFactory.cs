using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The sample host in memory, with its SQLite database in a fresh temp folder, a configured bearer token and a
/// manual clock that starts on Monday 2026-03-02 at 10:00 in the clinic's time zone (America/Los_Angeles).
/// </summary>
public sealed class SampleHostFactory : WebApplicationFactory<Program>
{
    public const string Token = "test-token-6f1d2c9a8b7e4f30a1b2c3d4e5f60718";

    /// <summary>Monday 2026-03-02 10:00 in Los Angeles (PST, UTC-8).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    public SampleHostFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "vapi-samplehost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    /// <summary>A client that sends the configured bearer token, as Vapi would.</summary>
    public HttpClient CreateVapiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sample:DataDirectory", DataDirectory);
        builder.UseSetting("Vapi:Webhooks:Authentication:Bearer:Tokens:0", Token);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
