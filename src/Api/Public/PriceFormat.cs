using System.Globalization;

namespace Platform.Api.Public;

/// <summary>
/// Prices as buyers in each currency's country write them: "$182.000.000" in Colombia,
/// "$1,250,000" in Mexico, "S/ 45,900" in Peru. The host runs with invariant globalization, so the
/// conventions live here rather than in ICU's cultures.
/// </summary>
internal static class PriceFormat
{
    private sealed record Convention(string Symbol, string Group, string Decimal, bool Cents);

    private static readonly Convention Dot = new("$", ".", ",", true);
    private static readonly Convention Comma = new("$", ",", ".", true);

    private static readonly Dictionary<string, Convention> Conventions = new(StringComparer.Ordinal)
    {
        ["COP"] = Dot with { Cents = false },
        ["CLP"] = Dot with { Cents = false },
        ["PYG"] = Dot with { Symbol = "₲", Cents = false },
        ["ARS"] = Dot,
        ["UYU"] = Dot with { Symbol = "$U" },
        ["BRL"] = Dot with { Symbol = "R$" },
        ["EUR"] = Dot with { Symbol = "€" },
        ["CRC"] = Dot with { Symbol = "₡" },
        ["VES"] = Dot with { Symbol = "Bs." },
        ["BOB"] = Dot with { Symbol = "Bs" },
        ["MXN"] = Comma,
        ["USD"] = Comma with { Symbol = "US$" },
        ["PEN"] = Comma with { Symbol = "S/" },
        ["GTQ"] = Comma with { Symbol = "Q" },
        ["DOP"] = Comma with { Symbol = "RD$" },
        ["HNL"] = Comma with { Symbol = "L" },
        ["NIO"] = Comma with { Symbol = "C$" },
        ["PAB"] = Comma with { Symbol = "B/." },
    };

    public static string Format(decimal amount, string currency)
    {
        var known = Conventions.TryGetValue(currency.ToUpperInvariant(), out var convention);
        convention ??= Comma;
        var cents = convention.Cents && decimal.Truncate(amount) != amount;
        var format = new NumberFormatInfo { NumberGroupSeparator = convention.Group, NumberDecimalSeparator = convention.Decimal, NegativeSign = "-" };
        var number = Math.Round(amount, cents ? 2 : 0, MidpointRounding.AwayFromZero).ToString(cents ? "N2" : "N0", format);
        if (!known) return $"{number} {currency.ToUpperInvariant()}";
        var symbol = convention.Symbol;
        return char.IsLetter(symbol[^1]) || symbol[^1] is '/' or '.' ? $"{symbol} {number}" : symbol + number;
    }

    /// <summary>Kilometres with the group separator of the currency's country, for "48.000 km".</summary>
    public static string Kilometres(int km, string currency)
    {
        var group = Conventions.TryGetValue(currency.ToUpperInvariant(), out var convention) ? convention.Group : ".";
        return km.ToString("N0", new NumberFormatInfo { NumberGroupSeparator = group }) + " km";
    }

    /// <summary>Search totals: exact below the cap, "1000+" past it.</summary>
    public static string Total(long count, bool capped) =>
        capped ? count.ToString(CultureInfo.InvariantCulture) + "+" : count.ToString(CultureInfo.InvariantCulture);
}
