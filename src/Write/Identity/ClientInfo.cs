namespace Platform.Write.Identity;

/// <summary>Where a sign-in came from, as the sessions list shows it. Taken from the connection, never from a body.</summary>
public sealed record ClientInfo(string? Address, string? UserAgent)
{
    public const int MaxAddressLength = 64;
    public const int MaxUserAgentLength = 512;

    public static ClientInfo Of(string? address, string? userAgent) =>
        new(Cap(address, MaxAddressLength), Cap(userAgent, MaxUserAgentLength));

    private static string? Cap(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= length ? value : value[..length];
}
