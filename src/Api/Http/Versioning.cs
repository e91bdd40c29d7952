using System.Globalization;
using Microsoft.Net.Http.Headers;
using Platform.Write.EventStore;

namespace Platform.Api.Http;

/// <summary>ETag is the stream version; If-Match is the version the client expects to change.</summary>
public static class Versioning
{
    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETagOf(version);
    }

    /// <summary>The expected version from If-Match, or <paramref name="fallback"/> when the client sent none.</summary>
    public static ExpectedVersion ExpectedFromIfMatch(this HttpRequest request, ExpectedVersion fallback)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return fallback;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak
            || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new FluentValidation.ValidationException(
                [new FluentValidation.Results.ValidationFailure("If-Match", "Debe ser el ETag que devolvió la lectura, por ejemplo \"3\".")]);
        }
        return ExpectedVersion.Exact(version);
    }
}
