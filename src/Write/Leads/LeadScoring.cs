using System.Globalization;

namespace Platform.Write.Leads;

/// <summary>What a lead's score is computed from; <paramref name="PreviousRequests"/>: the customer's earlier leads.</summary>
public sealed record ScoreInputs(
    string Source, decimal? Budget, decimal? ListingPrice, string? Timeline, bool HasName, bool HasPhone, bool HasEmail,
    int PreviousRequests, int Contacts);

/// <summary>
/// Explainable scoring: each factor gives base points times the tenant's weight, and says why.
/// Bands by the total: hot from 60, warm from 30, cold below.
/// </summary>
public static class LeadScoring
{
    public const string Source = "source";
    public const string Budget = "budget";
    public const string Timeline = "timeline";
    public const string Completeness = "completeness";
    public const string Engagement = "engagement";

    public const int HotFrom = 60;
    public const int WarmFrom = 30;

    public static IReadOnlyList<string> Factors { get; } = [Source, Budget, Timeline, Completeness, Engagement];

    public static Lead.Score Score(ScoreInputs inputs, IReadOnlyDictionary<string, decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        ScoreReason[] reasons =
        [
            Weighted(Source, SourcePoints(inputs.Source), weights),
            Weighted(Budget, BudgetPoints(inputs), weights),
            Weighted(Timeline, TimelinePoints(inputs.Timeline), weights),
            Weighted(Completeness, CompletenessPoints(inputs), weights),
            Weighted(Engagement, EngagementPoints(inputs), weights),
        ];
        var total = reasons.Sum(r => r.Points);
        return new Lead.Score(total, BandOf(total), reasons);
    }

    public static string BandOf(int score) => score >= HotFrom ? "hot" : score >= WarmFrom ? "warm" : "cold";

    private static ScoreReason Weighted(string factor, (int Points, string Detail) basis, IReadOnlyDictionary<string, decimal> weights)
    {
        var weight = weights.TryGetValue(factor, out var w) ? w : 1m;
        var points = (int)Math.Round(basis.Points * weight, MidpointRounding.AwayFromZero);
        var detail = weight == 1m ? basis.Detail : $"{basis.Detail} (peso {weight.ToString("0.##", CultureInfo.InvariantCulture)})";
        return new ScoreReason(factor, points, detail);
    }

    private static (int, string) SourcePoints(string source) => source switch
    {
        LeadSources.Referral => (25, "Referido por otra empresa de la red"),
        LeadSources.Quote => (20, "Pidió cotización de una publicación"),
        LeadSources.Webhook => (10, "Llegó por una integración (formulario o campaña)"),
        _ => (10, "Cargado a mano por el equipo"),
    };

    private static (int, string) BudgetPoints(ScoreInputs inputs)
    {
        if (inputs.Budget is not { } budget) return (0, "Sin presupuesto declarado");
        if (inputs.ListingPrice is not { } price || price <= 0) return (5, "Declaró un presupuesto");
        var ratio = budget / price;
        return ratio >= 1m ? (20, "El presupuesto cubre el precio de la publicación")
            : ratio >= 0.8m ? (10, "El presupuesto cubre al menos el 80 % del precio")
            : (0, "El presupuesto está por debajo del 80 % del precio");
    }

    private static (int, string) TimelinePoints(string? timeline) => timeline switch
    {
        LeadTimelines.Immediate => (20, "Quiere comprar ya"),
        LeadTimelines.Month => (15, "Quiere comprar este mes"),
        LeadTimelines.Quarter => (8, "Quiere comprar en 1 a 3 meses"),
        LeadTimelines.Later => (0, "Compraría más adelante"),
        _ => (0, "Sin plazo de compra declarado"),
    };

    private static (int, string) CompletenessPoints(ScoreInputs inputs) => (inputs.HasPhone, inputs.HasEmail) switch
    {
        (true, true) when inputs.HasName => (15, "Dejó nombre, teléfono y correo"),
        (true, true) => (12, "Dejó teléfono y correo"),
        (true, false) => (8, "Dejó solo teléfono"),
        (false, true) => (6, "Dejó solo correo"),
        _ => (0, "Sin datos de contacto"),
    };

    private static (int, string) EngagementPoints(ScoreInputs inputs)
    {
        var repeat = Math.Min(inputs.PreviousRequests, 2) * 10;
        var replies = Math.Min(inputs.Contacts, 3) * 5;
        if (repeat + replies == 0) return (0, "Primera solicitud, sin interacciones todavía");
        var parts = new List<string>();
        if (inputs.PreviousRequests > 0) parts.Add($"{inputs.PreviousRequests} solicitud(es) anterior(es)");
        if (inputs.Contacts > 0) parts.Add($"{inputs.Contacts} contacto(s) con el equipo");
        return (repeat + replies, "Interés repetido: " + string.Join(", ", parts));
    }
}
