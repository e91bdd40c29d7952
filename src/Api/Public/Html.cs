using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Api.Public;

/// <summary>HTML that is already safe to send: made by <see cref="Html.Of"/>, or a constant of ours.</summary>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Pages are written as interpolated strings whose holes are escaped unless they hold
/// <see cref="Markup"/>: forgetting to escape a listing's title is not possible.
/// </summary>
internal static class Html
{
    public static Markup Of(MarkupHandler markup) => new(markup.ToStringAndClear());

    /// <summary>
    /// Escapes the five characters HTML gives meaning to in text and in quoted attributes; every
    /// other character (accents, "+", "ñ") stays as written, so the page source reads as the page.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0) return text ?? "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup When(bool condition, Func<Markup> markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return condition ? markup() : Markup.Empty;
    }

    /// <summary>An image address a page may show: absolute http(s) only, so no javascript: or data: reaches an attribute.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

[InterpolatedStringHandler]
internal ref struct MarkupHandler(int literalLength, int formattedCount)
{
    private readonly StringBuilder builder = new(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Markup markup) => builder.Append(markup.Value);

    public readonly void AppendFormatted(string? text) => builder.Append(Html.Encode(text));

    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Markup markup: builder.Append(markup.Value); break;
            case IEnumerable<Markup> parts: foreach (var part in parts) builder.Append(part.Value); break;
            case IFormattable formattable: builder.Append(Html.Encode(formattable.ToString(null, CultureInfo.InvariantCulture))); break;
            default: builder.Append(Html.Encode(value?.ToString())); break;
        }
    }

    public readonly void AppendFormatted<T>(T value, string format) where T : IFormattable =>
        builder.Append(Html.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    public readonly string ToStringAndClear()
    {
        var text = builder.ToString();
        builder.Clear();
        return text;
    }
}
