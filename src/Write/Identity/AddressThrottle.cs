using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Write.Identity;

/// <summary>
/// Failed sign-ins per client address, in this instance's memory: a guessing run from one address
/// is stopped without a database write per attempt. (The per-account limit is the shared one.)
/// </summary>
public sealed class AddressThrottle(IOptions<AuthSettings> settings, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>How long the address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string? address)
    {
        if (!windows.TryGetValue(Key(address), out var window)) return null;
        var left = window.Start + settings.Value.LoginAttemptWindow - time.GetUtcNow();
        return left > TimeSpan.Zero && window.Failures >= settings.Value.LoginAttemptsPerAddress ? left : null;
    }

    public void Failed(string? address)
    {
        var now = time.GetUtcNow();
        var length = settings.Value.LoginAttemptWindow;
        windows.AddOrUpdate(Key(address), _ => new Window(now, 1),
            (_, w) => now - w.Start >= length ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
        if (windows.Count > SweepAbove)
        {
            foreach (var (key, window) in windows)
                if (now - window.Start >= length) windows.TryRemove(key, out _);
        }
    }

    private static string Key(string? address) => address ?? "unknown";

    private readonly record struct Window(DateTimeOffset Start, int Failures);
}
