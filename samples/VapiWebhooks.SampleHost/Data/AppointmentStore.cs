using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>Appointments: booked and cancelled through the writer, so a booking is committed before the tool answers.</summary>
public sealed class AppointmentStore(ClinicDatabase database, DatabaseWriter writer, TimeProvider time)
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";
    private const int SqliteConstraint = 19;

    public Task<Appointment> BookAsync(DateTime startsAt, string patientName, string? phone, string? reason, string? callId, CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return writer.WriteAsync(
            transaction =>
            {
                using var command = transaction.Command("""
                    INSERT INTO appointments (starts_at, patient_name, phone, reason, status, call_id, created_at)
                    VALUES ($startsAt, $name, $phone, $reason, 'booked', $callId, $createdAt)
                    RETURNING id;
                    """);
                command.With("$startsAt", Format(startsAt)).With("$name", patientName).With("$phone", phone).With("$reason", reason)
                    .With("$callId", callId).With("$createdAt", createdAt);
                try
                {
                    var id = (long)command.ExecuteScalar()!;
                    return new Appointment(id, startsAt, patientName, phone, reason, Appointment.Booked);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new SlotTakenException($"The slot {Format(startsAt)} is already booked.", ex);
                }
            },
            cancellationToken);
    }

    /// <summary>Cancels a booked appointment; false when it was not booked any more.</summary>
    public Task<bool> CancelAsync(long id, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return writer.WriteAsync(
            transaction =>
            {
                using var command = transaction.Command("UPDATE appointments SET status = 'cancelled', cancelled_at = $at WHERE id = $id AND status = 'booked';");
                command.With("$id", id).With("$at", at);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public async Task<Appointment?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, starts_at, patient_name, phone, reason, status FROM appointments WHERE id = $id;";
        command.With("$id", id);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Booked appointments starting at or after <paramref name="from"/> for a phone number, soonest first.</summary>
    public async Task<IReadOnlyList<Appointment>> UpcomingForPhoneAsync(string phone, DateTime from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
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
        await using var connection = await database.OpenReadAsync(cancellationToken);
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
