using VapiWebhooks;
using VapiWebhooks.Inbox;
using VapiWebhooks.Inbox.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the durable inbox with a PostgreSQL store.</summary>
public static class PostgreSqlInboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores every notification in PostgreSQL before acknowledging it, and handles it in background workers on every
    /// instance that shares the database (see <see cref="VapiInboxServiceCollectionExtensions.AddInbox"/>). The table
    /// <c>vapi_inbox</c> is created on first use.
    /// </summary>
    /// <param name="builder">The VapiWebhooks builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Configures the inbox options in code (after <c>Vapi:Webhooks:Inbox</c>).</param>
    /// <returns>The builder.</returns>
    public static VapiWebhooksBuilder AddPostgreSqlInbox(this VapiWebhooksBuilder builder, string connectionString, Action<VapiInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddInbox(_ => new PostgreSqlInboxStore(connectionString), configure);
    }
}
