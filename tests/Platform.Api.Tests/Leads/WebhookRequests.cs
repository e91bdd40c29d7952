using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Platform.Write.Leads;

namespace Platform.Api.Tests.Leads;

/// <summary>Deliveries as a tenant's integration sends them: the raw body signed with the tenant's secret.</summary>
internal static class WebhookRequests
{
    public static string Body(string phone = "300 555 9876", string? email = null) =>
        $$"""{"name":"Mario Gómez","phone":"{{phone}}","email":"{{email ?? $"webhook-{Guid.NewGuid():N}@example.test"}}","campaign":"facebook-marzo","timeline":"immediate"}""";

    public static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static HttpRequestMessage Signed(string slug, string secret, string body, string? delivery = null, DateTimeOffset? at = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var stamp = Stamp(at ?? DateTimeOffset.UtcNow);
        return Request(slug, bytes, WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), stamp, bytes), stamp, delivery);
    }

    public static HttpRequestMessage Request(string slug, byte[] body, string? signature, string? stamp, string? delivery = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/leads/{slug}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        if (stamp is not null) request.Headers.TryAddWithoutValidation("X-Webhook-Timestamp", stamp);
        if (delivery is not null) request.Headers.TryAddWithoutValidation("X-Webhook-Delivery", delivery);
        return request;
    }
}
