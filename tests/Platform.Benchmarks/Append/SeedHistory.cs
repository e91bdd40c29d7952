namespace Platform.Benchmarks.Append;

/// <summary>
/// Other tenants' history, the same rows in both tables, analyzed: a run then meets the plans a
/// live store runs with. Straight after a truncate the statistics say "never analyzed", and a
/// plan made then (and cached for the session) can be one no store that has data would get.
/// </summary>
internal static class SeedHistory
{
    public const int Events = 20_000;
    public const int Tenants = 20;

    public static readonly string Sql = $$"""
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select ('00000000-0000-7000-8000-0000000000' || lpad((i % {{Tenants}})::text, 2, '0'))::uuid,
               'seed-' || (i % 1000), i / 1000 + 1, gen_random_uuid(), 'bench.item-noted.v1',
               jsonb_build_object('seq', i, 'sku', 'SKU-' || (i % 977), 'amount', 19.9 + i % 100, 'note', 'seeded history'),
               '{"userId":"seed","source":"benchmark"}'
          from generate_series(0, {{Events - 1}}) as i;
        insert into raw_events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select tenant_id, stream_id, version, event_id, type, data, metadata from events order by position;
        analyze events, raw_events;
        """;
}
