namespace Platform.Benchmarks.Append;

/// <summary>
/// The baseline: the least SQL that stores the same rows in raw_events (a copy of events'
/// columns, defaults, indexes and constraints), with versions worked out by the client.
/// </summary>
internal static class RawSql
{
    public const string CreateTable = "create table raw_events (like events including all)";

    public const string InsertOne = """
        insert into raw_events (tenant_id, stream_id, version, event_id, type, data, metadata)
        values ($1, $2, $3, $4, $5, $6, $7)
        """;

    /// <summary>$3 is the stream's version before the append; the rows take the next ones in order.</summary>
    public const string InsertMany = """
        insert into raw_events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select $1, $2, $3 + u.o, u.id, u.t, u.d, u.m
          from unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) with ordinality as u(id, t, d, m, o)
        """;

    public const string Copy =
        "copy raw_events (tenant_id, stream_id, version, event_id, type, data, metadata) from stdin (format binary)";
}
