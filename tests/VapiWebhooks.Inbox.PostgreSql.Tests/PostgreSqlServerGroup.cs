namespace VapiWebhooks.Inbox.PostgreSql.Tests;

/// <summary>One PostgreSQL server for all the tests of this project.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlServerGroup : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "postgresql";
}
