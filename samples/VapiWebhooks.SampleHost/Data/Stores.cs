using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>An appointment; <see cref="StartsAt"/> is the clinic's local time.</summary>
public sealed record Appointment(long Id, DateTime StartsAt, string PatientName, string? Phone, string? Reason, string Status)
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}

/// <summary>A caller the clinic knows.</summary>
public sealed record CustomerRecord(string Phone, string? Name, bool Blocked);

/// <summary>What the clinic keeps about a call.</summary>
public sealed record CallRecord(
    string CallId,
    string? CustomerPhone,
    string? LastStatus,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedReason,
    double? Cost,
    string? Summary,
    string? Transcript,
    string? RecordingUrl,
    IReadOnlyList<CallStatusEvent> Timeline);

/// <summary>One status change of a call.</summary>
public sealed record CallStatusEvent(string Status, string? EndedReason, DateTimeOffset At);

/// <summary>The slot is already booked (the unique index refused the insert).</summary>
public sealed class SlotTakenException(string message, Exception inner) : Exception(message, inner);

public sealed class AppointmentStore(ClinicDatabase database, TimeProvider time)
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";
    private const int SqliteConstraint = 19;

    public async Task<Appointment> BookAsync(DateTime startsAt, string patientName, string? phone, string? reason, string? callId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO appointments (starts_at, patient_name, phone, reason, status, call_id, created_at)
            VALUES ($startsAt, $name, $phone, $reason, 'booked', $callId, $createdAt)
            RETURNING id;
            """;
        command.With("$startsAt", Format(startsAt)).With("$name", patientName).With("$phone", phone).With("$reason", reason)
            .With("$callId", callId).With("$createdAt", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        try
        {
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return new Appointment(id, startsAt, patientName, phone, reason, Appointment.Booked);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new SlotTakenException($"The slot {Format(startsAt)} is already booked.", ex);
        }
    }

    public async Task<Appointment?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, starts_at, patient_name, phone, reason, status FROM appointments WHERE id = $id;";
        command.With("$id", id);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Booked appointments starting at or after <paramref name="from"/> for a phone number, soonest first.</summary>
    public async Task<IReadOnlyList<Appointment>> UpcomingForPhoneAsync(string phone, DateTime from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, starts_at, patient_name, phone, reason, status FROM appointments
            WHERE phone = $phone AND status = 'booked' AND starts_at >= $from ORDER BY starts_at LIMIT 5;
            """;
        command.With("$phone", phone).With("$from", Format(from));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The start times (local) already booked on a day.</summary>
    public async Task<IReadOnlySet<DateTime>> BookedStartsOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT starts_at FROM appointments WHERE status = 'booked' AND starts_at >= $from AND starts_at < $to;";
        command.With("$from", Format(day.ToDateTime(TimeOnly.MinValue))).With("$to", Format(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var booked = new HashSet<DateTime>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            booked.Add(Parse(reader.GetString(0)));
        }

        return booked;
    }

    /// <summary>Cancels a booked appointment; false when it was not booked any more.</summary>
    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE appointments SET status = 'cancelled', cancelled_at = $at WHERE id = $id AND status = 'booked';";
        command.With("$id", id).With("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<Appointment>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<Appointment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Appointment(reader.GetInt64(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4), reader.GetString(5)));
        }

        return list;
    }

    private static string Format(DateTime local) => local.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static DateTime Parse(string text) => DateTime.ParseExact(text, LocalFormat, CultureInfo.InvariantCulture);
}

public sealed class CustomerStore(ClinicDatabase database, TimeProvider time)
{
    public async Task<CustomerRecord?> FindAsync(string phone, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT phone, name, blocked FROM customers WHERE phone = $phone;";
        command.With("$phone", phone);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CustomerRecord(reader.GetString(0), reader.GetNullableString(1), reader.GetInt64(2) != 0)
            : null;
    }

    /// <summary>Records a caller's name (keeps an existing block).</summary>
    public async Task RememberAsync(string phone, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO customers (phone, name, blocked, created_at) VALUES ($phone, $name, 0, $at)
            ON CONFLICT (phone) DO UPDATE SET name = COALESCE(excluded.name, customers.name);
            """;
        command.With("$phone", phone).With("$name", name).With("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Blocks (or unblocks) a number.</summary>
    public async Task SetBlockedAsync(string phone, bool blocked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO customers (phone, name, blocked, created_at) VALUES ($phone, NULL, $blocked, $at)
            ON CONFLICT (phone) DO UPDATE SET blocked = excluded.blocked;
            """;
        command.With("$phone", phone).With("$blocked", blocked ? 1 : 0).With("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class CallRecordStore(ClinicDatabase database, TimeProvider time)
{
    public async Task AddStatusAsync(string callId, string? customerPhone, string status, string? endedReason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO calls (call_id, customer_phone, last_status, ended_reason, updated_at) VALUES ($id, $phone, $status, $reason, $now)
                ON CONFLICT (call_id) DO UPDATE SET
                    customer_phone = COALESCE(calls.customer_phone, excluded.customer_phone),
                    last_status = excluded.last_status,
                    ended_reason = COALESCE(excluded.ended_reason, calls.ended_reason),
                    updated_at = excluded.updated_at;
                """;
            upsert.With("$id", callId).With("$phone", customerPhone).With("$status", status).With("$reason", endedReason).With("$now", Now());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO call_status_events (call_id, status, ended_reason, at) VALUES ($id, $status, $reason, $at);";
            insert.With("$id", callId).With("$status", status).With("$reason", endedReason).With("$at", at.ToString("O", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveReportAsync(
        string callId,
        string? customerPhone,
        DateTimeOffset? startedAt,
        DateTimeOffset? endedAt,
        string? endedReason,
        double? cost,
        string? summary,
        string? transcript,
        string? recordingUrl,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO calls (call_id, customer_phone, last_status, started_at, ended_at, ended_reason, cost, summary, transcript, recording_url, updated_at)
            VALUES ($id, $phone, 'ended', $startedAt, $endedAt, $reason, $cost, $summary, $transcript, $recording, $now)
            ON CONFLICT (call_id) DO UPDATE SET
                customer_phone = COALESCE(excluded.customer_phone, calls.customer_phone),
                last_status = 'ended',
                started_at = excluded.started_at, ended_at = excluded.ended_at,
                ended_reason = COALESCE(excluded.ended_reason, calls.ended_reason),
                cost = excluded.cost, summary = excluded.summary, transcript = excluded.transcript,
                recording_url = excluded.recording_url, updated_at = excluded.updated_at;
            """;
        command.With("$id", callId).With("$phone", customerPhone)
            .With("$startedAt", startedAt?.ToString("O", CultureInfo.InvariantCulture)).With("$endedAt", endedAt?.ToString("O", CultureInfo.InvariantCulture))
            .With("$reason", endedReason).With("$cost", cost).With("$summary", summary).With("$transcript", transcript)
            .With("$recording", recordingUrl).With("$now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var timeline = new List<CallStatusEvent>();
        await using (var events = connection.CreateCommand())
        {
            events.CommandText = "SELECT status, ended_reason, at FROM call_status_events WHERE call_id = $id ORDER BY id;";
            events.With("$id", callId);
            await using var reader = await events.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                timeline.Add(new CallStatusEvent(reader.GetString(0), reader.GetNullableString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT call_id, customer_phone, last_status, started_at, ended_at, ended_reason, cost, summary, transcript, recording_url
            FROM calls WHERE call_id = $id;
            """;
        command.With("$id", callId);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new CallRecord(
            row.GetString(0), row.GetNullableString(1), row.GetNullableString(2), ParseInstant(row.GetNullableString(3)), ParseInstant(row.GetNullableString(4)),
            row.GetNullableString(5), row.GetNullableDouble(6), row.GetNullableString(7), row.GetNullableString(8), row.GetNullableString(9), timeline);
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseInstant(string? text)
        => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
