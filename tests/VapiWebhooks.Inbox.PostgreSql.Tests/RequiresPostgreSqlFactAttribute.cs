namespace VapiWebhooks.Inbox.PostgreSql.Tests;

/// <summary>
/// A test that needs a local PostgreSQL installation: outside CI it is skipped, with the reason and the install line,
/// when PostgreSQL is missing; with <c>CI=true</c> it runs and fails with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPostgreSqlFactAttribute : FactAttribute
{
    public RequiresPostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.MissingReason is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
