namespace Platform.Api.Demo.History;

/// <summary>When things happen in the tenant's zone: leads arrive in waking hours, salespeople answer in working hours.</summary>
internal static class HistoryClock
{
    // Busier on weekdays, quieter on Saturday, little on Sunday (Sunday first, as DayOfWeek counts).
    private static readonly double[] Weekday = [0.35, 1.15, 1.1, 1.05, 1.05, 1.0, 0.75];

    public static double DayWeight(DateOnly day) => Weekday[(int)day.DayOfWeek];

    /// <summary>A lead's arrival on a local day: mostly between 7:00 and 22:00, peaking around noon and the evening.</summary>
    public static DateTimeOffset Arrival(TimeZoneInfo zone, DateOnly day, Random random)
    {
        var hour = random.NextDouble() < 0.9 ? 7 + random.NextDouble() * 15 : random.NextDouble() * 24;
        return Utc(zone, day.ToDateTime(TimeOnly.MinValue).AddHours(hour));
    }

    /// <summary>
    /// The first answer to a lead that arrived at <paramref name="arrival"/>: outside working hours (8:00 to 19:00,
    /// Monday to Saturday) it waits for the next morning; then a log-normal delay, longer for a slower <paramref name="speed"/>.
    /// </summary>
    public static DateTimeOffset Response(TimeZoneInfo zone, DateTimeOffset arrival, double speed, Random random)
    {
        var local = TimeZoneInfo.ConvertTime(arrival, zone).DateTime;
        var start = local;
        while (start.DayOfWeek == DayOfWeek.Sunday || start.Hour < 8 || start.Hour >= 19)
            start = start.Hour >= 19 || start.DayOfWeek == DayOfWeek.Sunday ? start.Date.AddDays(1).AddHours(8) : start.Date.AddHours(8);
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var minutes = Math.Clamp(Math.Exp(Math.Log(25 * speed) + 1.1 * gaussian), 0.5, 3 * 24 * 60);
        var answered = Utc(zone, start.AddMinutes(random.NextDouble() * 40)).AddMinutes(minutes);
        return new DateTimeOffset(answered.UtcTicks - answered.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public static DateOnly Day(TimeZoneInfo zone, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset Utc(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
