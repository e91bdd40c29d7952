using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Replaces one of the tenant's reference lists; answers the list stream's new version (its ETag).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeReferenceList(string List, IReadOnlyList<ReferenceItem> Items, long? ExpectedVersion = null) : IRequest<long>;

public sealed class ChangeReferenceListValidator : AbstractValidator<ChangeReferenceList>
{
    public const int MaxItems = 2000;

    public ChangeReferenceListValidator()
    {
        RuleFor(c => c.Items).Cascade(CascadeMode.Stop).NotNull()
            .Must(i => i.Count <= MaxItems).WithMessage($"Hasta {MaxItems} elementos.")
            .Must(i => i.All(x => x is not null)).WithMessage("Ningún elemento puede ser nulo.")
            .Must(i => i.Select(x => (x.Parent?.ToUpperInvariant(), x.Value?.ToUpperInvariant())).Distinct().Count() == i.Count)
            .WithMessage("Hay valores repetidos.");
        RuleForEach(c => c.Items).NotNull().ChildRules(item =>
        {
            item.RuleFor(x => x.Value).NotEmpty().MaximumLength(80);
            item.RuleFor(x => x.Label).NotEmpty().MaximumLength(80);
            item.RuleFor(x => x.Parent).MaximumLength(80);
        });
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.List != ReferenceLists.ListingStates || command.Items is null) return;
            var states = ReferenceLists.DefaultStateLabels.Select(s => s.Value).ToHashSet();
            if (!command.Items.All(i => i?.Value is not null && states.Contains(i.Value)))
                context.AddFailure("items", $"Los estados son: {string.Join(", ", states)}.");
        });
    }
}

public sealed class ChangeReferenceListHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<ChangeReferenceList, long>
{
    public async Task<long> Handle(ChangeReferenceList request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceLists.All.Contains(request.List)) throw new NotFoundException("la lista");
        var stream = ReferenceLists.Stream(request.List);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        tx.EnsureExpected(stream, request.ExpectedVersion, version);
        var items = request.Items.Select(i => new ReferenceItem(i.Value.Trim(), i.Label.Trim(), string.IsNullOrWhiteSpace(i.Parent) ? null : i.Parent.Trim())).ToList();
        if (ReferenceLists.Fold(events).SequenceEqual(items)) return version;
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), [context.Event(new ReferenceListChanged(request.List, items))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }
}

/// <summary>One of the tenant's reference lists and its version (0 and empty when never set).</summary>
[Authorize]
public sealed record GetReferenceList(string List) : IRequest<ReferenceListView>;

public sealed record ReferenceListView(string List, IReadOnlyList<ReferenceItem> Items, long Version);

public sealed class GetReferenceListHandler(CommandContext context, TenantDatabase database, EventSerializer serializer)
    : IRequestHandler<GetReferenceList, ReferenceListView>
{
    public async Task<ReferenceListView> Handle(GetReferenceList request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceLists.All.Contains(request.List)) throw new NotFoundException("la lista");
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, ReferenceLists.Stream(request.List), cancellationToken);
        return new ReferenceListView(request.List, ReferenceLists.Fold(events), version);
    }
}
