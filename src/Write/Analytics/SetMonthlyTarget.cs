using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Analytics;

/// <summary>Sets the month's sales target (YYYY-MM); the currency defaults to the tenant's.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record SetMonthlyTarget(string Month, decimal Amount, string? Currency, long? ExpectedVersion = null) : MediatR.IRequest<SalesTargetChanged>;

public sealed class SetMonthlyTargetValidator : AbstractValidator<SetMonthlyTarget>
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public SetMonthlyTargetValidator()
    {
        RuleFor(c => c.Month).TargetMonth();
        RuleFor(c => c.Amount).GreaterThan(0).WithMessage($"Va de más de 0 a {MaxAmount:N0}.")
            .LessThanOrEqualTo(MaxAmount).WithMessage($"Va de más de 0 a {MaxAmount:N0}.")
            .Must(v => decimal.Round(v, 2) == v).WithMessage("Usa como máximo dos decimales.");
        RuleFor(c => c.Currency).Must(c => c is null || CurrencyCodes.IsKnown(c)).WithMessage("Debe ser un código de moneda ISO 4217, por ejemplo COP.");
    }
}

public sealed class SetMonthlyTargetHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : SalesTargetCommandHandler<SetMonthlyTarget>(context, database, append, serializer, time)
{
    protected override string MonthOf(SetMonthlyTarget request) => request.Month;

    protected override long? ExpectedVersionOf(SetMonthlyTarget request) => request.ExpectedVersion;

    protected override async Task<SalesTargets.Command> DecisionAsync(TenantTransaction tx, SetMonthlyTarget request, CancellationToken ct)
    {
        var currency = request.Currency is null
            ? await tx.ScalarAsync<string>("select currency from tenants where tenant_id = $1", ct, tx.TenantId)
            : CurrencyCodes.Normalize(request.Currency);
        return new SalesTargets.SetTarget(request.Month, new Money(request.Amount, currency));
    }
}

/// <summary>Field rules the targets' commands share.</summary>
public static class TargetMonthRule
{
    /// <summary>YYYY-MM, years 2000..9000.</summary>
    public static IRuleBuilderOptions<T, string> TargetMonth<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(m => m is not null && DateOnly.TryParseExact(m, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= 2000 and <= 9000)
            .WithMessage("Debe ser un mes con el formato AAAA-MM, por ejemplo 2026-03, entre 2000 y 9000.");
}
