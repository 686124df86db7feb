using System.Globalization;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>The callers the clinic knows: names remembered from bookings, and blocked numbers.</summary>
public sealed class CustomerStore(ClinicDatabase database, DatabaseWriter writer, TimeProvider time)
{
    public async Task<CustomerRecord?> FindAsync(string phone, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT phone, name, blocked FROM customers WHERE phone = $phone;";
        command.With("$phone", phone);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CustomerRecord(reader.GetString(0), reader.GetNullableString(1), reader.GetInt64(2) != 0)
            : null;
    }

    /// <summary>Records a caller's name (keeps an existing block).</summary>
    public Task RememberAsync(string phone, string? name, CancellationToken cancellationToken)
    {
        var at = Now();
        return writer.WriteAsync(
            transaction =>
            {
                using var command = transaction.Command("""
                    INSERT INTO customers (phone, name, blocked, created_at) VALUES ($phone, $name, 0, $at)
                    ON CONFLICT (phone) DO UPDATE SET name = COALESCE(excluded.name, customers.name);
                    """);
                return command.With("$phone", phone).With("$name", name).With("$at", at).ExecuteNonQuery();
            },
            cancellationToken);
    }

    /// <summary>Blocks (or unblocks) a number.</summary>
    public Task SetBlockedAsync(string phone, bool blocked, CancellationToken cancellationToken)
    {
        var at = Now();
        return writer.WriteAsync(
            transaction =>
            {
                using var command = transaction.Command("""
                    INSERT INTO customers (phone, name, blocked, created_at) VALUES ($phone, NULL, $blocked, $at)
                    ON CONFLICT (phone) DO UPDATE SET blocked = excluded.blocked;
                    """);
                return command.With("$phone", phone).With("$blocked", blocked ? 1 : 0).With("$at", at).ExecuteNonQuery();
            },
            cancellationToken);
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
