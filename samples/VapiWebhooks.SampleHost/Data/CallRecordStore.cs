using System.Globalization;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>Each call's status timeline and end-of-call report. Written through the writer, which batches the many status updates of busy hours.</summary>
public sealed class CallRecordStore(ClinicDatabase database, DatabaseWriter writer, TimeProvider time)
{
    public Task AddStatusAsync(string callId, string? customerPhone, string status, string? endedReason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = Now();
        var atText = at.ToString("O", CultureInfo.InvariantCulture);
        return writer.WriteAsync(
            transaction =>
            {
                using (var upsert = transaction.Command("""
                    INSERT INTO calls (call_id, customer_phone, last_status, ended_reason, updated_at) VALUES ($id, $phone, $status, $reason, $now)
                    ON CONFLICT (call_id) DO UPDATE SET
                        customer_phone = COALESCE(calls.customer_phone, excluded.customer_phone),
                        last_status = excluded.last_status,
                        ended_reason = COALESCE(excluded.ended_reason, calls.ended_reason),
                        updated_at = excluded.updated_at;
                    """))
                {
                    upsert.With("$id", callId).With("$phone", customerPhone).With("$status", status).With("$reason", endedReason).With("$now", now).ExecuteNonQuery();
                }

                using var insert = transaction.Command("INSERT INTO call_status_events (call_id, status, ended_reason, at) VALUES ($id, $status, $reason, $at);");
                return insert.With("$id", callId).With("$status", status).With("$reason", endedReason).With("$at", atText).ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task SaveReportAsync(
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
        var now = Now();
        return writer.WriteAsync(
            transaction =>
            {
                using var command = transaction.Command("""
                    INSERT INTO calls (call_id, customer_phone, last_status, started_at, ended_at, ended_reason, cost, summary, transcript, recording_url, updated_at)
                    VALUES ($id, $phone, 'ended', $startedAt, $endedAt, $reason, $cost, $summary, $transcript, $recording, $now)
                    ON CONFLICT (call_id) DO UPDATE SET
                        customer_phone = COALESCE(excluded.customer_phone, calls.customer_phone),
                        last_status = 'ended',
                        started_at = excluded.started_at, ended_at = excluded.ended_at,
                        ended_reason = COALESCE(excluded.ended_reason, calls.ended_reason),
                        cost = excluded.cost, summary = excluded.summary, transcript = excluded.transcript,
                        recording_url = excluded.recording_url, updated_at = excluded.updated_at;
                    """);
                command.With("$id", callId).With("$phone", customerPhone)
                    .With("$startedAt", startedAt?.ToString("O", CultureInfo.InvariantCulture)).With("$endedAt", endedAt?.ToString("O", CultureInfo.InvariantCulture))
                    .With("$reason", endedReason).With("$cost", cost).With("$summary", summary).With("$transcript", transcript)
                    .With("$recording", recordingUrl).With("$now", now);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public async Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
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
