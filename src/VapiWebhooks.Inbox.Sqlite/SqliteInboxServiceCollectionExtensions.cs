using VapiWebhooks;
using VapiWebhooks.Inbox;
using VapiWebhooks.Inbox.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the durable inbox with a SQLite store.</summary>
public static class SqliteInboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores every notification in a SQLite file before acknowledging it, and handles it in background workers
    /// (see <see cref="VapiInboxServiceCollectionExtensions.AddInbox"/>). One process per file; for several
    /// instances use <c>AddPostgreSqlInbox</c>.
    /// </summary>
    /// <param name="builder">The VapiWebhooks builder.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, e.g. <c>Data Source=data/inbox.db</c>.</param>
    /// <param name="configure">Configures the inbox options in code (after <c>Vapi:Webhooks:Inbox</c>).</param>
    /// <returns>The builder.</returns>
    public static VapiWebhooksBuilder AddSqliteInbox(this VapiWebhooksBuilder builder, string connectionString, Action<VapiInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Checked now, so a wrong connection string fails at registration rather than at the first message.
        _ = new SqliteInboxStore(connectionString);
        return builder.AddInbox(_ => new SqliteInboxStore(connectionString), configure);
    }

    /// <summary>
    /// <see cref="AddSqliteInbox(VapiWebhooksBuilder, string, Action{VapiInboxOptions})"/> with a connection string
    /// computed when the store is first needed, for a path that comes from options or the host environment.
    /// </summary>
    /// <param name="builder">The VapiWebhooks builder.</param>
    /// <param name="connectionString">Returns a Microsoft.Data.Sqlite connection string naming a file.</param>
    /// <param name="configure">Configures the inbox options in code (after <c>Vapi:Webhooks:Inbox</c>).</param>
    /// <returns>The builder.</returns>
    public static VapiWebhooksBuilder AddSqliteInbox(this VapiWebhooksBuilder builder, Func<IServiceProvider, string> connectionString, Action<VapiInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.AddInbox(sp => new SqliteInboxStore(connectionString(sp)), configure);
    }
}
