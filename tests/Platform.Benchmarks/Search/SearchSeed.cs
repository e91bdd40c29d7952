using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Projections.Catalog;
using Platform.Projections.Daemon;
using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Search;

/// <summary>One tenant of the seed: its rank by size (1 is the largest), slug, id and number of listings.</summary>
internal sealed record SeedTenant(int Rank, string Slug, Guid TenantId, int Listings, bool InNetwork);

/// <summary>
/// Fifty dealerships signed up through the API, every other one (the largest included) in the network,
/// and their listings with Zipf-like sizes (the k-th largest holds 1/k of the share), appended as
/// events through the bulk path; the projection daemon then builds the read model from them.
/// </summary>
internal static class SearchSeed
{
    private const int Tenants = 50;
    private const int BulkSize = 20_000;

    public static async Task<IReadOnlyList<SeedTenant>> CreateAsync(SearchHost host, NpgsqlDataSource system, int listings, TextWriter log, CancellationToken ct)
    {
        var sizes = ZipfSizes(listings, Tenants);
        var tenants = new List<SeedTenant>();
        for (var rank = 1; rank <= Tenants; rank++)
        {
            var slug = $"concesionario-{rank:D2}";
            var (tenantId, token) = await host.RegisterAsync(slug, $"Automotores {rank:D2}", ct);
            var inNetwork = rank % 2 == 1;
            if (inNetwork) await host.JoinNetworkAsync(token, ct);
            tenants.Add(new SeedTenant(rank, slug, tenantId, sizes[rank - 1], inNetwork));
        }

        var clock = Stopwatch.StartNew();
        var bulk = host.Services.GetRequiredService<BulkAppender>();
        var generator = new ListingGenerator(seed: 2026);
        var year = DateTimeOffset.UtcNow.Year;
        var buffer = new List<BulkEvent>(BulkSize + 3);
        var appended = 0;
        foreach (var tenant in tenants)
        {
            for (var i = 0; i < tenant.Listings; i++)
            {
                buffer.AddRange(EventsOf(tenant.TenantId, generator.Next(year), i));
                if (buffer.Count < BulkSize) continue;
                appended += (await bulk.AppendAsync(buffer, ct)).Appended;
                buffer.Clear();
            }
        }
        if (buffer.Count > 0) appended += (await bulk.AppendAsync(buffer, ct)).Appended;
        log.WriteLine($"seed:       {listings:N0} listings ({appended:N0} events) over {Tenants} tenants appended in {clock.Elapsed.TotalSeconds:F0} s; " +
            $"largest {sizes[0]:N0}, smallest {sizes[^1]:N0}; {tenants.Where(t => t.InNetwork).Sum(t => t.Listings):N0} in network tenants");

        clock.Restart();
        await CaughtUpAsync(host, system, ct);
        log.WriteLine($"projection: catalog-search built in {clock.Elapsed.TotalSeconds:F0} s ({appended / clock.Elapsed.TotalSeconds:N0} events/s)");
        await using (var vacuum = system.CreateCommand("vacuum (analyze)"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        return tenants;
    }

    /// <summary>Nine in ten published, some sold after publishing, the rest still drafts.</summary>
    private static IEnumerable<BulkEvent> EventsOf(Guid tenant, (ListingContent Content, Money Price) listing, int i)
    {
        var id = Guid.CreateVersion7();
        var stream = CatalogEvents.ListingStream(id);
        yield return new BulkEvent(tenant, stream, Guid.CreateVersion7(), new ListingCreated(id, ListingKind.Vehicle, listing.Content, listing.Price));
        if (i % 10 == 9) yield break;
        yield return new BulkEvent(tenant, stream, Guid.CreateVersion7(), new ListingStatusChanged(id, ListingStatus.Draft, ListingStatus.Published));
        if (i % 30 == 7)
            yield return new BulkEvent(tenant, stream, Guid.CreateVersion7(), new ListingStatusChanged(id, ListingStatus.Published, ListingStatus.Sold));
    }

    private static int[] ZipfSizes(int total, int tenants)
    {
        var harmonic = Enumerable.Range(1, tenants).Sum(k => 1.0 / k);
        var sizes = Enumerable.Range(1, tenants).Select(k => (int)Math.Round(total / (k * harmonic))).ToArray();
        sizes[0] += total - sizes.Sum();
        return sizes;
    }

    private static async Task CaughtUpAsync(SearchHost host, NpgsqlDataSource system, CancellationToken ct)
    {
        await using var head = system.CreateCommand("select coalesce(max(position), 0) from events");
        var last = (long)(await head.ExecuteScalarAsync(ct))!;
        var status = host.Services.GetRequiredService<ProjectionStatusReader>();
        while (true)
        {
            var now = await status.GetAsync(CatalogSearchProjection.ProjectionName, ct);
            if (now.Position >= last && now.LagEvents == 0) return;
            if (now.LastError is { } error) throw new InvalidOperationException($"catalog-search faulted: {error}");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }
}
