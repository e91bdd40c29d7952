namespace Platform.Write.Customers;

/// <summary>
/// How one country writes its phone numbers: its calling code, the lengths of its national
/// significant numbers, and how a number dialled at home becomes one (trunk prefixes, old formats).
/// </summary>
internal sealed record PhoneCountry(string CallingCode, int[] Lengths, Func<string, string?>? National = null)
{
    /// <summary>The national significant number of digits dialled inside the country, or null.</summary>
    public string? Significant(string digits)
    {
        var national = National is null ? StripTrunkZero(digits) : National(digits);
        return national is not null && Lengths.Contains(national.Length) ? national : null;
    }

    private string StripTrunkZero(string digits) =>
        digits.StartsWith('0') && Lengths.Contains(digits.Length - 1) ? digits[1..] : digits;
}

/// <summary>The countries whose national formats we understand; others need the number with its +code.</summary>
internal static class PhoneCountries
{
    private static readonly PhoneCountry Nanp = new("1", [10], NanpNational);

    public static readonly IReadOnlyDictionary<string, PhoneCountry> ByIso = new Dictionary<string, PhoneCountry>(StringComparer.Ordinal)
    {
        ["MX"] = new("52", [10], MexicoNational),
        ["AR"] = new("54", [10, 11], ArgentinaNational),
        ["CO"] = new("57", [10], ColombiaNational),
        ["US"] = Nanp, ["CA"] = Nanp, ["DO"] = Nanp, ["PR"] = Nanp,
        ["ES"] = new("34", [9]),
        ["BR"] = new("55", [10, 11], BrazilNational),
        ["CL"] = new("56", [9]),
        ["PE"] = new("51", [8, 9]),
        ["EC"] = new("593", [8, 9]),
        ["VE"] = new("58", [10]),
        ["UY"] = new("598", [8]),
        ["PY"] = new("595", [7, 8, 9]),
        ["BO"] = new("591", [8]),
        ["GT"] = new("502", [8]),
        ["SV"] = new("503", [8]),
        ["HN"] = new("504", [8]),
        ["NI"] = new("505", [8]),
        ["CR"] = new("506", [8]),
        ["PA"] = new("507", [7, 8]),
        ["CU"] = new("53", [8]),
    };

    /// <summary>The country of a calling code, for numbers written with a +code.</summary>
    public static PhoneCountry? ByCallingCode(string digits) =>
        ByIso.Values.Where(c => digits.StartsWith(c.CallingCode, StringComparison.Ordinal)).MaxBy(c => c.CallingCode.Length);

    private static string? NanpNational(string digits) =>
        digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits.Length == 10 && digits[0] is not ('0' or '1') ? digits : null;

    // Since 2019 every Mexican number is 10 digits; people still write the old 044/045 (mobile),
    // 01 (long distance) and +52 1 (mobile from abroad) prefixes.
    private static string MexicoNational(string digits) => digits switch
    {
        { Length: 13 } when digits.StartsWith("044", StringComparison.Ordinal) || digits.StartsWith("045", StringComparison.Ordinal) => digits[3..],
        { Length: 12 } when digits.StartsWith("01", StringComparison.Ordinal) => digits[2..],
        { Length: 11 } when digits[0] == '1' => digits[1..],
        _ => digits,
    };

    // Mobiles are dialled at home as 0 + area + 15 + subscriber and abroad as +54 9 + area + subscriber.
    private static string ArgentinaNational(string digits)
    {
        var national = digits.StartsWith('0') ? digits[1..] : digits;
        if (national.Length == 12)
        {
            foreach (var area in (int[])[2, 3, 4])
            {
                if (national.Substring(area, 2) == "15") return "9" + national[..area] + national[(area + 2)..];
            }
        }
        return national.Length == 11 && national[0] != '9' ? "" : national;
    }

    // Landlines became 60 + area + number in 2021; the old forms were (area) + 7 digits, dialled
    // 0 + carrier + area + number from another city, and 03 before a mobile from a landline.
    private static string ColombiaNational(string digits) => digits switch
    {
        { Length: 8 } when digits[0] is >= '1' and <= '8' => "60" + digits,
        { Length: 10 } when digits[0] == '0' && digits[2] is >= '1' and <= '8' => "60" + digits[2..],
        { Length: 12 } when digits.StartsWith("03", StringComparison.Ordinal) && digits[2] == '3' => digits[2..],
        { Length: 10 } when digits[0] == '3' || digits.StartsWith("60", StringComparison.Ordinal) => digits,
        _ => "",
    };

    // Long distance is 0 + a two-digit carrier + area + number.
    private static string BrazilNational(string digits) => digits switch
    {
        { Length: 13 or 14 } when digits[0] == '0' => digits[3..],
        { Length: 11 or 12 } when digits[0] == '0' => digits[1..],
        _ => digits,
    };
}
