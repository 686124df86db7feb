using VapiWebhooks.Inbox;
using VapiWebhooks.Inbox.ProcessHost;

// Settings (command line or environment): Inbox:Store = none | sqlite | postgresql, Inbox:ConnectionString,
// Journal = a file each handled attempt is appended to ("messageId attempt callId"), HandlerDelayMs.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<HandledJournal>();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = builder.Configuration["Token"] ?? "process-host-token-0123456789abcdef01" });
var vapi = builder.Services.AddVapiWebhooks().AddHandler<JournalHandler>();
var store = builder.Configuration["Inbox:Store"] ?? "none";
var connectionString = builder.Configuration["Inbox:ConnectionString"] ?? string.Empty;
switch (store)
{
    case "sqlite":
        vapi.AddSqliteInbox(connectionString);
        break;
    case "postgresql":
        vapi.AddPostgreSqlInbox(connectionString);
        break;
}

var app = builder.Build();
app.MapVapiWebhooks();
app.MapGet("/handled", (HandledJournal journal) => Results.Text(journal.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
if (store != "none")
{
    app.MapGet("/inbox/status", async (IVapiInbox inbox, CancellationToken ct) =>
    {
        var status = await inbox.GetStatusAsync(ct);
        return Results.Text($"pending={status.Pending} leased={status.Leased} handled={status.Handled} dead={status.DeadLettered} oldest_s={status.OldestPendingAge?.TotalSeconds ?? 0:0.0}");
    });
}

app.Run();
