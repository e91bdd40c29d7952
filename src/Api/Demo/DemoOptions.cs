namespace Platform.Api.Demo;

/// <summary>Platform:Demo. The owner's password comes from configuration (run.sh keeps one under .data/), never from the repository.</summary>
internal sealed record DemoOptions
{
    public bool Seed { get; init; }
    public string Slug { get; init; } = "demo";
    public string Name { get; init; } = "Autos Demo";
    public string OwnerEmail { get; init; } = "dueno@autos-demo.test";
    public string? OwnerPassword { get; init; }
    public int Listings { get; init; } = 300;
    public string Country { get; init; } = "CO";
    public string Currency { get; init; } = "COP";
    public string TimeZone { get; init; } = "America/Bogota";

    /// <summary>Platform:Demo:Devices: the demo devices publish readings to the broker (run.sh turns it on).</summary>
    public bool Devices { get; init; }

    public TimeSpan DeviceInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Platform:Demo:HistoryMonths: months of sales history before the sign-up, seeded once (0, the default: none; run.sh asks for 12).</summary>
    public int HistoryMonths { get; init; }

    /// <summary>Leads on an average weekday of that history.</summary>
    public double HistoryLeadsPerDay { get; init; } = 14;
}
