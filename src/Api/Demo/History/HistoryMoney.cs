namespace Platform.Api.Demo.History;

/// <summary>Vehicle-sized amounts in the tenant's currency, rounded as dealers round.</summary>
internal static class HistoryMoney
{
    public static decimal Value(string currency, Random random)
    {
        var value = (decimal)(8_000 + random.NextDouble() * 52_000) * DemoVehicles.DollarsIn(currency);
        var step = value >= 10_000_000m ? 100_000m : value >= 100_000m ? 1_000m : 100m;
        return Math.Max(step, Math.Round(value / step) * step);
    }

    /// <summary>A sale closes near the asked value: a discount of up to 8 %.</summary>
    public static decimal Closed(decimal value, Random random)
    {
        var closed = value * (decimal)(0.92 + random.NextDouble() * 0.08);
        var step = value >= 10_000_000m ? 100_000m : value >= 100_000m ? 1_000m : 100m;
        return Math.Max(step, Math.Round(closed / step) * step);
    }
}
