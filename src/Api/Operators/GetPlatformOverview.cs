using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Read.Operators;
using Platform.Write.Tenancy;

namespace Platform.Api.Operators;

/// <summary>
/// The platform over a period of months (YYYY-MM, both included; by default the last twelve):
/// tenants active, dormant and churned, new tenants and leads per month, leads per tenant, plans.
/// </summary>
[Authorize(Roles = Roles.PlatformAdmin)]
public sealed record GetPlatformOverview(string? From, string? To) : IRequest<PlatformOverview>;

public sealed class GetPlatformOverviewValidator : AbstractValidator<GetPlatformOverview>
{
    public GetPlatformOverviewValidator(TimeProvider time)
    {
        RuleFor(r => r.From).Must(m => m is null || PlatformMonths.TryParse(m, out _)).WithMessage("Usa el formato AAAA-MM, por ejemplo 2026-01.");
        RuleFor(r => r.To).Must(m => m is null || PlatformMonths.TryParse(m, out _)).WithMessage("Usa el formato AAAA-MM, por ejemplo 2026-12.");
        RuleFor(r => r.From)
            .Must((r, _) => Span(r, time) >= 1).WithMessage("Debe ser anterior o igual al mes final.")
            .Must((r, _) => Span(r, time) <= PlatformMonths.MaxMonths).WithMessage($"El periodo abarca como máximo {PlatformMonths.MaxMonths} meses.")
            .When(r => PlatformMonths.TryParse(r.From, out _) && (r.To is null || PlatformMonths.TryParse(r.To, out _)));
    }

    // With no end, the end is this month: a start after it is refused like any other reversed period.
    private static int Span(GetPlatformOverview r, TimeProvider time)
    {
        var (from, to) = PlatformMonths.Resolve(r.From, r.To, time.GetUtcNow());
        return PlatformMonths.Span(from, to);
    }
}

public sealed class GetPlatformOverviewHandler(NpgsqlDataSource system, TimeProvider time) : IRequestHandler<GetPlatformOverview, PlatformOverview>
{
    public async Task<PlatformOverview> Handle(GetPlatformOverview request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (from, to) = PlatformMonths.Resolve(request.From, request.To, now);
        var tenants = await PlatformTenantFigures.ListAsync(system, now, null, null, cancellationToken);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var deactivations = await PlatformHistory.DeactivationsAsync(system, start, end, cancellationToken);
        var leads = await PlatformHistory.LeadsPerMonthAsync(system, from, to.AddMonths(1), cancellationToken);
        return PlatformOverviewFigures.Build(from, to, now, tenants, deactivations, leads);
    }
}
