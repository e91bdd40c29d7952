using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>
/// The vocabulary typo correction draws on: for each tenant, the words of its published listings'
/// titles, brands and models with how many listings use them; a word no listing uses any more goes.
/// The network's vocabulary is the sum over the tenants in the network, moved by the same deltas.
/// </summary>
internal static class WordCounts
{
    /// <summary>What moving from <paramref name="before"/> to <paramref name="after"/> does to the counts.</summary>
    public static void AddDeltas(Dictionary<(Guid Tenant, string Word), int> deltas, Guid tenant, ListingDocument? before, ListingDocument? after)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var word in SearchFacts.Words(before)) deltas[(tenant, word)] = deltas.GetValueOrDefault((tenant, word)) - 1;
        foreach (var word in SearchFacts.Words(after)) deltas[(tenant, word)] = deltas.GetValueOrDefault((tenant, word)) + 1;
    }

    /// <summary>Applies the deltas to both vocabularies; run after the tenants table is current.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Apply(ProjectionContext context, Dictionary<(Guid Tenant, string Word), int> deltas)
    {
        var changed = deltas.Where(d => d.Value != 0).ToList();
        if (changed.Count == 0) yield break;
        var (vocabulary, network, tenants) = (context.Table(CatalogSearchViews.Vocabulary),
            context.Table(CatalogSearchViews.NetworkVocabulary), context.Table(CatalogSearchViews.Tenants));
        object[] values = [changed.Select(d => d.Key.Tenant).ToArray(), changed.Select(d => d.Key.Word).ToArray(), changed.Select(d => d.Value).ToArray()];
        yield return Command($"""
            insert into {vocabulary} as v (tenant_id, word, listings)
            select * from unnest($1::uuid[], $2::text[], $3::int[])
            on conflict (tenant_id, word) do update set listings = v.listings + excluded.listings
            """, values);
        yield return Command($"""
            delete from {vocabulary} where listings <= 0 and (tenant_id, word) in (select * from unnest($1::uuid[], $2::text[]))
            """, values[0], values[1]);
        yield return Command($"""
            insert into {network} as v (word, listings)
            select d.word, sum(d.delta) from unnest($1::uuid[], $2::text[], $3::int[]) d (tenant_id, word, delta)
              join {tenants} t on t.tenant_id = d.tenant_id and t.active and t.network_member
             group by d.word having sum(d.delta) <> 0
            on conflict (word) do update set listings = v.listings + excluded.listings
            """, values);
        yield return Command($"delete from {network} where listings <= 0 and word = any($1)", values[1]);
    }

    /// <summary>A tenant joins the network with all its words, or leaves taking them.</summary>
    public static IEnumerable<NpgsqlBatchCommand> MoveTenant(ProjectionContext context, Guid tenant, bool joins)
    {
        var (vocabulary, network) = (context.Table(CatalogSearchViews.Vocabulary), context.Table(CatalogSearchViews.NetworkVocabulary));
        var sign = joins ? "" : "-";
        yield return Command($"""
            insert into {network} as v (word, listings)
            select word, {sign}listings from {vocabulary} where tenant_id = $1
            on conflict (word) do update set listings = v.listings + excluded.listings
            """, tenant);
        yield return Command($"delete from {network} where listings <= 0", []);
    }

    internal static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }
}
