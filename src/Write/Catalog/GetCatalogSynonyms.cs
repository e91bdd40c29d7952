using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>The tenant's search synonyms as its stream says now (the defaults before any change); the version is the ETag.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetCatalogSynonyms : IRequest<CatalogSynonymsView>;

public sealed record CatalogSynonymsView(IReadOnlyList<IReadOnlyList<string>> Groups, long Version);

public sealed class GetCatalogSynonymsHandler(CommandContext context, TenantDatabase database, EventStore.EventSerializer serializer)
    : IRequestHandler<GetCatalogSynonyms, CatalogSynonymsView>
{
    public async Task<CatalogSynonymsView> Handle(GetCatalogSynonyms request, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, CatalogSynonyms.Stream, cancellationToken);
        return new CatalogSynonymsView(CatalogSynonyms.Fold(events), version);
    }
}
