using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Catalog;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// A valid body for each body type an endpoint reads, so a request reaches the handler (and its
/// tenant check) instead of stopping at validation. An endpoint whose body type is missing here
/// fails the cross-tenant tests until a sample is added.
/// </summary>
internal static class EndpointSamples
{
    private static readonly Dictionary<string, Func<JsonObject>> Bodies = new(StringComparer.Ordinal)
    {
        ["RegisterBody"] = () => JsonSerializer.SerializeToNode(TestAccounts.RegistrationBody())!.AsObject(),
        ["LoginBody"] = () => new() { ["email"] = "nadie@example.test", ["password"] = "una-clave-incorrecta" },
        ["RefreshTokenBody"] = () => new() { ["refreshToken"] = "no-es-un-token" },
        ["ForgotPasswordBody"] = () => new() { ["email"] = "nadie@example.test" },
        ["ResetPasswordBody"] = () => new() { ["token"] = "no-es-un-token", ["newPassword"] = "una-clave-nueva-123" },
        ["TenantSettingsBody"] = () => new()
        {
            ["name"] = "Automotores Cambiados", ["country"] = "CO", ["timeZone"] = "America/Bogota", ["currency"] = "COP", ["industry"] = "dealership",
        },
        ["PlanBody"] = () => new() { ["plan"] = "pro" },
        ["ReasonBody"] = () => new() { ["reason"] = "cierre temporal" },
        ["InviteBody"] = () => new() { ["email"] = TestAccounts.NewEmail(), ["role"] = "sales" },
        ["AcceptBody"] = () => new() { ["token"] = "no-es-un-token", ["displayName"] = "Invitada", ["password"] = "una-clave-nueva-123" },
        ["RoleBody"] = () => new() { ["role"] = "viewer" },
        ["SkipBody"] = () => new() { ["position"] = 1, ["reason"] = "evento dañado" },
        ["CreateListing"] = () => ListingSamples.Vehicle(),
        ["ListingContentBody"] = () => ListingSamples.Vehicle(),
        ["PriceBody"] = () => new() { ["amount"] = 123_456_000, ["currency"] = "COP" },
        ["StatusBody"] = () => new() { ["status"] = "published" },
        ["QuoteBody"] = () => new()
        {
            ["name"] = "Comprador de Prueba", ["phone"] = "+57 300 555 1234", ["email"] = "comprador@example.test",
            ["message"] = "¿Sigue disponible?", ["consent"] = true,
        },
        ["ReferenceListBody"] = () => new() { ["items"] = new JsonArray(new JsonObject { ["value"] = "Toyota", ["label"] = "Toyota" }) },
        ["SynonymsBody"] = () => new() { ["groups"] = new JsonArray(new JsonArray("auto", "carro", "coche"), new JsonArray("4x4", "todoterreno")) },
        ["NetworkBody"] = () => new() { ["member"] = true },
        ["RegisterDeviceBody"] = () => Devices.DeviceSamples.Fridge(),
        ["RevokeDeviceBody"] = () => new() { ["reason"] = "dado de baja" },
        ["ForgetSubjectBody"] = () => new() { ["reason"] = "solicitud de supresión del titular" },
        ["TelemetryBody"] = () => JsonNode.Parse(Devices.DeviceSamples.Payload(1, 1))!.AsObject(),
        ["RuleBody"] = Devices.DeviceRuleTests.Band,
        ["AcknowledgeBody"] = () => new() { ["note"] = "Reviso el compresor" },
        ["CustomerBody"] = () => Customers.CustomerRequests.Body(),
        ["CustomFieldBody"] = () => new() { ["key"] = "presupuesto", ["label"] = "Presupuesto", ["type"] = "number", ["required"] = false, ["position"] = 1 },
        ["InteractionBody"] = () => new() { ["kind"] = "call", ["outcome"] = "interested", ["notes"] = "Llamar el lunes", ["followUpOn"] = "2026-12-01" },
        ["IFormFile"] = () => new() { ["file"] = "no-es-un-archivo" },
        ["CustomFieldSettingsBody"] = () => new() { ["label"] = "Presupuesto máximo", ["required"] = false, ["position"] = 2 },
        ["LeadBody"] = () => Leads.LeadRequests.Body(),
        ["AssignLeadBody"] = () => new() { ["roundRobin"] = true },
        ["ContactLeadBody"] = () => new() { ["channel"] = "call", ["notes"] = "Primer llamado" },
        ["DisqualifyLeadBody"] = () => new() { ["reason"] = "Número equivocado" },
        ["ScoringWeightsBody"] = () => new() { ["weights"] = new JsonObject { ["budget"] = 2, ["timeline"] = 1.5 } },
        ["ReferralBody"] = () => new() { ["tenantSlug"] = "automotores-del-sur", ["commissionPercent"] = 10 },
        ["ReferralOutcomeBody"] = () => new() { ["outcome"] = "won", ["amount"] = 95_000_000 },
        ["WebhookLeadBody"] = () => JsonNode.Parse(Leads.WebhookRequests.Body())!.AsObject(),
        ["TargetBody"] = () => new() { ["amount"] = 250_000_000, ["currency"] = "COP" },
    };

    /// <summary>The sample body of <paramref name="endpoint"/>, or null when it reads none.</summary>
    public static JsonObject? BodyFor(ApiEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.BodyType is null) return null;
        return Bodies.TryGetValue(endpoint.BodyType.Name, out var sample) || Pipeline.PipelineSamples.Bodies.TryGetValue(endpoint.BodyType.Name, out sample)
            ? sample()
            : throw new InvalidOperationException($"{endpoint} reads a {endpoint.BodyType.Name}: add a valid sample of it to {nameof(EndpointSamples)}.");
    }
}
