using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>
/// The catalog-search projection's read tables, in the generation's names; every key starts with
/// tenant_id where there is one. One GIN index per table answers the text and every equality filter
/// together (btree_gin), so a filter-only query in a large tenant does not read all its rows.
/// </summary>
internal static class CatalogSearchTables
{
    public static readonly string[] All =
    [
        CatalogSearchViews.Listings, CatalogSearchViews.Network, CatalogSearchViews.Tenants, CatalogSearchViews.Vocabulary,
        CatalogSearchViews.NetworkVocabulary, CatalogSearchViews.Synonyms, CatalogSearchViews.NetworkSynonyms,
    ];

    /// <summary>The columns a listing row and a network row share, in this order.</summary>
    public const string DocumentColumns = """
        tenant_id, listing_id, kind, title, description, brand, brand_key, model, year, km, fuel, transmission, city, city_key,
        price, currency, previous_price, featured, images, attributes, attribute_keys, published_at, updated_at, boost, search
        """;

    private const string DocumentDefinitions = """
        tenant_id uuid not null,
        listing_id uuid not null,
        kind text not null,
        title text not null,
        description text not null,
        brand text, brand_key text, model text, year int, km int, fuel text, transmission text,
        city text not null,
        city_key text not null,
        price numeric(14, 2) not null,
        currency text not null,
        previous_price numeric(14, 2),
        featured boolean not null,
        images jsonb not null,
        attributes jsonb not null,
        attribute_keys jsonb not null,
        published_at timestamptz,
        updated_at timestamptz not null,
        boost float8 not null,
        search tsvector not null,
        """;

    public static async Task CreateAsync(ProjectionContext context, bool rum, CancellationToken ct)
    {
        var listings = context.Table(CatalogSearchViews.Listings);
        var network = context.Table(CatalogSearchViews.Network);
        var tenants = context.Table(CatalogSearchViews.Tenants);
        var vocabulary = context.Table(CatalogSearchViews.Vocabulary);
        var networkVocabulary = context.Table(CatalogSearchViews.NetworkVocabulary);
        var synonyms = context.Table(CatalogSearchViews.Synonyms);
        var networkSynonyms = context.Table(CatalogSearchViews.NetworkSynonyms);
        // With RUM, a broad network query takes its most relevant matches in order from the index.
        var networkText = rum ? "rum (search rum_tsvector_ops)" : "gin (search)";
        var sql = $$"""
            create table if not exists {{listings}} (
                {{DocumentDefinitions}}
                status text not null,
                primary key (tenant_id, listing_id));
            create index if not exists {{listings}}_match on {{listings}}
                using gin (tenant_id, search, kind, brand_key, fuel, transmission, city_key) where status = 'published';
            create index if not exists {{listings}}_boost on {{listings}} (tenant_id, boost desc, listing_id desc) where status = 'published';
            create index if not exists {{listings}}_newest on {{listings}} (tenant_id, published_at desc, listing_id desc) where status = 'published';
            create index if not exists {{listings}}_price on {{listings}} (tenant_id, price, listing_id) where status = 'published';

            create table if not exists {{network}} (
                {{DocumentDefinitions}}
                tenant_slug text not null,
                primary key (tenant_id, listing_id));
            create index if not exists {{network}}_text on {{network}} using {{networkText}};
            create index if not exists {{network}}_filters on {{network}} using gin (kind, brand_key, fuel, transmission, city_key);
            create index if not exists {{network}}_boost on {{network}} (boost desc, listing_id desc);
            create index if not exists {{network}}_newest on {{network}} (published_at desc, listing_id desc);
            create index if not exists {{network}}_price on {{network}} (price, listing_id);

            create table if not exists {{tenants}} (
                tenant_id uuid primary key,
                slug text not null unique,
                name text not null,
                active boolean not null,
                network_member boolean not null);

            create table if not exists {{vocabulary}} (
                tenant_id uuid not null, word text not null, listings int not null, primary key (tenant_id, word));
            create index if not exists {{vocabulary}}_trgm on {{vocabulary}} using gin (tenant_id, word gin_trgm_ops);
            create table if not exists {{networkVocabulary}} (word text primary key, listings int not null);
            create index if not exists {{networkVocabulary}}_trgm on {{networkVocabulary}} using gin (word gin_trgm_ops);

            create table if not exists {{synonyms}} (
                tenant_id uuid not null, lexeme text not null, substitute tsquery not null, primary key (tenant_id, lexeme));
            create table if not exists {{networkSynonyms}} (lexeme text primary key, substitute tsquery not null);

            -- Rows here are public by construction; still, a transaction reads them only when it says
            -- it searches the network, so a bare query on the application role sees nothing, as elsewhere.
            do $$
            begin
                if not exists (select from pg_policy where polrelid = '{{network}}'::regclass and polname = 'network_search') then
                    create policy network_search on {{network}} for select using (current_setting('{{CatalogSearchViews.ScopeSetting}}', true) = 'network');
                end if;
            end
            $$;
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
        await SynonymRows.WriteDefaultsAsync(context, networkSynonyms, ct);
    }
}
