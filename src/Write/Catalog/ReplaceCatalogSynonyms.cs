using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Replaces the tenant's search synonyms with <see cref="Groups"/>; answers the stream's new version.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ReplaceCatalogSynonyms(IReadOnlyList<IReadOnlyList<string>> Groups, long? ExpectedVersion = null) : IRequest<long>;

public sealed class ReplaceCatalogSynonymsValidator : AbstractValidator<ReplaceCatalogSynonyms>
{
    public ReplaceCatalogSynonymsValidator()
    {
        RuleFor(c => c.Groups).Cascade(CascadeMode.Stop).NotNull().Must(g => g.Count <= CatalogSynonyms.MaxGroups)
            .WithMessage($"Hasta {CatalogSynonyms.MaxGroups} grupos de sinónimos.");
        RuleForEach(c => c.Groups).Must(g => g is { Count: >= 2 and <= CatalogSynonyms.MaxTermsPerGroup })
            .WithMessage($"Cada grupo reúne de 2 a {CatalogSynonyms.MaxTermsPerGroup} palabras.");
        RuleFor(c => c.Groups).Custom((groups, context) =>
        {
            if (groups is null) return;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                for (var t = 0; t < (groups[g]?.Count ?? 0); t++)
                {
                    var term = groups[g][t]?.Trim().ToLowerInvariant() ?? "";
                    var field = $"groups[{g}][{t}]";
                    if (term.Length is 0 or > CatalogSynonyms.MaxTermLength || !term.All(char.IsLetterOrDigit))
                        context.AddFailure(field, $"Debe ser una sola palabra de letras o números, de hasta {CatalogSynonyms.MaxTermLength} caracteres.");
                    else if (seen.TryGetValue(term, out var other) && other != g)
                        context.AddFailure(field, $"'{term}' ya está en el grupo {other}; cada palabra va en un solo grupo.");
                    else seen[term] = g;
                }
            }
        });
    }
}

public sealed class ReplaceCatalogSynonymsHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<ReplaceCatalogSynonyms, long>
{
    public async Task<long> Handle(ReplaceCatalogSynonyms request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, CatalogSynonyms.Stream, cancellationToken);
        if (request.ExpectedVersion is { } expectedVersion && expectedVersion != version)
            throw new WrongExpectedVersionException(tx.TenantId, CatalogSynonyms.Stream, ExpectedVersion.Exact(expectedVersion), version);
        var groups = CatalogSynonyms.Normalize(request.Groups);
        if (Same(CatalogSynonyms.Fold(events), groups)) return version;
        var expected = version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version);
        var result = await append.AppendAsync(
            tx, CatalogSynonyms.Stream, expected, [context.Event(new CatalogSynonymsReplaced(groups))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }

    private static bool Same(IReadOnlyList<IReadOnlyList<string>> a, IReadOnlyList<IReadOnlyList<string>> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal));
}
