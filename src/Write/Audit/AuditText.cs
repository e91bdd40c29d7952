using System.Text;

namespace Platform.Write.Audit;

/// <summary>Which strings can name something in the store: PostgreSQL text holds no NUL and only valid UTF-16 (no lone surrogates).</summary>
public static class AuditText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsStorable(string? value)
    {
        if (value is null) return true;
        if (value.Contains('\0', StringComparison.Ordinal)) return false;
        try
        {
            Strict.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A stream id that no append could have stored (see the store's validator): no such stream, 404.</summary>
    public static bool CanBeStreamId(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 200 && IsStorable(value) && !value.Any(char.IsControl);
}
