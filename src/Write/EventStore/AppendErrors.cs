using System.Globalization;
using Npgsql;

namespace Platform.Write.EventStore;

/// <summary>Turns the append functions' SQL errors into the store's typed errors.</summary>
internal static class AppendErrors
{
    public static Exception Map(PostgresException error, PreparedStream stream) => error.SqlState switch
    {
        "PL001" => new WrongExpectedVersionException(
            stream.TenantId, stream.StreamId, stream.Expected, long.Parse(error.MessageText, CultureInfo.InvariantCulture)),
        "PL002" => new EventIdConflictException(stream.TenantId, stream.StreamId),
        "PL003" => new AppendOrderException(),
        PostgresErrorCodes.UniqueViolation when error.ConstraintName == "events_event_id_uq" =>
            new EventIdConflictException(stream.TenantId, stream.StreamId),
        _ when IsUnstorableText(error) => new InvalidAppendException("events.data", UnstorableTextMessage),
        _ => error,
    };

    public const string UnstorableTextMessage = "contains text PostgreSQL cannot store (such as \\u0000)";

    public static bool IsUnstorableText(PostgresException error) => error.SqlState is
        PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.CharacterNotInRepertoire
        or PostgresErrorCodes.InvalidTextRepresentation;
}
