using Microsoft.Extensions.Options;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>Creates the schema and applies <c>Sample:BlockedNumbers</c> before the server starts listening.</summary>
public sealed class DatabaseInitializer(ClinicDatabase database, CustomerStore customers, IOptions<SampleOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitialiseAsync(cancellationToken);
        foreach (var number in options.Value.BlockedNumbers.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            await customers.SetBlockedAsync(number.Trim(), blocked: true, cancellationToken);
        }

        logger.LogInformation("Database ready at {DatabasePath}.", database.FilePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
