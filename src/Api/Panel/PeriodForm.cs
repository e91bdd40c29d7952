using System.Globalization;
using Platform.Api.Public;

namespace Platform.Api.Panel;

/// <summary>The period as typed (desde, hasta: YYYY-MM-DD, the business's days), the days it names, and what is wrong with it, by field.</summary>
internal sealed record PeriodInput(string Desde, string Hasta, DateOnly? From, DateOnly? To, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public PeriodInput WithError(string field, string message) =>
        this with { Errors = new Dictionary<string, string[]>(Errors) { [field] = [message] } };

    /// <summary>The period the figures were computed for, shown back in the form.</summary>
    public PeriodInput Resolved(DateOnly from, DateOnly to) => this with { Desde = Iso(from), Hasta = Iso(to), From = from, To = to };

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal static class PeriodForm
{
    public const string From = "desde";
    public const string To = "hasta";

    public static PeriodInput Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        var desde = query[From].ToString().Trim();
        var hasta = query[To].ToString().Trim();
        var from = Day(From, desde, errors);
        var to = Day(To, hasta, errors);
        return new PeriodInput(desde, hasta, from, to, errors);
    }

    /// <summary>The period's own rules (start after end, longer than three years) come back from the query as the API's fields.</summary>
    public static string FieldOf(string apiField) => apiField == "from" ? From : To;

    private static DateOnly? Day(string field, string text, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            errors[field] = ["Escribe la fecha como AAAA-MM-DD, por ejemplo 2026-03-01."];
        else if (day.Year is < 2000 or > 9000)
            errors[field] = ["Elige una fecha entre los años 2000 y 9000."];
        else return day;
        return null;
    }

    public static Markup Render(PeriodInput period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Html.Of($"""
            <form class="period" method="get" action="{PanelAddresses.Analytics}" novalidate>
            {Html.When(!period.IsValid, () => new Markup("<p class=\"error\" role=\"alert\">Revisa el periodo: las fechas marcadas no son válidas.</p>"))}
            <label for="period-desde">Desde<input id="period-desde" name="{From}" type="date" value="{period.Desde}" maxlength="10">{Errors(From, period)}</label>
            <label for="period-hasta">Hasta<input id="period-hasta" name="{To}" type="date" value="{period.Hasta}" maxlength="10">{Errors(To, period)}</label>
            <button type="submit">Ver periodo</button>
            </form>
            """);
    }

    private static Markup Errors(string field, PeriodInput period) =>
        period.Errors.TryGetValue(field, out var messages)
            ? Html.Join(messages.Select(m => Html.Of($"<span class=\"error\" id=\"error-{field}\">{m}</span>")))
            : Markup.Empty;
}
