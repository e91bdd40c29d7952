using MediatR;
using FluentValidation;
using FluentValidation.Results;
using Platform.Read.Analytics;

namespace Platform.Api.Analytics;

/// <summary>What every analytics endpoint does with its query: dates checked, a bad period answered as 400 naming the parameter.</summary>
internal static class AnalyticsQueries
{
    /// <summary>The day given, when it is between the years 2000 and 9000; otherwise 400 naming <paramref name="field"/>.</summary>
    public static DateOnly? Day(string field, DateOnly? day) =>
        day is { Year: < 2000 or > 9000 } ? throw new ValidationException([new ValidationFailure(field, "Debe ser una fecha entre 2000 y 9000.")]) : day;

    public static async Task<T> SendAsync<T>(IMediator mediator, IRequest<T> query, CancellationToken ct)
    {
        try
        {
            return await mediator.Send(query, ct);
        }
        catch (AnalyticsPeriodException bad)
        {
            throw new ValidationException([new ValidationFailure(bad.Field, bad.Message)]);
        }
    }
}
